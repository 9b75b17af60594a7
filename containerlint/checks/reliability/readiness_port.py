"""CL4204 readiness-port: a readiness probe on a port the container does not declare (kube-linter readiness-port)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.reliability._support import undeclared_probe_ports
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4204",
    name="readiness-port",
    summary="A container's readiness probe targets a port the container does not declare",
    severity=Severity.WARNING,
    aliases=("kube-linter:readiness-port",),
    tags=("kubernetes", "reliability", "probes"),
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    yield from undeclared_probe_ports(manifests, "readinessProbe", "readiness")
