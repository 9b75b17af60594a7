"""CL4201 no-liveness-probe: a container without a liveness probe (kube-linter no-liveness-probe)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.reliability._support import missing_probes
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4201",
    name="no-liveness-probe",
    summary="A container has no liveness probe",
    severity=Severity.WARNING,
    aliases=("kube-linter:no-liveness-probe", "checkov:CKV_K8S_8"),
    tags=("kubernetes", "reliability", "probes"),
    default_enabled=False,
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    yield from missing_probes(
        manifests,
        "livenessProbe",
        "has no liveness probe, so the kubelet cannot tell when it hangs and restart it",
        "add a livenessProbe (httpGet, tcpSocket, grpc or exec) that fails when the process is stuck",
    )
