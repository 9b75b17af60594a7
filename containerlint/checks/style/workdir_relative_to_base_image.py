"""CL3510 workdir-relative-to-base-image: the first WORKDIR is relative (BuildKit's WorkdirRelativePath).

BuildKit checks only the first WORKDIR of a stage, counting the stages it is built on: once a
WORKDIR was given, later relative ones depend on this file alone. CL3001 (hadolint's DL3000)
reports every relative WORKDIR, so this rule is off by default.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import is_absolute_path, stage_lineage, strip_quotes
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction, Stage

RULE = Rule(
    code="CL3510",
    name="workdir-relative-to-base-image",
    summary="The first WORKDIR is relative, so it depends on the base image's working directory",
    severity=Severity.WARNING,
    aliases=("buildkit:WorkdirRelativePath",),
    tags=("dockerfile", "buildkit", "reliability"),
    default_enabled=False,
)


def _first_workdir(stage: Stage) -> Instruction | None:
    # ONBUILD WORKDIR runs in the images built from this one: not this stage's.
    return next((i for i in stage.instructions if i.keyword == "WORKDIR"), None)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        instruction = _first_workdir(stage)
        if instruction is None:
            continue
        if any(_first_workdir(base) is not None for base in list(stage_lineage(dockerfile, stage))[1:]):
            continue  # a stage built on one of ours inherits a WORKDIR set in this file
        written = instruction.body.strip()
        path = strip_quotes(written)
        # A variable is expanded by the build (often to an absolute path): not guessed at.
        if not path or path.startswith("$") or is_absolute_path(path):
            continue
        yield Problem(
            instruction.span_of(instruction.body_offset, len(instruction.args)),
            f"WORKDIR {written} is relative and no WORKDIR comes before it: it lands inside "
            "the base image's working directory, which can change with the base image",
            hint="start the path with '/', or set an absolute WORKDIR first",
        )
