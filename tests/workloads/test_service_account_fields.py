"""CL4314 deprecated-service-account-field and CL4315 default-service-account (kube-linter)."""

from __future__ import annotations

import pytest

from tests.workloads._workloads import ALL_KINDS, findings, positions, workload


def test_deprecated_field() -> None:
    got = findings(workload("Deployment", "serviceAccount: default\ncontainers: []"), "CL4314")
    assert [(line, column) for line, column, _ in got] == [(8, 23)]
    assert got[0][2] == (
        "deployment 'app' sets serviceAccount 'default', a deprecated field; use serviceAccountName instead"
    )
    both = workload("Pod", "serviceAccountName: a\nserviceAccount: b\ncontainers: []")
    got = findings(both, "CL4314")
    assert [(line, column) for line, column, _ in got] == [(7, 19)]
    assert "serviceAccount 'b' and serviceAccountName 'a' to different values" in got[0][2]
    same = workload("Pod", "serviceAccountName: a\nserviceAccount: a\ncontainers: []")
    assert positions(same, "CL4314") == []
    assert positions(workload("Pod", "serviceAccountName: a\ncontainers: []"), "CL4314") == []
    assert positions(workload("Pod", "serviceAccount: ''\ncontainers: []"), "CL4314") == []


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_default_service_account_every_kind(kind: str) -> None:
    got = findings(workload(kind, "serviceAccountName: default\ncontainers: []"), "CL4315")
    assert len(got) == 1
    assert got[0][2].startswith(f"{kind.lower()} 'app' runs with the service account 'default'")
    assert findings(workload(kind, "serviceAccountName: web\ncontainers: []"), "CL4315") == []


def test_default_service_account_positions_and_options() -> None:
    got = findings(workload("Deployment", "containers: []"), "CL4315")
    assert [(line, column) for line, column, _ in got] == [(7, 5)]
    assert "runs with no service account, so the namespace's default" in got[0][2]
    # the deprecated field is read when serviceAccountName is not set
    assert positions(workload("Pod", "serviceAccount: default\ncontainers: []"), "CL4315") == [(6, 19)]
    assert positions(workload("Pod", "serviceAccount: web\ncontainers: []"), "CL4315") == []
    no_token = workload("Pod", "automountServiceAccountToken: false\ncontainers: []")
    assert positions(no_token, "CL4315") == []
    token = workload("Pod", "automountServiceAccountToken: true\ncontainers: []")
    assert positions(token, "CL4315") == [(5, 1)]
    legacy = workload("Pod", "serviceAccountName: legacy\ncontainers: []")
    assert positions(legacy, "CL4315", **{"service-account": "^legacy$"}) == [(6, 23)]
