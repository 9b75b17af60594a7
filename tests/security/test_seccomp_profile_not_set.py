"""CL2054 seccomp-profile-not-set: PSS restricted -- a profile for the pod or every container."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.security._process import at, located, pod, run

CODE = "CL2054"


def test_containers_without_a_profile_when_the_pod_has_none() -> None:
    text = pod(
        """
        containers:
          - name: a
            image: acme/a:1.0
          - name: b
            image: acme/b:1.0
            securityContext:
              seccompProfile: {type: RuntimeDefault}
          - name: c
            image: acme/c:1.0
            securityContext:
              seccompProfile: {type: Unconfined}
        """,
        annotations="seccomp.security.alpha.kubernetes.io/pod: runtime/default",
    )
    # 'c' has a (bad) profile: that is CL2053's finding; the annotation does not count.
    assert located(run(text, FileKind.KUBERNETES, CODE)) == [
        (
            *at(text, "a\n"),
            "deployment 'app' container 'a' has no seccomp profile: neither it nor its pod sets "
            "securityContext.seccompProfile",
        )
    ]


def test_a_pod_profile_covers_every_container_and_windows_is_exempt() -> None:
    covered = pod("""
        securityContext:
          seccompProfile: {type: RuntimeDefault}
        initContainers:
          - name: init
            image: acme/init:1.0
        containers:
          - name: a
            image: acme/a:1.0
    """)
    windows = pod("os:\n  name: Windows\ncontainers:\n  - name: a\n    image: acme/a:1.0\n")
    assert run(covered, FileKind.KUBERNETES, CODE) == []
    assert run(windows, FileKind.KUBERNETES, CODE) == []


def test_cronjob_containers() -> None:
    text = """\
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: acme/report:1.0
              securityContext:
                runAsNonRoot: true
"""
    findings = run(text, FileKind.KUBERNETES, CODE)
    assert [(f.span.start.line, f.span.start.column) for f in findings] == [(15, 15)]
    assert findings[0].message.startswith("cronjob 'report' container 'report' has no seccomp profile")
