"""CL4307 pdb-unhealthy-pod-eviction-policy: a PodDisruptionBudget that leaves
unhealthyPodEvictionPolicy at its default (kube-linter pdb-unhealthy-pod-eviction-policy)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import missing_anchor, present
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4307",
    name="pdb-unhealthy-pod-eviction-policy",
    summary="A PodDisruptionBudget does not set unhealthyPodEvictionPolicy explicitly",
    severity=Severity.WARNING,
    aliases=("kube-linter:pdb-unhealthy-pod-eviction-policy",),
    tags=("kubernetes", "workloads", "availability", "disruption-budget"),
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        if obj.kind != "PodDisruptionBudget" or obj.api_version != "policy/v1":
            continue
        if present(obj.spec, "unhealthyPodEvictionPolicy") is not None:
            continue
        yield Problem(
            missing_anchor(obj, ("spec", "unhealthyPodEvictionPolicy")),
            f"{obj.describe()} does not set unhealthyPodEvictionPolicy: with the default (IfHealthyBudget) "
            "pods that never become ready count against the budget and can block node drains",
            hint="set spec.unhealthyPodEvictionPolicy: AlwaysAllow",
        )
