"""CL3016 instruction-before-from: an instruction other than ARG before the first FROM
(hadolint DL3061)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3016",
    name="instruction-before-from",
    summary="An instruction other than ARG comes before the first FROM",
    severity=Severity.ERROR,
    aliases=("hadolint:DL3061",),
    tags=("dockerfile", "correctness"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    # The parser keeps what precedes the first FROM (ARGs aside) in an implicit stage.
    for stage in dockerfile.stages:
        if not stage.is_implicit:
            continue
        for instruction in stage.instructions:
            yield Problem(
                instruction.keyword_span,
                f"{instruction.keyword} before the first FROM: only ARG, comments and parser directives may come first",
                hint="start the Dockerfile (or the fragment's stage) with FROM",
            )
