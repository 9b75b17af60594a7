"""Positioned syntax trees, one module per file type. Parsers never raise: problems become issues."""

from __future__ import annotations

from dataclasses import dataclass

from containerlint.model import Span


@dataclass(frozen=True)
class SyntaxIssue:
    """A problem a parser found. ``rule`` names the meta rule that reports it (e.g. ``syntax-error``)."""

    rule: str
    span: Span
    message: str
