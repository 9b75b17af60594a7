"""CL4201 no-liveness-probe and CL4202 no-readiness-probe: kube-linter semantics, exact positions."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

WORKLOADS = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      containers:
        - name: app1
          livenessProbe:
            exec:
              command: [cat, /tmp/healthy]
          readinessProbe:
            httpGet: {path: /, port: 80}
---
apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata:
  name: app2
spec:
  template:
    spec:
      containers:
      - name: app2
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: with-init
spec:
  template:
    spec:
      initContainers:
        - name: some-container
      containers:
        - name: app
          livenessProbe:
            exec: {command: [true]}
          readinessProbe:
            exec: {command: [true]}
      ephemeralContainers:
        - name: debugger
"""


def findings(text: str, code: str, **kwargs: object) -> list[tuple[int, int, str]]:
    return [
        (f.span.start.line, f.span.start.column, f.message)
        for f in lint_text(text, FileKind.KUBERNETES, select=[code], **kwargs)  # type: ignore[arg-type]
        if f.code == code
    ]


@pytest.mark.parametrize(("code", "what"), [("CL4201", "liveness"), ("CL4202", "readiness")])
def test_one_finding_per_regular_container_at_its_name(code: str, what: str) -> None:
    got = findings(WORKLOADS, code)
    assert [(line, column) for line, column, _ in got] == [(24, 15)]
    assert got[0][2].startswith(f"deploymentconfig 'app2' container 'app2' has no {what} probe, so ")


def test_each_missing_container_is_reported_once() -> None:
    text = """\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
    - name: b
      livenessProbe: null
    - image: nameless:1.0
      livenessProbe: {}
    - image: nameless:2.0
"""
    got = findings(text, "CL4201")
    assert [(line, column) for line, column, _ in got] == [(6, 13), (7, 13), (11, 7)]
    assert got[2][2].startswith("pod 'p' container '#4' has no liveness probe")


def test_every_workload_kind_and_lists() -> None:
    text = """\
apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: CronJob
    metadata: {name: cron}
    spec:
      jobTemplate:
        spec:
          template:
            spec:
              containers:
                - name: c
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: sts}
    spec:
      template:
        spec:
          containers:
            - name: s
  - apiVersion: v1
    kind: Service
    metadata: {name: svc}
"""
    got = findings(text, "CL4202")
    assert [(line, message.split(" has ")[0]) for line, _, message in got] == [
        (13, "cronjob 'cron' container 'c'"),
        (21, "statefulset 'sts' container 's'"),
    ]


def test_off_by_default_and_aliases() -> None:
    assert not [f for f in lint_text(WORKLOADS, FileKind.KUBERNETES) if f.code in ("CL4201", "CL4202")]
    for alias, code in [
        ("kube-linter:no-liveness-probe", "CL4201"),
        ("checkov:CKV_K8S_8", "CL4201"),
        ("kube-linter:no-readiness-probe", "CL4202"),
        ("checkov:CKV_K8S_9", "CL4202"),
    ]:
        assert [f.code for f in lint_text(WORKLOADS, FileKind.KUBERNETES, select=[alias])] == [code]


def test_kube_linter_annotation_suppresses() -> None:
    text = """\
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    ignore-check.kube-linter.io/no-liveness-probe: "batch pod"
spec:
  containers:
    - name: a
"""
    got = lint_text(text, FileKind.KUBERNETES, select=["CL4201"])
    assert [f.suppressed for f in got] == [True]


def test_wrong_shapes_never_raise() -> None:
    text = """\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: oops
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - just-a-string
        - [1, 2]
        - name: ok
          livenessProbe: 5
"""
    assert findings(text, "CL4201") == []
