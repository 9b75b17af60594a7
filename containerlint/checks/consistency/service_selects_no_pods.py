"""CL7002 service-selects-no-pods: a Service whose selector matches the pod labels of no workload
in its namespace, across every linted manifest. Traffic to it goes nowhere. A Service without a
selector is reported too, unless its Endpoints / EndpointSlices are among the linted manifests
(endpoints managed by hand) or it is an ExternalName Service.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.kubegraph import KubeGraph, anchor, key_node
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7002",
    name="service-selects-no-pods",
    summary="A Service's selector matches no pod template in the linted manifests",
    severity=Severity.WARNING,
    tags=("correctness", "kubernetes", "cross-object"),
    aliases=("kube-linter:dangling-service",),
    options={"ignored-labels": []},
)


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    graph = project.kubernetes_graph
    ignored = {str(label) for label in ctx.options.get("ignored-labels", ())}
    for located in graph.of_kind("Service"):
        service = located.item
        if service.spec is not None and service.spec.get_str("type") == "ExternalName":
            continue  # the API ignores the selector of an ExternalName Service
        namespace = graph.namespace(service)
        selector = service.service_selector
        if not selector:
            if not graph.has_manual_endpoints(service):
                node = selector.node if selector is not None else None
                where = node or key_node(service.spec, "selector") or key_node(service.node, "spec") or anchor(service)
                yield Problem(
                    where.span,
                    f"Service '{service.name}' has no selector, and no Endpoints or EndpointSlice for it is in the "
                    "linted manifests, so it has no endpoints",
                    path=located.path,
                    hint="add spec.selector with the labels of the pods to serve (or lint the Endpoints with it)",
                )
            continue
        labels = {key: value for key, value in selector.strings().items() if key not in ignored}
        if not labels or graph.pods.select_labels(namespace, labels):
            continue
        yield Problem(
            (selector.node or anchor(service)).span,
            f"Service '{service.name}' selects {_format(labels)}, but no pod template in namespace "
            f"'{namespace}' has those labels",
            path=located.path,
            hint=_closest(graph, namespace, labels),
        )


def _format(labels: dict[str, str]) -> str:
    return ", ".join(f"{key}={value}" for key, value in sorted(labels.items()))


def _closest(graph: KubeGraph, namespace: str, wanted: dict[str, str]) -> str | None:
    """Name the pod template sharing the most selector keys, to point at a likely typo."""
    best, best_score = None, 0
    for located in graph.pods.in_namespace(namespace):
        labels = located.item.pod_template_labels.strings()
        score = sum(1 for key in wanted if key in labels) + sum(1 for k, v in wanted.items() if labels.get(k) == v)
        if score > best_score:
            best, best_score = located, score
    if best is None:
        return None
    labels = {k: v for k, v in best.item.pod_template_labels.strings().items() if k in wanted}
    return f"closest: {best.item.kind} '{best.item.name}' ({best.path}) has {_format(labels)}"
