"""kube-linter conformance for the isolation checks: for each check, objects that must not fire and
objects that must, written from kube-linter's documented behaviour (its templates and e2e cases),
selected through the ``kube-linter:<check>`` alias. Every expected finding is marked in the
fixture with a trailing ``# <-`` on its line; one finding per offending container."""

from __future__ import annotations

import textwrap

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

FIXTURES: dict[str, str] = {
    "privileged-container": """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: dont-fire}
        spec:
          template:
            spec:
              containers:
                - name: app
                  securityContext:
                    privileged: false
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: dont-fire}
        spec:
          template:
            spec:
              containers:
                - name: app
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: fire}
        spec:
          template:
            spec:
              containers:
              - name: app
                securityContext:
                  privileged: true  # <-
              - name: second
                securityContext:
                  privileged: true  # <-
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: fire}
        spec:
          template:
            spec:
              initContainers:
              - name: init
                securityContext:
                  privileged: true  # <-
    """,
    "privilege-escalation-container": """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: dont-fire}
        spec:
          template:
            spec:
              containers:
                - name: app
                  securityContext:
                    allowPrivilegeEscalation: false
                - name: unset
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: fire}
        spec:
          template:
            spec:
              containers:
              - name: app
                securityContext:
                  allowPrivilegeEscalation: true  # <-
                  privileged: true
              - name: priv
                securityContext:
                  privileged: true  # <-
              - name: admin
                securityContext:
                  capabilities:
                    add:
                    - SYS_ADMIN  # <-
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: fire}
        spec:
          template:
            spec:
              containers:
              - name: app
                securityContext:
                  allowPrivilegeEscalation: true  # <-
    """,
    "host-network": """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: dont-fire}
        spec:
          template:
            spec:
              hostNetwork: false
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: fire}
        spec:
          template:
            spec:
              hostNetwork: true  # <-
              containers: [{name: a}, {name: b}]
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: fire}
        spec:
          template:
            spec:
              hostNetwork: true  # <-
    """,
    "host-pid": """
        apiVersion: v1
        kind: Pod
        metadata: {name: dont-fire}
        spec:
          hostPID: false
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: fire}
        spec:
          hostPID: true  # <-
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: fire}
        spec:
          template:
            spec:
              hostPID: true  # <-
    """,
    "host-ipc": """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: dont-fire}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  hostIPC: false
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: fire}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  hostIPC: true  # <-
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: fire}
        spec:
          template:
            spec:
              hostIPC: true  # <-
    """,
    "docker-sock": """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: dont-fire}
        spec:
          template:
            spec:
              containers:
                - name: app
                  volumeMounts:
                    - name: thingsock
                      mountPath: /var/run/thing.sock
              volumes:
                - name: thingsock
                  hostPath:
                    path: /var/run/thing.sock
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: fire}
        spec:
          template:
            spec:
              containers:
              - name: app
                volumeMounts:
                - name: dockersock
                  mountPath: /var/run/docker.sock  # <-
              volumes:
              - name: dockersock
                hostPath:
                  path: /var/run/docker.sock
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: fire}
        spec:
          template:
            spec:
              containers:
              - name: app
                volumeMounts:
                - name: dockersock
                  mountPath: /var/run/docker.sock  # <-
              volumes:
              - name: dockersock
                hostPath:
                  path: /var/run/docker.sock
    """,
    "sensitive-host-mounts": """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: dont-fire}
        spec:
          template:
            spec:
              containers:
              - name: app
                volumeMounts:
                - {name: certs, mountPath: /etc/ssl/certs}
              volumes:
              - name: certs
                hostPath: {path: /etc/ssl/certs}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app1}
        spec:
          template:
            spec:
              containers:
              - name: app
                volumeMounts:
                - name: config
                  mountPath: /etc  # <-
              volumes:
              - name: config
                hostPath:
                  path: /etc
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: app2}
        spec:
          template:
            spec:
              containers:
              - name: app2
                volumeMounts:
                - name: config
                  mountPath: /etc  # <-
              volumes:
              - name: config
                hostPath:
                  path: /etc
    """,
    "writable-host-mount": """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: dont-fire}
        spec:
          template:
            spec:
              containers:
              - name: app
                volumeMounts:
                - {name: config, mountPath: /config, readOnly: true}
              volumes:
              - name: config
                hostPath: {path: /config}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app1}
        spec:
          template:
            spec:
              containers:
              - name: app
                volumeMounts:
                - name: config
                  mountPath: /config  # <-
              volumes:
              - name: config
                hostPath:
                  path: /config
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: app2}
        spec:
          template:
            spec:
              containers:
              - name: app2
                volumeMounts:
                - name: config
                  mountPath: /config  # <-
              volumes:
              - name: config
                hostPath:
                  path: /config
    """,
    "unsafe-proc-mount": """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: dont-fire}
        spec:
          template:
            spec:
              containers:
              - name: app
                securityContext: {procMount: Default}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app1}
        spec:
          template:
            spec:
              containers:
              - name: app
                securityContext:
                  procMount: Unmasked  # <-
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: app2}
        spec:
          template:
            spec:
              containers:
              - name: app
                securityContext:
                  procMount: Unmasked  # <-
    """,
    "scc-deny-privileged-container": """
        apiVersion: security.openshift.io/v1
        kind: SecurityContextConstraints
        metadata: {name: app1}
        allowHostDirVolumePlugin: true
        allowPrivilegeEscalation: false
        allowPrivilegedContainer: true  # <-
        runAsUser: {type: RunAsAny}
        volumes: [configMap, hostPath]
        ---
        apiVersion: security.openshift.io/v1
        kind: SecurityContextConstraints
        metadata: {name: dont-fire}
        allowHostDirVolumePlugin: true
        allowPrivilegedContainer: false
        runAsUser: {type: RunAsAny}
    """,
}


