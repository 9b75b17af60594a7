"""CL3012 env-uses-variable-it-defines: an ENV value refers to a variable the same ENV sets
(hadolint DL3044)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import stage_lineage
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction, KeyValue, Stage

RULE = Rule(
    code="CL3012",
    name="env-uses-variable-it-defines",
    summary="An ENV value refers to a variable set by the same ENV, which expands to its old value",
    severity=Severity.ERROR,
    aliases=("hadolint:DL3044",),
    tags=("dockerfile", "correctness"),
)

_NAME = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*)")


def references(raw: str, escape: str) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each ``$NAME``/``${NAME...}`` the builder expands in a raw value:
    not inside single quotes and not escaped."""
    position, quote = 0, ""
    while position < len(raw):
        char = raw[position]
        if char == escape and quote != "'":
            position += 2
            continue
        if char in "'\"" and quote in ("", char):
            quote = "" if quote else char
        elif char == "$" and quote != "'" and (match := _NAME.match(raw, position + 1)):
            end = match.end()
            if match.group(1):  # braced: report up to the closing brace
                close = raw.find("}", end)
                end = close + 1 if close >= 0 else end
            yield match.group(1) or match.group(2), position, end
            position = match.end()
            continue
        position += 1


def _defined_before(dockerfile: Dockerfile, stage: Stage) -> set[str]:
    """Variables set by ENV or ARG in the stages this one builds on."""
    names: set[str] = set()
    for ancestor in list(stage_lineage(dockerfile, stage))[1:]:
        for instruction in ancestor.instructions:
            if instruction.keyword in ("ENV", "ARG"):
                names.update(pair.key for pair in instruction.key_values)
    return names


def _problems(instruction: Instruction, known: set[str], escape: str) -> Iterator[Problem]:
    pairs = instruction.key_values
    for index, pair in enumerate(pairs):
        if pair.value_start is None:
            continue
        raw = instruction.args[pair.value_start : pair.end]
        for name, start, end in references(raw, escape):
            setters = [other for other, p in enumerate(pairs) if p.key == name and other != index]
            if name in known or not setters:
                continue
            # `PATH=/a:$PATH PATH=/b` means the old PATH on purpose; only a reference after
            # another assignment, or to a variable the pair does not set itself, is a surprise.
            if pair.key == name and all(other > index for other in setters):
                continue
            yield _problem(instruction, pair, pairs[setters[0]], name, start, end)


def _problem(instruction: Instruction, pair: KeyValue, setter: KeyValue, name: str, start: int, end: int) -> Problem:
    offset = pair.value_start or 0
    return Problem(
        instruction.span_of(offset + start, offset + end),
        f"${name} is expanded before this ENV runs, so it does not see {name}={setter.value} set by the same ENV",
        hint=f"set {name} in an earlier ENV, then refer to it",
    )


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        known = _defined_before(dockerfile, stage)
        for instruction in stage.instructions:
            if instruction.keyword == "ENV":
                yield from _problems(instruction, known, dockerfile.escape)
            if instruction.keyword in ("ENV", "ARG"):
                known.update(pair.key for pair in instruction.key_values)
