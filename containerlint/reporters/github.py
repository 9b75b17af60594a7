"""GitHub Actions workflow commands: each unsuppressed finding becomes an annotation.

::warning file=Dockerfile,line=1,col=6,endLine=1,endColumn=11,title=CL1001 unpinned-image::Image ...

Errors use ``::error``, warnings ``::warning``, info and style ``::notice``. A hint follows the
message on a second line. Suppressed findings are never annotated.

GitHub's annotation columns are inclusive (``endColumn`` defaults to ``col``), so the exclusive
end of our spans is moved back one character, and annotations may carry columns only when they
start and end on the same line: multi-line spans give lines alone.

GitHub shows at most 10 error and 10 warning annotations per step (the rest stay in the log), so
the text report or SARIF upload remains the complete record.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TextIO

from containerlint.model import Finding, LintResult, Severity, Span
from containerlint.reporters.base import ReportContext

COMMANDS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
    Severity.STYLE: "notice",
}


def render_github(result: LintResult, context: ReportContext, out: TextIO) -> None:
    for finding in result.active:
        out.write(annotation(finding) + "\n")


def annotation(finding: Finding) -> str:
    properties = {"file": PurePath(finding.path).as_posix(), **location_properties(finding.span)}
    properties["title"] = f"{finding.code} {finding.name}"
    fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    message = finding.message if not finding.hint else f"{finding.message}\nhint: {finding.hint}"
    return f"::{COMMANDS[finding.severity]} {fields}::{escape_data(message)}"


def location_properties(span: Span) -> dict[str, int]:
    start, end = span.start, span.end
    # Inclusive end; an empty span (an insertion point) keeps its start column below.
    last_line: int = end.line
    last_column: int | None = end.column - 1
    if last_column == 0 and end.line > start.line:
        # An exclusive end at the start of a line: the span stops at the previous line's end,
        # a column this reporter cannot know.
        last_line, last_column = end.line - 1, None
    if last_line != start.line:
        return {"line": start.line, "endLine": max(last_line, start.line)}
    if last_column is None:
        return {"line": start.line, "endLine": start.line}
    return {
        "line": start.line,
        "col": start.column,
        "endLine": start.line,
        "endColumn": max(last_column, start.column),
    }


def escape_data(text: str) -> str:
    """Escape a command's message the way GitHub's runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value; ':' and ',' would otherwise end the value early."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
