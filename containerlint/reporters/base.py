"""What every reporter receives. Reporters see findings and rule metadata, never syntax trees."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from containerlint.model import LintResult, Span
from containerlint.registry import Rule


@dataclass(frozen=True)
class ReportContext:
    rules: Sequence[Rule]  # the rules that ran, sorted by code
    sources: Mapping[str, str] = field(default_factory=dict)  # path -> text, for --show-source
    show_source: bool = False
    show_suppressed: bool = False
    color: bool = False
    tool_version: str = "0"
    fail_on: str = "warning"


class Reporter(Protocol):
    def __call__(self, result: LintResult, context: ReportContext, out: TextIO) -> None: ...


SecretSpans = Mapping[tuple[str, int], Sequence[Span]]


def secret_spans(result: LintResult, rules: Sequence[Rule]) -> dict[tuple[str, int], list[Span]]:
    """Where secrets sit, by (path, line): the spans of every finding of a ``secrets``-tagged rule.

    Suppressed findings count too: a suppressed secret is still a secret.
    """
    codes = {rule.code for rule in rules if "secrets" in rule.tags}
    spans: dict[tuple[str, int], list[Span]] = {}
    for finding in result.findings:
        if finding.code in codes:
            spans.setdefault((finding.path, finding.span.start.line), []).append(finding.span)
    return spans


def redact(line: str, spans: Sequence[Span]) -> str:
    """``line`` with each span masked after its first three characters; the length is kept so
    that carets under the line still line up. Used wherever a reporter shows or hashes source."""
    for span in spans:
        first = span.start.column - 1
        last = span.end.column - 1 if span.end.line == span.start.line else len(line)
        keep = first + min(3, max(0, last - first) // 4)
        line = line[:keep] + "*" * max(0, last - keep) + line[last:]
    return line
