"""CL3102 apt-lists-not-deleted: ``apt-get update`` whose package lists stay in the layer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import (
    APT_FAMILY,
    cache_mounted,
    parse_invocation,
    removes_recursively,
    uncleaned_invocations,
)
from containerlint.checks.shell_commands import RunCommand
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction

RULE = Rule(
    code="CL3102",
    name="apt-lists-not-deleted",
    summary="apt-get update without deleting /var/lib/apt/lists in the same RUN",
    severity=Severity.INFO,
    aliases=("hadolint:DL3009",),
    tags=("dockerfile", "packages", "size"),
)

LISTS = "/var/lib/apt/lists"


def updates(run: RunCommand) -> bool:
    invocation = parse_invocation(run, APT_FAMILY)
    return invocation is not None and invocation.operation == "update"


def deletes_lists(run: RunCommand) -> bool:
    return removes_recursively(run, LISTS)


def lists_kept_out(instruction: Instruction) -> bool:
    """A cache or tmpfs mount on the lists (or on both apt directories) keeps them out of the layer."""
    return cache_mounted(instruction, LISTS) or (
        cache_mounted(instruction, "/var/lib/apt") and cache_mounted(instruction, "/var/cache/apt")
    )


def shipped_stages(dockerfile: Dockerfile) -> set[int]:
    """Stages whose layers end up in an image: the last one and those a later FROM builds on.
    (Files copied out of a stage with COPY --from do not carry its apt lists.)"""
    real = [stage for stage in dockerfile.stages if stage.index >= 0]
    shipped = {stage.base_stage for stage in real if stage.base_stage is not None}
    last = real[-1].index if real else -1  # no FROM at all: the implicit stage is the image
    return shipped | {last}


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    shipped = shipped_stages(dockerfile)
    # An ONBUILD trigger runs in whatever image builds on this one: always shipped.
    triggers = {id(instruction.inner) for instruction in dockerfile.instructions if instruction.inner}

    def kept_out(instruction: Instruction) -> bool:
        shipped_here = id(instruction) in triggers or instruction.stage_index in shipped
        return not shipped_here or lists_kept_out(instruction)

    for invocation in uncleaned_invocations(dockerfile, APT_FAMILY, updates, deletes_lists, kept_out):
        yield Problem(
            invocation.head_span,
            f"'{invocation.program} update' leaves the package lists in {LISTS} in this layer",
            hint=f"end the same RUN with `rm -rf {LISTS}/*` (or use a cache mount on {LISTS})",
        )
