"""CL3002 archive-extracted-after-copy: COPY of a tar archive that a later RUN unpacks (hadolint DL3010)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import basename, copy_operands, is_archive
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction, Token
    from containerlint.syntax.shell import Command

RULE = Rule(
    code="CL3002",
    name="archive-extracted-after-copy",
    summary="An archive is copied in and then unpacked by RUN; ADD unpacks local tar archives itself",
    severity=Severity.INFO,
    aliases=("hadolint:DL3010",),
    tags=("dockerfile", "size"),
)

# Programs that unpack (or decompress) whatever file they are given.
UNPACKERS = ("unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz", "uncompress", "zcat", "gzcat")


def _tar_extracts(command: Command) -> bool:
    for position, word in enumerate(command.args):
        value = word.value
        if value in ("--extract", "--get"):
            return True
        if value.startswith("-") and not value.startswith("--") and "x" in value:
            return True  # -x, -xzf, -C/dir -xf ...
        if position == 0 and not value.startswith("-") and "x" in value:
            return True  # the old option style: tar xzf app.tgz
    return False


def _unpacked_names(command: Command) -> set[str]:
    """Base names of the files ``command`` unpacks; empty if it unpacks nothing."""
    if not (command.is_named(*UNPACKERS) or (command.is_named("tar") and _tar_extracts(command))):
        return set()
    return {basename(word.value) for word in command.args if not word.value.startswith("-")}


def _archives_copied(instruction: Instruction) -> list[Token]:
    """The archive words of a COPY from the build context: the destination when it names an
    archive file, else the sources that are archives."""
    if instruction.keyword != "COPY" or instruction.flag("from") is not None:
        return []
    sources, destination = copy_operands(instruction)
    if destination is not None and is_archive(destination.raw):
        return [destination]
    return [source for source in sources if is_archive(source.raw)]


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        copied: dict[str, list[Token]] = {}  # archive base name -> the words that copied it
        for instruction in stage.instructions:
            for token in _archives_copied(instruction):
                copied.setdefault(basename(token.raw), []).append(token)
            if instruction.keyword != "RUN" or not copied:
                continue
            for script in instruction.scripts():
                for command in script.commands:
                    command = command.unwrapped()
                    for name in sorted(_unpacked_names(command) & copied.keys()):
                        for token in copied.pop(name):
                            yield Problem(
                                token.span,
                                f"'{token.value}' is copied in, then unpacked by "
                                f"'{command.program}' on line {instruction.line}",
                                hint="ADD unpacks a local tar archive (plain or compressed) into the "
                                "destination in one step, without leaving the archive in a layer",
                            )
