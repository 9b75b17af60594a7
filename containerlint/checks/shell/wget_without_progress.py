"""CL3404 wget-without-progress: wget's default progress bar floods non-interactive build logs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.shell._support import gives_option
from containerlint.checks.shell_commands import run_commands
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3404",
    name="wget-without-progress",
    summary="wget runs without --progress or a quiet option and floods the build log",
    severity=Severity.INFO,
    aliases=("hadolint:DL3047",),
    tags=("dockerfile", "hygiene"),
)

# --progress chooses the style; the others silence it or send it to a file (hadolint's list).
LONG_OPTIONS = ("progress", "quiet", "no-verbose", "output-file", "append-output")
SHORT_OPTIONS = "qoa"  # -q, -o FILE, -a FILE, also inside clusters such as -qO-


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for run in run_commands(dockerfile, "wget"):
        command = run.command
        if command.name is None or "-nv" in command.arg_values:
            continue
        if gives_option(command.args, LONG_OPTIONS, SHORT_OPTIONS):
            continue
        yield Problem(
            run.span_of(command.name),
            "'wget' without --progress writes a line of progress dots for every 50 KB it downloads into the build log",
            hint="add --progress=dot:giga, or -nv / -q to print less",
        )
