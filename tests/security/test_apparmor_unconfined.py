"""CL2055 apparmor-unconfined: appArmorProfile types, the beta annotation, Compose security_opt."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.security._process import at, located, pod, run, where

CODE = "CL2055"


def test_profile_types_and_annotations() -> None:
    text = pod(
        """
        securityContext:
          appArmorProfile: {type: Unconfined}
        containers:
          - name: a
            image: acme/a:1.0
            securityContext:
              appArmorProfile: {type: Unconfined}
          - name: b
            image: acme/b:1.0
            securityContext:
              appArmorProfile: {type: Localhost, localhostProfile: k8s-b}
        """,
        annotations="""
        container.apparmor.security.beta.kubernetes.io/a: unconfined
        container.apparmor.security.beta.kubernetes.io/b: localhost/k8s-b
        container.apparmor.security.beta.kubernetes.io/c: runtime/default
        """,
    )
    assert located(run(text, FileKind.KUBERNETES, CODE)) == [
        (
            *at(text, "unconfined"),
            "deployment 'app' annotation 'container.apparmor.security.beta.kubernetes.io/a: unconfined' "
            "turns AppArmor off",
        ),
        (
            *at(text, "Unconfined"),
            "deployment 'app' sets appArmorProfile.type 'Unconfined' for its pod, which turns AppArmor off",
        ),
        (
            *at(text, "Unconfined", 1),
            "deployment 'app' container 'a' sets appArmorProfile.type 'Unconfined', which turns AppArmor off",
        ),
    ]


def test_object_metadata_annotations_of_a_deployment_do_not_apply() -> None:
    text = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
spec:
  selector:
    matchLabels: {app: app}
  template:
    metadata:
      labels: {app: app}
    spec:
      containers:
        - name: app
          image: acme/app:1.0
"""
    assert run(text, FileKind.KUBERNETES, CODE) == []


@pytest.mark.parametrize("entry", ["apparmor:unconfined", "apparmor=unconfined"])
def test_compose(entry: str) -> None:
    text = f"services:\n  app:\n    image: acme/app:1.0\n    security_opt: [{entry}, apparmor=my-profile]\n"
    findings = run(text, FileKind.COMPOSE, CODE)
    assert where(findings) == [(4, 20)]
    assert findings[0].message == f"service 'app' runs without AppArmor confinement ('{entry}')"
