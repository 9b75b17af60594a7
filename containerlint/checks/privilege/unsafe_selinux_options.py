"""CL2056 unsafe-selinux-options: SELinux separation weakened -- Kubernetes ``seLinuxOptions``
(pod or container) with a ``type`` outside the Pod Security baseline set or any ``user``/``role``;
Compose ``security_opt`` ``label:disable``, ``label:type:<other type>``, ``label:user:`` or
``label:role:``. The Pod Security Standards baseline control "SELinux".

The allowed types are container_t, container_init_t and container_kvm_t, plus container_engine_t
from Kubernetes 1.31 (the configured ``[kubernetes] version``; unset means the newest).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import (
    compose_services,
    known,
    own_setting,
    pod_setting,
    version_at_least,
)
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping, Scalar

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import KubernetesFile
    from containerlint.syntax.yamlnodes import Node

RULE = Rule(
    code="CL2056",
    name="unsafe-selinux-options",
    summary="SELinux labeling is disabled, or set to a type, user or role outside the Pod Security baseline",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "compose", "selinux", "pss-baseline", "pss-restricted"),
)

BASE_TYPES = ("container_t", "container_init_t", "container_kvm_t")


def allowed_types(ctx: Context) -> tuple[str, ...]:
    return (*BASE_TYPES, "container_engine_t") if version_at_least(ctx, 1, 31) else BASE_TYPES


def _problems(options: Node | None, owner: str, allowed: tuple[str, ...]) -> Iterator[Problem]:
    if not isinstance(options, Mapping):
        return
    kind = options.get("type")
    if isinstance(kind, Scalar) and not kind.is_null and kind.value and kind.value not in allowed:
        yield Problem(
            kind.span,
            f"{owner} sets SELinux type '{kind.value}', outside the allowed {', '.join(allowed)}",
            hint="remove seLinuxOptions.type (the runtime assigns container_t), or use an allowed type",
        )
    for field in ("user", "role"):
        pair = options.pair(field)
        value = pair.value if pair is not None else None
        if pair is not None and isinstance(value, Scalar) and not value.is_null and value.value:
            yield Problem(
                pair.key.span,
                f"{owner} sets a custom SELinux {field} '{value.value}'",
                hint=f"remove seLinuxOptions.{field}",
            )


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    allowed = allowed_types(ctx)
    for obj in manifests.objects:
        yield from _problems(pod_setting(obj, "seLinuxOptions"), f"{obj.describe()} (pod securityContext)", allowed)
        for container in obj.containers:
            yield from _problems(own_setting(container, "seLinuxOptions"), container.label(obj), allowed)


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    allowed = allowed_types(ctx)
    for project, service in compose_services(index, ctx):
        for option in service.security_opt:
            value = known(option.value) if option.value is not None else None
            if option.key != "label" or value is None:
                continue
            field, _, setting = value.strip().partition(":")
            field = field.lower()
            message = None
            if field == "disable":
                message = f"service '{service.name}' disables SELinux labeling ('{option.node.value}')"
            elif field == "type" and setting not in allowed:
                message = (
                    f"service '{service.name}' sets SELinux type '{setting}', outside the allowed {', '.join(allowed)}"
                )
            elif field in ("user", "role") and setting:
                message = f"service '{service.name}' sets a custom SELinux {field} '{setting}'"
            if message:
                yield project.problem(option.node, message, hint="remove this security_opt entry")
