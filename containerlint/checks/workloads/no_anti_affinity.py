"""CL4303 no-anti-affinity: a workload with several replicas that does not spread them over nodes
with an inter-pod anti-affinity term matching its own pods (kube-linter no-anti-affinity)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import (
    missing_anchor,
    plural,
    pod_spec_path,
    replicas,
    string_matcher,
)
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.kubernetes import Selector
from containerlint.syntax.yamlnodes import Mapping, Scalar, Sequence

if TYPE_CHECKING:
    from containerlint.model import Span
    from containerlint.syntax.kubernetes import KubeObject, KubernetesFile

RULE = Rule(
    code="CL4303",
    name="no-anti-affinity",
    summary="A workload with several replicas sets no pod anti-affinity that spreads its pods over nodes",
    severity=Severity.WARNING,
    aliases=("kube-linter:no-anti-affinity",),
    tags=("kubernetes", "workloads", "availability", "scheduling"),
    options={"min-replicas": 2, "topology-key": ""},
)

DEFAULT_TOPOLOGY_KEY = "kubernetes.io/hostname"
PREFERRED = "preferredDuringSchedulingIgnoredDuringExecution"
REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution"
HINT = (
    "add affinity.podAntiAffinity with a term whose labelSelector matches the pod template's labels and "
    f"whose topologyKey is {DEFAULT_TOPOLOGY_KEY}"
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    minimum = int(ctx.options.get("min-replicas", 2))
    pattern = str(ctx.options.get("topology-key") or "")
    topology: Callable[[str], bool] = string_matcher(pattern) if pattern else (lambda key: key == DEFAULT_TOPOLOGY_KEY)
    for obj in manifests.objects:
        found = replicas(obj)
        if found is None or found[0] < minimum:
            continue
        yield from _check(obj, plural(found[0], "replica"), topology)


def _check(obj: KubeObject, count: str, topology: Callable[[str], bool]) -> Iterator[Problem]:
    spec = obj.pod_spec
    affinity = spec.get_mapping("affinity") if spec is not None else None
    anti = affinity.get_mapping("podAntiAffinity") if affinity is not None else None
    if anti is None:
        yield Problem(
            missing_anchor(obj, (*pod_spec_path(obj), "affinity", "podAntiAffinity")),
            f"{obj.describe()} has {count} but does not specify inter-pod anti-affinity, so the scheduler "
            "may put all of them on one node",
            hint=HINT,
        )
        return
    terms: list[tuple[Mapping | None, Span]] = []
    for item in _mappings(anti.get(PREFERRED)):
        terms.append((item.get_mapping("podAffinityTerm"), _first_key(item)))
    for item in _mappings(anti.get(REQUIRED)):
        terms.append((item, _first_key(item)))
    if not terms:
        yield Problem(
            missing_anchor(obj, (*pod_spec_path(obj), "affinity", "podAntiAffinity")),
            f"{obj.describe()} has {count} but its podAntiAffinity has no preferred or required scheduling term",
            hint=HINT,
        )
        return
    issues = []
    for term, anchor in terms:
        issue = _term_issue(obj, term, anchor, topology)
        if issue is None:
            return  # one term that spreads the pods is enough
        issues.append(issue)
    for span, message in issues:
        yield Problem(span, f"{obj.describe()} has {count} but {message}", hint=HINT)


def _term_issue(
    obj: KubeObject, term: Mapping | None, anchor: Span, topology: Callable[[str], bool]
) -> tuple[Span, str] | None:
    """(where, what is wrong) with an anti-affinity term, None when it spreads the object's pods."""
    term = term or Mapping(anchor)
    namespaces_pair = term.pair("namespaces")
    namespaces = [
        item.value for item in _sequence(term.get("namespaces")) if isinstance(item, Scalar) and not item.is_null
    ]
    own = obj.namespace or ""
    if namespaces and own not in namespaces:
        where = namespaces_pair.key.span if namespaces_pair is not None else anchor
        listed = ", ".join(namespaces)
        whose = f"its namespace '{own}'" if own else "it sets no namespace, and its namespace"
        return where, f"{whose} is not among the anti-affinity term's namespaces [{listed}]"
    key = term.get_scalar("topologyKey")
    if not topology(key.value if key is not None else ""):
        shown = f"'{key.value}'" if key is not None else "not set"
        return (key.span if key is not None else anchor), f"the anti-affinity term's topologyKey is {shown}"
    selector_pair = term.pair("labelSelector")
    selector_node = selector_pair.value if selector_pair is not None else None
    labels = obj.pod_template_labels.strings()
    if not isinstance(selector_node, Mapping) or not Selector.of(selector_node).matches(labels):
        where = selector_pair.key.span if selector_pair is not None else anchor
        shown = ",".join(f"{k}={v}" for k, v in sorted(labels.items())) or "none"
        return where, f"the anti-affinity term's labelSelector does not match the pod labels ({shown})"
    return None


def _first_key(node: Mapping) -> Span:
    first = next(iter(node.pairs), None)
    return first.key.span if first is not None else node.span


def _sequence(node: object) -> list[object]:
    return list(node.items) if isinstance(node, Sequence) else []


def _mappings(node: object) -> list[Mapping]:
    return [item for item in _sequence(node) if isinstance(item, Mapping)]
