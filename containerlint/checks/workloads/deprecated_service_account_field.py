"""CL4314 deprecated-service-account-field: a pod spec sets the deprecated ``serviceAccount`` field
(kube-linter deprecated-service-account-field)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4314",
    name="deprecated-service-account-field",
    summary="A pod spec uses the deprecated serviceAccount field",
    severity=Severity.WARNING,
    aliases=("kube-linter:deprecated-service-account-field",),
    tags=("kubernetes", "workloads", "deprecated"),
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        spec = obj.pod_spec if obj.is_workload else None
        if spec is None:
            continue
        deprecated = spec.get_scalar("serviceAccount")
        name = spec.get_str("serviceAccountName") or ""
        if deprecated is None or not deprecated.value or deprecated.value == name:
            continue
        if not name:
            message = (
                f"{obj.describe()} sets serviceAccount '{deprecated.value}', a deprecated field; "
                "use serviceAccountName instead"
            )
        else:
            message = (
                f"{obj.describe()} sets serviceAccount '{deprecated.value}' and serviceAccountName '{name}' to "
                "different values; serviceAccount is deprecated"
            )
        yield Problem(
            deprecated.span,
            message,
            hint="replace serviceAccount with serviceAccountName (or make both name the same account)",
        )
