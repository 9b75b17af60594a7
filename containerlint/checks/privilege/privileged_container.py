"""CL2030 privileged-container: a container runs privileged (Kubernetes ``securityContext.privileged:
true``, Compose ``privileged: true``), with every capability and every host device.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._support import compose_services, compose_true, container_setting, kube_true
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2030",
    name="privileged-container",
    summary="A container runs privileged, with all capabilities and access to every host device",
    severity=Severity.ERROR,
    aliases=("kube-linter:privileged-container", "checkov:CKV_K8S_16"),
    tags=("security", "kubernetes", "compose", "pss-baseline", "pss-restricted"),
)

HINT = "grant only the capabilities the process needs instead"


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for container in obj.containers:
            value = container_setting(container, "privileged")
            if kube_true(value):
                yield Problem(
                    value.span,
                    f"{container.label(obj)} runs privileged (securityContext.privileged: true)",
                    hint=f"remove 'privileged: true'; {HINT} (securityContext.capabilities.add)",
                )


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project, service in compose_services(index, ctx):
        value = service.get("privileged")
        if compose_true(value):
            yield project.problem(
                value,
                f"service '{service.name}' runs privileged (privileged: true)",
                hint=f"remove 'privileged: true'; {HINT} (cap_add)",
            )
        build = service.build.node if service.build is not None else None
        value = build.get("privileged") if isinstance(build, Mapping) else None
        if compose_true(value):
            yield project.problem(
                value,
                f"service '{service.name}' builds its image with privileged RUN steps (build.privileged: true)",
                hint="remove 'build.privileged'; build steps rarely need more than the default capabilities",
            )
