"""CL7014 dangling-servicemonitor: a Prometheus-operator ServiceMonitor whose selector and
namespaceSelector match no Service in the linted manifests."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.kubegraph import LabelIndex, anchor, describe_selector, key_node, label_selector, scalars
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.kubernetes import Selector

RULE = Rule(
    code="CL7014",
    name="dangling-servicemonitor",
    summary="A ServiceMonitor selects no Service in the linted manifests",
    severity=Severity.WARNING,
    tags=("correctness", "kubernetes", "cross-object", "monitoring"),
    aliases=("kube-linter:dangling-servicemonitor",),
    default_enabled=False,
)


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    graph = project.kubernetes_graph
    for located in graph.of_kind("ServiceMonitor"):
        monitor = located.item
        spec = monitor.spec
        if spec is None:
            continue
        selector_node = spec.get_mapping("selector")
        selector = label_selector(selector_node)
        if selector is not None and selector.is_empty:
            selector = None
        namespaces_node = spec.get_mapping("namespaceSelector")
        any_node = namespaces_node.get_scalar("any") if namespaces_node is not None else None
        any_namespace = bool(any_node is not None and any_node.as_bool())
        names = [s.value for s in scalars(namespaces_node.get("matchNames"))] if namespaces_node is not None else []
        if selector is None and not any_namespace and not names:
            where = selector_node or key_node(spec, "selector") or key_node(monitor.node, "spec") or anchor(monitor)
            yield Problem(
                where.span,
                f"{monitor.describe()} has no selector and no namespaceSelector, so it selects no Service",
                path=located.path,
                hint="set spec.selector.matchLabels to the labels of the Services to scrape",
            )
            continue
        # Without a namespaceSelector, Services of any namespace count (as kube-linter reads it).
        namespaces = graph.services.namespaces() if any_namespace or not names else names
        if _found(graph.services, namespaces, selector):
            continue
        where = selector_node or namespaces_node or anchor(monitor)
        scope = f"namespaces {', '.join(names)}" if names and not any_namespace else "any namespace"
        labels = describe_selector(selector) if selector is not None else "any labels"
        yield Problem(
            where.span,
            f"{monitor.describe()} selects Services with {labels} in {scope}, but no linted Service matches",
            path=located.path,
            hint="fix spec.selector / spec.namespaceSelector to match the labels and namespace of a Service",
        )


def _found(index: LabelIndex, namespaces: list[str], selector: Selector | None) -> bool:
    return any(index.select(namespace, selector) for namespace in namespaces)
