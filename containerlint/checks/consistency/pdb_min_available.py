"""CL7018 pdb-min-available: a PodDisruptionBudget whose ``minAvailable`` is at least the replica
count of a workload it covers, so no pod of it can ever be evicted (node drains hang)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from containerlint.kubegraph import KubeGraph, Located, anchor, key_node, label_selector
from containerlint.model import FileKind, Problem, Related, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.kubernetes import KubeObject
from containerlint.syntax.yamlnodes import Scalar

RULE = Rule(
    code="CL7018",
    name="pdb-min-available",
    summary="A PodDisruptionBudget's minAvailable leaves no pod of a workload evictable",
    severity=Severity.WARNING,
    tags=("reliability", "kubernetes", "cross-object"),
    aliases=("kube-linter:pdb-min-available",),
)

NUMBER = re.compile(r"^\s*([0-9]+)\s*(%?)\s*$")


def replicas(graph: KubeGraph, obj: KubeObject) -> tuple[int, Scalar | None, str]:
    """The fewest pods the workload runs: its HPA's or ScaledObject's minimum when one scales it,
    else ``spec.replicas`` (default 1). Also the node that says so, and how to name it."""
    for scaler in graph.scalers_of(obj):
        spec = scaler.item.spec
        if scaler.item.kind == "ScaledObject":
            node = spec.get_scalar("minReplicaCount") if spec is not None else None
            value = node.as_int() if node is not None else 0
        else:
            node = spec.get_scalar("minReplicas") if spec is not None else None
            value = node.as_int() if node is not None else 1
        if value is not None:
            return value, node, f"{scaler.item.describe()} minimum"
    node = obj.spec.get_scalar("replicas") if obj.spec is not None else None
    value = node.as_int() if node is not None else None
    return (1, None, "default replicas") if value is None else (value, node, "replicas")


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    graph = project.kubernetes_graph
    for located in graph.of_kind("PodDisruptionBudget"):
        pdb = located.item
        spec = pdb.spec
        value = spec.get_scalar("minAvailable") if spec is not None else None
        if spec is None or value is None:
            continue
        match = NUMBER.match(value.value)
        if match is None:
            yield Problem(
                value.span,
                f"{pdb.describe()} minAvailable '{value.value}' is not a number or percentage",
                path=located.path,
                hint="write a number (2) or a percentage (50%)",
            )
            continue
        amount, percent = int(match.group(1)), bool(match.group(2))
        if percent and amount >= 100:
            yield Problem(
                value.span,
                f"{pdb.describe()} keeps {value.value} of its pods available, so none can ever be evicted",
                path=located.path,
                hint="lower minAvailable, or use maxUnavailable",
            )
            continue
        node = spec.get_mapping("selector")
        if node is None:
            yield Problem(
                (key_node(pdb.node, "spec") or anchor(pdb)).span,
                f"{pdb.describe()} has no selector, so it covers no pods",
                path=located.path,
                hint="set spec.selector to the labels of the pods it protects",
            )
            continue
        for workload in graph.workloads.select(graph.namespace(pdb), label_selector(node)):
            yield from _check(graph, located, value, amount, percent, workload)


def _check(
    graph: KubeGraph, located: Located, value: Scalar, amount: int, percent: bool, workload: Located
) -> Iterator[Problem]:
    count, node, source = replicas(graph, workload.item)
    required = math.ceil(count * amount / 100) if percent else amount
    if count > required:
        return
    where = Related(workload.path, (node or anchor(workload.item)).span, f"{workload.item.describe()} {source}")
    yield Problem(
        value.span,
        f"{located.item.describe()} requires {value.value} available pods, but {workload.item.describe()} runs "
        f"{count} ({source}), so none of them can be evicted",
        path=located.path,
        hint="lower minAvailable below the replica count, or use maxUnavailable",
        related=(where,),
    )
