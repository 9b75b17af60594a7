"""CL3018 copy-entire-filesystem: ``COPY --from=stage / /`` (hadolint DL3067)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.build._support import copy_operands, from_flag, strip_quotes
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3018",
    name="copy-entire-filesystem",
    summary="COPY --from copies another stage's whole filesystem onto '/'",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3067",),
    tags=("dockerfile", "size"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("COPY"):
        flag = from_flag(instruction)
        sources, destination = copy_operands(instruction)
        if flag is None or destination is None or strip_quotes(destination.raw) != "/":
            continue
        for source in sources:
            if strip_quotes(source.raw) == "/":
                yield Problem(
                    source.span,
                    f"COPY --from={flag.value} / / copies the whole filesystem of '{flag.value}', "
                    "with its package databases, caches and configuration",
                    hint="copy only the directories this image needs (the built artefacts)",
                )
