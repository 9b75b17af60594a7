"""The built-in output formats, registered through the same hook as third-party reporters.

The formats live in submodules that are imported only when the hook is called, so that importing
this package (which the plugin manager does on every run, even ``--version``) stays cheap.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from containerlint.hookspecs import hookimpl

if TYPE_CHECKING:
    from containerlint.model import Finding, LintResult
    from containerlint.reporters.base import ReportContext, Reporter


@hookimpl
def containerlint_reporters() -> Mapping[str, Reporter]:
    from containerlint.reporters.github import render_github
    from containerlint.reporters.json_format import render_json
    from containerlint.reporters.sarif import render_sarif
    from containerlint.reporters.text import render_text

    return {
        "text": render_text,
        "json": render_json,
        "sarif": render_sarif,
        "github": render_github,
    }


def shown_findings(result: LintResult, context: ReportContext) -> list[Finding]:
    """The findings a report lists: suppressed ones only when the user asked to see them."""
    if context.show_suppressed:
        return list(result.findings)
    return result.active
