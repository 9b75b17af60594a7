"""CL3407 pipe-without-pipefail: ``RUN curl ... | tar x`` succeeds even when curl fails.

A pipeline's status is its last command's. Without ``pipefail`` a failed download piped into
``tar``, ``sh`` or ``gpg`` still lets the build go on. pipefail is in effect when the ``SHELL``
of the stage (inherited from the stage it builds on) is bash, zsh, ash, ksh or mksh with
``-o pipefail``, or when the script runs ``set -o pipefail`` before the pipeline. RUN under a
non-POSIX ``SHELL`` (PowerShell, cmd) is not judged; nor is ONBUILD RUN, whose shell is the
child image's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction
    from containerlint.syntax.shell import Pipeline, ShellScript

RULE = Rule(
    code="CL3407",
    name="pipe-without-pipefail",
    summary="RUN pipes commands without pipefail, so a failure before the last command is ignored",
    severity=Severity.WARNING,
    aliases=("hadolint:DL4006",),
    tags=("dockerfile", "reliability"),
)

# Shells that understand -o pipefail (dash, the usual /bin/sh, does not in most releases).
PIPEFAIL_SHELLS = frozenset({"bash", "zsh", "ash", "ksh", "mksh"})


def sets_pipefail(arguments: Sequence[str]) -> bool:
    """``-o pipefail`` among shell options: ``-o pipefail``, ``-eo pipefail``, ``-o errexit -o pipefail``."""
    letter_o = any(arg.startswith("-") and not arg.startswith("--") and "o" in arg[1:] for arg in arguments)
    return letter_o and "pipefail" in arguments


def shell_has_pipefail(shell: Sequence[str]) -> bool:
    words = list(shell)
    if words and words[0].rsplit("/", 1)[-1] == "env":
        words = words[1:]  # SHELL ["/usr/bin/env", "bash", ...]
    return bool(words) and words[0].rsplit("/", 1)[-1] in PIPEFAIL_SHELLS and sets_pipefail(words[1:])


def script_sets_pipefail_before(script: ShellScript, pipeline: Pipeline) -> bool:
    """``set -o pipefail`` at the top level of the script, before the pipeline."""
    return any(
        command.is_named("set")
        and not command.nesting
        and command.end <= pipeline.start
        and sets_pipefail(command.arg_values)
        for command in script.commands
    )


def scripts_under_shell(instruction: Instruction) -> Iterator[tuple[ShellScript, bool]]:
    """Each script of a RUN and whether the stage's SHELL (with its options) runs it. A heredoc
    with a ``#!`` line or fed to an explicit program (``RUN python3 <<EOF``) runs without them."""
    if instruction.shell is not None:
        yield instruction.shell, True
    for heredoc in instruction.heredocs:
        if heredoc.shell is not None:
            standalone = not heredoc.body.startswith("#!") and heredoc.interpreter == instruction.shell_command[0]
            yield heredoc.shell, standalone


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("RUN"):
        shell_pipefail = shell_has_pipefail(instruction.shell_command)
        for script, under_shell in scripts_under_shell(instruction):
            for pipeline in script.pipelines:
                if (under_shell and shell_pipefail) or script_sets_pipefail_before(script, pipeline):
                    continue
                first = pipeline.commands[0].name if pipeline.commands else None
                culprit = f"'{first.value}'" if first is not None else "an earlier command"
                yield Problem(
                    script.span_of(pipeline),
                    f"without pipefail this pipeline succeeds even when {culprit} fails; only the last command counts",
                    hint='put SHELL ["/bin/bash", "-o", "pipefail", "-c"] before the RUN '
                    '(on Alpine without bash: SHELL ["/bin/ash", "-o", "pipefail", "-c"])',
                )
