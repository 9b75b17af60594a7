"""CL3503 inconsistent-instruction-casing: keywords that are mixed case (``From``) or not in the
file's majority case (BuildKit's ConsistentInstructionCasing).

BuildKit's counting, exactly: every instruction of every stage, FROM included, whose keyword is
all lower or all upper case counts as one vote; more lower-case votes than upper-case ones make
lower case the rule (a tie means upper case); every keyword not written that way is reported.
ARGs before the first FROM are neither counted nor checked, and an ONBUILD trigger's keyword is
part of the ONBUILD's arguments, as in BuildKit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.style._support import is_single_case, replace_with, written
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.dockerfile import INSTRUCTIONS

if TYPE_CHECKING:
    from containerlint.model import Span
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3503",
    name="inconsistent-instruction-casing",
    summary="Instruction keyword is not cased like the majority of the file's instructions",
    severity=Severity.STYLE,
    aliases=("buildkit:ConsistentInstructionCasing",),
    tags=("dockerfile", "style", "buildkit"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    keywords: list[tuple[str, Span]] = []
    for stage in dockerfile.stages:
        if stage.is_implicit:
            continue  # instructions before any FROM: a syntax error, not a style question
        for instruction in stage.instructions:
            text = written(dockerfile, instruction.keyword_span)
            if text and instruction.keyword in INSTRUCTIONS:
                keywords.append((text, instruction.keyword_span))
    lower = sum(1 for text, _ in keywords if is_single_case(text) and text == text.lower())
    upper = sum(1 for text, _ in keywords if is_single_case(text) and text != text.lower())
    majority_lower = lower > upper
    casing = "lowercase" if majority_lower else "uppercase"
    for text, span in keywords:
        expected = text.lower() if majority_lower else text.upper()
        if text != expected:
            yield Problem(
                span,
                f"instruction '{text}' should match the case of the instruction majority ({casing})",
                hint=f"write '{expected}'",
                fix=replace_with(span, expected, f"write '{expected}'"),
            )
