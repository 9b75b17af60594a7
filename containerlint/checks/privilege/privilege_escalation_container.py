"""CL2031 privilege-escalation-container: a process in the container can gain more privileges than
its parent. Kubernetes, as kube-linter: ``allowPrivilegeEscalation: true``, else ``privileged: true``,
else an added ``SYS_ADMIN`` capability (one finding per container, the first that applies). Compose:
``security_opt: [no-new-privileges:false]``, which turns the protection off explicitly.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._support import (
    added_capabilities,
    compose_services,
    container_setting,
    kube_true,
)
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import Container, KubeObject, KubernetesFile

RULE = Rule(
    code="CL2031",
    name="privilege-escalation-container",
    summary="A container lets its processes gain more privileges than their parent (setuid, file capabilities)",
    severity=Severity.WARNING,
    aliases=("kube-linter:privilege-escalation-container", "checkov:CKV_K8S_20"),
    tags=("security", "kubernetes", "compose", "pss-restricted"),
)

HINT = "set 'allowPrivilegeEscalation: false' in the container's securityContext"


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for container in obj.containers:
            problem = _container_problem(obj, container)
            if problem is not None:
                yield problem


def _container_problem(obj: KubeObject, container: Container) -> Problem | None:
    label = container.label(obj)
    value = container_setting(container, "allowPrivilegeEscalation")
    if kube_true(value):
        return Problem(value.span, f"{label} sets allowPrivilegeEscalation: true", hint=HINT)
    value = container_setting(container, "privileged")
    if kube_true(value):
        return Problem(
            value.span,
            f"{label} is privileged, which always allows privilege escalation",
            hint="remove 'privileged: true' and set 'allowPrivilegeEscalation: false'",
        )
    for capability in added_capabilities(container):
        if capability.value.strip().upper() in ("SYS_ADMIN", "CAP_SYS_ADMIN"):
            return Problem(
                capability.span,
                f"{label} adds the SYS_ADMIN capability, which allows privilege escalation",
                hint="drop SYS_ADMIN from capabilities.add and set 'allowPrivilegeEscalation: false'",
            )
    return None


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project, service in compose_services(index, ctx):
        for option in service.security_opt:
            if option.key == "no-new-privileges" and (option.value or "").lower() == "false":
                yield project.problem(
                    option.node,
                    f"service '{service.name}' turns no-new-privileges off, so setuid binaries can raise privileges",
                    hint="remove the entry, or write 'no-new-privileges:true'",
                )
