"""CL3406 ln-over-bin-sh: ``RUN ln -sf /bin/bash /bin/sh`` changes the shell behind RUN's back.

Every later RUN, and every image built on this one, silently gets a different ``/bin/sh``.
``SHELL`` says which shell RUN uses, visibly and per stage.
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
    code="CL3406",
    name="ln-over-bin-sh",
    summary="RUN replaces /bin/sh with a link instead of using SHELL",
    severity=Severity.WARNING,
    aliases=("hadolint:DL4005",),
    tags=("dockerfile", "hygiene"),
)

# /usr/bin/sh is the same file as /bin/sh on merged-/usr distributions.
SYSTEM_SHELLS = ("/bin/sh", "/usr/bin/sh")
_VALUE_OPTIONS = ("-S", "--suffix")


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for run in run_commands(dockerfile, "ln"):
        command = run.command
        if command.has_flag("-t", "--target-directory"):
            continue  # every operand is a source, linked into a directory
        operands = command.positional(takes_value=_VALUE_OPTIONS)
        if len(operands) < 2 or operands[-1].value.rstrip("/") not in SYSTEM_SHELLS:
            continue  # the link made is the last operand: /bin/sh as a source is fine
        source = operands[0].value
        yield Problem(
            run.span,
            f"'ln' replaces {operands[-1].value}, so every later RUN silently runs {source} instead",
            hint=f'use SHELL ["{source}", "-c"] to choose the shell RUN uses',
        )
