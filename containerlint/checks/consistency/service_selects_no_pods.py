"""CL7002 service-selects-no-pods: a Service whose selector matches the pod labels of no workload
in its namespace, across every linted manifest. Traffic to it goes nowhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex, namespace_of, template_labels
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7002",
    name="service-selects-no-pods",
    summary="A Service's selector matches no pod template in the linted manifests",
    severity=Severity.WARNING,
    tags=("correctness", "kubernetes", "cross-object"),
    aliases=("kube-linter:dangling-service",),
)


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for located in project.objects_of_kind("Service"):
        service = located.item
        selector = service.service_selector
        if not selector:
            continue  # no selector: endpoints are managed by hand, nothing to match
        if service.spec is not None and service.spec.get_str("type") == "ExternalName":
            continue  # the API ignores the selector of an ExternalName Service
        labels = {key: node.value for key, node in selector.items()}
        namespace = namespace_of(service)
        if project.pods_selected_by(namespace, labels):
            continue
        yield Problem(
            service.service_selector_node.span,
            f"Service '{service.name}' selects {_format(labels)}, but no pod template in namespace "
            f"'{namespace}' has those labels",
            path=located.path,
            hint=_closest(project, namespace, labels),
        )


def _format(labels: dict[str, str]) -> str:
    return ", ".join(f"{key}={value}" for key, value in sorted(labels.items()))


def _closest(project: ProjectIndex, namespace: str, wanted: dict[str, str]) -> str | None:
    """Name the pod template sharing the most selector keys, to point at a likely typo."""
    best, best_score = None, 0
    for located in project.pod_templates:
        if namespace_of(located.item) != namespace:
            continue
        labels = template_labels(located.item)
        score = sum(1 for key in wanted if key in labels) + sum(1 for k, v in wanted.items() if labels.get(k) == v)
        if score > best_score:
            best, best_score = located, score
    if best is None:
        return None
    labels = {k: v for k, v in template_labels(best.item).items() if k in wanted}
    return f"closest: {best.item.kind} '{best.item.name}' ({best.path}) has {_format(labels)}"
