"""CL4003 missing-extends-target: ``extends`` names a service that the file (or ``extends.file``)
does not define, or a file that does not exist. Compose refuses the project."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.compose._loading import loading_problems
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex

RULE = Rule(
    code="CL4003",
    name="missing-extends-target",
    summary="A service extends a service or file that does not exist",
    severity=Severity.ERROR,
    tags=("compose", "correctness"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    return loading_problems(RULE.code, index, ctx)
