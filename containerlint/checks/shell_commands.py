"""Queries over the commands a Dockerfile runs, shared by every rule that looks inside ``RUN``.

A rule asks "which ``apt-get install`` runs, with which flags, in which stage" rather than walking
instructions, heredocs and shell trees itself.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import dataclass

from containerlint.model import Span
from containerlint.syntax import gc_paused
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
    """Every command the Dockerfile's RUN instructions run, optionally only those named ``names``
    (a program name, or the name exactly as written), in file order."""
    if not names:
        return (run for _, commands in run_instructions(dockerfile) for run in commands)
    runs, positions = _by_name(dockerfile)
    if len(names) == 1:  # already in file order, each command once
        return (runs[position] for position in positions.get(names[0], ()))
    found = sorted({position for name in names for position in positions.get(name, ())})
    return (runs[position] for position in found)


def instructions_running(dockerfile: Dockerfile, *names: str) -> set[int]:
    """The ids of the RUN instructions (as ``run_instructions`` yields them) that run a command
    named one of ``names``: a rule about one program skips the other RUNs without looking."""
    runs, positions = _by_name(dockerfile)
    return {id(runs[position].instruction) for name in names for position in positions.get(name, ())}


# Per Dockerfile: every command in file order, and for each program name and name as written,
# the positions of its commands in that list (ints: no tuple per command for the collector).
_BY_NAME: weakref.WeakKeyDictionary[Dockerfile, tuple[list[RunCommand], dict[str, list[int]]]] = (
    weakref.WeakKeyDictionary()
)


def _by_name(dockerfile: Dockerfile) -> tuple[list[RunCommand], dict[str, list[int]]]:
    """Commands indexed by program name and by name as written, so a rule asking for apt-get
    does not scan every command of a long file."""
    found = _BY_NAME.get(dockerfile)
    if found is None:
        runs = [run for _, commands in run_instructions(dockerfile) for run in commands]
        positions: dict[str, list[int]] = {}
        for position, run in enumerate(runs):
            name = run.command.name
            if name is None:
                continue
            program, written = run.command.program, name.value
            if program is not None:
                positions.setdefault(program, []).append(position)
            if written != program:
                positions.setdefault(written, []).append(position)
        found = _BY_NAME[dockerfile] = (runs, positions)
    return found


# Dozens of rules ask for the same commands of the same file: compute them once per tree.
_RUNS: weakref.WeakKeyDictionary[Dockerfile, list[tuple[Instruction, list[RunCommand]]]] = weakref.WeakKeyDictionary()


def run_instructions(dockerfile: Dockerfile) -> Iterator[tuple[Instruction, list[RunCommand]]]:
    """Each RUN with its commands, for rules that reason about one instruction as a whole
    (an install and its cleanup must happen in the same layer). The exec form counts:
    ``RUN ["apt-get", "install", "curl"]`` runs apt-get as surely as the shell form does."""
    runs = _RUNS.get(dockerfile)
    if runs is None:
        with gc_paused():  # a burst of long-lived objects, like a parse (see syntax.gc_paused)
            runs = _RUNS[dockerfile] = list(_collect_runs(dockerfile))
    return iter(runs)


def _collect_runs(dockerfile: Dockerfile) -> Iterator[tuple[Instruction, list[RunCommand]]]:
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
