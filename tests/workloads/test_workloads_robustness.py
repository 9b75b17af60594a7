"""All CL43xx rules: wrong shapes never raise, kube-linter's ignore annotations suppress, and the
aliases select the rules."""

from __future__ import annotations

import pytest

from containerlint.checks.workloads import RULE_MODULES
from containerlint.model import FileKind
from tests.helpers import builtin_ruleset, lint_text

CODES = [f"CL{4301 + index}" for index in range(len(RULE_MODULES))]

WRONG_SHAPES = """\
apiVersion: apps/v1
kind: Deployment
metadata: [a, b]
spec:
  replicas: many
  strategy: RollingUpdate
  template:
    metadata: 3
    spec:
      affinity: [x]
      dnsConfig: {options: {ndots: 2}}
      serviceAccountName: {a: b}
      priorityClassName: [x]
      containers:
        - 3
        - name: [x]
          env: {A: B}
          ports: [80, {name: [x]}]
        - env: [{name: {a: b}}, {name: A}, {name: A}]
---
apiVersion: apps/v1
kind: StatefulSet
spec: [1, 2]
---
apiVersion: v1
kind: Service
spec:
  type: [NodePort]
  ports: {targetPort: x}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
spec: null
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
spec:
  minReplicas: {a: 1}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: x}
spec:
  replicas: 3
  template:
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution: [3, {labelSelector: [x], namespaces: a}]
          preferredDuringSchedulingIgnoredDuringExecution: [{podAffinityTerm: 3}]
---
- a list
---
just text
---
apiVersion: v1
kind: List
items: 3
"""


def test_every_code_is_a_workload_rule() -> None:
    ruleset = builtin_ruleset()
    rules = [ruleset.get(code) for code in CODES]
    assert all(rule is not None and rule.code.startswith("CL43") for rule in rules)
    assert all(any(alias.startswith("kube-linter:") for alias in rule.aliases) for rule in rules if rule)


@pytest.mark.parametrize("code", CODES)
def test_wrong_shapes_never_raise(code: str) -> None:
    for finding in lint_text(WRONG_SHAPES, FileKind.KUBERNETES, select=[code]):
        assert finding.span.start.line >= 1
        assert finding.code == code


def test_kube_linter_ignore_annotations() -> None:
    text = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    ignore-check.kube-linter.io/minimum-three-replicas: "scaled by KEDA"
spec:
  replicas: 1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
"""
    found = lint_text(text, FileKind.KUBERNETES, select=["kube-linter:minimum-three-replicas"])
    assert [(f.code, f.span.start.line, f.suppressed) for f in found] == [("CL4301", 8, True), ("CL4301", 15, False)]


def test_defaults_follow_kube_linter() -> None:
    ruleset = builtin_ruleset()
    on = {"no-anti-affinity", "pdb-max-unavailable", "pdb-unhealthy-pod-eviction-policy"}
    on |= {"deprecated-service-account-field", "duplicate-env-var", "invalid-target-ports", "no-extensions-v1beta"}
    for code in CODES:
        rule = ruleset.get(code)
        assert rule is not None
        assert rule.default_enabled == (rule.name in on), rule.name
