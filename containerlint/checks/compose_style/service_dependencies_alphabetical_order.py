"""CL4110 service-dependencies-alphabetical-order: a service's ``depends_on`` entries are not sorted
(dclint style, off by default)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.compose_style._support import first_out_of_order, locale_key, written_pairs, written_services
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile

RULE = Rule(
    code="CL4110",
    name="service-dependencies-alphabetical-order",
    summary="A service's depends_on entries are not in alphabetical order",
    severity=Severity.STYLE,
    aliases=("dclint:service-dependencies-alphabetical-order",),
    tags=("compose", "style", "ordering"),
    default_enabled=False,
)


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    for service in written_services(compose):
        entries = _entries(service.get("depends_on"))
        index = first_out_of_order([name for name, _ in entries], locale_key)
        if index is None:
            continue
        name, node = entries[index]
        yield Problem(
            node.span,
            f"service '{service.name}' depends_on '{name}' comes after '{entries[index - 1][0]}'; "
            "keep the dependencies in alphabetical order",
            hint="sort the depends_on entries alphabetically",
        )


def _entries(node: Node | None) -> list[tuple[str, Node]]:
    if node is None or node.via_alias:
        return []
    if isinstance(node, Sequence):
        return [(item.value, item) for item in node.items if isinstance(item, Scalar) and not item.is_null]
    if isinstance(node, Mapping):
        return [(pair.key.value, pair.key) for pair in written_pairs(node) if isinstance(pair.key, Scalar)]
    return []
