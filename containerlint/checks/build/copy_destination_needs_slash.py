"""CL3006 copy-destination-needs-slash: several sources copied to a destination without a trailing
``/`` (hadolint DL3021)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import copy_operands, strip_quotes
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3006",
    name="copy-destination-needs-slash",
    summary="COPY or ADD with several sources needs a destination directory ending in '/'",
    severity=Severity.ERROR,
    aliases=("hadolint:DL3021",),
    tags=("dockerfile", "correctness"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("COPY", "ADD"):
        sources, destination = copy_operands(instruction)
        if destination is None or len(sources) < 2 or strip_quotes(destination.raw).endswith("/"):
            continue
        yield Problem(
            destination.span,
            f"{instruction.keyword} of {len(sources)} sources to '{destination.value}': with several "
            "sources the destination must be a directory ending in '/', or the build fails",
            hint=f"write the destination as '{destination.value}/'",
        )
