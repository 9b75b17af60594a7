"""CL3015 consecutive-run-instructions: single-command RUNs in a row that could be one layer
(hadolint DL3059)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction

RULE = Rule(
    code="CL3015",
    name="consecutive-run-instructions",
    summary="Consecutive RUN instructions of one command each could be consolidated into one layer",
    severity=Severity.INFO,
    aliases=("hadolint:DL3059",),
    tags=("dockerfile", "size"),
)

FlagKey = tuple[tuple[str, object], ...]


def flag_key(instruction: Instruction) -> FlagKey:
    """RUN's flags, compared as sets: the order of flags and of --mount options does not matter."""
    key: list[tuple[str, object]] = []
    for flag in instruction.flags:
        if flag.name == "mount":
            options = {name: option.value for name, option in flag.options.items()}
            options["type"] = flag.mount_type
            key.append((flag.name, tuple(sorted(options.items(), key=str))))
        else:
            key.append((flag.name, flag.value))
    return tuple(sorted(key, key=str))


def command_count(instruction: Instruction) -> int:
    """Commands with a literal name in the command line and in shell heredoc bodies (nested
    ones too: `echo $(date)` is two)."""
    return sum(
        1
        for script in instruction.scripts()
        for command in script.commands
        if command.name is not None and command.name.is_static
    )


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    # Comments sit between instructions without being one, so they do not break a run of RUNs;
    # any other instruction (ONBUILD RUN and FROM included) does.
    previous: tuple[Instruction, FlagKey, int] | None = None
    for instruction in dockerfile.instructions:
        if instruction.keyword != "RUN":
            previous = None
            continue
        key, count = flag_key(instruction), command_count(instruction)
        # Chained commands (`a && b`) mean the split into RUNs was deliberate; so do other flags.
        if previous is not None and previous[1] == key and count <= 1 and previous[2] <= 1:
            yield Problem(
                instruction.keyword_span,
                f"RUN right after the RUN on line {previous[0].line}: each RUN adds a layer",
                hint="join them into one RUN with '&&' unless the split is wanted for caching",
            )
        previous = (instruction, key, count)
