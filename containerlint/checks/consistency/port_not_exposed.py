"""CL7054 port-not-exposed: a port a Compose service publishes or ``expose``s, or a Kubernetes
``containerPort`` / probe port, that the image the repository builds for it does not EXPOSE,
while that image EXPOSEs other ports: usually the wrong port (the application listens on the
EXPOSEd one) or an EXPOSE that was not updated.

Only judged when the built stage EXPOSEs at least one port and every EXPOSE can be read: an
image without EXPOSE says nothing about where it listens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.builds import BuiltStage, active_builds, built_containers, related, where
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity, Span
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence

if TYPE_CHECKING:
    from containerlint.syntax.compose import PortMapping, Service
    from containerlint.syntax.kubernetes import Container

RULE = Rule(
    code="CL7054",
    name="port-not-exposed",
    summary="A published, exposed or container port is not EXPOSEd by the image the repository builds",
    severity=Severity.WARNING,
    tags=("correctness", "compose", "kubernetes", "cross-file", "network"),
    options={"images": {}},
)

_EXPOSE_ENTRY = re.compile(r"(?P<first>\d+)(?:-(?P<last>\d+))?(?:/(?P<protocol>[A-Za-z]+))?")
_HINT = "use the port the image EXPOSEs, or add it to the Dockerfile's EXPOSE"


def _missing(built: BuiltStage, first: int, last: int, protocol: str) -> int | None:
    """The first port of ``first..last`` the stage does not EXPOSE (None: all are, or unknown)."""
    if not built.exposed:
        return None
    return next((port for port in range(first, last + 1) if built.exposure_of(port, protocol) is None), None)


def _exposed_list(built: BuiltStage) -> str:
    return ", ".join(
        f"{p.first}" + (f"-{p.last}" if p.last != p.first else "") + (f"/{p.protocol}" if p.protocol != "tcp" else "")
        for p in built.exposed or ()
    )


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for build in active_builds(index, settings_of(ctx.settings)):
        built = build.built(index)
        if built is None or not built.exposed:
            continue
        for key, node, span, first, last, protocol in _compose_ports(build.service):
            port = _missing(built, first, last, protocol)
            if port is None:
                continue
            shown = f"{port}/{protocol}" if protocol != "tcp" else str(port)
            expose = built.exposed[-1].instruction
            yield build.project.problem(
                node,
                f"service '{build.service.name}' {key} container port {shown}, but the image it builds EXPOSEs only "
                f"{_exposed_list(built)} ({where(built, expose)})",
                span=span,
                hint=_HINT,
                related=related(built, expose, "the EXPOSE of the built stage"),
            )


def _target_span(mapping: PortMapping) -> Span | None:
    """The container port inside a one-line short-syntax entry (``"8080:80"`` -> ``80``)."""
    node, target = mapping.node, mapping.target
    if not mapping.short or target is None or not isinstance(node, Scalar) or node.style not in ("", "'", '"'):
        return None
    start, end = node.span.start, node.span.end
    at = node.value.rfind(target)
    if start.line != end.line or at < 0:
        return None
    column = start.column + (1 if node.style else 0) + at
    return Span.at(start.line, column, start.line, column + len(target))


def _compose_ports(service: Service) -> Iterator[tuple[str, Node, Span | None, int, int, str]]:
    for mapping in service.ports:
        target = mapping.target_range
        if target is None:
            continue
        node = mapping.target_node or mapping.node
        protocol = (mapping.protocol or "tcp").lower()
        yield "publishes", node, _target_span(mapping), target[0], target[1], protocol
    expose = service.get("expose")
    for item in expose.items if isinstance(expose, Sequence) else ():
        if not isinstance(item, Scalar):
            continue
        match = _EXPOSE_ENTRY.fullmatch(item.value.strip())
        if match is None:
            continue
        first = int(match.group("first"))
        last = int(match.group("last") or first)
        yield "exposes", item, None, first, last, (match.group("protocol") or "tcp").lower()


@RULE.check_project(FileKind.KUBERNETES)
def check_kubernetes(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for found in built_containers(index, settings_of(ctx.settings), ctx.options.get("images")):
        stages = [built for _, built in found.stages if built.exposed]
        if not stages:
            continue
        built = stages[0]
        label = found.container.label(found.obj)
        for what, node, port, protocol in _kubernetes_ports(found.container):
            if any(_missing(other, port, port, protocol) is None for other in stages):
                continue
            expose = built.exposed[-1].instruction if built.exposed else None
            shown = f"{port}/{protocol}" if protocol != "tcp" else str(port)
            yield Problem(
                node.span,
                f"{label} {what} {shown}, but the image '{found.image.value}' this repository builds EXPOSEs only "
                f"{_exposed_list(built)} ({where(built, expose)})",
                path=found.path,
                hint=_HINT,
                related=related(built, expose, "the EXPOSE of the built stage"),
            )


def _kubernetes_ports(container: Container) -> Iterator[tuple[str, Node, int, str]]:
    for declared in container.ports:
        number = declared.container_port.as_int() if declared.container_port is not None else None
        if declared.container_port is None or number is None:
            continue
        protocol = declared.protocol.value.lower() if declared.protocol is not None else "tcp"
        yield "declares containerPort", declared.container_port, number, protocol
    for probe_name in ("livenessProbe", "readinessProbe", "startupProbe"):
        probe = container.probe(probe_name)
        for handler in ("httpGet", "tcpSocket", "grpc"):
            action = probe.get_mapping(handler) if isinstance(probe, Mapping) else None
            port = action.get_scalar("port") if action is not None else None
            number = port.as_int() if port is not None else None
            if port is not None and number is not None:
                yield f"has a {probe_name} on port", port, number, "tcp"
