"""Wrong shapes never make this pack's rules raise (or report): every rule on odd manifests and
Compose files, with the meta rule for crashed checks (CL0008) selected."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODES = [f"CL{n}" for n in range(2050, 2063)] + ["CL6010", "CL6011", "CL6012", "CL6013"]

KUBERNETES = """\
apiVersion: v1
kind: Pod
metadata:
  name: odd
  annotations: [seccomp.security.alpha.kubernetes.io/pod]
spec:
  hostUsers: maybe
  os: windows
  securityContext:
    - runAsUser: 0
  volumes:
    - nfs
    - {name: [x], nfs: {}}
  containers:
    - odd
    - name: {a: b}
      securityContext: [privileged]
      ports: 22
    - name: c
      ports: [22, {containerPort: [22]}, {containerPort: "22", hostPort: {}}]
      securityContext:
        capabilities: {add: {NET_RAW: true}, drop: ALL}
        seccompProfile: Unconfined
        appArmorProfile: {type: [Unconfined]}
        seLinuxOptions: [spc_t]
        runAsUser: [0]
        runAsNonRoot: "true"
        readOnlyRootFilesystem: [true]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: empty}
spec:
  template:
---
apiVersion: apps/v1
kind: Deployment
spec: 7
---
- just
- a list
"""

COMPOSE = """\
services:
  odd:
    image: [postgres]
    user: {name: root}
    cap_add: SYS_ADMIN
    security_opt: {seccomp: unconfined}
    read_only: [true]
    ports: {5432: 5432}
    expose: 22
    network_mode: [host]
  odder:
    ports: ["::5432", "a:b:c:d", {target: [22]}, {published: 5432}, null, 22.5]
    expose: [{port: 22}, null]
    security_opt: [null, "", "label", "seccomp", {a: b}]
    cap_add: [null, {a: b}, ""]
  none:
"""


@pytest.mark.parametrize("code", CODES)
def test_kubernetes_wrong_shapes(code: str) -> None:
    findings = lint_text(KUBERNETES, FileKind.KUBERNETES, select=[code, "CL0008"])
    assert [f for f in findings if f.code == "CL0008"] == []


def test_empty_capability_names_are_not_findings() -> None:
    findings = lint_text(COMPOSE, FileKind.COMPOSE, select=["CL2051"])
    assert [f for f in findings if f.code == "CL2051"] == []


@pytest.mark.parametrize("code", CODES)
def test_compose_wrong_shapes(code: str) -> None:
    findings = lint_text(COMPOSE, FileKind.COMPOSE, select=[code, "CL0008"], rule_options={"CL2061": {"compose": True}})
    assert [f for f in findings if f.code == "CL0008"] == []
