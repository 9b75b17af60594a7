"""CL3020 multiple-cmds: a stage with more than one CMD (hadolint DL4003)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import repeated_in_stage
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3020",
    name="multiple-cmds",
    summary="A stage has more than one CMD; only the last one takes effect",
    severity=Severity.WARNING,
    aliases=("hadolint:DL4003",),
    tags=("dockerfile", "correctness", "buildkit", "buildkit:MultipleInstructionsDisallowed"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for earlier, later in repeated_in_stage(dockerfile, "CMD"):
        yield Problem(
            later.keyword_span,
            f"another CMD in this stage: it replaces the one on line {earlier.line}",
            hint="keep one CMD per stage; to run several commands, start them from a script",
        )
