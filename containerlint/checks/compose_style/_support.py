"""Shared by the dclint-parity rules (CL4101-CL4114): the file as written, ports, sort keys, quoting.

Style rules read the file as written: only the pairs written in a mapping (not those a ``<<`` merge
key brings in, which belong to the anchor and are checked there). Semantic rules read the merged
project model (``compose_projects``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from containerlint.compose_model import ComposeProject, compose_projects
from containerlint.config import settings_of
from containerlint.model import Edit, Fix, Span
from containerlint.registry import Context
from containerlint.syntax.compose import PortMapping
from containerlint.syntax.yamlnodes import Mapping, Node, Pair, Scalar

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.compose import ComposeFile, Service


def projects(index: ProjectIndex, ctx: Context) -> list[ComposeProject]:
    return compose_projects(index, settings_of(ctx.settings))


# ---------------------------------------------------------------------------------------------
# The file as written


def written_pairs(mapping: Mapping) -> list[Pair]:
    """The pairs written in ``mapping`` itself, in order, with scalar keys (no ``<<`` merges)."""
    return [
        pair for pair in mapping.pairs if not pair.merged and isinstance(pair.key, Scalar) and pair.key_text != "<<"
    ]


@dataclass
class WrittenService:
    name: str
    key: Scalar
    node: Mapping

    def pair(self, key: str) -> Pair | None:
        found = None
        for pair in written_pairs(self.node):
            if pair.key_text == key:
                found = pair
        return found

    def get(self, key: str) -> Node | None:
        pair = self.pair(key)
        return pair.value if pair else None


def written_services(compose: ComposeFile) -> Iterator[WrittenService]:
    """The services written in the file, in order (a service's mapping may come from an alias)."""
    services = compose.root.get("services") if compose.root is not None else None
    if not isinstance(services, Mapping):
        return
    for pair in written_pairs(services):
        if isinstance(pair.value, Mapping) and isinstance(pair.key, Scalar):
            yield WrittenService(pair.key.value, pair.key, pair.value)


def service_key(service: Service, key: str) -> Node | None:
    """The key node of ``key`` in a (merged-model) service, for a finding on the key itself."""
    pair = service.node.pair(key)
    return pair.key if pair is not None else None


def unresolved(text: str | None) -> bool:
    """A value that still holds a variable (or is missing): nothing certain can be said of it."""
    return text is None or "$" in text


# ---------------------------------------------------------------------------------------------
# Sorting like JavaScript's localeCompare (dclint sorts with it)


def locale_key(text: str) -> tuple[str, str]:
    """Case-insensitive first, lower case before upper case on a tie (ICU's root collation)."""
    return text.casefold(), text.swapcase()


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """localeCompare with ``numeric: true``: runs of digits compare as numbers."""
    parts: list[tuple[int, int | str]] = []
    for index, part in enumerate(_DIGITS.split(text)):
        if index % 2:
            parts.append((0, int(part)))
        elif part:
            parts.append((1, part.casefold()))
    return tuple(parts)


def first_out_of_order(keys: list[str], sort_key: Callable[[str], Any]) -> int | None:
    """Index of the first entry that sorts before the entry written above it, or None."""
    for index in range(1, len(keys)):
        if sort_key(keys[index]) < sort_key(keys[index - 1]):
            return index
    return None


# ---------------------------------------------------------------------------------------------
# Ports


@dataclass(frozen=True)
class HostBinding:
    """What a ``ports`` entry takes on the host: an address (None: every interface), a protocol and
    a range of host ports."""

    host_ip: str | None
    protocol: str
    first: int
    last: int

    def collides(self, other: HostBinding) -> bool:
        if self.protocol != other.protocol or self.last < other.first or other.last < self.first:
            return False
        return addresses_overlap(self.host_ip, other.host_ip)


_ANY_V4 = "0.0.0.0"
_ANY_V6 = "::"


def addresses_overlap(first: str | None, second: str | None) -> bool:
    if first is None or second is None or first == second:
        return True
    if _ANY_V4 in (first, second):
        return ":" not in (second if first == _ANY_V4 else first)
    if _ANY_V6 in (first, second):
        return ":" in (second if first == _ANY_V6 else first)
    return False


def host_binding(port: PortMapping) -> HostBinding | None:
    """The host ports an entry certainly takes; None when it takes none for certain: a container
    port alone (Compose picks a free host port), a host range for one container port (one free
    port of the range), or a value with an unresolved variable."""
    if port.error or unresolved(port.published) or port.published == "":
        return None
    if port.host_ip is not None and "$" in port.host_ip:
        return None
    published, target = port.published_range, port.target_range
    if published is None:
        return None
    if published[0] != published[1] and (target is None or target[1] - target[0] != published[1] - published[0]):
        return None
    protocol = (port.protocol or "tcp").lower()
    host_ip = port.host_ip.strip("[]") if port.host_ip else None
    return HostBinding(host_ip or None, protocol, published[0], published[1])


def port_text(port: PortMapping) -> str:
    """A port entry as a user recognises it: the short syntax, or the long one's fields."""
    if port.short and isinstance(port.node, Scalar):
        return port.node.value
    parts = [
        f"{name}: {value}"
        for name, value in (
            ("host_ip", port.host_ip),
            ("published", port.published),
            ("target", port.target),
            ("protocol", port.protocol),
        )
        if value
    ]
    return "{" + ", ".join(parts) + "}"


# ---------------------------------------------------------------------------------------------
# Quoting


def source_text(compose: ComposeFile, span: Span) -> str | None:
    """The text of a one-line span, or None."""
    if span.start.line != span.end.line:
        return None
    lines = compose.stream.text.splitlines()
    if span.start.line > len(lines):
        return None
    return lines[span.start.line - 1][span.start.column - 1 : span.end.column - 1]


def quoted(value: str, quote: str) -> str:
    if quote == "'":
        return "'" + value.replace("'", "''") + "'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def requote_fix(compose: ComposeFile, node: Scalar, quote: str, description: str) -> Fix | None:
    """Rewrite a one-line scalar with ``quote`` (a quote character, or "" for plain) when the
    rewrite is exact: the scalar is written on one line without escapes, and (for plain) the value
    reads back as the same string."""
    written = source_text(compose, node.span)
    if written is None or node.style not in ("", "'", '"'):
        return None
    if node.style and written != node.style + node.value + node.style:
        return None  # escapes or '' inside: not a one-to-one rewrite
    if not node.style and written != node.value:
        return None
    if quote:
        text = quoted(node.value, quote)
    elif plain_safe(node.value):
        text = node.value
    else:
        return None
    return Fix(description, (Edit(node.span, text),))


_PLAIN_START = set("-?:,[]{}#&*!|>'\"%@`")
_TYPED = re.compile(
    r"(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF"
    r"|[-+]?[0-9_.:]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0x[0-9a-fA-F_]+|0o[0-7_]+)"
)


def plain_safe(value: str) -> bool:
    """``value`` written plain reads back as the same string, in YAML 1.1 and 1.2 alike."""
    if not value or value != value.strip() or value[0] in _PLAIN_START:
        return False
    if ": " in value or " #" in value or value.endswith(":") or "\t" in value:
        return False
    return _TYPED.fullmatch(value) is None
