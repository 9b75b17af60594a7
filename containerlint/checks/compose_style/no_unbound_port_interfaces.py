"""CL4104 no-unbound-port-interfaces: a published port names no host IP, so Docker binds it on every
interface of the host (and, with Docker's iptables rules, past a host firewall such as ufw).
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.compose_style._support import port_text, projects
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL4104",
    name="no-unbound-port-interfaces",
    summary="A published port is not bound to a host IP, so it listens on every interface",
    severity=Severity.WARNING,
    aliases=("dclint:no-unbound-port-interfaces",),
    tags=("compose", "security", "network"),
    default_enabled=False,
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project in projects(index, ctx):
        for service in project.model.services:
            for port in service.ports:
                if port.error or (port.host_ip is not None and port.host_ip.strip("[]") != ""):
                    continue
                yield project.problem(
                    port.node,
                    f"service '{service.name}' publishes '{port_text(port)}' on every host interface",
                    hint="bind it to an address, e.g. '127.0.0.1:8080:80' (long syntax: 'host_ip: 127.0.0.1')",
                )
