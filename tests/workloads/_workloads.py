"""Shared helpers of the CL43xx workload rule tests."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

# One pod template per workload kind, ``{spec}`` being the pod spec's extra lines (indented 6).
KINDS = {
    "Deployment": "apps/v1",
    "StatefulSet": "apps/v1",
    "DaemonSet": "apps/v1",
    "ReplicaSet": "apps/v1",
    "ReplicationController": "v1",
    "Job": "batch/v1",
    "DeploymentConfig": "apps.openshift.io/v1",
}


def findings(text: str, code: str, **options: object) -> list[tuple[int, int, str]]:
    """(line, column, message) of the active findings of one rule, in order."""
    found = lint_text(text, FileKind.KUBERNETES, select=[code], rule_options={code: options} if options else None)
    return [(f.span.start.line, f.span.start.column, f.message) for f in found if not f.suppressed]


def positions(text: str, code: str, **options: object) -> list[tuple[int, int]]:
    return [(line, column) for line, column, _ in findings(text, code, **options)]


def workload(kind: str, pod_spec: str, name: str = "app", extra_spec: str = "") -> str:
    """A manifest of ``kind`` whose pod spec holds ``pod_spec`` (lines without indentation)."""
    if kind == "Pod":
        body = "".join(f"  {line}\n" for line in pod_spec.splitlines())
        return f"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n{body}"
    if kind == "CronJob":
        body = "".join(f"          {line}\n" for line in pod_spec.splitlines())
        return (
            f"apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: {name}\nspec:\n  schedule: '* * * * *'\n"
            f"  jobTemplate:\n    spec:\n      template:\n        spec:\n{body}"
        )
    body = "".join(f"      {line}\n" for line in pod_spec.splitlines())
    return (
        f"apiVersion: {KINDS[kind]}\nkind: {kind}\nmetadata:\n  name: {name}\nspec:\n{extra_spec}"
        f"  template:\n    spec:\n{body}"
    )


ALL_KINDS = (*KINDS, "Pod", "CronJob")
