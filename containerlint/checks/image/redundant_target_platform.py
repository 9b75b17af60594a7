"""CL1004 redundant-target-platform: ``FROM --platform=$TARGETPLATFORM`` restates the default."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL1004",
    name="redundant-target-platform",
    summary="FROM --platform=$TARGETPLATFORM is redundant: stages use the target platform by default",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3065", "buildkit:RedundantTargetPlatform"),
    tags=("dockerfile", "hygiene", "buildkit"),
)

REDUNDANT_VALUES = frozenset({"$TARGETPLATFORM", "${TARGETPLATFORM}"})


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        instruction = stage.from_instruction
        flag = instruction.flag("platform") if instruction else None
        if instruction is None or flag is None or flag.value not in REDUNDANT_VALUES:
            continue
        if flag.value_start is not None and "'" in instruction.args[flag.value_start : flag.end]:
            continue  # single quotes keep '$TARGETPLATFORM' literal: not the variable at all
        yield Problem(
            flag.span,
            f"--platform={flag.value} is redundant: a stage is built for the target platform by default",
            hint="remove the --platform flag",
        )
