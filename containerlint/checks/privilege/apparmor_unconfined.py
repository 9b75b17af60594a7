"""CL2055 apparmor-unconfined: an AppArmor profile other than RuntimeDefault/Localhost is set
(Kubernetes ``appArmorProfile.type`` at pod or container level, or the beta annotation
``container.apparmor.security.beta.kubernetes.io/<container>``), or a Compose service runs with
``security_opt: [apparmor:unconfined]``. The Pod Security Standards baseline control "AppArmor".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import (
    APPARMOR_CONTAINER_ANNOTATION,
    CONFINED_PROFILE_TYPES,
    compose_services,
    known,
    own_setting,
    pod_setting,
    profile_type,
)
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2055",
    name="apparmor-unconfined",
    summary="A container or service runs without AppArmor confinement (unconfined profile)",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "compose", "apparmor", "pss-baseline", "pss-restricted"),
)

HINT_KUBERNETES = "use appArmorProfile.type: RuntimeDefault (or a Localhost profile), or leave it unset"


def _what(value: str) -> str:
    return "turns AppArmor off" if value.lower() == "unconfined" else "is not RuntimeDefault or Localhost"


def _annotation_allowed(value: str) -> bool:
    return value in ("", "runtime/default") or value.startswith("localhost/")


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        pod_type = profile_type(pod_setting(obj, "appArmorProfile"))
        if pod_type is not None and pod_type.value not in CONFINED_PROFILE_TYPES:
            yield Problem(
                pod_type.span,
                f"{obj.describe()} sets appArmorProfile.type '{pod_type.value}' for its pod, "
                f"which {_what(pod_type.value)}",
                hint=HINT_KUBERNETES,
            )
        for container in obj.containers:
            own = profile_type(own_setting(container, "appArmorProfile"))
            if own is not None and own.value not in CONFINED_PROFILE_TYPES:
                yield Problem(
                    own.span,
                    f"{container.label(obj)} sets appArmorProfile.type '{own.value}', which {_what(own.value)}",
                    hint=HINT_KUBERNETES,
                )
        for key, value in obj.pod_template_annotations.items():
            if not key.startswith(APPARMOR_CONTAINER_ANNOTATION) or value.is_null:
                continue
            if not _annotation_allowed(value.value):
                yield Problem(
                    value.span,
                    f"{obj.describe()} annotation '{key}: {value.value}' {_what(value.value)}",
                    hint="set appArmorProfile.type: RuntimeDefault in the securityContext instead",
                )


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project, service in compose_services(index, ctx):
        for option in service.security_opt:
            value = known(option.value) if option.value is not None else None
            if option.key == "apparmor" and value is not None and value.strip().lower() == "unconfined":
                yield project.problem(
                    option.node,
                    f"service '{service.name}' runs without AppArmor confinement ('{option.node.value}')",
                    hint="remove 'apparmor:unconfined' (Docker's default profile applies), or name a loaded profile",
                )
