"""CL3014 missing-healthcheck: an image stage with no HEALTHCHECK (hadolint DL3057, off by default)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import stage_lineage
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Stage

RULE = Rule(
    code="CL3014",
    name="missing-healthcheck",
    summary="A stage has no HEALTHCHECK of its own, none inherited and none in a stage built on it",
    severity=Severity.INFO,
    aliases=("hadolint:DL3057",),
    tags=("dockerfile", "reliability"),
    default_enabled=False,
)


def _has_healthcheck(stage: Stage) -> bool:
    # HEALTHCHECK NONE counts: it says the absence is deliberate. ONBUILD HEALTHCHECK does not.
    return any(instruction.keyword == "HEALTHCHECK" for instruction in stage.instructions)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    stages = [stage for stage in dockerfile.stages if not stage.is_implicit]
    covered = {s.index for s in stages if any(_has_healthcheck(a) for a in stage_lineage(dockerfile, s))}
    # A stage that a healthy stage builds on is an intermediate step: the final image decides.
    for stage in stages:
        if stage.index in covered:
            covered.update(ancestor.index for ancestor in stage_lineage(dockerfile, stage))
    for stage in stages:
        if stage.index in covered or stage.from_instruction is None:
            continue
        label = f"stage '{stage.name}'" if stage.name else f"the stage from '{stage.image}'"
        yield Problem(
            stage.from_instruction.keyword_span,
            f"{label} has no HEALTHCHECK: nothing tells the runtime whether the container still works",
            hint="add HEALTHCHECK CMD [...], or HEALTHCHECK NONE to make the absence deliberate",
        )
