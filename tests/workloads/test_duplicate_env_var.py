"""CL4316 duplicate-env-var (kube-linter duplicate-env-var)."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text
from tests.workloads._workloads import findings, positions, workload

CONTAINERS = """\
initContainers:
- name: init
  env:
  - {name: A, value: '1'}
  - {name: A, value: '2'}
containers:
- name: app
  env:
  - name: PORT
    value: '1'
  - name: HOST
    value: x
  - name: PORT
    value: '2'
  - name: PORT
    value: '3'
  - name: HOST
    value: y
- name: clean
  env:
  - {name: PORT, value: '1'}
"""


def test_one_finding_per_duplicated_name_and_container() -> None:
    got = findings(workload("StatefulSet", CONTAINERS), "CL4316")
    assert [(line, column) for line, column, _ in got] == [(12, 18), (20, 17), (24, 17)]
    assert got[0][2].startswith("statefulset 'app' init container 'init' sets the environment variable A twice")
    assert got[1][2].startswith(
        "statefulset 'app' container 'app' sets the environment variable PORT twice (first on line 16)"
    )
    assert got[2][2].startswith("statefulset 'app' container 'app' sets the environment variable HOST twice")


def test_related_location_and_clean() -> None:
    found = lint_text(workload("Pod", CONTAINERS), FileKind.KUBERNETES, select=["CL4316"])
    assert [(r.span.start.line, r.message) for r in found[1].related] == [(14, "PORT is first set here")]
    clean = workload("Pod", "containers:\n- name: a\n  env: [{name: A}, {name: B}, {name: a}]")
    assert positions(clean, "CL4316") == []
    wrong_shapes = workload("Pod", "containers:\n- name: a\n  env: {A: 1}\n- name: b\n  env: [A, A, {value: x}]")
    assert positions(wrong_shapes, "CL4316") == []
