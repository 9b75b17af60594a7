"""CL4103 no-duplicate-exported-ports: two ``ports`` entries publish the same host port.

Across the services of the merged project (base, override and included files) and within one
service. Host-IP aware (``127.0.0.1:80`` and ``10.0.0.1:80`` do not collide; no IP or ``0.0.0.0``
collides with every IPv4 address), protocol aware (tcp and udp do not collide), ranges overlap.
A container port alone (``"8080"``) or a host range for one container port takes a free host port
chosen by Docker: it never collides.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.compose_style._support import HostBinding, host_binding, port_text, projects
from containerlint.model import FileKind, Problem, Related, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.compose import PortMapping, Service

RULE = Rule(
    code="CL4103",
    name="no-duplicate-exported-ports",
    summary="Two port mappings publish the same host port",
    severity=Severity.ERROR,
    aliases=("dclint:no-duplicate-exported-ports",),
    tags=("compose", "correctness"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project in projects(index, ctx):
        taken: list[tuple[Service, PortMapping, HostBinding]] = []
        for service in project.model.services:
            own: set[tuple[HostBinding, str | None]] = set()
            for port in service.ports:
                binding = host_binding(port)
                if binding is None or (binding, port.target) in own:
                    continue  # the same mapping written twice in one service binds once
                own.add((binding, port.target))
                clash = next(
                    (entry for entry in taken if entry[2].collides(binding) and _can_run_together(entry[0], service)),
                    None,
                )
                if clash is None:
                    taken.append((service, port, binding))
                    continue
                other, other_port, _ = clash
                owner = "this service" if other is service else f"service '{other.name}'"
                yield project.problem(
                    port.published_node or port.node,
                    f"service '{service.name}' publishes host port {_ports(binding)}/{binding.protocol} "
                    f"('{port_text(port)}'), already published by {owner} ('{port_text(other_port)}')",
                    hint="publish a different host port, or bind the two to different host IPs",
                    related=(
                        Related(
                            project.origin(other_port.node),
                            (other_port.published_node or other_port.node).span,
                            f"{owner} publishes it here",
                        ),
                    ),
                )


def _ports(binding: HostBinding) -> str:
    return str(binding.first) if binding.first == binding.last else f"{binding.first}-{binding.last}"


def _can_run_together(first: Service, second: Service) -> bool:
    """Services in disjoint profiles are meant to run one at a time (a dev and a prod variant)."""
    mine = {p.value for p in first.profiles}
    theirs = {p.value for p in second.profiles}
    return not mine or not theirs or bool(mine & theirs)
