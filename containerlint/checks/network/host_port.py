"""CL6012 host-port: the Pod Security Standards baseline control "Host Ports" -- a container port
with a non-zero ``hostPort``, which binds the port on the node itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL6012",
    name="host-port",
    summary="A container binds a port on the node (hostPort)",
    severity=Severity.WARNING,
    aliases=("checkov:CKV_K8S_26",),
    tags=("security", "kubernetes", "network", "pss-baseline", "pss-restricted"),
    default_enabled=False,
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for container in obj.containers:
            for port in container.ports:
                node = port.host_port
                if node is not None and node.as_int() != 0:
                    yield Problem(
                        node.span,
                        f"{container.label(obj)} binds host port {node.value} on the node",
                        hint="remove hostPort and reach the pod through a Service (NodePort or LoadBalancer if needed)",
                    )
