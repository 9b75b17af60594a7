"""CL2050 drop-net-raw-capability: kube-linter's semantics, one finding per ADD hit and one for a
missing DROP, only on containers whose capabilities are set."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.security._process import at, located, pod, run, where

CODE = "CL2050"


def test_add_and_missing_drop_are_two_findings() -> None:
    text = pod("""
        containers:
          - name: app
            image: acme/app:1.0
            securityContext:
              capabilities:
                add: ["NET_RAW"]
    """)
    assert located(run(text, FileKind.KUBERNETES, CODE)) == [
        (
            *at(text, "capabilities:"),
            "deployment 'app' container 'app' sets capabilities but does not drop NET_RAW",
        ),
        (
            *at(text, '"NET_RAW"'),
            "deployment 'app' container 'app' adds capability 'NET_RAW' (NET_RAW): it can craft raw packets",
        ),
    ]


def test_drop_all_or_net_raw_passes_and_add_all_is_flagged() -> None:
    text = pod("""
        initContainers:
          - name: init
            image: acme/init:1.0
            securityContext:
              capabilities:
                drop: [ALL]
        containers:
          - name: a
            image: acme/a:1.0
            securityContext:
              capabilities:
                drop: [net_raw]
          - name: b
            image: acme/b:1.0
            securityContext:
              capabilities:
                drop: [CAP_NET_RAW]
                add: [all, NET_RAW]
    """)
    findings = run(text, FileKind.KUBERNETES, CODE)
    assert where(findings) == [at(text, "all,"), at(text, "NET_RAW]", 1)]
    assert "every capability, NET_RAW included" in findings[0].message
    assert findings[0].message.startswith("deployment 'app' container 'b' adds capability 'all'")


def test_missing_drop_points_at_drop_key() -> None:
    text = pod("""
        containers:
          - name: app
            image: acme/app:1.0
            securityContext:
              capabilities:
                drop:
                  - SYS_ADMIN
    """)
    assert where(run(text, FileKind.KUBERNETES, CODE)) == [at(text, "drop:")]


@pytest.mark.parametrize(
    "security",
    [
        "",
        "securityContext: {}",
        "securityContext:\n  capabilities:",
        "securityContext:\n  capabilities: null",
        "securityContext:\n  capabilities: [NET_RAW]",
        "securityContext: 3",
    ],
)
def test_containers_without_a_capabilities_block_are_clean(security: str) -> None:
    body = "containers:\n  - name: app\n    image: acme/app:1.0\n"
    if security:
        body += "\n".join("    " + line for line in security.splitlines()) + "\n"
    assert run(pod(body), FileKind.KUBERNETES, CODE) == []


@pytest.mark.parametrize("kind", ["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "DeploymentConfig"])
def test_every_workload_kind(kind: str) -> None:
    text = pod(
        """
        containers:
          - name: app
            image: acme/app:1.0
            securityContext:
              capabilities: {}
        """,
        kind=kind,
    )
    assert where(run(text, FileKind.KUBERNETES, CODE)) == [at(text, "capabilities:")]


def test_list_items_and_multiple_documents() -> None:
    text = """\
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: one}
    spec:
      containers:
        - name: app
          image: acme/app:1.0
          securityContext:
            capabilities: {drop: [ALL]}
---
apiVersion: v1
kind: Pod
metadata: {name: two}
spec:
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
      securityContext:
        capabilities: {add: [NET_RAW], drop: [NET_RAW]}
"""
    findings = run(text, FileKind.KUBERNETES, CODE)
    assert [(f.span.start.line, f.message.split(" adds")[0]) for f in findings] == [
        (22, "pod 'two' ephemeral container 'debug'")
    ]


def test_not_checked_for_compose() -> None:
    assert run("services:\n  app:\n    image: a:1\n    cap_add: [NET_RAW]\n", FileKind.COMPOSE, CODE) == []
