"""What every reporter receives. Reporters see findings and rule metadata, never syntax trees."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from containerlint.model import LintResult
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
