"""CL3113 zypper-cache-not-cleaned: zypper installs while its cache stays in the layer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import (
    ZYPPER,
    ZYPPER_INSTALLS,
    cache_mounted,
    first_uncleaned,
    parse_invocation,
    removes_recursively,
    runs_manager,
)
from containerlint.checks.shell_commands import RunCommand, run_instructions
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3113",
    name="zypper-cache-not-cleaned",
    summary="zypper install without 'zypper clean' afterwards in the same RUN",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3036",),
    tags=("dockerfile", "packages", "size"),
)

CACHE = "/var/cache/zypp"


def installs(run: RunCommand) -> bool:
    invocation = parse_invocation(run, ZYPPER)
    return invocation is not None and invocation.operation in ZYPPER_INSTALLS


def cleans(run: RunCommand) -> bool:
    invocation = parse_invocation(run, ZYPPER)
    if invocation is not None:
        return invocation.operation in ("clean", "cc")
    return removes_recursively(run, CACHE)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    running = runs_manager(dockerfile, ZYPPER)
    for instruction, commands in run_instructions(dockerfile):
        if id(instruction) not in running:
            continue  # no zypper here: nothing installed, nothing to clean
        if cache_mounted(instruction, CACHE):
            continue  # the cache lives in the mount, not in the layer
        run = first_uncleaned(commands, installs, cleans)
        invocation = parse_invocation(run, ZYPPER) if run is not None else None
        if invocation is not None:
            yield Problem(
                invocation.head_span,
                f"'zypper {invocation.operation}' is not followed by 'zypper clean' in this RUN, "
                f"so the cache in {CACHE} stays in the layer",
                hint="end the same RUN with `&& zypper clean --all`",
            )
