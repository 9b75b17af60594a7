"""CL7012 dangling-networkpolicy: a NetworkPolicy whose ``podSelector`` matches no pod template
in its namespace."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.consistency._graph import network_policies
from containerlint.kubegraph import anchor, describe_selector, key_node, label_selector
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7012",
    name="dangling-networkpolicy",
    summary="A NetworkPolicy's podSelector matches no pod template in the linted manifests",
    severity=Severity.WARNING,
    tags=("correctness", "kubernetes", "cross-object", "network"),
    aliases=("kube-linter:dangling-networkpolicy",),
    default_enabled=False,
)


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    graph = project.kubernetes_graph
    for located, policy, spec, namespace in network_policies(graph):
        node = spec.get_mapping("podSelector")
        selector = label_selector(node)
        if graph.pods.select(namespace, selector):
            continue
        where = node if node is not None else key_node(policy.node, "spec") or anchor(policy)
        selects = describe_selector(selector) if selector is not None else "everything"
        yield Problem(
            where.span,
            f"{policy.describe()} selects pods with {selects}, but no pod template in namespace '{namespace}' matches",
            path=located.path,
            hint="fix spec.podSelector to match the labels of a workload's pod template",
        )
