"""CL4001 unset-compose-variable: a value uses ``$VAR``/``${VAR}`` that neither the environment nor
the project's ``.env`` (or its env files) sets, without a default: Compose substitutes an empty string."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.compose._loading import loading_problems
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex

RULE = Rule(
    code="CL4001",
    name="unset-compose-variable",
    summary="A Compose file uses a variable that is not set and has no default",
    severity=Severity.WARNING,
    tags=("compose", "correctness"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    return loading_problems(RULE.code, index, ctx)
