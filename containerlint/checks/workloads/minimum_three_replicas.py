"""CL4301 minimum-three-replicas: a workload runs fewer replicas than the minimum (kube-linter
minimum-three-replicas)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import missing_anchor, plural, replicas
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4301",
    name="minimum-three-replicas",
    summary="A workload runs fewer replicas than the configured minimum (3)",
    severity=Severity.WARNING,
    aliases=("kube-linter:minimum-three-replicas",),
    tags=("kubernetes", "workloads", "availability"),
    default_enabled=False,
    options={"min-replicas": 3},
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    minimum = int(ctx.options.get("min-replicas", 3))
    for obj in manifests.objects:
        found = replicas(obj)
        if found is None or found[0] >= minimum:
            continue
        count, node = found
        written = "" if node is not None else " (replicas is not set)"
        yield Problem(
            node.span if node is not None else missing_anchor(obj, ("spec", "replicas")),
            f"{obj.describe()} has {plural(count, 'replica')}{written} but at least {minimum} are required: "
            "a single node failure or rollout can take it down",
            hint=f"set spec.replicas to {minimum} or more (or manage the count with a HorizontalPodAutoscaler)",
        )
