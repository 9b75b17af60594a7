"""CL4112 service-ports-alphabetical-order: a service's ``ports`` are not sorted by their (host) port
(dclint style, off by default). Digits compare as numbers: ``"8080"`` comes after ``"443"``."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.compose_style._support import first_out_of_order, natural_key, written_services
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile

RULE = Rule(
    code="CL4112",
    name="service-ports-alphabetical-order",
    summary="A service's ports are not in ascending order",
    severity=Severity.STYLE,
    aliases=("dclint:service-ports-alphabetical-order",),
    tags=("compose", "style", "ordering"),
    default_enabled=False,
)


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    for service in written_services(compose):
        ports = service.get("ports")
        if not isinstance(ports, Sequence) or ports.via_alias:
            continue
        keys = [sort_port(item) for item in ports.items]
        index = first_out_of_order(keys, natural_key)
        if index is None:
            continue
        yield Problem(
            ports.items[index].span,
            f"service '{service.name}' port '{keys[index]}' comes after '{keys[index - 1]}'; "
            "keep the ports in ascending order",
            hint="sort the ports by host port",
        )


def sort_port(item: Node) -> str:
    """The port an entry is sorted by: the host port when one is given, else the container port."""
    if isinstance(item, Mapping):
        published = item.get("published")
        return published.value if isinstance(published, Scalar) and not published.is_null else ""
    if not isinstance(item, Scalar):
        return ""
    spec = item.value.split("/", 1)[0]
    parts = _split_outside_brackets(spec)
    first = parts[0][1:-1] if parts[0].startswith("[") and parts[0].endswith("]") else parts[0]
    if _is_ip(first) and len(parts) > 1:
        return parts[1]
    return parts[0]


def _split_outside_brackets(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        if char == ":" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
