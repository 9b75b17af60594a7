"""CL2002 sudo-in-run: a RUN command uses sudo.

A build already runs as the current USER, and sudo in an image adds a setuid binary, a sudoers
policy and a TTY-dependent tool whose behaviour (environment reset, password prompts, signal
handling) differs from the plain command. Switch with ``USER``, or use ``gosu``/``su-exec`` in an
entrypoint that must drop privileges.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile
    from containerlint.syntax.shell import Command, Word

RULE = Rule(
    code="CL2002",
    name="sudo-in-run",
    summary="A RUN command uses sudo",
    severity=Severity.ERROR,
    aliases=("hadolint:DL3004",),
    tags=("dockerfile", "security"),
)

MESSAGE = "'sudo' in RUN: the build already runs as the current USER, and sudo behaves unpredictably here"
HINT = "drop sudo and switch with 'USER root' ... 'USER app' around the command, or use gosu/su-exec"


def sudo_word(command: Command) -> Word | None:
    """The word that runs sudo: the command name, or a word before the program that wrappers
    such as ``env`` or ``nice`` hand over to (``env sudo make``)."""
    if command.is_named("sudo"):
        return command.name
    target = command.unwrapped().name
    if target is None or target is command.name:
        return None
    for word in command.args:
        if word.start >= target.start:
            break
        if word.value.rsplit("/", 1)[-1] == "sudo":
            return word
    return None


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("RUN", onbuild=True):
        exec_args = instruction.exec_args
        if exec_args and exec_args[0].value.rsplit("/", 1)[-1] == "sudo":
            yield Problem(exec_args[0].span, MESSAGE, hint=HINT)
        for script in instruction.scripts():
            for command in script.commands:
                word = sudo_word(command)
                if word is not None:
                    yield Problem(script.span_of(word), MESSAGE, hint=HINT)
