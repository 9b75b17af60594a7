"""CL3005 add-instead-of-copy: ADD of plain files or folders, where COPY says what happens (hadolint DL3020)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import copy_operands, is_archive, strip_quotes
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3005",
    name="add-instead-of-copy",
    summary="ADD copies a local file or folder; use COPY, which has no implicit download or unpacking",
    severity=Severity.ERROR,
    aliases=("hadolint:DL3020",),
    tags=("dockerfile", "hygiene"),
)

# Sources only ADD can fetch: HTTP(S) URLs and Git repositories.
REMOTE_PREFIXES = ("http://", "https://", "git@", "git://", "ssh://")


def needs_add(source: str) -> bool:
    """True if ADD does something COPY cannot with this source (or it cannot be known)."""
    path = strip_quotes(source)
    # A variable may hold a URL: not guessed at.
    return path.startswith(REMOTE_PREFIXES) or path.startswith("$") or is_archive(path)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("ADD"):
        sources, _ = copy_operands(instruction)
        for source in sources:
            if not needs_add(source.raw):
                yield Problem(
                    source.span,
                    f"ADD of '{source.value}', a local file or folder: COPY does the same without "
                    "ADD's implicit URL download and archive unpacking",
                    hint="use COPY; keep ADD for URLs and for tar archives that should be unpacked",
                )
