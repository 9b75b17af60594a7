"""CL2059 run-as-non-root: a container that may run as root.

Kubernetes, kube-linter's semantics: the effective (container, else pod) ``runAsUser`` is 0 or
unset and the effective ``runAsNonRoot`` is not true; ``runAsNonRoot: true`` with ``runAsUser: 0``
(the kubelet refuses to start it); and, separately, an effective ``runAsGroup: 0``. A positive
``runAsUser`` passes. With the option ``strict``, ``runAsNonRoot: true`` is required as the Pod
Security Standards restricted control "Running as Non-root" does (pods with ``hostUsers: false``
are exempt there from Kubernetes 1.35).

Compose: a service whose ``user:`` is root explicitly (``root``, ``0``, ``0:0``, ``root:staff``).
A service without ``user:`` runs as whatever its image says, which is a Dockerfile question.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import (
    anchor,
    compose_services,
    effective_setting,
    in_user_namespace,
    known,
    version_at_least,
)
from containerlint.checks.privilege._users import is_root
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import Container, KubeObject, KubernetesFile
    from containerlint.syntax.yamlnodes import Node

RULE = Rule(
    code="CL2059",
    name="run-as-non-root",
    summary="A container may run as root: runAsNonRoot is not set and no non-root runAsUser is given",
    severity=Severity.WARNING,
    aliases=("kube-linter:run-as-non-root", "checkov:CKV_K8S_23"),
    tags=("security", "kubernetes", "compose", "users", "pss-restricted"),
    options={"strict": False},
)

HINT = "set runAsNonRoot: true and a non-zero runAsUser/runAsGroup in the pod or container securityContext"


def _int(node: Node | None) -> int | None:
    return node.as_int() if isinstance(node, Scalar) else None


def _bool(node: Node | None) -> bool | None:
    return node.as_bool() if isinstance(node, Scalar) else None


def container_problems(obj: KubeObject, container: Container, strict: bool) -> Iterator[Problem]:
    label = container.label(obj)
    group = effective_setting(obj, container, "runAsGroup")
    if group is not None and _int(group) == 0:
        yield Problem(group.span, f"{label} runs with runAsGroup 0 (the root group)", hint=HINT)
    user = effective_setting(obj, container, "runAsUser")
    uid = _int(user)
    if uid is not None and uid > 0 and not strict:
        return
    non_root = effective_setting(obj, container, "runAsNonRoot")
    if _bool(non_root):
        if uid == 0 and user is not None:
            yield Problem(
                user.span,
                f"{label} is set to runAsNonRoot but runAsUser is 0: the kubelet will refuse to start it",
                hint="set runAsUser to a non-zero UID",
            )
        return
    if non_root is not None and _bool(non_root) is False:
        where: Node = non_root
    elif uid == 0 and user is not None:
        where = user
    else:
        where = anchor(container)
    yield Problem(where.span, f"{label} is not set to runAsNonRoot", hint=HINT)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    strict = bool(ctx.options.get("strict"))
    for obj in manifests.objects:
        if strict and in_user_namespace(obj) and version_at_least(ctx, 1, 35):
            continue
        for container in obj.containers:
            yield from container_problems(obj, container, strict)


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project, service in compose_services(index, ctx):
        user = service.user
        text = known(user.value) if user is not None else None
        if user is not None and text is not None and is_root(text.strip()):
            yield project.problem(
                user,
                f"service '{service.name}' runs as root (user: '{text}')",
                hint="run as a non-root user, e.g. user: '1000:1000' (the image must allow it)",
            )
