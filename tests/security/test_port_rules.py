"""CL6010 privileged-ports, CL6011 ssh-port and CL6012 host-port (Kubernetes container ports), and
ssh-port on Compose ports and expose."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.security._process import at, located, pod, run, where

PORTS = pod("""
    initContainers:
      - name: init
        image: acme/init:1.0
        ports: [{containerPort: 22}]
    containers:
      - name: app
        image: acme/a:1.0
        ports:
          - containerPort: 80
            hostPort: 8080
          - containerPort: 1023
            protocol: UDP
            hostPort: 0
          - containerPort: 1024
          - containerPort: 0
          - containerPort: 22
            protocol: UDP
          - containerPort: 22
            protocol: tcp
            hostPort: "22"
          - name: http
""")


def test_privileged_ports() -> None:
    assert located(run(PORTS, FileKind.KUBERNETES, "CL6010")) == [
        (*at(PORTS, "22}"), "deployment 'app' init container 'init' maps privileged port 22"),
        (*at(PORTS, "80"), "deployment 'app' container 'app' maps privileged port 80"),
        (*at(PORTS, "1023"), "deployment 'app' container 'app' maps privileged port 1023"),
        (*at(PORTS, "22\n"), "deployment 'app' container 'app' maps privileged port 22"),  # UDP too
        (*at(PORTS, "22\n", 1), "deployment 'app' container 'app' maps privileged port 22"),
    ]


def test_ssh_port_tcp_only() -> None:
    assert located(run(PORTS, FileKind.KUBERNETES, "CL6011")) == [
        (*at(PORTS, "22}"), "deployment 'app' init container 'init' exposes port 22/TCP"),
        (*at(PORTS, "22\n", 1), "deployment 'app' container 'app' exposes port 22/TCP"),
    ]


def test_ssh_port_options() -> None:
    findings = run(PORTS, FileKind.KUBERNETES, "CL6011", options={"port": 1023, "protocol": "udp"})
    assert located(findings) == [(*at(PORTS, "1023"), "deployment 'app' container 'app' exposes port 1023/UDP")]


def test_host_port() -> None:
    assert located(run(PORTS, FileKind.KUBERNETES, "CL6012")) == [
        (*at(PORTS, "8080"), "deployment 'app' container 'app' binds host port 8080 on the node"),
        (*at(PORTS, '"22"'), "deployment 'app' container 'app' binds host port 22 on the node"),
    ]


COMPOSE = """\
services:
  a:
    image: acme/a:1.0
    ports:
      - "2222:22"
      - "127.0.0.1:2200:22/tcp"
      - "20-30:20-30"
      - "22:2222"
      - "22/udp"
      - target: 22
        published: "2201"
      - target: 22
        protocol: udp
    expose: ["22/TCP", 2222, "22/udp", "21-23/tcp", 22]
"""


def test_ssh_port_compose() -> None:
    findings = run(COMPOSE, FileKind.COMPOSE, "CL6011")
    assert where(findings) == [(5, 9), (6, 9), (7, 9), (10, 17), (14, 14), (14, 40), (14, 53)]
    assert findings[0].message == "service 'a' publishes container port 22/tcp"
    assert findings[4].message == "service 'a' exposes port 22/tcp"


@pytest.mark.parametrize("code", ["CL6010", "CL6012"])
def test_kubernetes_only_rules_ignore_compose(code: str) -> None:
    assert run(COMPOSE, FileKind.COMPOSE, code) == []
