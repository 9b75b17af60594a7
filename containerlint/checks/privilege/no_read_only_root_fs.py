"""CL2061 no-read-only-root-fs: a container whose root filesystem is writable.

Kubernetes, kube-linter's semantics: every container (init and ephemeral included) without
``securityContext.readOnlyRootFilesystem: true``. Compose: a service without ``read_only: true``,
checked only with the option ``compose = true`` (most Compose services are development stacks
that write to their filesystem; the rule is on by default for Kubernetes, as in kube-linter).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import anchor, compose_services, known
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import KubernetesFile

# The strings Compose reads as true (YAML 1.1 booleans, also when quoted).
COMPOSE_TRUE = frozenset({"y", "yes", "true", "on"})

RULE = Rule(
    code="CL2061",
    name="no-read-only-root-fs",
    summary="A container's root filesystem is writable (readOnlyRootFilesystem / read_only not true)",
    severity=Severity.WARNING,
    aliases=("kube-linter:no-read-only-root-fs", "checkov:CKV_K8S_22"),
    tags=("security", "kubernetes", "compose", "filesystem"),
    options={"compose": False},
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for container in obj.containers:
            context = container.security_context
            value = context.get("readOnlyRootFilesystem") if context is not None else None
            if isinstance(value, Scalar) and value.as_bool() is True:
                continue
            where = value if isinstance(value, Scalar) and not value.is_null else anchor(container)
            yield Problem(
                where.span,
                f"{container.label(obj)} does not have a read-only root filesystem",
                hint="set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where it writes",
            )


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    if not ctx.options.get("compose"):
        return
    for project, service in compose_services(index, ctx):
        value = service.scalar("read_only")
        text = known(value.value) if value is not None else None
        if value is not None and (text is None or text.strip().lower() in COMPOSE_TRUE):
            continue  # read-only, or a variable we cannot judge
        yield project.problem(
            value if value is not None else service.key,
            f"service '{service.name}' does not have a read-only root filesystem",
            hint="set read_only: true and mount tmpfs volumes where it writes",
        )
