"""CL3001 relative-workdir: a WORKDIR path that depends on the WORKDIR before it (hadolint DL3000)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import is_absolute_path, strip_quotes
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3001",
    name="relative-workdir",
    summary="WORKDIR is a relative path, so where it lands depends on the WORKDIR before it",
    severity=Severity.ERROR,
    aliases=("hadolint:DL3000",),
    tags=("dockerfile", "hygiene"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    # ONBUILD WORKDIR is left alone (as hadolint does): it runs in an image not written here.
    for instruction in dockerfile.iter_instructions("WORKDIR"):
        written = instruction.body
        path = strip_quotes(written)
        # A path that starts with a variable is not guessed at (it usually holds an absolute path).
        if not path or path.startswith("$") or is_absolute_path(path):
            continue
        yield Problem(
            instruction.span_of(instruction.body_offset, len(instruction.args)),
            f"WORKDIR {written} is a relative path: it is resolved against the WORKDIR before it",
            hint="give an absolute path (starting with '/'); a relative one moves when an earlier WORKDIR changes",
        )
