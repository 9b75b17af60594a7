"""CL4304 no-node-affinity (kube-linter no-node-affinity), over every workload kind."""

from __future__ import annotations

import pytest

from tests.workloads._workloads import ALL_KINDS, findings, positions, workload

# Where each kind's pod spec key is, in workload()'s layout.
POD_SPEC_KEY = {"Pod": (5, 1), "CronJob": (10, 9)}
NODE_AFFINITY = """\
affinity:
  nodeAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms:
        - matchExpressions:
            - {key: disktype, operator: In, values: [ssd]}
containers:
- name: app
"""


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_workload_kind(kind: str) -> None:
    got = findings(workload(kind, "containers:\n- name: app"), "CL4304")
    assert [(line, column) for line, column, _ in got] == [POD_SPEC_KEY.get(kind, (7, 5))]
    assert got[0][2].startswith(f"{kind.lower()} 'app' does not define any node affinity rules")
    assert findings(workload(kind, NODE_AFFINITY), "CL4304") == []


def test_affinity_without_node_affinity_is_reported_at_affinity() -> None:
    text = workload("Deployment", "affinity:\n  podAffinity: {}\ncontainers: []")
    assert positions(text, "CL4304") == [(8, 7)]
    assert positions(workload("Deployment", "affinity:\n  nodeAffinity:\ncontainers: []"), "CL4304") == [(9, 9)]


def test_other_kinds_and_missing_templates() -> None:
    assert positions("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {}\n", "CL4304") == []
    assert positions("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n", "CL4304") == [(2, 7)]
    assert positions("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {}\n", "CL4304") == [(4, 1)]
