"""CL4004 extends-cycle: a chain of ``extends`` comes back to a service already in it.
Compose refuses the project."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.compose._loading import loading_problems
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex

RULE = Rule(
    code="CL4004",
    name="extends-cycle",
    summary="Services extend each other in a cycle",
    severity=Severity.ERROR,
    tags=("compose", "correctness"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    return loading_problems(RULE.code, index, ctx)
