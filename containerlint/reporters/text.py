"""The default, human-readable format.

One line per finding, files separated by a blank line, and a summary at the end::

    Dockerfile:1:6: CL1001 [warning] Image 'ubuntu' has no tag or digest (unpinned-image)
        hint: pin it, e.g. ubuntu:24.04@sha256:...

    compose.yaml:4:5: CL2003 [error] Service 'web' runs privileged (privileged-service)

    Found 2 problems (1 error, 1 warning) in 2 files; 1 suppressed.

With ``show_source`` the offending line follows, with a gutter and carets under the span::

        3 | FROM ubuntu
          |      ^^^^^^

Text that comes from the linted files (messages, source lines) has its control characters shown
escaped, so a hostile file cannot send escape sequences to the terminal.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import TextIO

from containerlint.model import Finding, LintResult, Severity, Span
from containerlint.reporters import shown_findings
from containerlint.reporters.base import ReportContext, SecretSpans, redact, secret_spans

TAB_WIDTH = 4  # tab stops for source lines; carets are placed with the same expansion
INDENT = "    "

BOLD, DIM = "1", "2"
RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN = "31", "32", "33", "34", "35", "36"
SEVERITY_COLOR = {
    Severity.ERROR: RED,
    Severity.WARNING: YELLOW,
    Severity.INFO: BLUE,
    Severity.STYLE: MAGENTA,
}

# Words for the summary; "info" and "style" read better uncounted ("2 info", not "2 infos").
SEVERITY_NOUNS = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.INFO: ("info", "info"),
    Severity.STYLE: ("style", "style"),
}

# Bidirectional controls can reorder what a terminal shows (the "Trojan Source" trick).
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class Palette:
    """Wraps text in ANSI SGR codes, or leaves it alone when colour is off."""

    enabled: bool

    def __call__(self, text: str, *codes: str) -> str:
        if not self.enabled or not codes or not text:
            return text
        return f"\x1b[{';'.join(codes)}m{text}\x1b[0m"


def render_text(result: LintResult, context: ReportContext, out: TextIO) -> None:
    paint = Palette(context.color)
    findings = shown_findings(result, context)
    secrets = secret_spans(result, context.rules) if context.show_source else {}
    for index, (_, group) in enumerate(groupby(findings, key=lambda f: f.path)):
        if index:
            out.write("\n")
        for finding in group:
            out.writelines(line + "\n" for line in finding_lines(finding, context, paint, secrets))
    if findings:
        out.write("\n")
    out.write(summary_line(result, paint) + "\n")


def finding_lines(
    finding: Finding, context: ReportContext, paint: Palette, secrets: SecretSpans | None = None
) -> list[str]:
    lines = [headline(finding, paint)]
    if context.show_source:
        on_line = (secrets or {}).get((finding.path, finding.span.start.line), ())
        lines += source_excerpt(finding, context.sources.get(finding.path), paint, on_line)
    if finding.hint:
        lines.append(f"{INDENT}{paint('hint:', CYAN)} {printable(finding.hint)}")
    if finding.suppression is not None and finding.suppression.reason:
        lines.append(f"{INDENT}{paint('reason:', DIM)} {printable(finding.suppression.reason)}")
    return lines


def headline(finding: Finding, paint: Palette) -> str:
    color = SEVERITY_COLOR[finding.severity]
    start = finding.span.start
    parts = [
        f"{paint(printable(finding.path), BOLD)}:{start.line}:{start.column}:",
        paint(finding.code, BOLD, color),
        paint(f"[{finding.severity.label}]", color),
        printable(finding.message),
        paint(f"({finding.name})", DIM),
    ]
    if finding.suppression is not None:
        marker = f"(suppressed: {finding.suppression.source} {finding.suppression.directive})"
        parts.append(paint(printable(marker), DIM))
    return " ".join(parts)


def summary_line(result: LintResult, paint: Palette) -> str:
    active = result.active
    suppressed = len(result.findings) - len(active)
    tail = f"; {suppressed} suppressed." if suppressed else "."
    if not active:
        checked = plural(result.files_checked, "file", "files")
        return paint(f"All checked: no problems in {checked}", GREEN) + tail
    counts = Counter(f.severity for f in active)
    breakdown = ", ".join(
        plural(counts[severity], *SEVERITY_NOUNS[severity]) for severity in sorted(counts, reverse=True)
    )
    problems = plural(len(active), "problem", "problems")
    files = plural(len({f.path for f in active}), "file", "files")
    return paint(f"Found {problems} ({breakdown}) in {files}", BOLD) + tail


def plural(count: int, singular: str, many: str) -> str:
    return f"{count} {singular if count == 1 else many}"


# --- source excerpts ---


def source_excerpt(finding: Finding, source: str | None, paint: Palette, secrets: Sequence[Span] = ()) -> list[str]:
    """The flagged line with a gutter and carets under the span; nothing if the line is unknown."""
    line = source_line(source, finding.span.start.line)
    if line is None:
        return []
    line = redact(line, secrets)
    number = str(finding.span.start.line)
    cells = display_cells(line)
    start, width = underline_extent(finding.span, cells)
    color = SEVERITY_COLOR[finding.severity]
    gutter = paint(f"{number} |", BLUE)
    blank_gutter = paint(f"{' ' * len(number)} |", BLUE)
    return [
        f"{INDENT}{gutter} {''.join(text for text, _ in cells)}",
        f"{INDENT}{blank_gutter} {' ' * start}{paint('^' * width, BOLD, color)}",
    ]


def source_line(source: str | None, number: int) -> str | None:
    # Split on "\n" only: the parsers count lines that way, while str.splitlines also breaks on
    # form feeds and Unicode separators and would shift every later line number.
    if source is None or number < 1:
        return None
    lines = source.split("\n")
    if number > len(lines):
        return None
    return lines[number - 1].removesuffix("\r")


def display_cells(line: str) -> list[tuple[str, int]]:
    """Each character of ``line`` as (what the terminal shows, how many columns it takes)."""
    cells: list[tuple[str, int]] = []
    column = 0
    for char in line:
        if char == "\t":
            width = TAB_WIDTH - column % TAB_WIDTH
            cells.append((" " * width, width))
        else:
            shown = printable(char)
            width = len(shown) if shown != char else char_width(char)
            cells.append((shown, width))
        column += cells[-1][1]
    return cells


def underline_extent(span: Span, cells: list[tuple[str, int]]) -> tuple[int, int]:
    """(columns before the carets, caret count) for the span's part on its first line.

    A span that runs onto later lines is underlined to the end of its first line; an empty span
    (an insertion point) still gets one caret.
    """
    first = min(span.start.column - 1, len(cells))
    last = span.end.column - 1 if span.end.line == span.start.line else len(cells)
    last = min(max(last, first), len(cells))
    before = sum(width for _, width in cells[:first])
    width = sum(width for _, width in cells[first:last])
    return before, max(width, 1)


def char_width(char: str) -> int:
    # Combining accents and zero-width format characters take no column of their own.
    if unicodedata.combining(char) or unicodedata.category(char) == "Cf":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def printable(text: str) -> str:
    """``text`` with control and bidi characters written as escapes, e.g. ``\\x1b``."""
    if text.isprintable() and not BIDI_CONTROLS.intersection(text):
        return text
    return "".join(escape_char(char) for char in text)


def escape_char(char: str) -> str:
    if char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs"):
        return char.encode("unicode_escape").decode("ascii")
    return char
