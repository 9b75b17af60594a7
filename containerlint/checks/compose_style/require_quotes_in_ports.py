"""CL4108 require-quotes-in-ports: a ``ports`` or ``expose`` entry is not quoted with the configured
quote (dclint style). Unquoted ``HOST:CONTAINER`` ports are a YAML 1.1 trap (``22:22`` reads as a
base-60 number there), which is why dclint wants them quoted. Off by default.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.compose_style._support import quoted, requote_fix, written_services
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar, Sequence

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile

RULE = Rule(
    code="CL4108",
    name="require-quotes-in-ports",
    summary="A ports or expose entry is not quoted with the configured quote",
    severity=Severity.STYLE,
    aliases=("dclint:require-quotes-in-ports",),
    tags=("compose", "style"),
    default_enabled=False,
    options={"quote-type": "single"},
)

QUOTES = {"single": "'", "double": '"'}


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    quote_type = str(ctx.options.get("quote-type", "single")).lower()
    quote = QUOTES.get(quote_type, "'")
    for service in written_services(compose):
        for section in ("ports", "expose"):
            entries = service.get(section)
            if not isinstance(entries, Sequence) or entries.via_alias:
                continue
            for item in entries.items:
                if not isinstance(item, Scalar) or item.is_null or item.style == quote or item.via_alias:
                    continue
                yield Problem(
                    item.span,
                    f"service '{service.name}' {section} entry {_written(item)} is not in {quote_type} quotes",
                    hint=f"write it as {_requoted(item, quote)}",
                    fix=requote_fix(compose, item, quote, f"quote it with {quote_type} quotes"),
                )


def _written(item: Scalar) -> str:
    return f"{item.style}{item.value}{item.style}" if item.style in ("'", '"') else item.value


def _requoted(item: Scalar, quote: str) -> str:
    return quoted(item.value, quote)
