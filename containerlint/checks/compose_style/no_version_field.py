"""CL4106 no-version-field: the obsolete top-level ``version``. Compose ignores it and warns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.compose_style._support import written_pairs
from containerlint.model import Edit, FileKind, Fix, Position, Problem, Severity, Span
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Pair, Scalar

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile

RULE = Rule(
    code="CL4106",
    name="no-version-field",
    summary="The Compose file sets the obsolete top-level 'version'",
    severity=Severity.WARNING,
    aliases=("dclint:no-version-field",),
    tags=("compose", "best-practice"),
)


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    if compose.root is None:
        return
    for pair in written_pairs(compose.root):
        if pair.key_text == "version":
            yield Problem(
                pair.key.span,
                "the top-level 'version' is obsolete: Compose ignores it (and warns); the file follows the "
                "Compose specification whatever it says",
                hint="delete the 'version' line",
                fix=_delete(compose, pair),
            )


def _delete(compose: ComposeFile, pair: Pair) -> Fix | None:
    """Delete the line(s) of a block ``version: x`` entry when nothing but a comment follows it."""
    key, value = pair.key, pair.value
    if not isinstance(value, Scalar) or key.span.start.column != 1 or value.via_alias or value.anchor:
        return None
    lines = compose.stream.text.splitlines(keepends=True)
    first = key.span.start.line
    end = max(key.span.end, value.span.end)
    last = end.line
    if last > len(lines):
        return None
    rest = lines[last - 1][end.column - 1 :].strip()
    if rest and not rest.startswith("#"):
        return None
    if last < len(lines):
        span = Span(Position(first, 1), Position(last + 1, 1))
    elif first > 1:  # the file's last line: take the line break before it instead
        span = Span(Position(first - 1, len(lines[first - 2].rstrip("\r\n")) + 1), _line_end(lines, last))
    else:
        span = Span(Position(first, 1), _line_end(lines, last))
    return Fix("delete the 'version' line", (Edit(span, ""),))


def _line_end(lines: list[str], line: int) -> Position:
    return Position(line, len(lines[line - 1].rstrip("\r\n")) + 1)
