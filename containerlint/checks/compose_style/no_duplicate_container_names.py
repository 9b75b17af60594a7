"""CL4102 no-duplicate-container-names: two services of one project set the same container_name.

Container names are unique on a Docker host, so Compose refuses the project. Checked on the merged
project (an override file can give two services the same name) after interpolation.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.compose_style._support import projects, unresolved
from containerlint.model import FileKind, Problem, Related, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar

RULE = Rule(
    code="CL4102",
    name="no-duplicate-container-names",
    summary="Two services use the same container_name",
    severity=Severity.ERROR,
    aliases=("dclint:no-duplicate-container-names",),
    tags=("compose", "correctness"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project in projects(index, ctx):
        first: dict[str, tuple[str, Scalar]] = {}
        for service in project.model.services:
            name = service.container_name
            if name is None or unresolved(name.value):
                continue
            if name.value not in first:
                first[name.value] = (service.name, name)
                continue
            other, other_node = first[name.value]
            yield project.problem(
                name,
                f"service '{service.name}' uses container_name '{name.value}', already used by service '{other}'",
                hint="give each service its own container_name, or remove it and let Compose name the container",
                related=(Related(project.origin(other_node), other_node.span, f"service '{other}' sets it here"),),
            )
