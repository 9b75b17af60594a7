"""CL3405 both-curl-and-wget: a stage that downloads with both curl and wget.

Two tools for one job means two packages in the image and two sets of flags, defaults and
failure behaviour to get right. Like hadolint, the first RUN that brings the second tool into
a stage is reported, and so is every later RUN of the stage that uses either of them. ONBUILD
triggers run in another build and are judged among themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.shell._support import onbuild_triggers
from containerlint.checks.shell_commands import run_instructions
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3405",
    name="both-curl-and-wget",
    summary="A stage uses both curl and wget",
    severity=Severity.WARNING,
    aliases=("hadolint:DL4001",),
    tags=("dockerfile", "size", "hygiene"),
)

TOOLS = ("curl", "wget")


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    triggers = onbuild_triggers(dockerfile)
    first_use: dict[tuple[int | None, bool], dict[str, int]] = {}  # scope -> tool -> line
    for instruction, commands in run_instructions(dockerfile):
        seen = first_use.setdefault((instruction.stage_index, id(instruction) in triggers), {})
        reported = False
        for run in commands:
            tool = run.command.program
            if run.command.name is None or tool not in TOOLS:
                continue
            seen.setdefault(tool, run.span.start.line)
            if reported or len(seen) < len(TOOLS):
                continue
            reported = True  # one finding per RUN, at the first use once both are in play
            other = next(name for name in TOOLS if name != tool)
            yield Problem(
                run.span_of(run.command.name),
                f"'{tool}' is used in a stage that also uses '{other}' (line {seen[other]})",
                hint=f"download with one tool per stage: replace '{tool}' or '{other}'",
            )
