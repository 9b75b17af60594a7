"""CL4304 no-node-affinity: a workload's pods have no node affinity (kube-linter no-node-affinity)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import missing_anchor, pod_spec_path, present
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4304",
    name="no-node-affinity",
    summary="A workload's pod template defines no node affinity",
    severity=Severity.INFO,
    aliases=("kube-linter:no-node-affinity",),
    tags=("kubernetes", "workloads", "scheduling"),
    default_enabled=False,
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        if not obj.is_workload:
            continue
        affinity = present(obj.pod_spec, "affinity")
        if isinstance(affinity, Mapping) and present(affinity, "nodeAffinity") is not None:
            continue
        yield Problem(
            missing_anchor(obj, (*pod_spec_path(obj), "affinity", "nodeAffinity")),
            f"{obj.describe()} does not define any node affinity rules, so its pods may land on any node",
            hint="add affinity.nodeAffinity to the pod spec to steer the pods to the nodes meant for them",
        )
