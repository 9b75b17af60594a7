"""CL4308 priority-class-name (kube-linter priority-class-name), over every workload kind."""

from __future__ import annotations

import pytest

from tests.workloads._workloads import ALL_KINDS, findings, positions, workload

# Where workload() puts the first pod-spec line's value column for "priorityClassName: ".
FIRST_LINE = {"Pod": (6, 22), "CronJob": (11, 30)}


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_workload_kind(kind: str) -> None:
    got = findings(workload(kind, "priorityClassName: fire\ncontainers: []", name="fire"), "CL4308")
    assert [(line, column) for line, column, _ in got] == [FIRST_LINE.get(kind, (8, 26))]
    assert got[0][2] == (
        f"{kind.lower()} 'fire' uses the priority class 'fire', but the only accepted priority class names are "
        "'system-cluster-critical', 'system-node-critical'"
    )
    for accepted in ("system-cluster-critical", "system-node-critical", "''", "' '"):
        assert findings(workload(kind, f"priorityClassName: {accepted}\ncontainers: []"), "CL4308") == []
    assert findings(workload(kind, "containers: []"), "CL4308") == []


def test_accepted_option() -> None:
    text = workload("Deployment", "priorityClassName: business\ncontainers: []")
    assert positions(text, "CL4308", **{"accepted-priority-class-names": ["business"]}) == []
    assert positions(text, "CL4308", **{"accepted-priority-class-names": ["other"]}) == [(8, 26)]
    assert positions(text, "CL4308", **{"accepted-priority-class-names": []}) == [(8, 26)]
