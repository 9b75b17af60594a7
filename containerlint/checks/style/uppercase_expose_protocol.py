"""CL3505 uppercase-expose-protocol: ``EXPOSE 80/TCP`` (BuildKit's ExposeProtoCasing).

Arguments holding variables are skipped: BuildKit checks them after expansion, with values
only a build knows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.style._support import parse_port_spec, replace_with
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3505",
    name="uppercase-expose-protocol",
    summary="EXPOSE protocol is not lowercase",
    severity=Severity.STYLE,
    aliases=("buildkit:ExposeProtoCasing",),
    tags=("dockerfile", "style", "buildkit"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("EXPOSE"):
        for token in instruction.tokens:
            spec = parse_port_spec(token.value)
            if "$" in token.raw or spec is None or spec.protocol == spec.protocol.lower():
                continue
            # Point at the protocol when the word has no quotes to shift offsets.
            exact = token.raw == token.value
            start = token.start + spec.protocol_offset if exact else token.start
            span = instruction.span_of(start, token.end)
            lower = spec.protocol.lower()
            yield Problem(
                span,
                f"protocol of '{token.value}' in EXPOSE should be lowercase",
                hint=f"write '{spec.port}/{lower}'",
                fix=replace_with(span, lower, f"write '{lower}'") if exact else None,
            )
