"""CL7020 access-to-secrets: a RoleBinding or ClusterRoleBinding whose role lets its subjects
read or change Secrets (CIS 5.1.2)."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.consistency._graph import access_findings
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7020",
    name="access-to-secrets",
    summary="A role binding grants access to Secrets",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "cross-object", "rbac"),
    aliases=("kube-linter:access-to-secrets", "checkov:CKV2_K8S_5"),
    default_enabled=False,
    options={
        "resources": ["^secrets$"],
        "verbs": ["^get$", "^list$", "^delete$", "^create$", "^watch$"],
        "flag-roles-not-found": False,
    },
)


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    return access_findings(project, ctx, "access to secrets")
