"""CL4114 top-level-properties-order: the top-level keys are not in the conventional order (dclint
style, off by default): ``x-`` extensions (alphabetically), version, name, include, services,
networks, volumes, secrets, configs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.compose_style._support import locale_key, written_pairs
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile

X_PROPERTIES = "x-properties"
DEFAULT_ORDER = [X_PROPERTIES, "version", "name", "include", "services", "networks", "volumes", "secrets", "configs"]

RULE = Rule(
    code="CL4114",
    name="top-level-properties-order",
    summary="The top-level keys are not in the conventional order",
    severity=Severity.STYLE,
    aliases=("dclint:top-level-properties-order",),
    tags=("compose", "style", "ordering"),
    default_enabled=False,
    options={"custom-order": DEFAULT_ORDER},
)


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    if compose.root is None:
        return
    pairs = [pair for pair in written_pairs(compose.root) if pair.key_text is not None]
    keys = [pair.key_text or "" for pair in pairs]
    extensions = sorted((key for key in keys if key.startswith("x-")), key=locale_key)
    custom = [str(key) for key in ctx.options.get("custom-order") or DEFAULT_ORDER]
    order = [key for entry in custom for key in (extensions if entry == X_PROPERTIES else [entry])]
    last, previous = -1, ""
    for pair, key in zip(pairs, keys, strict=True):
        if key not in order:
            continue  # a key the order does not place (models, a new key): no place to be out of
        position = order.index(key)
        if position < last:
            yield Problem(
                pair.key.span,
                f"top-level key '{key}' should come before '{previous}'",
                hint="order the top-level keys: " + ", ".join(k for k in order if k in keys),
            )
        else:
            last, previous = position, key
