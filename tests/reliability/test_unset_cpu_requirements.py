"""CL4206 unset-cpu-requirements: kube-linter semantics (missing or zero request), positions, option."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

TEXT = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app1
spec:
  template:
    spec:
      initContainers:
        - name: init
          resources:
            requests: {cpu: 100m}
      containers:
      - name: app
        requests:
          memory: 1Gi
      - name: zero
        resources:
          requests:
            cpu: "0"
      - name: tiny
        resources:
          requests:
            cpu: 0.0001
      - name: templated
        resources:
          requests:
            cpu: "{{ .Values.cpu }}"
      - name: limited
        resources:
          limits: {cpu: "1"}
      ephemeralContainers:
      - name: debugger
---
apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata:
  name: app2
spec:
  template:
    spec:
      containers:
      - name: app
        resources:
          requests: null
"""


def findings(text: str, **kwargs: object) -> list[tuple[int, int, str]]:
    return [
        (f.span.start.line, f.span.start.column, f.message)
        for f in lint_text(text, FileKind.KUBERNETES, select=["CL4206"], **kwargs)  # type: ignore[arg-type]
    ]


def test_missing_and_zero_requests() -> None:
    got = findings(TEXT)
    assert [(line, column) for line, column, _ in got] == [(13, 15), (19, 18), (28, 15), (42, 15)]
    assert got[0][2].startswith("deployment 'app1' container 'app' sets no CPU request, so the scheduler")
    assert got[1][2].startswith("deployment 'app1' container 'zero' sets a zero CPU request")
    assert got[3][2].startswith("deploymentconfig 'app2' container 'app' sets no CPU request")


def test_requirements_type_option() -> None:
    got = findings(TEXT, rule_options={"CL4206": {"requirements-type": "limit"}})
    # every container but 'limited' lacks a limit (the init container included)
    assert [line for line, _, _ in got] == [9, 13, 16, 20, 24, 42]
    assert got[0][2].startswith("deployment 'app1' init container 'init' sets no CPU limit")
    both = findings(TEXT, rule_options={"CL4206": {"requirements-type": "any"}})
    assert len(both) == len(findings(TEXT)) + len(got)


def test_on_by_default_alias_and_checkov() -> None:
    assert {f.code for f in lint_text(TEXT, FileKind.KUBERNETES) if f.code == "CL4206"} == {"CL4206"}
    for alias in ("kube-linter:unset-cpu-requirements", "checkov:CKV_K8S_10"):
        assert len(lint_text(TEXT, FileKind.KUBERNETES, select=[alias])) == 4


def test_wrong_shapes_never_raise() -> None:
    text = """\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      resources: [1]
    - name: b
      resources: {requests: 5}
    - name: c
      resources: {requests: {cpu: [1]}}
"""
    assert [line for line, _, _ in findings(text)] == [6, 8]
