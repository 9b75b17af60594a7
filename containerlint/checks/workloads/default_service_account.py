"""CL4315 default-service-account: a pod runs as the namespace's default service account with its
token mounted (kube-linter default-service-account)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import missing_anchor, pod_spec_path, string_matcher
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4315",
    name="default-service-account",
    summary="A pod uses the default service account",
    severity=Severity.WARNING,
    aliases=("kube-linter:default-service-account",),
    tags=("kubernetes", "workloads", "rbac"),
    default_enabled=False,
    options={"service-account": "^(|default)$"},
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    matches = string_matcher(str(ctx.options.get("service-account", "^(|default)$")))
    for obj in manifests.objects:
        spec = obj.pod_spec if obj.is_workload else None
        if spec is None:
            continue
        automount = spec.get_scalar("automountServiceAccountToken")
        if automount is not None and automount.as_bool() is False:
            continue  # no token in the pods: the account grants them nothing
        node = spec.get_scalar("serviceAccountName")
        if node is None or not node.value:
            node = spec.get_scalar("serviceAccount")
        account = node.value if node is not None else ""
        if not matches(account):
            continue
        shown = f"the service account '{account}'" if account else "no service account, so the namespace's default"
        yield Problem(
            node.span if node is not None else missing_anchor(obj, (*pod_spec_path(obj), "serviceAccountName")),
            f"{obj.describe()} runs with {shown}; every pod that does shares its permissions",
            hint="create a dedicated ServiceAccount and set serviceAccountName, or set "
            "automountServiceAccountToken: false when the pods need no API access",
        )
