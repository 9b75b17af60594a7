"""CL8001 invalid-compose-schema: a Compose file breaks the Compose specification's JSON schema.

Each file is validated as written (override files too: the specification requires no service key,
so a partial file is valid), and every violation is reported at its key or value.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FILE_START, FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile

RULE = Rule(
    code="CL8001",
    name="invalid-compose-schema",
    summary="A Compose file does not match the Compose specification schema",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "schema"),
    aliases=("dclint:invalid-schema",),
)


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    from containerlint.checks.schema._compose_schema import SchemaUnavailable, validate

    if compose.root is None:
        return
    try:
        for problem in validate(compose.root):
            yield Problem(problem.span, problem.message, hint=problem.hint)
    except SchemaUnavailable as error:
        yield Problem(FILE_START, f"cannot validate this Compose file: {error}")
