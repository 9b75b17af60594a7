"""CL7022 wildcard-in-rules: a Role or ClusterRole rule with ``*`` in its verbs or resources (CIS
5.1.3): it grants whatever the API adds later, CRDs included."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.kubegraph import mappings, scalars
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL7022",
    name="wildcard-in-rules",
    summary="A Role or ClusterRole rule uses the wildcard * in verbs or resources",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "rbac"),
    aliases=("kube-linter:wildcard-in-rules", "checkov:CKV_K8S_49"),
    default_enabled=False,
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for role in manifests.of_kind("Role", "ClusterRole"):
        for rule in mappings(role.node.get("rules")):
            for field, what in (("resources", "resource"), ("verbs", "verb")):
                for item in scalars(rule.get(field)):
                    if item.value == "*":
                        yield Problem(
                            item.span,
                            f"{role.describe()} grants the wildcard '*' as a {what}",
                            hint=f"list the {field} the role needs instead of '*'",
                        )
