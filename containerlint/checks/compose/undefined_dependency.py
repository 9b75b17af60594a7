"""CL4010 undefined-dependency: ``depends_on`` names a service the project does not define.
``docker compose`` refuses to load such a project.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.compose._references import active_edges, did_you_mean
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL4010",
    name="undefined-dependency",
    summary="depends_on names a service the Compose project does not define",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "references"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project, defined, edge in active_edges(index, ctx):
        if edge.via != "depends_on" or edge.target in defined:
            continue
        yield project.problem(
            edge.node,
            f"service '{edge.service.name}' depends on service '{edge.target}', which the project does not define",
            hint=did_you_mean(edge.target, defined) or "define the service, or remove the dependency",
        )
