"""CL3021 multiple-entrypoints: a stage with more than one ENTRYPOINT (hadolint DL4004)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import repeated_in_stage
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3021",
    name="multiple-entrypoints",
    summary="A stage has more than one ENTRYPOINT; only the last one takes effect",
    severity=Severity.ERROR,
    aliases=("hadolint:DL4004",),
    tags=("dockerfile", "correctness", "buildkit", "buildkit:MultipleInstructionsDisallowed"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for earlier, later in repeated_in_stage(dockerfile, "ENTRYPOINT"):
        yield Problem(
            later.keyword_span,
            f"another ENTRYPOINT in this stage: it replaces the one on line {earlier.line}",
            hint="keep one ENTRYPOINT per stage",
        )
