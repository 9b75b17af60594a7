"""CL4306 pdb-max-unavailable and CL4307 pdb-unhealthy-pod-eviction-policy (kube-linter)."""

from __future__ import annotations

import pytest

from tests.workloads._workloads import findings, positions

PDB = """\
apiVersion: policy/{version}
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  selector:
    matchLabels: {{app: web}}
{extra}"""


@pytest.mark.parametrize("value", ["0", '"0%"', "0%"])
def test_zero_max_unavailable(value: str) -> None:
    got = findings(PDB.format(version="v1", extra=f"  maxUnavailable: {value}\n"), "CL4306")
    assert [(line, column) for line, column, _ in got] == [(8, 19)]
    assert got[0][2].startswith("poddisruptionbudget 'web' sets maxUnavailable to 0")


@pytest.mark.parametrize("value", ["1", '"10%"', "3"])
def test_non_zero_or_missing_max_unavailable_passes(value: str) -> None:
    assert positions(PDB.format(version="v1", extra=f"  maxUnavailable: {value}\n"), "CL4306") == []
    assert positions(PDB.format(version="v1", extra="  minAvailable: 0\n"), "CL4306") == []


def test_invalid_max_unavailable_and_other_versions() -> None:
    got = findings(PDB.format(version="v1", extra="  maxUnavailable: lots\n"), "CL4306")
    assert [(line, column) for line, column, _ in got] == [(8, 19)]
    assert "invalid maxUnavailable 'lots'" in got[0][2]
    assert positions(PDB.format(version="v1beta1", extra="  maxUnavailable: 0\n"), "CL4306") == [(8, 19)]
    other = PDB.format(version="v1", extra="  maxUnavailable: 0\n").replace("policy/v1", "example.com/v1")
    assert positions(other, "CL4306") == []
    assert positions(PDB.format(version="v1", extra="  maxUnavailable: [0]\n"), "CL4306") == []


def test_unhealthy_pod_eviction_policy() -> None:
    got = findings(PDB.format(version="v1", extra="  minAvailable: 1\n"), "CL4307")
    assert [(line, column) for line, column, _ in got] == [(5, 1)]
    assert got[0][2].startswith("poddisruptionbudget 'web' does not set unhealthyPodEvictionPolicy")
    for policy in ("AlwaysAllow", "IfHealthyBudget"):
        text = PDB.format(version="v1", extra=f"  unhealthyPodEvictionPolicy: {policy}\n")
        assert positions(text, "CL4307") == []
    assert positions(PDB.format(version="v1", extra="  unhealthyPodEvictionPolicy:\n"), "CL4307") == [(8, 3)]
    assert positions(PDB.format(version="v1beta1", extra=""), "CL4307") == []  # the field is policy/v1's
    assert positions("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: x}\n", "CL4307") == [(2, 7)]
