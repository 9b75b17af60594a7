"""CL4105 no-quotes-in-volumes: a short-syntax service volume is written in quotes (dclint style).

Off by default: quoting is a house style, and both forms load the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.compose_style._support import requote_fix, written_services
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar, Sequence

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile

RULE = Rule(
    code="CL4105",
    name="no-quotes-in-volumes",
    summary="A short-syntax volume entry is quoted",
    severity=Severity.STYLE,
    aliases=("dclint:no-quotes-in-volumes",),
    tags=("compose", "style"),
    default_enabled=False,
)


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    for service in written_services(compose):
        volumes = service.get("volumes")
        if not isinstance(volumes, Sequence) or volumes.via_alias:
            continue
        for item in volumes.items:
            if isinstance(item, Scalar) and item.style in ("'", '"') and not item.via_alias:
                yield Problem(
                    item.span,
                    f"service '{service.name}' volume {item.style}{item.value}{item.style} is quoted",
                    hint="write the volume without quotes",
                    fix=requote_fix(compose, item, "", "remove the quotes"),
                )
