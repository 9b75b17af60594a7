"""CL3111 zypper-missing-non-interactive: a zypper command that may stop at a prompt."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import ZYPPER, invocations
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3111",
    name="zypper-missing-non-interactive",
    summary="zypper install/remove/patch without -n or -y, so it can stop at a prompt",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3034",),
    tags=("dockerfile", "packages", "reliability"),
)

# The zypper commands that ask for confirmation (hadolint's list).
PROMPTING = ("install", "in", "remove", "rm", "source-install", "si", "patch")


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for invocation in invocations(dockerfile, ZYPPER, PROMPTING):
        # -n/--non-interactive is global (before the command), -y/--no-confirm belongs to it.
        if not invocation.command.has_flag("-n", "--non-interactive", "-y", "--no-confirm"):
            yield Problem(
                invocation.head_span,
                f"'zypper {invocation.operation}' without --non-interactive waits for answers no one can "
                "give during a build",
                hint=f"use `zypper --non-interactive {invocation.operation}` (or `-n`, or `-y` after the command)",
            )
