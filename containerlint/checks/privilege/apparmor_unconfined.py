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
    unconfined_profiles,
    unconfined_security_opts,
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
        for kind, setter in unconfined_profiles(obj, "appArmorProfile"):
            yield Problem(kind.span, f"{setter}, which {_what(kind.value)}", hint=HINT_KUBERNETES)
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
    for project, service, option in unconfined_security_opts(index, ctx, "apparmor"):
        yield project.problem(
            option.node,
            f"service '{service.name}' runs without AppArmor confinement ('{option.node.value}')",
            hint="remove 'apparmor:unconfined' (Docker's default profile applies), or name a loaded profile",
        )
