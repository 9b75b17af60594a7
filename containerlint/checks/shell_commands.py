"""Queries over the commands a Dockerfile runs, shared by every rule that looks inside ``RUN``.

A rule asks "which ``apt-get install`` runs, with which flags, in which stage" rather than walking
instructions, heredocs and shell trees itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from containerlint.model import Span
from containerlint.syntax.dockerfile import Dockerfile, Instruction, Stage
from containerlint.syntax.shell import Command, ShellScript, Word


@dataclass(frozen=True)
class RunCommand:
    """One simple command run by a ``RUN`` (also ``ONBUILD RUN`` and shell heredoc bodies)."""

    instruction: Instruction  # the RUN (or the ONBUILD holding it)
    stage: Stage | None
    script: ShellScript
    command: Command  # wrappers such as sudo, env and nice are already looked through

    @property
    def span(self) -> Span:
        return self.script.span_of(self.command)

    def span_of(self, item: Word | Command) -> Span:
        return self.script.span_of(item)

    def is_named(self, *names: str) -> bool:
        return self.command.is_named(*names)


def run_commands(dockerfile: Dockerfile, *names: str) -> Iterator[RunCommand]:
    """Every command the Dockerfile's RUN instructions run, optionally only those named ``names``."""
    for _, commands in run_instructions(dockerfile):
        for run in commands:
            if not names or run.command.is_named(*names):
                yield run


def run_instructions(dockerfile: Dockerfile) -> Iterator[tuple[Instruction, list[RunCommand]]]:
    """Each RUN with its commands, for rules that reason about one instruction as a whole
    (an install and its cleanup must happen in the same layer). The exec form counts:
    ``RUN ["apt-get", "install", "curl"]`` runs apt-get as surely as the shell form does."""
    for instruction in dockerfile.iter_instructions("RUN", onbuild=True):
        stage = dockerfile.stage_of(instruction)
        commands = [
            RunCommand(instruction, stage, script, command.unwrapped())
            for script in instruction.scripts()
            for command in script.commands
        ]
        if not commands:
            exec_command = _exec_form_command(instruction, stage)
            commands = [exec_command] if exec_command is not None else []
        yield instruction, commands


def _exec_form_command(instruction: Instruction, stage: Stage | None) -> RunCommand | None:
    """The one command an exec-form RUN runs, positioned like a shell command."""
    target = instruction.inner or instruction
    tokens = target.exec_args or []
    if not tokens:
        return None
    words = [Word(token.raw, token.value, token.start, token.end) for token in tokens]
    command = Command(words[0], words[1:], words[0].start, words[-1].end)
    script = ShellScript(target.args, [command], [], locate=target.span_of)
    return RunCommand(instruction, stage, script, command.unwrapped())
