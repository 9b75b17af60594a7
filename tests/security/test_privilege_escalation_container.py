"""CL2031 privilege-escalation-container and CL2032 privilege-escalation-not-disabled."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.security._isolation import WORKLOAD_KINDS, at, kube_workload, run, starts

K8S = FileKind.KUBERNETES
COMPOSE = FileKind.COMPOSE

POD = """
initContainers:
- name: init
  securityContext:
    allowPrivilegeEscalation: true
containers:
- name: explicit
  securityContext:
    allowPrivilegeEscalation: true
    privileged: true
- name: privileged
  securityContext:
    privileged: true
- name: sysadmin
  securityContext:
    capabilities:
      add: [NET_ADMIN, SYS_ADMIN]
- name: safe
  securityContext:
    allowPrivilegeEscalation: false
- name: unset
ephemeralContainers:
- name: debug
  securityContext:
    capabilities: {add: [cap_sys_admin]}
"""


@pytest.mark.parametrize("kind", WORKLOAD_KINDS)
def test_kube_linter_conditions_one_finding_per_container(kind: str) -> None:
    text = kube_workload(kind, POD, name="w")
    found = run(text, K8S, "CL2031")
    assert starts(found) == [
        at(text, "true"),  # init: allowPrivilegeEscalation
        at(text, "true", 1),  # explicit: allowPrivilegeEscalation wins over privileged
        at(text, "true", 3),  # privileged
        at(text, "SYS_ADMIN"),
        at(text, "cap_sys_admin"),
    ]
    label = kind.lower()
    assert [f.message for f in found] == [
        f"{label} 'w' init container 'init' sets allowPrivilegeEscalation: true",
        f"{label} 'w' container 'explicit' sets allowPrivilegeEscalation: true",
        f"{label} 'w' container 'privileged' is privileged, which always allows privilege escalation",
        f"{label} 'w' container 'sysadmin' adds the SYS_ADMIN capability, which allows privilege escalation",
        f"{label} 'w' ephemeral container 'debug' adds the SYS_ADMIN capability, which allows privilege escalation",
    ]


def test_pod_level_and_wrong_shapes_are_ignored() -> None:
    text = kube_workload(
        "Pod",
        """
        securityContext:
          allowPrivilegeEscalation: true
        containers:
        - name: a
          securityContext:
            capabilities: {add: SYS_ADMIN}
        - name: b
          securityContext:
            capabilities: [SYS_ADMIN]
        - name: c
          securityContext:
            allowPrivilegeEscalation: "true"
        """,
    )
    assert run(text, K8S, "CL2031") == []


def test_compose_no_new_privileges_false() -> None:
    text = """
    services:
      a:
        image: x
        security_opt:
          - no-new-privileges:false
          - seccomp:unconfined
      b:
        image: x
        security_opt: ["no-new-privileges=False"]
      c:
        image: x
        security_opt: [no-new-privileges, "no-new-privileges:true", no-new-privileges=true]
      d:
        image: x
    """
    found = run(text, COMPOSE, "CL2031")
    assert starts(found) == [at(text, "no-new-privileges:false"), at(text, '"no-new-privileges=False"')]
    assert found[0].message == ("service 'a' turns no-new-privileges off, so setuid binaries can raise privileges")


# --- CL2032 -------------------------------------------------------------------------------


def test_not_disabled_reports_unset_containers_only() -> None:
    text = kube_workload(
        "Deployment",
        """
        containers:
        - name: no-context
          image: x
        - name: context-without-field
          image: x
          securityContext:
            runAsNonRoot: true
        - name: null-field
          securityContext:
            allowPrivilegeEscalation:
        - name: explicit-false
          securityContext: {allowPrivilegeEscalation: false}
        - name: explicit-true
          securityContext: {allowPrivilegeEscalation: true}
        initContainers:
        - name: init
        """,
        name="w",
    )
    found = run(text, K8S, "CL2032")
    assert starts(found) == [
        at(text, "no-context"),
        at(text, "securityContext"),
        at(text, "allowPrivilegeEscalation"),
        at(text, "init\n"),
    ]
    assert found[0].message == "deployment 'w' container 'no-context' does not set allowPrivilegeEscalation: false"
    assert found[3].message == "deployment 'w' init container 'init' does not set allowPrivilegeEscalation: false"


def test_not_disabled_exempts_windows_pods_and_is_off_by_default() -> None:
    from containerlint.checks.privilege.privilege_escalation_not_disabled import RULE

    text = kube_workload("Pod", "os: {name: windows}\ncontainers:\n- name: a\n")
    assert run(text, K8S, "CL2032") == []
    assert not RULE.default_enabled and "pss-restricted" in RULE.tags and "pss-baseline" not in RULE.tags


def test_restricted_group_reports_each_container_once() -> None:
    """CL2031 (explicit true) and CL2032 (unset) split the restricted control without overlap."""
    from tests.helpers import lint_text

    text = kube_workload(
        "Pod",
        """
        containers:
        - name: explicit-true
          securityContext: {allowPrivilegeEscalation: true}
        - name: unset
        - name: explicit-false
          securityContext: {allowPrivilegeEscalation: false}
        """,
    )
    findings = [f for f in lint_text(text, K8S, select=["pss-restricted"]) if f.code in ("CL2031", "CL2032")]
    assert sorted((f.code, f.span.start.line) for f in findings) == [("CL2031", 8), ("CL2032", 9)]
