"""Helpers shared by the build-hygiene rules (CL30xx): paths, stages and COPY/ADD arguments."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Flag, Instruction, Stage, Token

# File name endings hadolint treats as (possibly compressed tar) archives. Case matters: `.Z` is
# compress(1), and BuildKit itself sniffs the content, so the names are only a heuristic.
ARCHIVE_EXTENSIONS = (
    ".tar",
    ".Z",
    ".bz2",
    ".gz",
    ".lz",
    ".lzma",
    ".tZ",
    ".tb2",
    ".tbz",
    ".tbz2",
    ".tgz",
    ".tlz",
    ".tpz",
    ".txz",
    ".xz",
)

_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:")


def strip_quotes(text: str) -> str:
    """Drop quote characters around a word, as written: ``"/app"`` -> ``/app``."""
    return text.strip("\"'")


def is_absolute_path(path: str) -> bool:
    """``/x``, or a Windows drive path (``C:\\x``, ``c:/x``)."""
    return path.startswith("/") or bool(_WINDOWS_DRIVE.match(path))


def is_archive(path: str) -> bool:
    return strip_quotes(path).endswith(ARCHIVE_EXTENSIONS)


def basename(path: str) -> str:
    """The last component of a POSIX or Windows path: ``C:\\a\\b.tar`` -> ``b.tar``."""
    return re.split(r"[/\\]", strip_quotes(path))[-1]


def copy_operands(instruction: Instruction) -> tuple[list[Token], Token | None]:
    """The sources and the destination of COPY/ADD, exec or shell form (flags excluded)."""
    words = instruction.words
    if len(words) < 2:
        return [], None
    return words[:-1], words[-1]


def stage_lineage(dockerfile: Dockerfile, stage: Stage) -> Iterator[Stage]:
    """The stage, then the earlier stage it builds on (``FROM base``), and so on."""
    seen: set[int] = set()
    current: Stage | None = stage
    while current is not None and current.index not in seen:
        seen.add(current.index)
        yield current
        base = current.base_stage
        current = None if base is None else next((s for s in dockerfile.stages if s.index == base), None)


def repeated_in_stage(dockerfile: Dockerfile, keyword: str) -> Iterator[tuple[Instruction, Instruction]]:
    """(previous, later) for each instruction of ``keyword`` after the first one in its stage.

    ONBUILD triggers are not counted: they belong to the images built from this one."""
    for stage in dockerfile.stages:
        previous: Instruction | None = None
        for instruction in stage.instructions:
            if instruction.keyword != keyword:
                continue
            if previous is not None:
                yield previous, instruction
            previous = instruction


def from_flag(instruction: Instruction) -> Flag | None:
    """The ``--from`` flag of a COPY, if it has a value."""
    flag = instruction.flag("from") if instruction.keyword == "COPY" else None
    return flag if flag is not None and flag.value else None
