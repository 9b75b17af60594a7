"""CL3004 multiple-healthchecks: a stage with more than one HEALTHCHECK (hadolint DL3012)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import repeated_in_stage
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3004",
    name="multiple-healthchecks",
    summary="A stage has more than one HEALTHCHECK; only the last one takes effect",
    severity=Severity.ERROR,
    aliases=("hadolint:DL3012",),
    tags=("dockerfile", "correctness", "buildkit", "buildkit:MultipleInstructionsDisallowed"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for earlier, later in repeated_in_stage(dockerfile, "HEALTHCHECK"):
        yield Problem(
            later.keyword_span,
            f"another HEALTHCHECK in this stage: it replaces the one on line {earlier.line}",
            hint="keep one HEALTHCHECK per stage",
        )
