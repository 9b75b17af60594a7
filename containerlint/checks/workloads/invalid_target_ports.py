"""CL4318 invalid-target-ports: a Service targetPort or a container port name that Kubernetes
refuses: names must be IANA service names, numbers 1-65535 (kube-linter invalid-target-ports)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import port_name_violations
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4318",
    name="invalid-target-ports",
    summary="A Service targetPort or container port name is not a valid port name or number",
    severity=Severity.ERROR,
    aliases=("kube-linter:invalid-target-ports",),
    tags=("kubernetes", "network", "ports"),
)

NAME_HINT = "a port name is 1-15 lower-case letters, digits and single hyphens, with at least one letter"


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for container in obj.containers:
            for port in container.ports:
                if port.name is None or not port.name.value:
                    continue
                for violation in port_name_violations(port.name.value):
                    yield Problem(
                        port.name.span,
                        f"{container.label(obj)} has the port name '{port.name.value}', which {violation}",
                        hint=NAME_HINT,
                    )
        for service_port in obj.service_ports:
            target = service_port.target_port
            if target is None:
                continue
            number = target.as_int()
            if number == 0:
                continue  # 0 reads as unset: the port number is used
            if number is None:
                for violation in port_name_violations(target.value):
                    yield Problem(
                        target.span,
                        f"{obj.describe()} has the targetPort '{target.value}', which {violation}",
                        hint=f"{NAME_HINT}; a number is written unquoted",
                    )
            elif not 1 <= number <= 65535:
                yield Problem(
                    target.span,
                    f"{obj.describe()} has the targetPort {target.value}, which must be between 1 and 65535, inclusive",
                    hint="use a port number from 1 to 65535, or the name of a container port",
                )
