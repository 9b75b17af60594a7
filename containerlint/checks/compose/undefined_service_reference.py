"""CL4015 undefined-service-reference: ``links``, ``volumes_from``, or ``network_mode`` / ``ipc`` /
``pid: service:NAME`` name a service the project does not define. ``docker compose`` refuses to
load such a project (``container:NAME`` refers to a container, not a service, and is not checked).
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.compose._references import active_edges, did_you_mean
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL4015",
    name="undefined-service-reference",
    summary="links, volumes_from, network_mode, ipc or pid name a service the Compose project does not define",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "references"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project, defined, edge in active_edges(index, ctx):
        if edge.via == "depends_on" or edge.target in defined:
            continue
        yield project.problem(
            edge.node,
            f"service '{edge.service.name}' uses {edge.written}, but the project defines no service '{edge.target}'",
            hint=did_you_mean(edge.target, defined)
            or "define the service (or use 'container:NAME' for a container started elsewhere)",
        )
