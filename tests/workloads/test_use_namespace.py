"""CL4311 use-namespace (kube-linter use-namespace, checkov CKV_K8S_21)."""

from __future__ import annotations

from tests.workloads._workloads import findings, positions

FIXTURE = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
  namespace: shop
spec: {}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: fire
  namespace: default
spec: {}
---
apiVersion: v1
kind: Service
metadata:
  name: fire-service
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: not-checked
"""


def test_fixture() -> None:
    got = findings(FIXTURE, "CL4311")
    assert [(line, column) for line, column, _ in got] == [(12, 14), (17, 1)]
    assert got[0][2].startswith("deployment 'fire' is in the default namespace")
    assert got[1][2].startswith("service 'fire-service' sets no namespace")


def test_case_and_missing_metadata() -> None:
    assert positions("apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: Default\n", "CL4311") == [(4, 14)]
    assert positions("apiVersion: v1\nkind: Pod\nspec: {}\n", "CL4311") == [(2, 7)]
    assert positions("apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: ''\n", "CL4311") == [(4, 3)]


def test_selected_by_checkov_alias() -> None:
    text = "apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: default\n"
    from containerlint.model import FileKind
    from tests.helpers import lint_text

    found = lint_text(text, FileKind.KUBERNETES, select=["checkov:CKV_K8S_21"])
    assert [(f.code, f.span.start.line) for f in found] == [("CL4311", 4)]
