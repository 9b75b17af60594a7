"""CL3401 pointless-command-in-container: ``RUN vim``, ``RUN service x start``, ``RUN top``.

A build step has no terminal, no init system and no processes that outlive it, so interactive
and system-management programs either hang, fail or change nothing that is kept in the image.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.shell_commands import run_commands
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3401",
    name="pointless-command-in-container",
    summary="RUN uses an interactive or system-management command that is pointless in a build",
    severity=Severity.INFO,
    aliases=("hadolint:DL3001",),
    tags=("dockerfile", "hygiene"),
)

# The program and what it would take instead; hadolint's list.
POINTLESS = {
    "free": "memory usage at build time says nothing about the container at run time",
    "kill": "no process outlives a RUN step, so there is nothing to kill",
    "mount": "mounts made in a RUN step are gone when it ends; use RUN --mount or volumes",
    "ps": "no process outlives a RUN step, so there is nothing to list",
    "service": "services are not kept running after a RUN step; start the process in CMD/ENTRYPOINT",
    "shutdown": "a build step cannot shut down a machine",
    "ssh": "a build should not log in to other machines; use RUN --mount=type=ssh for git access",
    "top": "top is interactive and shows only the build's own processes",
    "vim": "an editor needs a terminal; change files with COPY, sed or a heredoc",
}


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for run in run_commands(dockerfile, *POINTLESS):
        name = run.command.name
        program = run.command.program
        if name is None or program not in POINTLESS:
            continue
        yield Problem(
            run.span_of(name),
            f"'{program}' makes no sense in a container build: {POINTLESS[program]}",
            hint="remove it from the RUN; to ship the program in the image, install its package instead",
        )
