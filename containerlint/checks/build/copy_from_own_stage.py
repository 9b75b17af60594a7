"""CL3008 copy-from-own-stage: ``COPY --from`` naming the stage it is in (hadolint DL3023)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import from_flag
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3008",
    name="copy-from-own-stage",
    summary="COPY --from names the stage the COPY is in; a stage cannot copy from itself",
    severity=Severity.ERROR,
    aliases=("hadolint:DL3023",),
    tags=("dockerfile", "correctness"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        if stage.is_implicit:
            continue
        for instruction in stage.instructions:
            flag = from_flag(instruction)
            if flag is None or flag.value is None or flag.value_span is None:
                continue
            reference = flag.value
            # Stage names compare without case, as BuildKit compares them; a number is an index.
            own = reference.lower() == stage.name if stage.name else False
            if own or (reference.isdigit() and int(reference) == stage.index):
                yield Problem(
                    flag.value_span,
                    f"--from={reference} is the stage this COPY is in: a stage cannot copy from itself",
                    hint="copy from an earlier stage, or from the build context without --from",
                )
