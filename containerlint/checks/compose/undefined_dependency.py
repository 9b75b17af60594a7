"""CL4010 undefined-dependency: ``depends_on`` names a service the project does not define.
``docker compose`` refuses to load such a project.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from containerlint.checks.compose._references import edges, projects, services_by_name
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
    for project in projects(index, ctx):
        defined = services_by_name(project)
        for service in project.services_for_profiles():
            for edge in edges(service):
                if edge.via != "depends_on" or edge.target in defined:
                    continue
                yield project.problem(
                    edge.node,
                    f"service '{service.name}' depends on service '{edge.target}', which the project does not define",
                    hint=did_you_mean(edge.target, defined) or "define the service, or remove the dependency",
                )


def did_you_mean(name: str, defined: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(name, list(defined), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
