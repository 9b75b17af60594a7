"""CL4109 service-container-name-regex: a ``container_name`` Docker refuses.

Docker accepts container names matching ``[a-zA-Z0-9][a-zA-Z0-9_.-]+`` (two characters at least);
the Compose schema does not anchor the pattern, so Compose loads such a file and ``up`` fails when
it creates the container. Judged after interpolation; a value with an unset variable is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from containerlint.checks.compose_style._support import projects, unresolved
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL4109",
    name="service-container-name-regex",
    summary="A container_name does not match Docker's pattern [a-zA-Z0-9][a-zA-Z0-9_.-]+",
    severity=Severity.ERROR,
    aliases=("dclint:service-container-name-regex",),
    tags=("compose", "correctness"),
)

CONTAINER_NAME = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9_.-]+")


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project in projects(index, ctx):
        for service in project.model.services:
            name = service.container_name
            if name is None or unresolved(name.value) or CONTAINER_NAME.fullmatch(name.value):
                continue
            yield project.problem(
                name,
                f"service '{service.name}' has container_name '{name.value}', which Docker refuses: a name "
                "starts with a letter or digit, continues with letters, digits, '_', '.' or '-', and has "
                "two characters at least",
                hint="rename the container, or drop container_name and let Compose name it",
            )
