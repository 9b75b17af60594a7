"""CL3013 relative-copy-without-workdir: COPY to a relative destination in a stage with no WORKDIR
(hadolint DL3045)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import copy_operands, is_absolute_path, stage_lineage, strip_quotes
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Stage

RULE = Rule(
    code="CL3013",
    name="relative-copy-without-workdir",
    summary="COPY to a relative destination before any WORKDIR in the stage",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3045",),
    tags=("dockerfile", "reliability"),
)


def _inherits_workdir(dockerfile: Dockerfile, stage: Stage) -> bool:
    """A stage built on an earlier one (FROM base) inherits the WORKDIRs set there."""
    ancestors = list(stage_lineage(dockerfile, stage))[1:]
    return any(i.keyword == "WORKDIR" for ancestor in ancestors for i in ancestor.instructions)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        workdir_set = _inherits_workdir(dockerfile, stage)
        # ONBUILD COPY is left alone (as hadolint does): it runs under the child image's WORKDIR.
        for instruction in stage.instructions:
            if instruction.keyword == "WORKDIR":
                workdir_set = True
            if instruction.keyword != "COPY" or workdir_set:
                continue
            _, destination = copy_operands(instruction)
            path = strip_quotes(destination.raw) if destination is not None else ""
            if destination is None or not path or is_absolute_path(path) or path.startswith("$"):
                continue
            yield Problem(
                destination.span,
                f"COPY to the relative path '{destination.value}' with no WORKDIR set in this stage: "
                "it lands wherever the base image's working directory happens to be",
                hint="set an absolute WORKDIR before this COPY, or copy to an absolute path",
            )
