"""Helpers of the runtime-security rule tests (CL2050-CL2069, CL6010-CL6029): lint a text with
one rule selected and compare (line, column, message) of its findings."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from containerlint.model import FileKind, Finding
from tests.helpers import lint_text, lint_texts

# Meta rules that must stay silent: input that does not parse, or a rule that crashed.
BROKEN = ("CL0001", "CL0004", "CL0008")


def run(
    text: str,
    kind: FileKind,
    code: str,
    options: dict[str, object] | None = None,
    path: str | None = None,
) -> list[Finding]:
    """The findings of rule ``code`` on ``text`` (dedented), in position order."""
    findings = lint_text(
        textwrap.dedent(text),
        kind,
        path=path,
        select=[code, *BROKEN],
        rule_options={code: options} if options else None,
    )
    broken = [f for f in findings if f.code in BROKEN]
    assert not broken, broken
    return sorted((f for f in findings if f.code == code), key=Finding.sort_key)


def run_files(files: Sequence[tuple[str, str, FileKind]], code: str) -> list[Finding]:
    findings = lint_texts([(path, textwrap.dedent(text), kind) for path, text, kind in files], select=[code, *BROKEN])
    broken = [f for f in findings if f.code in BROKEN]
    assert not broken, broken
    return sorted((f for f in findings if f.code == code), key=Finding.sort_key)


def where(findings: Sequence[Finding]) -> list[tuple[int, int]]:
    return [(f.span.start.line, f.span.start.column) for f in findings]


def located(findings: Sequence[Finding]) -> list[tuple[int, int, str]]:
    return [(f.span.start.line, f.span.start.column, f.message) for f in findings]


def pod(spec: str, kind: str = "Deployment", name: str = "app", annotations: str = "") -> str:
    """A workload of ``kind`` whose pod spec is ``spec`` (YAML at column 0, dedented).

    Line numbers: for Deployment-like kinds the pod spec's first line is line 11 (line 12 with
    ``annotations``, one line per annotation more); for a Pod it is line 5 (+ annotations).
    """
    spec = textwrap.dedent(spec).strip("\n")
    notes = textwrap.dedent(annotations).strip("\n")
    if kind == "Pod":
        head = f"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n"
        if notes:
            head += "  annotations:\n" + textwrap.indent(notes, "    ") + "\n"
        return head + "spec:\n" + textwrap.indent(spec, "  ") + "\n"
    api = {"Job": "batch/v1", "DeploymentConfig": "apps.openshift.io/v1"}.get(kind, "apps/v1")
    head = (
        f"apiVersion: {api}\nkind: {kind}\nmetadata:\n  name: {name}\nspec:\n"
        f"  selector:\n    matchLabels: {{app: {name}}}\n  template:\n    metadata:\n"
        f"      labels: {{app: {name}}}\n"
    )
    if notes:
        head += "      annotations:\n" + textwrap.indent(notes, "        ") + "\n"
    return head + "    spec:\n" + textwrap.indent(spec, "      ") + "\n"


def line_of(text: str, needle: str, occurrence: int = 0) -> int:
    """The 1-based line of the ``occurrence``-th ``needle`` in ``text``."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1


def column_of(text: str, needle: str, occurrence: int = 0) -> int:
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    return index - (text.rfind("\n", 0, index) + 1) + 1


def at(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    return line_of(text, needle, occurrence), column_of(text, needle, occurrence)
