"""CL3402 cd-instead-of-workdir: ``RUN cd /app && make`` where ``WORKDIR /app`` says it once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.shell_commands import run_commands
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3402",
    name="cd-instead-of-workdir",
    summary="RUN changes directory with cd instead of WORKDIR",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3003",),
    tags=("dockerfile", "hygiene"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for run in run_commands(dockerfile, "cd"):
        where = run.command.positional()
        target = f" {where[0].raw}" if where else ""
        yield Problem(
            run.span,
            f"'cd{target}' lasts only until the end of this RUN; WORKDIR sets the directory for what follows",
            hint=f"use 'WORKDIR{target or ' <dir>'}' instead (relative paths continue from the previous WORKDIR)",
        )
