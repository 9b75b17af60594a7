"""CL3502 from-as-casing-mismatch: ``FROM image as name`` (BuildKit's FromAsCasing).

Only a FROM keyword written in one case is compared: a mixed-case ``From`` is already reported
by CL3503 inconsistent-instruction-casing, as BuildKit does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.style._support import is_single_case, replace_with, written
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3502",
    name="from-as-casing-mismatch",
    summary="The 'AS' keyword of FROM is not cased like 'FROM'",
    severity=Severity.STYLE,
    aliases=("buildkit:FromAsCasing",),
    tags=("dockerfile", "style", "buildkit"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("FROM"):
        tokens = instruction.tokens
        keyword = written(dockerfile, instruction.keyword_span)
        if len(tokens) < 3 or tokens[1].value.lower() != "as" or not keyword or not is_single_case(keyword):
            continue
        as_word = tokens[1]
        expected = "as" if keyword == keyword.lower() else "AS"
        if as_word.raw != expected:
            yield Problem(
                as_word.span,
                f"'{as_word.raw}' and '{keyword}' keywords' casing do not match",
                hint=f"write '{keyword} ... {expected} name'",
                fix=replace_with(as_word.span, expected, f"write '{expected}'"),
            )
