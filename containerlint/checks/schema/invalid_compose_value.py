"""CL8002 invalid-compose-value: a value the schema lets through but Compose cannot read (a port,
a duration, a size, a boolean or number written as text, a short-syntax volume). Compose stops at
the first one with "invalid hostPort", "time: unknown unit", "invalid size" and the like.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity, Span
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile

RULE = Rule(
    code="CL8002",
    name="invalid-compose-value",
    summary="A Compose value Compose cannot read: port, duration, size, boolean, number or volume",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "schema"),
)


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    from containerlint.checks.schema._compose_values import check_service, check_top_level

    if compose.root is None:
        return
    seen: set[tuple[Span, str]] = set()
    found = [problem for service in compose.services for problem in check_service(service)]
    for problem in [*check_top_level(compose.root), *found]:
        key = (problem.span, problem.message.split(": ", 1)[-1])
        if key in seen:
            continue  # one anchored value used by several services: reported once
        seen.add(key)
        yield Problem(problem.span, problem.message, hint=problem.hint)
