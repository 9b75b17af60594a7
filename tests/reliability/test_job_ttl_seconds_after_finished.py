"""CL4209 job-ttl-seconds-after-finished: kube-linter's fixture and edge cases."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

FIXTURE = """\
---
apiVersion: batch/v1
kind: Job
metadata:
  name: bad-job
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
      restartPolicy: Never
---
apiVersion: batch/v1
kind: Job
metadata:
  name: good-job
spec:
  ttlSecondsAfterFinished: 100
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
      restartPolicy: Never
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: bad-cronjob
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: quay.io/quay/busybox
          restartPolicy: OnFailure
      ttlSecondsAfterFinished: 1200
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: good-cronjob
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: quay.io/quay/busybox
          restartPolicy: OnFailure
"""


def findings(text: str) -> list[tuple[int, int, str]]:
    return [
        (f.span.start.line, f.span.start.column, f.message)
        for f in lint_text(text, FileKind.KUBERNETES, select=["CL4209"])
    ]


def test_kube_linter_fixture() -> None:
    got = findings(FIXTURE)
    assert [(line, column) for line, column, _ in got] == [(6, 1), (41, 7)]
    assert got[0][2].startswith("job 'bad-job' sets no ttlSecondsAfterFinished: ")
    assert got[1][2].startswith("cronjob 'bad-cronjob' sets ttlSecondsAfterFinished on its job template")


def test_on_by_default() -> None:
    assert [f.code for f in lint_text(FIXTURE, FileKind.KUBERNETES) if f.code == "CL4209"] == ["CL4209", "CL4209"]


def test_null_ttl_is_unset_and_job_without_spec_at_kind() -> None:
    text = """\
apiVersion: batch/v1
kind: Job
metadata: {name: a}
spec:
  ttlSecondsAfterFinished: null
---
apiVersion: batch/v1
kind: Job
metadata: {name: b}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  jobTemplate:
    spec:
      ttlSecondsAfterFinished: ~
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: d}
spec: []
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: e}
spec: {}
"""
    assert [(line, column) for line, column, _ in findings(text)] == [(4, 1), (8, 7)]


def test_jobs_in_a_list() -> None:
    text = """\
apiVersion: v1
kind: List
items:
- apiVersion: batch/v1
  kind: Job
  metadata: {name: in-list}
  spec:
    template: {}
"""
    got = findings(text)
    assert [(line, column) for line, column, _ in got] == [(7, 3)]
    assert got[0][2].startswith("job 'in-list' ")
