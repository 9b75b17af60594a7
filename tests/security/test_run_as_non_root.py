"""CL2059 run-as-non-root: kube-linter's semantics (container overrides pod, runAsUser > 0 passes,
runAsGroup 0 separately), the ``strict`` PSS mode, and Compose explicit root users."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.security._process import at, located, pod, run, where


def value_at(text: str, setting: str) -> tuple[int, int]:
    """Where the value of ``key: value`` (written as ``setting``) starts."""
    line, column = at(text, setting)
    return line, column + setting.index(": ") + 2


CODE = "CL2059"


def test_kube_linter_cases() -> None:
    text = pod("""
        securityContext:
          runAsNonRoot: true
          runAsGroup: 0
        containers:
          - name: inherits
            image: acme/a:1.0
          - name: overrides
            image: acme/a:1.0
            securityContext:
              runAsNonRoot: false
              runAsGroup: 1000
          - name: uid
            image: acme/a:1.0
            securityContext:
              runAsNonRoot: false
              runAsUser: 1000
              runAsGroup: 10
          - name: conflict
            image: acme/a:1.0
            securityContext:
              runAsUser: 0
              runAsGroup: 10
    """)
    assert located(run(text, FileKind.KUBERNETES, CODE)) == [
        (
            *value_at(text, "runAsGroup: 0"),
            "deployment 'app' container 'inherits' runs with runAsGroup 0 (the root group)",
        ),
        (*at(text, "false"), "deployment 'app' container 'overrides' is not set to runAsNonRoot"),
        (
            *value_at(text, "runAsUser: 0"),
            "deployment 'app' container 'conflict' is set to runAsNonRoot but runAsUser is 0: the kubelet will "
            "refuse to start it",
        ),
    ]


def test_unset_everywhere_and_runasuser_outside_security_context() -> None:
    text = pod("""
        containers:
          - name: app
            image: acme/a:1.0
            runAsUser: 1000
          - name: root
            image: acme/a:1.0
            securityContext:
              runAsUser: 0
    """)
    findings = run(text, FileKind.KUBERNETES, CODE)
    # runAsUser outside securityContext is not a setting (kube-linter ignores it too).
    assert where(findings) == [at(text, "app\n    "), value_at(text, "runAsUser: 0")]
    assert [f.message for f in findings] == [
        "deployment 'app' container 'app' is not set to runAsNonRoot",
        "deployment 'app' container 'root' is not set to runAsNonRoot",
    ]


def test_pod_level_user_passes_all_containers() -> None:
    text = pod("""
        securityContext: {runAsUser: 1000, runAsGroup: 1000}
        initContainers:
          - name: init
            image: acme/a:1.0
        containers:
          - name: app
            image: acme/a:1.0
    """)
    assert run(text, FileKind.KUBERNETES, CODE) == []


def test_strict_requires_run_as_non_root() -> None:
    text = pod("""
        securityContext: {runAsUser: 1000}
        containers:
          - name: app
            image: acme/a:1.0
    """)
    sandboxed = pod("hostUsers: false\ncontainers:\n  - name: app\n    image: acme/a:1.0\n")
    assert run(text, FileKind.KUBERNETES, CODE) == []
    assert where(run(text, FileKind.KUBERNETES, CODE, options={"strict": True})) == [at(text, "app\n    ")]
    assert run(sandboxed, FileKind.KUBERNETES, CODE, options={"strict": True}) == []
    assert len(run(sandboxed, FileKind.KUBERNETES, CODE)) == 1


@pytest.mark.parametrize("user", ["root", "0", '"0:0"', "root:staff", "'00'", '"${RUN_AS:-root}"'])
def test_compose_root_users(user: str) -> None:
    text = f"services:\n  app:\n    image: acme/app:1.0\n    user: {user}\n"
    findings = run(text, FileKind.COMPOSE, CODE)
    assert where(findings) == [(4, 11)]
    assert findings[0].message.startswith("service 'app' runs as root (user: '")


@pytest.mark.parametrize("user", ["app", "1000", '"1000:0"', '"${RUN_AS}"', "rooter"])
def test_compose_other_users(user: str) -> None:
    text = f"services:\n  app:\n    image: acme/app:1.0\n    user: {user}\n  other:\n    image: acme/app:1.0\n"
    assert run(text, FileKind.COMPOSE, CODE) == []


def test_kube_linter_ignore_annotation_suppresses() -> None:
    from tests.helpers import lint_text

    text = pod(
        "containers:\n  - name: app\n    image: acme/a:1.0\n",
        kind="Pod",
        annotations="ignore-check.kube-linter.io/run-as-non-root: runs a legacy image",
    )
    findings = [f for f in lint_text(text, FileKind.KUBERNETES, select=[CODE]) if f.code == CODE]
    assert len(findings) == 1 and findings[0].suppressed
    assert findings[0].suppression is not None and findings[0].suppression.source == "kube-linter"


def test_compose_inline_ignore() -> None:
    from tests.helpers import lint_text

    text = "services:\n  app:\n    image: acme/a:1.0\n    user: root  # containerlint: ignore=run-as-non-root -- init\n"
    findings = [f for f in lint_text(text, FileKind.COMPOSE, select=[CODE]) if f.code == CODE]
    assert len(findings) == 1 and findings[0].suppressed
