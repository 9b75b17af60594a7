"""CL7019 access-to-create-pods: a RoleBinding or ClusterRoleBinding whose role lets its subjects
create pods or pod-creating workloads (CIS 5.1.4)."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.consistency._graph import access_findings
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7019",
    name="access-to-create-pods",
    summary="A role binding grants create access to pods or pod-creating workloads",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "cross-object", "rbac"),
    aliases=("kube-linter:access-to-create-pods",),
    default_enabled=False,
    options={
        "resources": [
            "^pods$",
            "^deployments$",
            "^statefulsets$",
            "^replicasets$",
            "^cronjobs?$",
            "^jobs$",
            "^daemonsets$",
        ],
        "verbs": ["^create$"],
        "flag-roles-not-found": False,
    },
)


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    return access_findings(project, ctx, "create access to pods")
