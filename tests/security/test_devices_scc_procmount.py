"""CL2041 devices-mounted, CL2042 scc-deny-privileged-container, CL2043 unsafe-proc-mount and
CL2044 host-process-container."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind, Severity
from tests.security._isolation import WORKLOAD_KINDS, at, kube_workload, run, starts

K8S = FileKind.KUBERNETES
COMPOSE = FileKind.COMPOSE


# --- CL2041 devices-mounted -------------------------------------------------------------------


def test_devices_every_syntax() -> None:
    text = """
    services:
      modem:
        image: x
        devices:
          - /dev/ttyUSB0:/dev/ttyUSB0
          - "/dev/sda:/dev/xvda:r"
          - /dev/fuse
          - nvidia.com/gpu=all
          - source: /dev/kvm
            target: /dev/kvm
            permissions: rwm
          - {target: /dev/nothing}
          -
      plain:
        image: x
        devices: /dev/sda
    """
    found = run(text, COMPOSE, "CL2041")
    assert starts(found) == [
        at(text, "/dev/ttyUSB0:"),
        at(text, '"/dev/sda'),
        at(text, "/dev/fuse"),
        at(text, "nvidia.com"),
        at(text, "/dev/kvm"),
    ]
    assert [f.message for f in found] == [
        "service 'modem' passes the host device '/dev/ttyUSB0' into the container",
        "service 'modem' passes the host device '/dev/sda' into the container",
        "service 'modem' passes the host device '/dev/fuse' into the container",
        "service 'modem' passes the host device 'nvidia.com/gpu=all' into the container",
        "service 'modem' passes the host device '/dev/kvm' into the container",
    ]
    assert {f.severity for f in found} == {Severity.INFO}


def test_devices_suppressed_with_reason() -> None:
    from tests.helpers import lint_text

    text = "services:\n  m:\n    image: x\n    devices:\n"
    text += "      - /dev/ttyUSB0  # containerlint: ignore=devices-mounted -- modem\n"
    (finding,) = [f for f in lint_text(text, COMPOSE, select=["CL2041"]) if f.code == "CL2041"]
    assert finding.suppressed


# --- CL2042 scc-deny-privileged-container -----------------------------------------------------

SCC = """
apiVersion: security.openshift.io/v1
kind: SecurityContextConstraints
metadata:
  name: {name}
allowHostNetwork: false
{field}
runAsUser:
  type: RunAsAny
"""


def scc(name: str, field: str) -> str:
    return SCC.replace("{name}", name).replace("{field}", field)


def test_scc_allow_privileged_true() -> None:
    text = scc("priv", "allowPrivilegedContainer: true") + "---" + scc("safe", "allowPrivilegedContainer: false")
    text += "---" + scc("absent", "")
    (finding,) = run(text, K8S, "CL2042")
    assert starts([finding]) == [at(text, "true")]
    assert finding.message == "securitycontextconstraints 'priv' has allowPrivilegedContainer set to true"


def test_scc_parameter_false_flags_forbidding_sccs() -> None:
    text = scc("priv", "allowPrivilegedContainer: true") + "---" + scc("safe", "allowPrivilegedContainer: false")
    text += "---" + scc("absent", "")
    found = run(text, K8S, "CL2042", {"allow-privileged-container": False})
    line, column = at(text, "allowPrivilegedContainer: false")
    assert starts(found) == [
        (line, column + len("allowPrivilegedContainer: ")),
        at(text, "SecurityContextConstraints", 2),
    ]
    assert [f.message for f in found] == [
        "securitycontextconstraints 'safe' has allowPrivilegedContainer set to false",
        "securitycontextconstraints 'absent' has allowPrivilegedContainer set to false",
    ]


def test_scc_other_kinds_ignored() -> None:
    text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nallowPrivilegedContainer: true\n"
    assert run(text, K8S, "CL2042") == []


# --- CL2043 unsafe-proc-mount -----------------------------------------------------------------


@pytest.mark.parametrize("kind", WORKLOAD_KINDS)
def test_unmasked_every_kind_and_group(kind: str) -> None:
    text = kube_workload(
        kind,
        """
        initContainers:
        - name: i
          securityContext: {procMount: unmasked}
        containers:
        - name: a
          securityContext:
            procMount: Unmasked
        - name: b
          securityContext:
            procMount: Default
        - name: c
        ephemeralContainers:
        - name: e
          securityContext: {procMount: Unmasked}
        """,
        name="w",
    )
    found = run(text, K8S, "CL2043")
    assert starts(found) == [at(text, "unmasked"), at(text, "Unmasked"), at(text, "Unmasked", 1)]
    assert found[1].message == f"{kind.lower()} 'w' container 'a' exposes /proc unmasked (procMount: Unmasked)"


def test_other_proc_mount_values_and_pod_level() -> None:
    text = kube_workload(
        "Pod",
        """
        securityContext: {procMount: Unmasked}
        containers:
        - name: a
          securityContext: {procMount: Masked}
        - name: b
          securityContext: {procMount: default}
        """,
    )
    (finding,) = run(text, K8S, "CL2043")
    assert starts([finding]) == [at(text, "Masked")]
    assert "other than Default" in finding.message


def test_off_by_default_with_pss_tags() -> None:
    from containerlint.checks.privilege.scc_deny_privileged_container import RULE as SCC_RULE
    from containerlint.checks.privilege.unsafe_proc_mount import RULE

    assert not RULE.default_enabled and {"pss-baseline", "pss-restricted"} <= set(RULE.tags)
    assert not SCC_RULE.default_enabled and "pss-baseline" not in SCC_RULE.tags


# --- CL2044 host-process-container ------------------------------------------------------------


@pytest.mark.parametrize("kind", WORKLOAD_KINDS)
def test_host_process_pod_and_container_level(kind: str) -> None:
    text = kube_workload(
        kind,
        """
        securityContext:
          windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}
        initContainers:
        - name: init
          securityContext:
            windowsOptions:
              hostProcess: true
        containers:
        - name: app
          securityContext:
            windowsOptions: {hostProcess: false}
        - name: plain
        """,
        name="agent",
    )
    found = run(text, K8S, "CL2044")
    assert starts(found) == [at(text, "true"), at(text, "true", 1)]
    assert [f.message for f in found] == [
        f"{kind.lower()} 'agent' runs all its containers as HostProcess containers "
        "(securityContext.windowsOptions.hostProcess: true)",
        f"{kind.lower()} 'agent' init container 'init' runs as a HostProcess container "
        "(windowsOptions.hostProcess: true)",
    ]


def test_host_process_clean_and_wrong_shapes() -> None:
    text = kube_workload(
        "Pod",
        """
        securityContext:
          windowsOptions: [hostProcess]
        containers:
        - name: a
          securityContext: {windowsOptions: {hostProcess: "true"}}
        - name: b
          windowsOptions: {hostProcess: true}
        """,
    )
    assert run(text, K8S, "CL2044") == []
