"""CL3003 invalid-exposed-port: an EXPOSE port outside 0-65535 or not a port at all (hadolint DL3011)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3003",
    name="invalid-exposed-port",
    summary="EXPOSE names a port outside 0-65535, a reversed range or an unknown protocol",
    severity=Severity.ERROR,
    aliases=("hadolint:DL3011",),
    tags=("dockerfile", "correctness"),
)

MAX_PORT = 65535
PROTOCOLS = ("tcp", "udp", "sctp")
_NUMBER = re.compile(r"[0-9]+")


def port_problem(spec: str) -> str | None:
    """What is wrong with one EXPOSE word (``80``, ``8000-8010/udp``), or None.

    Parts holding a variable are not judged: their value is only known at build time."""
    ports, slash, protocol = spec.partition("/")
    if slash and "$" not in protocol and protocol.lower() not in PROTOCOLS:
        return f"unknown protocol '{protocol}' in '{spec}' (use tcp, udp or sctp)"
    bounds = ports.split("-")
    if len(bounds) > 2 or not all(bound for bound in bounds):
        return f"'{spec}' is not a port or a port range (like 8080 or 8000-8010/tcp)"
    numbers = []
    for bound in bounds:
        if "$" in bound:
            continue
        if not _NUMBER.fullmatch(bound):
            return f"'{spec}' is not a port or a port range (like 8080 or 8000-8010/tcp)"
        if int(bound) > MAX_PORT:
            return f"port {bound} in '{spec}' is out of range: ports go from 0 to {MAX_PORT}"
        numbers.append(int(bound))
    if len(numbers) == 2 and numbers[0] > numbers[1]:
        return f"port range '{ports}' is reversed: the first port must not be greater than the last"
    return None


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("EXPOSE"):
        for token in instruction.tokens:
            message = port_problem(token.value)
            if message is not None:
                yield Problem(
                    token.span,
                    message,
                    hint="EXPOSE takes container ports only; map host ports at run time (docker run -p)",
                )
