"""The JSON format: one versioned object for programs to read.

The module is not called ``json`` so that it never shadows the standard library.

Format (version 1; ``report.schema.json`` beside this module is its JSON Schema)::

    {
      "version": 1,
      "tool": {"name": "containerlint", "version": "0.1.0"},
      "findings": [
        {
          "path": "Dockerfile",
          "code": "CL1001",
          "name": "unpinned-image",
          "severity": "warning",
          "message": "Image 'ubuntu' has no tag or digest",
          "hint": "pin it, e.g. ubuntu:24.04@sha256:...",
          "start": {"line": 1, "column": 6},
          "end": {"line": 1, "column": 12},
          "suppressed": false,
          "suppression": null,
          "fix": {
            "description": "Pin to the digest the registry reports",
            "edits": [
              {"start": {"line": 1, "column": 12}, "end": {"line": 1, "column": 12},
               "text": "@sha256:..."}
            ]
          }
        }
      ],
      "summary": {
        "total": 1,
        "by_severity": {"error": 0, "warning": 1, "info": 0, "style": 0},
        "files_checked": 1,
        "suppressed": 0,
        "fail_on": "warning"
      }
    }

- Positions are 1-based; ``column`` counts Unicode code points; ``end`` is exclusive (the position
  just after the last character), so an empty span (``start == end``) is an insertion point.
- ``findings`` are sorted by path, line, column and code. Suppressed findings are listed only with
  ``--show-suppressed``; they then have ``"suppressed": true`` and a ``suppression`` object:
  ``{"kind": "inline" | "file" | "annotation" | "config", "source": "containerlint" | "hadolint" |
  ..., "directive": "<the directive as written>", "reason": "<text>" | null}``.
- ``fix`` is null or a description plus edits; an edit replaces the text between ``start`` and
  ``end`` with ``text``.
- ``summary`` counts unsuppressed findings: ``total`` and ``by_severity``. ``suppressed`` counts
  the suppressed findings whether or not they are listed. ``fail_on`` is the lowest severity that
  fails the run, or ``"never"``.
- ``version`` changes only when a field is removed or changes meaning; new fields may be added
  within a version.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, TextIO

from containerlint.model import Edit, Finding, Fix, LintResult, Position, Related, Severity, Suppression
from containerlint.reporters import shown_findings
from containerlint.reporters.base import ReportContext

FORMAT_VERSION = 1
TOOL_NAME = "containerlint"
SCHEMA_FILE = "report.schema.json"


def render_json(result: LintResult, context: ReportContext, out: TextIO) -> None:
    out.write(dumps_report(build_report(result, context)))  # one write: json.dump writes in tiny pieces


def dumps_report(report: dict[str, Any]) -> str:
    """The report as indented JSON with one finding per line.

    ``json.dumps(indent=...)`` falls back to the pure-Python encoder, which took longer than all
    the rules on a large run; the compact C encoder per finding keeps the text readable and diffable.
    ASCII-only output survives any stdout encoding; JSON readers decode the \\u escapes.
    """
    parts = ["{\n"]
    for key, value in report.items():
        if parts[-1] != "{\n":
            parts.append(",\n")
        parts.append(f"  {json.dumps(key)}: ")
        if key == "findings" and value:
            rows = ",\n".join("    " + json.dumps(item) for item in value)
            parts.append(f"[\n{rows}\n  ]")
        else:
            parts.append(json.dumps(value))
    parts.append("\n}\n")
    return "".join(parts)


def build_report(result: LintResult, context: ReportContext) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": TOOL_NAME, "version": context.tool_version},
        "findings": [finding_object(f) for f in shown_findings(result, context)],
        "summary": summary_object(result, context),
    }


def load_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`build_report`'s output, as shipped in the package."""
    text = resources.files("containerlint.reporters").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def finding_object(finding: Finding) -> dict[str, Any]:
    return {
        "path": finding.path,
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "message": finding.message,
        "hint": finding.hint,
        "start": position_object(finding.span.start),
        "end": position_object(finding.span.end),
        "suppressed": finding.suppressed,
        "suppression": None if finding.suppression is None else suppression_object(finding.suppression),
        "fix": None if finding.fix is None else fix_object(finding.fix),
        "related": [related_object(related) for related in finding.related],
    }


def related_object(related: Related) -> dict[str, Any]:
    return {
        "path": related.path,
        "start": position_object(related.span.start),
        "end": position_object(related.span.end),
        "message": related.message,
    }


def position_object(position: Position) -> dict[str, int]:
    return {"line": position.line, "column": position.column}


def suppression_object(suppression: Suppression) -> dict[str, Any]:
    return {
        "kind": suppression.kind,
        "source": suppression.source,
        "directive": suppression.directive,
        "reason": suppression.reason,
    }


def fix_object(fix: Fix) -> dict[str, Any]:
    return {"description": fix.description, "edits": [edit_object(edit) for edit in fix.edits]}


def edit_object(edit: Edit) -> dict[str, Any]:
    return {
        "start": position_object(edit.span.start),
        "end": position_object(edit.span.end),
        "text": edit.text,
    }


def summary_object(result: LintResult, context: ReportContext) -> dict[str, Any]:
    active = result.active
    by_severity = {severity.label: 0 for severity in sorted(Severity, reverse=True)}
    for finding in active:
        by_severity[finding.severity.label] += 1
    return {
        "total": len(active),
        "by_severity": by_severity,
        "files_checked": result.files_checked,
        "suppressed": len(result.findings) - len(active),
        "fail_on": context.fail_on,
    }
