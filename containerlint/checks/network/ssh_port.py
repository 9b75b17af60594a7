"""CL6011 ssh-port: kube-linter's check of the same name -- a container exposing port 22 over TCP
(the protocol defaults to TCP), which usually means an SSH server in the container. The port and
protocol are options, like kube-linter's template parameters.

Compose: a ``ports`` entry whose container port (or port range) includes 22 over that protocol,
or an ``expose`` entry that does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import compose_services, known
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar, Sequence

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL6011",
    name="ssh-port",
    summary="A container exposes port 22 (SSH)",
    severity=Severity.WARNING,
    aliases=("kube-linter:ssh-port",),
    tags=("security", "kubernetes", "compose", "network"),
    options={"port": 22, "protocol": "TCP"},
)

HINT = "do not run an SSH server in a container (use kubectl exec / docker exec); move other services off port 22"


def _wanted(ctx: Context) -> tuple[int, str]:
    return int(ctx.options.get("port", 22)), str(ctx.options.get("protocol") or "TCP").upper()


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    wanted, protocol = _wanted(ctx)
    for obj in manifests.objects:
        for container in obj.containers:
            for port in container.ports:
                node = port.container_port
                given = port.protocol.value.upper() if port.protocol is not None else "TCP"
                if node is not None and node.as_int() == wanted and given == protocol:
                    yield Problem(node.span, f"{container.label(obj)} exposes port {wanted}/{given}", hint=HINT)


def _covers(text: str, wanted: int) -> bool:
    first, _, last = text.partition("-")
    if not first.strip().isdigit() or (last and not last.strip().isdigit()):
        return False
    return int(first) <= wanted <= int(last or first)


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    wanted, protocol = _wanted(ctx)
    for project, service in compose_services(index, ctx):
        for port in service.ports:
            target = known(port.target) if port.target is not None else None
            given = (port.protocol or "tcp").upper()
            if target is not None and given == protocol and _covers(target, wanted):
                yield project.problem(
                    port.target_node or port.node,
                    f"service '{service.name}' publishes container port {wanted}/{given.lower()}",
                    hint=HINT,
                )
        expose = service.get("expose")
        for item in expose.items if isinstance(expose, Sequence) else ():
            if not isinstance(item, Scalar) or item.is_null:
                continue
            text = known(item.value)
            port_text, _, given = (text or "").partition("/")
            if text is not None and (given or "tcp").upper() == protocol and _covers(port_text, wanted):
                yield project.problem(
                    item, f"service '{service.name}' exposes port {wanted}/{(given or 'tcp').lower()}", hint=HINT
                )