def _expected_lines(text: str) -> list[int]:
    return [number for number, line in enumerate(text.splitlines(), start=1) if line.rstrip().endswith("# <-")]


@pytest.mark.parametrize("check", sorted(FIXTURES))
def test_fixture(check: str) -> None:
    text = textwrap.dedent(FIXTURES[check])
    findings = lint_text(text, FileKind.KUBERNETES, select=[f"kube-linter:{check}", "CL0001", "CL0004"])
    assert not [f for f in findings if f.code in ("CL0001", "CL0004")]
    assert {f.name for f in findings} <= {check}
    assert sorted(f.span.start.line for f in findings) == _expected_lines(text)
    for finding in findings:
        assert f"kube-linter:{check}" in finding.aliases or not finding.aliases


@pytest.mark.parametrize("check", sorted(FIXTURES))
def test_kube_linter_ignore_annotation(check: str) -> None:
    """``ignore-check.kube-linter.io/<check>`` on an object suppresses that check on it."""
    text = textwrap.dedent(FIXTURES[check])
    annotated = _annotate(text, check)
    findings = lint_text(annotated, FileKind.KUBERNETES, select=[f"kube-linter:{check}"])
    assert len(findings) == len(_expected_lines(text))
    assert all(f.suppressed for f in findings)
    assert all(f.suppression and f.suppression.source == "kube-linter" for f in findings)


def _annotate(text: str, check: str) -> str:
    """Give every object the kube-linter ignore annotation for ``check``."""
    out = []
    for line in text.splitlines(keepends=True):
        if line.startswith("metadata: {name: "):
            name = line.removeprefix("metadata: {name: ").split("}")[0]
            line = f"metadata:\n  name: {name}\n  annotations: {{ignore-check.kube-linter.io/{check}: reviewed}}\n"
        out.append(line)
    return "".join(out)


def test_every_isolation_check_of_kube_linter_is_covered() -> None:
    from tests.helpers import builtin_ruleset

    ruleset = builtin_ruleset()
    for check in FIXTURES:
        rule = ruleset.get(f"kube-linter:{check}")
        assert rule is not None and rule.name == check
    defaults = {check: ruleset.get(check).default_enabled for check in FIXTURES}  # type: ignore[union-attr]
    assert defaults == {
        "privileged-container": True,
        "privilege-escalation-container": True,
        "host-network": True,
        "host-pid": True,
        "host-ipc": True,
        "docker-sock": True,
        "sensitive-host-mounts": True,
        "writable-host-mount": False,
        "unsafe-proc-mount": False,
        "scc-deny-privileged-container": False,
    }
