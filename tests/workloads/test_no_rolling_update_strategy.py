"""CL4305 no-rolling-update-strategy (kube-linter no-rolling-update-strategy)."""

from __future__ import annotations

from tests.workloads._workloads import findings, positions

FIXTURE = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app1
spec:
  strategy:
    type: Other
---
apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata:
  name: app2
spec:
  strategy:
    type: Other
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app3
spec:
  template:
    spec:
      containers: []
---
apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata:
  name: app4
spec: {}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app5
spec:
  strategy:
    rollingUpdate: {maxSurge: 1}
"""


def test_kube_linter_style_fixture() -> None:
    got = findings(FIXTURE, "CL4305")
    assert [(line, column) for line, column, _ in got] == [(7, 11), (15, 11)]
    assert got[0][2].startswith("deployment 'app1' uses the update strategy 'Other', which does not match")
    assert got[1][2].startswith("deploymentconfig 'app2' uses the update strategy 'Other'")


def strategy(kind: str, field: str, body: str) -> str:
    return f"apiVersion: apps/v1\nkind: {kind}\nmetadata: {{name: x}}\nspec:\n  {field}:\n{body}"


def test_update_strategy_kinds() -> None:
    assert positions(strategy("StatefulSet", "updateStrategy", "    type: OnDelete\n"), "CL4305") == [(6, 11)]
    assert positions(strategy("DaemonSet", "updateStrategy", "    type: OnDelete\n"), "CL4305") == [(6, 11)]
    assert positions(strategy("DaemonSet", "updateStrategy", "    type: RollingUpdate\n"), "CL4305") == []
    assert positions(strategy("Deployment", "strategy", "    type: Recreate\n"), "CL4305") == [(6, 11)]
    # kinds without an update strategy, and a field of another kind, are not read
    assert positions(strategy("ReplicaSet", "strategy", "    type: Recreate\n"), "CL4305") == []
    assert positions(strategy("Deployment", "updateStrategy", "    type: Recreate\n"), "CL4305") == []


def test_regex_option() -> None:
    text = strategy("Deployment", "strategy", "    type: Recreate\n")
    assert positions(text, "CL4305", **{"strategy-type-regex": "^(RollingUpdate|Recreate)$"}) == []
    assert positions(text, "CL4305", **{"strategy-type-regex": "!^Recreate$"}) == [(6, 11)]


def test_rolling_parameter_bounds() -> None:
    body = "    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: {u}\n      maxSurge: {s}\n"
    text = strategy("Deployment", "strategy", body.format(u="50%", s=2))
    assert positions(text, "CL4305") == []
    got = findings(text, "CL4305", **{"max-pods-unavailable": "25%", "max-surge": "1"})
    assert [(line, column) for line, column, _ in got] == [(8, 23), (9, 17)]
    assert "has a maxUnavailable of 50% but no more than 25% is required" in got[0][2]
    assert "has a maxSurge of 2 but no more than 1 is required" in got[1][2]
    ok = strategy("Deployment", "strategy", body.format(u="25%", s=1))
    assert positions(ok, "CL4305", **{"max-pods-unavailable": "25%", "min-surge": "1"}) == []
    # a number against a percentage bound fails, as in kube-linter
    assert positions(ok, "CL4305", **{"max-surge": "50%"}) == [(9, 17)]
    missing = strategy("Deployment", "strategy", "    type: RollingUpdate\n")
    got = findings(missing, "CL4305", **{"min-pods-unavailable": "1"})
    assert [(line, column) for line, column, _ in got] == [(5, 3)]
    assert "defines no rolling update parameters" in got[0][2]
    dc = strategy("DeploymentConfig", "strategy", "    rollingParams: {maxUnavailable: 3}\n")
    assert positions(dc, "CL4305", **{"max-pods-unavailable": "2"}) == [(6, 37)]
