"""CL2052 capabilities-not-dropped: PSS restricted -- drop ALL (exactly), add only NET_BIND_SERVICE
(baseline-set extras here; the rest is CL2051's), Windows pods exempt."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.security._process import at, located, pod, run, where

CODE = "CL2052"


def test_missing_drop_is_reported_at_the_closest_place() -> None:
    text = pod("""
        containers:
          - name: bare
            image: acme/app:1.0
          - name: context
            image: acme/app:1.0
            securityContext:
              runAsNonRoot: true
          - name: caps
            image: acme/app:1.0
            securityContext:
              capabilities: {}
          - name: lower
            image: acme/app:1.0
            securityContext:
              capabilities:
                drop: [all]
    """)
    assert located(run(text, FileKind.KUBERNETES, CODE)) == [
        (*at(text, "bare"), "deployment 'app' container 'bare' does not drop ALL capabilities"),
        (*at(text, "securityContext:"), "deployment 'app' container 'context' does not drop ALL capabilities"),
        (*at(text, "capabilities: {}"), "deployment 'app' container 'caps' does not drop ALL capabilities"),
        (
            *at(text, "drop: [all]"),
            "deployment 'app' container 'lower' does not drop ALL capabilities ('all' is not the exact value 'ALL')",
        ),
    ]


def test_added_baseline_capabilities_other_than_net_bind_service() -> None:
    text = pod("""
        containers:
          - name: app
            image: acme/app:1.0
            securityContext:
              capabilities:
                drop: ["ALL"]
                add: [NET_BIND_SERVICE, CHOWN, SYS_ADMIN, chown]
    """)
    findings = run(text, FileKind.KUBERNETES, CODE)
    # SYS_ADMIN and the misspelled chown are dangerous-capability's (CL2051) findings.
    assert where(findings) == [at(text, "CHOWN")]
    assert findings[0].message == (
        "deployment 'app' container 'app' adds capability 'CHOWN': the restricted profile allows adding only "
        "NET_BIND_SERVICE"
    )


def test_compliant_containers_and_windows_pods_are_clean() -> None:
    compliant = pod("""
        initContainers:
          - name: init
            image: acme/init:1.0
            securityContext:
              capabilities: {drop: [ALL]}
        containers:
          - name: app
            image: acme/app:1.0
            securityContext:
              capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
    """)
    windows = pod(
        """
        os: {name: windows}
        containers:
          - name: app
            image: acme/app:1.0
        """,
        kind="Pod",
    )
    assert run(compliant, FileKind.KUBERNETES, CODE) == []
    assert run(windows, FileKind.KUBERNETES, CODE) == []


def test_off_by_default_and_in_the_restricted_group() -> None:
    from tests.helpers import lint_text

    text = pod("containers:\n  - name: app\n    image: acme/app:1.0\n")
    assert not [f for f in lint_text(text, FileKind.KUBERNETES) if f.code == CODE]
    assert [f.code for f in lint_text(text, FileKind.KUBERNETES, select=["pss-restricted"]) if f.code == CODE] == [CODE]
