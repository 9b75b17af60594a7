"""What the style rules share: the text as written (the parser upper-cases keywords) and
BuildKit's reading of an EXPOSE port spec."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from containerlint.model import Edit, Fix, Span

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

PROTOCOLS = frozenset({"tcp", "udp", "sctp"})


def written(dockerfile: Dockerfile, span: Span) -> str | None:
    """The source text of a one-line span, or None when it spans lines."""
    if span.start.line != span.end.line or span.start.line > len(dockerfile.lines):
        return None
    return dockerfile.lines[span.start.line - 1][span.start.column - 1 : span.end.column - 1]


def is_single_case(text: str) -> bool:
    """``FROM`` and ``from`` are; ``From`` is not."""
    return text in (text.lower(), text.upper())


def replace_with(span: Span, text: str, description: str) -> Fix:
    return Fix(description, (Edit(span, text),))


@dataclass(frozen=True)
class PortSpec:
    """``[ip:][host_port:]port[/proto]`` split as BuildKit splits EXPOSE arguments."""

    ip: str
    host_port: str
    port: str
    protocol: str  # as written, "" when absent
    protocol_offset: int  # where the protocol starts in the spec

    @property
    def maps_host(self) -> bool:
        return bool(self.ip or self.host_port)


def parse_port_spec(spec: str) -> PortSpec | None:
    """The parts of an EXPOSE argument, or None when BuildKit rejects it before linting
    (no port, or a protocol other than tcp/udp/sctp)."""
    parts = spec.split(":")
    if len(parts) == 1:
        ip, host_port, container = "", "", parts[0]
    else:
        ip, host_port, container = ":".join(parts[:-2]), parts[-2], parts[-1]
    port, _, protocol = container.partition("/")
    if not port or (protocol and protocol.lower() not in PROTOCOLS):
        return None
    offset = len(spec) - len(container) + len(port) + 1
    return PortSpec(ip, host_port, port, protocol, offset)
