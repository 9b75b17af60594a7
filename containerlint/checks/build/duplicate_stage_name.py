"""CL3009 duplicate-stage-name: two FROM ... AS with the same name (hadolint DL3024)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3009",
    name="duplicate-stage-name",
    summary="Two stages have the same name (names compare without case)",
    severity=Severity.ERROR,
    aliases=("hadolint:DL3024", "buildkit:DuplicateStageName"),
    tags=("dockerfile", "correctness", "buildkit"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    first_lines: dict[str, int] = {}
    for stage in dockerfile.stages:
        if stage.name is None or stage.name_span is None or stage.from_instruction is None:
            continue
        line = first_lines.setdefault(stage.name, stage.from_instruction.line)
        if line != stage.from_instruction.line:
            yield Problem(
                stage.name_span,
                f"stage name '{stage.name}' is already used by the stage on line {line}",
                hint="give each stage its own name; FROM and COPY --from cannot tell them apart",
            )
