"""CL7013 dangling-networkpolicypeer-podselector: a NetworkPolicy ingress ``from`` / egress ``to``
peer whose ``podSelector`` (without a ``namespaceSelector``) matches no pod template in the
policy's namespace."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.consistency._graph import network_policies
from containerlint.kubegraph import describe_selector, label_selector, mappings
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7013",
    name="dangling-networkpolicypeer-podselector",
    summary="A NetworkPolicy peer's podSelector matches no pod template in the policy's namespace",
    severity=Severity.WARNING,
    tags=("correctness", "kubernetes", "cross-object", "network"),
    aliases=("kube-linter:dangling-networkpolicypeer-podselector",),
    default_enabled=False,
)


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    graph = project.kubernetes_graph
    for located, policy, spec, namespace in network_policies(graph):
        for direction, peers_key in (("ingress", "from"), ("egress", "to")):
            for rule in mappings(spec.get(direction)):
                for peer in mappings(rule.get(peers_key)):
                    node = peer.get_mapping("podSelector")
                    if node is None or "namespaceSelector" in peer:
                        continue  # pods of other namespaces are out of view
                    selector = label_selector(node)
                    if graph.pods.select(namespace, selector):
                        continue
                    yield Problem(
                        node.span,
                        f"{policy.describe()} {direction} peer selects pods with "
                        f"{describe_selector(selector) if selector else 'everything'}, but no pod template in "
                        f"namespace '{namespace}' matches",
                        path=located.path,
                        hint="fix the peer's podSelector, or add a namespaceSelector for pods of other namespaces",
                    )
