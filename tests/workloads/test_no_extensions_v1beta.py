"""CL4319 no-extensions-v1beta (kube-linter no-extensions-v1beta)."""

from __future__ import annotations

import pytest

from tests.workloads._workloads import findings, positions


@pytest.mark.parametrize(
    ("kind", "replacement"),
    [("NetworkPolicy", "networking.k8s.io/v1"), ("Deployment", "apps/v1"), ("PodSecurityPolicy", None)],
)
def test_any_kind(kind: str, replacement: str | None) -> None:
    text = f"apiVersion: extensions/v1beta1\nkind: {kind}\nmetadata:\n  name: x\n"
    got = findings(text, "CL4319")
    assert [(line, column) for line, column, _ in got] == [(1, 13)]
    assert got[0][2].startswith(f"{kind.lower()} 'x' uses the API version extensions/v1beta1, which is deprecated")


@pytest.mark.parametrize("version", ["networking.k8s.io/v1", "extensions/v1", "extensions/v1beta", "apps/v1beta1"])
def test_other_versions_pass(version: str) -> None:
    assert positions(f"apiVersion: {version}\nkind: NetworkPolicy\nmetadata: {{name: x}}\n", "CL4319") == []


def test_list_items_and_later_versions() -> None:
    text = """\
apiVersion: v1
kind: List
items:
  - apiVersion: extensions/v1beta2
    kind: Ingress
    metadata: {name: a}
  - apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: b}
"""
    assert positions(text, "CL4319") == [(4, 17)]
