"""CL7016 non-isolated-pod: a workload whose pods no NetworkPolicy in the linted manifests
selects, so they accept traffic from anywhere and may reach anything."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.kubegraph import anchor
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7016",
    name="non-isolated-pod",
    summary="No NetworkPolicy selects a workload's pods",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "cross-object", "network"),
    aliases=("kube-linter:non-isolated-pod", "checkov:CKV2_K8S_6"),
    default_enabled=False,
)


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    graph = project.kubernetes_graph
    isolated = graph.isolated_pods
    for located in graph.pods.objects:
        obj = located.item
        if id(obj) in isolated:
            continue
        yield Problem(
            anchor(obj).span,
            f"{obj.describe()}: no NetworkPolicy in namespace '{graph.namespace(obj)}' selects its pods, "
            "so they are not isolated",
            path=located.path,
            hint="add a NetworkPolicy whose podSelector matches the pod labels (a default-deny policy with "
            "podSelector: {} covers the whole namespace)",
        )
