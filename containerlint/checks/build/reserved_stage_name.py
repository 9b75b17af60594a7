"""CL3017 reserved-stage-name: a stage named ``scratch`` or ``context`` (hadolint DL3063)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3017",
    name="reserved-stage-name",
    summary="A stage is named 'scratch' or 'context', words the builder reserves",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3063", "buildkit:ReservedStageName"),
    tags=("dockerfile", "correctness", "buildkit"),
)

# What each reserved word already means to the builder.
RESERVED = {
    "scratch": "FROM scratch is the empty image",
    "context": "'context' names the build context (COPY --from=context, named contexts)",
}


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        # Stage names compare without case (BuildKit lower-cases them), so `AS Scratch` counts.
        if stage.name in RESERVED and stage.name_span is not None:
            yield Problem(
                stage.name_span,
                f"stage name '{stage.name}' is reserved: {RESERVED[stage.name]}",
                hint="rename the stage, e.g. 'build' or 'runtime'",
            )
