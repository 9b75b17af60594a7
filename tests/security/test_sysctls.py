"""CL2057 unsafe-sysctls (kube-linter's prefixes) and CL2058 sysctl-not-in-safe-set (the PSS
allow-list, by Kubernetes version)."""

from __future__ import annotations

import pytest

from containerlint.config import KubernetesSettings, Settings
from containerlint.model import FileKind
from containerlint.registry import Context
from tests.security._process import at, located, pod, run, where

SYSCTLS = pod("""
    securityContext:
      sysctls:
        - {name: kernel.shm_rmid_forced, value: "1"}
        - {name: net.ipv4.ip_local_port_range, value: "1024 65000"}
        - {name: net.core.somaxconn, value: "1024"}
        - {name: kernel.msgmax, value: "65536"}
        - {name: fs.mqueue.msg_max, value: "10"}
        - {name: vm.swappiness, value: "10"}
        - {name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}
        - {value: "1"}
    containers:
      - name: app
        image: acme/app:1.0
""")


def test_kube_linter_prefixes() -> None:
    findings = run(SYSCTLS, FileKind.KUBERNETES, "CL2057")
    names = ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.core.somaxconn", "kernel.msgmax"]
    names += ["fs.mqueue.msg_max", "net.ipv4.tcp_rmem"]
    assert located(findings) == [
        (*at(SYSCTLS, name), f"deployment 'app' sets unsafe sysctl '{name}'") for name in names
    ]


def test_kube_linter_prefixes_option() -> None:
    findings = run(SYSCTLS, FileKind.KUBERNETES, "CL2057", options={"unsafe-sysctls": ["vm.", ""]})
    assert where(findings) == [at(SYSCTLS, "vm.swappiness")]


def test_pss_safe_set() -> None:
    findings = run(SYSCTLS, FileKind.KUBERNETES, "CL2058")
    names = ["net.core.somaxconn", "kernel.msgmax", "fs.mqueue.msg_max", "vm.swappiness"]
    assert located(findings) == [
        (*at(SYSCTLS, name), f"deployment 'app' sets sysctl '{name}', which is not in the Pod Security safe set")
        for name in names
    ]


@pytest.mark.parametrize(
    ("version", "safe", "unsafe"),
    [
        ("1.26", "net.ipv4.tcp_syncookies", "net.ipv4.ip_local_reserved_ports"),
        ("1.27", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_fin_timeout"),
        ("1.31", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_wmem"),
        ("1.32", "net.ipv4.tcp_wmem", "net.ipv4.tcp_notsent_lowat"),
        ("1.37", "net.ipv4.tcp_notsent_lowat", "net.core.somaxconn"),
        (None, "net.ipv4.tcp_wmem", "net.ipv4.tcp_notsent_lowat"),  # unset: the schema store's default, 1.35
    ],
)
def test_pss_safe_set_follows_the_kubernetes_version(version: str | None, safe: str, unsafe: str) -> None:
    from containerlint.checks.privilege.sysctl_not_in_safe_set import safe_set

    names = safe_set(Context(options={}, settings=Settings(kubernetes=KubernetesSettings(version=version))))
    assert safe in names
    assert unsafe not in names


def test_container_level_and_wrong_shapes_are_ignored() -> None:
    text = pod("""
        securityContext:
          sysctls: {name: net.core.somaxconn}
        containers:
          - name: app
            image: acme/app:1.0
            securityContext:
              sysctls: [{name: net.core.somaxconn}]
    """)
    assert run(text, FileKind.KUBERNETES, "CL2057") == []
    assert run(text, FileKind.KUBERNETES, "CL2058") == []
