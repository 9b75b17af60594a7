"""CL3007 copy-from-unknown-stage: ``COPY --from`` naming no earlier stage (hadolint DL3022)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import from_flag
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3007",
    name="copy-from-unknown-stage",
    summary="COPY --from names no stage defined before it (and no tagged image)",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3022",),
    tags=("dockerfile", "correctness"),
)


def _message(reference: str, later_line: int | None) -> str:
    if reference.isdigit():
        return f"--from={reference}: there is no stage {reference} before this COPY (stages count from 0)"
    if later_line is not None:
        return f"--from={reference}: stage '{reference}' is only defined later, on line {later_line}"
    return f"--from={reference} names no stage defined before it, so it is pulled as the untagged image '{reference}'"


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    named_lines = {s.name: s.from_instruction.line for s in dockerfile.stages if s.name and s.from_instruction}
    stages_seen = 0
    names_seen: set[str] = set()
    for instruction in dockerfile.instructions:
        if instruction.keyword == "FROM":
            stage = dockerfile.stage_of(instruction)
            stages_seen += 1
            if stage is not None and stage.name:
                names_seen.add(stage.name)
            continue
        flag = from_flag(instruction)
        if flag is None or flag.value is None or flag.value_span is None:
            continue
        reference = flag.value
        if ":" in reference or "$" in reference:
            continue  # an image reference with a tag or digest, or a variable: not a stage name
        # Numbers count the stages so far, the current one included: copying from the current
        # stage is copy-from-own-stage's business.
        if reference.lower() in names_seen or (reference.isdigit() and int(reference) < stages_seen):
            continue
        yield Problem(
            flag.value_span,
            _message(reference, named_lines.get(reference.lower())),
            hint=f"name an earlier stage (FROM ... AS {reference}), or give the image a tag "
            f"(--from={reference}:<version>)",
        )
