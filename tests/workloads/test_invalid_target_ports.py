"""CL4318 invalid-target-ports (kube-linter invalid-target-ports)."""

from __future__ import annotations

import pytest

from containerlint.checks.workloads._support import port_name_violations
from tests.workloads._workloads import findings, positions

FIXTURE = """\
apiVersion: v1
kind: Service
metadata:
  namespace: test
  name: invalid-target-ports
spec:
  ports:
    - targetPort: 1234
    - targetPort: 'n-3456789012345'
    - targetPort: 123456
    - targetPort: 'n234567890123456'
    - targetPort: 0
    - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  namespace: test
  name: invalid-target-ports
spec:
  template:
    spec:
      containers:
        - name: invalid-target-ports
          ports:
            - name: 'n23456789012345'
              containerPort: 1234
            - name: 'n234567890123456'
              containerPort: 1235
            - name: '123456'
              containerPort: 123456
            - containerPort: 8080
"""


def test_kube_linter_style_fixture() -> None:
    got = findings(FIXTURE, "CL4318")
    assert [(line, column) for line, column, _ in got] == [(10, 19), (11, 19), (28, 21), (30, 21)]
    assert got[0][2] == (
        "service 'invalid-target-ports' has the targetPort 123456, which must be between 1 and 65535, inclusive"
    )
    assert got[1][2] == (
        "service 'invalid-target-ports' has the targetPort 'n234567890123456', which must be no more than 15 characters"
    )
    assert got[2][2] == (
        "deployment 'invalid-target-ports' container 'invalid-target-ports' has the port name 'n234567890123456', "
        "which must be no more than 15 characters"
    )
    assert got[3][2].endswith("has the port name '123456', which must contain at least one letter (a-z)")


@pytest.mark.parametrize(
    ("name", "violations"),
    [
        ("http", []),
        ("web-8080", []),
        ("Http", ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"]),
        (
            "HTTP",
            [
                "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "must contain at least one letter (a-z)",
            ],
        ),
        ("a--b", ["must not contain consecutive hyphens"]),
        ("-ab", ["must not begin or end with a hyphen"]),
        ("8080", ["must contain at least one letter (a-z)"]),
        (
            "a_b_c_d_e_f_g_h_",
            [
                "must be no more than 15 characters",
                "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
            ],
        ),
    ],
)
def test_port_name_rules(name: str, violations: list[str]) -> None:
    assert port_name_violations(name) == violations


def test_one_finding_per_violation_and_quoted_numbers() -> None:
    text = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - targetPort: 'Web-'\n"
    assert positions(text, "CL4318") == [(6, 19), (6, 19)]
    quoted = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - targetPort: '8080'\n"
    got = findings(quoted, "CL4318")
    assert [(line, column) for line, column, _ in got] == [(6, 19)]
    assert "must contain at least one letter" in got[0][2]
    negative = quoted.replace("'8080'", "-1")
    assert positions(negative, "CL4318") == [(6, 19)]


def test_init_containers_and_cronjobs() -> None:
    text = """\
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: init
              ports: [{name: Metrics, containerPort: 9090}]
          containers: [{name: c, ports: [{name: ok, containerPort: 1}]}]
"""
    got = findings(text, "CL4318")
    assert [(line, column) for line, column, _ in got] == [(11, 30)]
    assert got[0][2].startswith("cronjob 'c' init container 'init' has the port name 'Metrics'")
