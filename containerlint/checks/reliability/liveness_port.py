"""CL4203 liveness-port: a liveness probe on a port the container does not declare (kube-linter liveness-port)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.reliability._support import undeclared_probe_ports
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4203",
    name="liveness-port",
    summary="A container's liveness probe targets a port the container does not declare",
    severity=Severity.WARNING,
    aliases=("kube-linter:liveness-port",),
    tags=("kubernetes", "reliability", "probes"),
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    yield from undeclared_probe_ports(manifests, "livenessProbe", "liveness")
