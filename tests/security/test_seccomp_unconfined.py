"""CL2053 seccomp-unconfined: bad seccompProfile types (pod once, containers each), the legacy
annotations, and Compose security_opt in both spellings."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.security._process import at, located, pod, run, where

CODE = "CL2053"


def test_pod_level_once_and_container_level_each() -> None:
    text = pod("""
        securityContext:
          seccompProfile:
            type: Unconfined
        containers:
          - name: a
            image: acme/a:1.0
          - name: b
            image: acme/b:1.0
            securityContext:
              seccompProfile: {type: RuntimeDefualt}
          - name: c
            image: acme/c:1.0
            securityContext:
              seccompProfile: {type: Localhost, localhostProfile: p.json}
    """)
    assert located(run(text, FileKind.KUBERNETES, CODE)) == [
        (
            *at(text, "Unconfined"),
            "deployment 'app' sets seccompProfile.type 'Unconfined' for its pod, which turns seccomp off",
        ),
        (
            *at(text, "RuntimeDefualt"),
            "deployment 'app' container 'b' sets seccompProfile.type 'RuntimeDefualt', which is not "
            "RuntimeDefault or Localhost",
        ),
    ]


def test_legacy_annotations() -> None:
    text = pod(
        """
        containers:
          - name: web
            image: acme/web:1.0
        """,
        kind="Pod",
        annotations="""
        seccomp.security.alpha.kubernetes.io/pod: unconfined
        container.seccomp.security.alpha.kubernetes.io/web: docker/default
        container.seccomp.security.alpha.kubernetes.io/gone: unconfined
        """,
    )
    findings = run(text, FileKind.KUBERNETES, CODE)
    # The annotation for a container the pod does not have is ignored, as admission does.
    assert where(findings) == [at(text, "unconfined")]
    assert findings[0].message == (
        "pod 'app' annotation 'seccomp.security.alpha.kubernetes.io/pod: unconfined' turns seccomp off"
    )


@pytest.mark.parametrize("entry", ["seccomp:unconfined", "seccomp=unconfined", "seccomp=Unconfined"])
def test_compose_unconfined(entry: str) -> None:
    text = f"services:\n  app:\n    image: acme/app:1.0\n    security_opt:\n      - {entry}\n"
    assert located(run(text, FileKind.COMPOSE, CODE)) == [
        (5, 9, f"service 'app' runs without a seccomp profile ('{entry}')")
    ]


def test_compose_clean_options() -> None:
    text = """\
services:
  app:
    image: acme/app:1.0
    security_opt: ["seccomp:./profile.json", "no-new-privileges", "apparmor=unconfined", "label:disable"]
  other:
    image: acme/app:1.0
    security_opt: seccomp:unconfined
"""
    assert run(text, FileKind.COMPOSE, CODE) == []
