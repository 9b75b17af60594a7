"""CL4002 invalid-interpolation: a value Compose cannot interpolate: bad ``${...}`` syntax, a
lone ``$``, or a required variable (``${VAR:?message}``) that is not set. Compose refuses the project."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.compose._loading import loading_problems
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex

RULE = Rule(
    code="CL4002",
    name="invalid-interpolation",
    summary="A Compose value has invalid variable syntax or a required variable is missing",
    severity=Severity.ERROR,
    tags=("compose", "correctness"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    return loading_problems(RULE.code, index, ctx)
