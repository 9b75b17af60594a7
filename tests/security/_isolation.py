"""Helpers of the runtime-isolation rule tests (CL2030-CL2049): lint a text with one rule and
locate the expected findings by the text they point at."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from containerlint.model import FileKind, Finding
from tests.helpers import lint_text, lint_texts

# Meta rules that must stay silent: a test input that does not parse, or a rule that crashed.
BROKEN = ("CL0001", "CL0004", "CL0008")


def run(text: str, kind: FileKind, code: str, options: dict[str, object] | None = None) -> list[Finding]:
    """The findings of rule ``code`` on ``text`` (dedented), in position order."""
    findings = lint_text(
        textwrap.dedent(text), kind, select=[code, *BROKEN], rule_options={code: options} if options else None
    )
    broken = [f for f in findings if f.code in BROKEN]
    assert not broken, broken
    return sorted((f for f in findings if f.code == code), key=Finding.sort_key)


def run_files(files: Sequence[tuple[str, str, FileKind]], code: str) -> list[Finding]:
    findings = lint_texts([(path, textwrap.dedent(text), kind) for path, text, kind in files], select=[code, *BROKEN])
    broken = [f for f in findings if f.code in BROKEN]
    assert not broken, broken
    return sorted((f for f in findings if f.code == code), key=Finding.sort_key)


def at(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """(line, column) of the ``occurrence``-th ``needle`` in the dedented ``text``."""
    text = textwrap.dedent(text)
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def starts(findings: Sequence[Finding]) -> list[tuple[int, int]]:
    return [(f.span.start.line, f.span.start.column) for f in findings]


def kube_workload(kind: str, pod_spec: str, name: str = "app") -> str:
    """A manifest of ``kind`` whose pod spec is ``pod_spec`` (YAML at column 0)."""
    indent = {"Pod": 2, "CronJob": 10}.get(kind, 6)
    body = textwrap.indent(textwrap.dedent(pod_spec).strip("\n"), " " * indent) + "\n"
    api = {
        "Pod": "v1",
        "ReplicationController": "v1",
        "Job": "batch/v1",
        "CronJob": "batch/v1",
        "DeploymentConfig": "apps.openshift.io/v1",
    }.get(kind, "apps/v1")
    head = f"apiVersion: {api}\nkind: {kind}\nmetadata:\n  name: {name}\n"
    if kind == "Pod":
        return head + "spec:\n" + body
    if kind == "CronJob":
        return (
            head + 'spec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n' + body
        )
    return head + "spec:\n  template:\n    spec:\n" + body


WORKLOAD_KINDS = (
    "Pod",
    "Deployment",
    "StatefulSet",
    "DaemonSet",
    "ReplicaSet",
    "ReplicationController",
    "Job",
    "CronJob",
    "DeploymentConfig",
)
