"""CL7021 cluster-admin-role-binding: a ClusterRoleBinding that binds the built-in cluster-admin
ClusterRole (CIS 5.1.1)."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.consistency._graph import role_ref
from containerlint.kubegraph import mappings
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL7021",
    name="cluster-admin-role-binding",
    summary="A ClusterRoleBinding grants the cluster-admin role",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "rbac"),
    aliases=("kube-linter:cluster-admin-role-binding",),
    default_enabled=False,
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for binding in manifests.of_kind("ClusterRoleBinding"):
        kind, name = role_ref(binding)
        if kind != "ClusterRole" or name is None or name.value != "cluster-admin":
            continue
        subjects = [
            f"{s.get_str('kind') or '?'} '{s.get_str('name') or '?'}'" for s in mappings(binding.node.get("subjects"))
        ]
        to = f" to {', '.join(subjects)}" if subjects else ""
        yield Problem(
            name.span,
            f"{binding.describe()} grants cluster-admin{to}: full control of the whole cluster",
            hint="bind a role with only the resources and verbs the subjects need",
        )
