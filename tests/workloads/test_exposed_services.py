"""CL4317 exposed-services (kube-linter exposed-services)."""

from __future__ import annotations

import pytest

from tests.workloads._workloads import findings, positions

SERVICE = "apiVersion: v1\nkind: Service\nmetadata:\n  name: app\nspec:\n  type: {type}\n  ports:\n    - port: 80\n"


@pytest.mark.parametrize("service_type", ["NodePort", "LoadBalancer", "nodeport"])
def test_forbidden_types(service_type: str) -> None:
    got = findings(SERVICE.format(type=service_type), "CL4317")
    assert [(line, column) for line, column, _ in got] == [(6, 9)]
    assert got[0][2].startswith(f"service 'app' has the forbidden type {service_type}, which exposes")


@pytest.mark.parametrize("service_type", ["ClusterIP", "ExternalName", "''"])
def test_allowed_types(service_type: str) -> None:
    assert findings(SERVICE.format(type=service_type), "CL4317") == []


def test_option_and_other_kinds() -> None:
    assert positions(SERVICE.format(type="NodePort"), "CL4317", **{"forbidden-service-types": ["LoadBalancer"]}) == []
    assert positions(SERVICE.format(type="ClusterIP"), "CL4317", **{"forbidden-service-types": ["clusterip"]}) == [
        (6, 9)
    ]
    assert positions("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n", "CL4317") == []
    assert positions(SERVICE.format(type="NodePort").replace("Service", "Endpoints"), "CL4317") == []
