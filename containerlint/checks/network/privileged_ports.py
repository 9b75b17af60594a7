"""CL6010 privileged-ports: kube-linter's check of the same name -- a ``containerPort`` between 1
and 1023. Binding such a port inside the container needs root or NET_BIND_SERVICE.

Kubernetes only: in Compose a low *host* port is a deliberate choice, and a low container port is
the image's business.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL6010",
    name="privileged-ports",
    summary="A container port is below 1024, which needs root or NET_BIND_SERVICE to bind",
    severity=Severity.INFO,
    aliases=("kube-linter:privileged-ports",),
    tags=("security", "kubernetes", "network"),
    default_enabled=False,
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for container in obj.containers:
            for port in container.ports:
                number = port.container_port.as_int() if port.container_port is not None else None
                if port.container_port is not None and number is not None and 0 < number < 1024:
                    yield Problem(
                        port.container_port.span,
                        f"{container.label(obj)} maps privileged port {number}",
                        hint="listen on a port above 1023 and map the Service port to it",
                    )
