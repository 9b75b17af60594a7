"""CL4113 services-alphabetical-order: services are not sorted by name (dclint style, off by default)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.compose_style._support import locale_key, written_pairs
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping, Scalar

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile

RULE = Rule(
    code="CL4113",
    name="services-alphabetical-order",
    summary="Services are not in alphabetical order",
    severity=Severity.STYLE,
    aliases=("dclint:services-alphabetical-order",),
    tags=("compose", "style", "ordering"),
    default_enabled=False,
)


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    services = compose.root.get("services") if compose.root is not None else None
    if not isinstance(services, Mapping) or services.via_alias:
        return
    before: list[str] = []
    for pair in written_pairs(services):
        assert isinstance(pair.key, Scalar)
        name = pair.key.value
        later = [other for other in before if locale_key(other) > locale_key(name)]
        if later:
            first_later = min(later, key=locale_key)
            yield Problem(
                pair.key.span,
                f"service '{name}' should come before '{first_later}' (services in alphabetical order)",
                hint=f"move '{name}' above '{first_later}'",
            )
        before.append(name)
