"""CL3501 uppercase-stage-name: ``FROM alpine AS BuilderBase`` (BuildKit's StageNameCasing).

BuildKit lower-cases stage names when it compares them, so ``BuilderBase`` and ``builderbase``
are the same stage; writing them in lower case keeps them apart from instruction keywords.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.style._support import replace_with
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3501",
    name="uppercase-stage-name",
    summary="Stage name is not all lowercase",
    severity=Severity.STYLE,
    aliases=("buildkit:StageNameCasing",),
    tags=("dockerfile", "style", "buildkit"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        if stage.from_instruction is None:
            continue
        tokens = stage.from_instruction.tokens
        if len(tokens) != 3 or tokens[1].value.lower() != "as":
            continue
        name = tokens[2]
        if name.value != name.value.lower():
            lower = name.value.lower()
            yield Problem(
                name.span,
                f"stage name '{name.value}' should be lowercase",
                hint=f"name the stage '{lower}' (stage references are matched case-insensitively)",
                fix=replace_with(name.span, lower, f"rename the stage to '{lower}'"),
            )
