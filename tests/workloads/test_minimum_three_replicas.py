"""CL4301 minimum-three-replicas (kube-linter minimum-three-replicas)."""

from __future__ import annotations

import pytest

from tests.workloads._workloads import findings, positions, workload

FIXTURE = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  replicas: 3
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: fire
spec:
  replicas: 2
---
apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata:
  name: fire-dc
spec:
  replicas: 2
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: no-replicas
spec: {}
"""


def test_kube_linter_style_fixture() -> None:
    got = findings(FIXTURE, "CL4301")
    assert [(line, column) for line, column, _ in got] == [(13, 13), (20, 13)]
    assert got[0][2].startswith("deployment 'fire' has 2 replicas but at least 3 are required")
    assert got[1][2].startswith("deploymentconfig 'fire-dc' has 2 replicas")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("Deployment", "has 1 replica (replicas is not set)"),
        ("StatefulSet", "has 1 replica (replicas is not set)"),
        ("ReplicaSet", "has 1 replica (replicas is not set)"),
        ("ReplicationController", "has 1 replica (replicas is not set)"),
        ("DeploymentConfig", "has 0 replicas (replicas is not set)"),
    ],
)
def test_missing_replicas_read_as_the_default_at_the_spec_key(kind: str, expected: str) -> None:
    got = findings(workload(kind, "containers: []"), "CL4301")
    assert [(line, column) for line, column, _ in got] == [(5, 1)]
    assert expected in got[0][2]


@pytest.mark.parametrize("kind", ["DaemonSet", "Job", "CronJob", "Pod"])
def test_kinds_without_replicas_pass(kind: str) -> None:
    assert findings(workload(kind, "containers: []"), "CL4301") == []


def test_no_spec_is_reported_at_kind() -> None:
    assert positions("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n", "CL4301") == [(2, 7)]


def test_option_and_placeholder() -> None:
    text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: 4\n"
    assert positions(text, "CL4301") == []
    assert positions(text, "CL4301", **{"min-replicas": 5}) == [(5, 13)]
    templated = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: '{{ .n }}'\n"
    assert positions(templated, "CL4301") == []


def test_list_items_are_checked() -> None:
    text = """\
apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: a}
    spec: {replicas: 1}
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: b}
    spec: {replicas: 5}
"""
    got = findings(text, "CL4301")
    assert [(line, column) for line, column, _ in got] == [(7, 22)]
    assert got[0][2].startswith("deployment 'a' has 1 replica ")
