"""CL4005 missing-include-target: an ``include`` path (short or long form) that does not exist, or a
file that includes itself. Compose refuses the project."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.compose._loading import loading_problems
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex

RULE = Rule(
    code="CL4005",
    name="missing-include-target",
    summary="An include entry names a Compose file that does not exist",
    severity=Severity.ERROR,
    tags=("compose", "correctness"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    return loading_problems(RULE.code, index, ctx)
