"""CL4317 exposed-services: a Service of a forbidden type, NodePort or LoadBalancer by default, which
exposes pods outside the cluster (kube-linter exposed-services)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import string_list
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4317",
    name="exposed-services",
    summary="A Service uses a forbidden type (NodePort or LoadBalancer) that exposes it outside the cluster",
    severity=Severity.WARNING,
    aliases=("kube-linter:exposed-services",),
    tags=("kubernetes", "network", "exposure"),
    default_enabled=False,
    options={"forbidden-service-types": ["NodePort", "LoadBalancer"]},
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    forbidden = string_list(ctx.options.get("forbidden-service-types"))
    for obj in manifests.objects:
        if obj.kind != "Service" or obj.spec is None:
            continue
        node = obj.spec.get_scalar("type")
        if node is None:
            continue  # ClusterIP, unless a forbidden list names the empty type
        for name in forbidden:
            if node.value.lower() == name.lower():
                yield Problem(
                    node.span,
                    f"{obj.describe()} has the forbidden type {node.value}, which exposes its pods outside the cluster",
                    hint="use a ClusterIP Service behind an Ingress or a gateway, or allow the type in the rule's "
                    "forbidden-service-types option",
                )
