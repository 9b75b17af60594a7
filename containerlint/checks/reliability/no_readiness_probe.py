"""CL4202 no-readiness-probe: a container without a readiness probe (kube-linter no-readiness-probe)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.reliability._support import missing_probes
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4202",
    name="no-readiness-probe",
    summary="A container has no readiness probe",
    severity=Severity.WARNING,
    aliases=("kube-linter:no-readiness-probe", "checkov:CKV_K8S_9"),
    tags=("kubernetes", "reliability", "probes"),
    default_enabled=False,
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    yield from missing_probes(
        manifests,
        "readinessProbe",
        "has no readiness probe, so it gets traffic as soon as it starts and while it is failing",
        "add a readinessProbe that succeeds only when the container can serve requests",
    )
