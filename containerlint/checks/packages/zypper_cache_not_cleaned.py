"""CL3113 zypper-cache-not-cleaned: zypper installs while its cache stays in the layer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import (
    ZYPPER,
    ZYPPER_INSTALLS,
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


def cache_kept_out(instruction: Instruction) -> bool:
    """A cache or tmpfs mount on the cache keeps it out of the layer."""
    return cache_mounted(instruction, CACHE)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for invocation in uncleaned_invocations(dockerfile, ZYPPER, installs, cleans, cache_kept_out):
        yield Problem(
            invocation.head_span,
            f"'zypper {invocation.operation}' is not followed by 'zypper clean' in this RUN, "
            f"so the cache in {CACHE} stays in the layer",
            hint="end the same RUN with `&& zypper clean --all`",
        )
