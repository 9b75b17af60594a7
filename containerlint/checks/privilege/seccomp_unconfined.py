"""CL2053 seccomp-unconfined: a seccomp profile other than RuntimeDefault/Localhost is set
(Kubernetes ``seccompProfile.type`` at pod or container level, or the legacy seccomp annotations),
or a Compose service runs with ``security_opt: [seccomp:unconfined]``.

The Pod Security Standards baseline control "Seccomp". A profile that is merely unset is not this
rule's business (the runtime may still apply its default); the restricted profile's requirement
to set one is CL2054.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import (
    SECCOMP_CONTAINER_ANNOTATION,
    SECCOMP_POD_ANNOTATION,
    unconfined_profiles,
    unconfined_security_opts,
)
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2053",
    name="seccomp-unconfined",
    summary="A container or service runs with seccomp disabled (Unconfined profile)",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "compose", "seccomp", "pss-baseline", "pss-restricted"),
)

HINT_KUBERNETES = "use seccompProfile.type: RuntimeDefault (or a Localhost profile)"
HINT_COMPOSE = "remove 'seccomp:unconfined' (Docker's default profile applies), or give a custom profile file"


def _annotation_allowed(value: str) -> bool:
    return value in ("runtime/default", "docker/default") or value.startswith("localhost/")


def _what(value: str) -> str:
    return "turns seccomp off" if value.lower() == "unconfined" else "is not RuntimeDefault or Localhost"


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for kind, setter in unconfined_profiles(obj, "seccompProfile"):
            yield Problem(kind.span, f"{setter}, which {_what(kind.value)}", hint=HINT_KUBERNETES)
        names = {container.name for container in obj.containers}
        annotations = obj.pod_template_annotations
        for key, value in annotations.items():
            container_name = key.removeprefix(SECCOMP_CONTAINER_ANNOTATION)
            applies = key == SECCOMP_POD_ANNOTATION or (key != container_name and container_name in names)
            text = "" if value.is_null else value.value
            if applies and not _annotation_allowed(text):
                yield Problem(
                    value.span if not value.is_null else annotations.key_nodes[key].span,
                    f"{obj.describe()} annotation '{key}: {text}' {_what(text)}",
                    hint="remove the deprecated annotation and set seccompProfile.type: RuntimeDefault",
                )


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project, service, option in unconfined_security_opts(index, ctx, "seccomp"):
        yield project.problem(
            option.node,
            f"service '{service.name}' runs without a seccomp profile ('{option.node.value}')",
            hint=HINT_COMPOSE,
        )
