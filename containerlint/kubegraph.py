"""The Kubernetes object graph of a project: every linted manifest at once, for cross-object rules.

Built once per run (``ProjectIndex.kubernetes_graph``) from all objects of all manifests (items of
``List`` documents included, objects without a name kept and addressed by position). Every lookup
is a hash map, so the cross-object rules cost about one pass over the objects plus the size of
what they find:

- objects by ``(kind, namespace, name)``; cluster-scoped kinds (Namespace, ClusterRole, CRDs, and
  the custom kinds a linted CRD declares ``scope: Cluster``) have the namespace ``""``;
- pod templates, workloads, Services and ClusterRoles each in a :class:`LabelIndex`: a selector is
  answered from ``(namespace, label, value)`` sets (``matchLabels`` and ``In`` / ``Exists``
  expressions narrow the candidates, the other expressions filter what is left);
- HPAs and KEDA ScaledObjects by the workload they scale; the pods each NetworkPolicy selects.

References to objects outside the repository resolve through ``[kubernetes] external`` patterns
(:class:`ExternalObjects`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cached_property, lru_cache
from typing import Any

from containerlint.syntax.kubernetes import KubeObject, Selector, SelectorRequirement, StringMap
from containerlint.syntax.yamlnodes import Mapping as MappingNode
from containerlint.syntax.yamlnodes import Node, Scalar
from containerlint.syntax.yamlnodes import Sequence as SequenceNode

DEFAULT_NAMESPACE = "default"

# Kinds that live outside namespaces (a namespace written on them is ignored by the API server).
CLUSTER_SCOPED_KINDS = frozenset(
    {
        "APIService",
        "CSIDriver",
        "CSINode",
        "CertificateSigningRequest",
        "ClusterIssuer",
        "ClusterRole",
        "ClusterRoleBinding",
        "ComponentStatus",
        "CustomResourceDefinition",
        "FlowSchema",
        "IngressClass",
        "MutatingWebhookConfiguration",
        "Namespace",
        "Node",
        "PersistentVolume",
        "PodSecurityPolicy",
        "PriorityClass",
        "PriorityLevelConfiguration",
        "RuntimeClass",
        "SecurityContextConstraints",
        "StorageClass",
        "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding",
        "ValidatingWebhookConfiguration",
        "VolumeAttachment",
        "VolumeSnapshotClass",
    }
)
# Workload kinds whose pod count is ``spec.replicas`` (default 1).
REPLICATED_KINDS = frozenset({"Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "DeploymentConfig"})
SCALER_KINDS = ("HorizontalPodAutoscaler", "ScaledObject")


@dataclass(frozen=True)
class Located:
    """A parsed object and the path of the file it came from (``project.Located`` is this class)."""

    path: str
    item: Any


# ---------------------------------------------------------------------------------------------
# Selectors


def label_selector(node: MappingNode | None) -> Selector | None:
    """A LabelSelector mapping (``matchLabels`` + ``matchExpressions``) as a :class:`Selector`."""
    if node is None:
        return None
    expressions = []
    items = node.get_sequence("matchExpressions")
    for item in items.items if items is not None else []:
        if not isinstance(item, MappingNode):
            continue
        values_node = item.get_sequence("values")
        values = [
            v.value for v in (values_node.items if values_node else []) if isinstance(v, Scalar) and not v.is_null
        ]
        expressions.append(
            SelectorRequirement(
                item,
                item.get_str("key"),
                item.get_str("operator"),
                values,
                key_node=item.get_scalar("key"),
                operator_node=item.get_scalar("operator"),
                values_node=values_node,
            )
        )
    return Selector(node, StringMap(node.get_mapping("matchLabels")), expressions)


def map_selector(node: MappingNode | None) -> Selector | None:
    """A plain ``key: value`` selector map (Service, ReplicationController) as a :class:`Selector`."""
    return Selector(node, StringMap(node)) if node is not None else None


def describe_selector(selector: Selector) -> str:
    parts = [f"{key}={value}" for key, value in sorted(selector.match_labels.strings().items())]
    parts += [expression.describe() for expression in selector.match_expressions]
    return ", ".join(parts) or "everything"


class LabelIndex:
    """Objects by ``(namespace, label, value)`` and ``(namespace, label)``, to answer selectors
    without comparing every selector with every object. ``evaluations`` counts the label sets a
    selector was tested against (the cost the scaling tests watch)."""

    def __init__(self, entries: Iterable[tuple[str, dict[str, str], Located]]) -> None:
        self.entries: list[tuple[str, dict[str, str], Located]] = list(entries)
        self._by_value: dict[tuple[str, str, str], set[int]] = {}
        self._by_key: dict[tuple[str, str], set[int]] = {}
        self._by_namespace: dict[str, list[int]] = {}
        self.evaluations = 0
        for number, (namespace, labels, _) in enumerate(self.entries):
            self._by_namespace.setdefault(namespace, []).append(number)
            for key, value in labels.items():
                self._by_value.setdefault((namespace, key, value), set()).add(number)
                self._by_key.setdefault((namespace, key), set()).add(number)

    @property
    def objects(self) -> list[Located]:
        """Every indexed object, in input order."""
        return [entry[2] for entry in self.entries]

    def namespaces(self) -> list[str]:
        return list(self._by_namespace)

    def in_namespace(self, namespace: str) -> list[Located]:
        return [self.entries[n][2] for n in self._by_namespace.get(namespace, [])]

    def select(self, namespace: str, selector: Selector | None) -> list[Located]:
        """Entries in ``namespace`` whose labels satisfy the selector; an empty or absent selector
        selects every entry of the namespace (LabelSelector semantics)."""
        return [self.entries[n][2] for n in self._numbers(namespace, selector)]

    def select_labels(self, namespace: str, labels: Mapping[str, str]) -> list[Located]:
        """Entries in ``namespace`` whose labels include every ``key: value`` given."""
        return [self.entries[n][2] for n in self._narrow(namespace, labels, [])]

    def _numbers(self, namespace: str, selector: Selector | None) -> list[int]:
        if selector is None:
            return list(self._by_namespace.get(namespace, []))
        expressions = selector.match_expressions
        found = self._narrow(namespace, selector.match_labels.strings(), expressions)
        if not expressions:
            return found
        result = []
        for number in found:
            self.evaluations += 1
            labels = self.entries[number][1]
            if all(expression.matches(labels) for expression in expressions):
                result.append(number)
        return result

    def _narrow(
        self, namespace: str, labels: Mapping[str, str], expressions: Sequence[SelectorRequirement]
    ) -> list[int]:
        """Candidates from the exact-value and key indexes; every set is an index lookup."""
        sets: list[set[int]] = [self._by_value.get((namespace, key, value), set()) for key, value in labels.items()]
        for expression in expressions:
            if expression.key is None:
                return []
            if expression.operator == "In":
                union: set[int] = set()
                for value in expression.values:
                    union |= self._by_value.get((namespace, expression.key, value), set())
                sets.append(union)
            elif expression.operator == "Exists":
                sets.append(self._by_key.get((namespace, expression.key), set()))
        if not sets:
            return list(self._by_namespace.get(namespace, []))
        sets.sort(key=len)
        result = set(sets[0])
        for other in sets[1:]:
            if not result:
                break
            result &= other
        self.evaluations += len(result)
        return sorted(result)


# ---------------------------------------------------------------------------------------------
# External objects


@dataclass(frozen=True)
class ExternalPattern:
    kind: str
    namespace: str | None  # None: a two-part pattern, any namespace (or a cluster-scoped object)
    name: str


class ExternalObjects:
    """``[kubernetes] external`` patterns: ``Kind/namespace/name`` for a namespaced object,
    ``Kind/name`` for a cluster-scoped one (or a namespaced one in any namespace); shell-style
    wildcards in every part; kinds compare case-insensitively."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns: list[ExternalPattern] = []
        for text in patterns:
            parts = text.strip().split("/")
            if len(parts) == 3:
                self.patterns.append(ExternalPattern(parts[0].lower(), parts[1], parts[2]))
            elif len(parts) == 2:
                self.patterns.append(ExternalPattern(parts[0].lower(), None, parts[1]))

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def matches(self, kind: str, namespace: str, name: str) -> bool:
        low = kind.lower()
        for pattern in self.patterns:
            if not fnmatchcase(low, pattern.kind) or not fnmatchcase(name, pattern.name):
                continue
            if pattern.namespace is None or fnmatchcase(namespace, pattern.namespace):
                return True
        return False


@lru_cache(maxsize=32)
def external_objects(patterns: tuple[str, ...]) -> ExternalObjects:
    return ExternalObjects(patterns)


def externals_of(settings: Any) -> ExternalObjects:
    """The external patterns of a run's settings (none without settings)."""
    kubernetes = getattr(settings, "kubernetes", None)
    return external_objects(tuple(getattr(kubernetes, "external", ()) or ()))


# ---------------------------------------------------------------------------------------------
# The graph


class KubeGraph:
    def __init__(self, objects: Sequence[Located]) -> None:
        self.objects = list(objects)
        cluster_kinds = set(CLUSTER_SCOPED_KINDS)
        for located in self.objects:
            obj = located.item
            if (
                obj.kind == "CustomResourceDefinition"
                and obj.spec is not None
                and obj.spec.get_str("scope") == "Cluster"
            ):
                names = obj.spec.get_mapping("names")
                if names is not None and names.get_str("kind"):
                    cluster_kinds.add(names.get_str("kind") or "")
        self.cluster_kinds = frozenset(cluster_kinds)
        self._by_key: dict[tuple[str, str, str], list[Located]] = {}
        self._by_kind: dict[str, list[Located]] = {}
        for located in self.objects:
            obj = located.item
            self._by_kind.setdefault(obj.kind, []).append(located)
            if obj.name:
                self._by_key.setdefault((obj.kind, self.namespace(obj), obj.name), []).append(located)

    # --- objects -------------------------------------------------------------------------

    def namespace(self, obj: KubeObject) -> str:
        """The namespace an object lives in: ``""`` for cluster-scoped kinds, ``default`` when unset."""
        if obj.kind in self.cluster_kinds:
            return ""
        return obj.namespace or DEFAULT_NAMESPACE

    def scope_of(self, kind: str, namespace: str) -> str:
        """The namespace a reference to ``kind`` resolves in: ``""`` for a cluster-scoped kind."""
        return "" if kind in self.cluster_kinds else namespace

    def get(self, kind: str, namespace: str, name: str) -> list[Located]:
        """The linted objects of that kind and name in that namespace (several when repeated)."""
        return self._by_key.get((kind, self.scope_of(kind, namespace), name), [])

    def of_kind(self, *kinds: str) -> list[Located]:
        found: list[Located] = []
        for kind in kinds:
            found.extend(self._by_kind.get(kind, []))
        return found

    def resolves(self, kind: str, namespace: str, name: str, external: ExternalObjects) -> bool:
        """An object of that kind and name is linted, or declared external."""
        return bool(self.get(kind, namespace, name)) or external.matches(kind, self.scope_of(kind, namespace), name)

    # --- label indexes -------------------------------------------------------------------

    @cached_property
    def pods(self) -> LabelIndex:
        """Objects that create pods (workloads and bare Pods), by their pods' labels. A workload
        written without its template (or without the template's spec) still counts, with the
        labels it has, as kube-linter counts it."""
        return LabelIndex(
            (self.namespace(o.item), o.item.pod_template_labels.strings(), o)
            for o in self.objects
            if o.item.is_workload
        )

    @cached_property
    def workloads(self) -> LabelIndex:
        """Workloads with a replica count, by their pod labels and their own selector's
        ``matchLabels`` (a workload written without its template still says which pods it owns)."""
        entries = []
        for located in self.objects:
            obj = located.item
            if obj.kind not in REPLICATED_KINDS:
                continue
            labels = dict(obj.selector.match_labels.strings()) if obj.selector is not None else {}
            labels.update(obj.pod_template_labels.strings())
            entries.append((self.namespace(obj), labels, located))
        return LabelIndex(entries)

    @cached_property
    def services(self) -> LabelIndex:
        """Services by their own metadata labels (what ServiceMonitors select)."""
        return LabelIndex((self.namespace(o.item), o.item.labels.strings(), o) for o in self.of_kind("Service"))

    @cached_property
    def cluster_roles(self) -> LabelIndex:
        """ClusterRoles by their labels (what aggregation rules select)."""
        return LabelIndex(("", o.item.labels.strings(), o) for o in self.of_kind("ClusterRole"))

    @property
    def selector_evaluations(self) -> int:
        """Label sets tested by selectors so far, over every index (for the scaling tests)."""
        total = 0
        for name in ("pods", "workloads", "services", "cluster_roles"):
            index = self.__dict__.get(name)
            if index is not None:
                total += index.evaluations
        return total

    # --- derived relations ---------------------------------------------------------------

    @cached_property
    def isolated_pods(self) -> set[int]:
        """``id`` of every pod-creating object some NetworkPolicy in its namespace selects."""
        found: set[int] = set()
        for located in self.of_kind("NetworkPolicy"):
            policy = located.item
            spec = policy.spec
            selector = label_selector(spec.get_mapping("podSelector")) if spec is not None else None
            for pod in self.pods.select(self.namespace(policy), selector):
                found.add(id(pod.item))
        return found

    @cached_property
    def _scalers(self) -> dict[tuple[str, str], list[Located]]:
        found: dict[tuple[str, str], list[Located]] = {}
        for located in self.of_kind(*SCALER_KINDS):
            target = scale_target(located.item)
            name = target.get_str("name") if target is not None else None
            if name:
                found.setdefault((self.namespace(located.item), name), []).append(located)
        return found

    @cached_property
    def _endpoint_slices(self) -> set[tuple[str, str]]:
        found = set()
        for located in self.of_kind("EndpointSlice"):
            service = located.item.labels.text("kubernetes.io/service-name")
            if service:
                found.add((self.namespace(located.item), service))
        return found

    def has_manual_endpoints(self, service: KubeObject) -> bool:
        """An ``Endpoints`` object named like the Service, or an ``EndpointSlice`` labelled
        ``kubernetes.io/service-name`` with its name, is linted in its namespace."""
        if not service.name:
            return False
        namespace = self.namespace(service)
        return (
            bool(self.get("Endpoints", namespace, service.name)) or (namespace, service.name) in self._endpoint_slices
        )

    def scalers_of(self, obj: KubeObject) -> list[Located]:
        """HPAs and ScaledObjects whose ``scaleTargetRef`` names this workload."""
        if not obj.name:
            return []
        found = []
        for located in self._scalers.get((self.namespace(obj), obj.name), []):
            target = scale_target(located.item)
            default_kind = "Deployment" if located.item.kind == "ScaledObject" else None
            kind = (target.get_str("kind") if target is not None else None) or default_kind
            if kind in (None, obj.kind):
                found.append(located)
        return found


def scale_target(obj: KubeObject) -> MappingNode | None:
    return obj.spec.get_mapping("scaleTargetRef") if obj.spec is not None else None


# ---------------------------------------------------------------------------------------------
# Small shared readers


def key_node(mapping: MappingNode | None, key: str) -> Node | None:
    """The key node of ``key`` in a mapping (to report "this field is ..." on the key)."""
    pair = mapping.pair(key) if mapping is not None else None
    return pair.key if pair is not None else None


def anchor(obj: KubeObject) -> Node:
    """Where a finding about a whole object goes: its name, else its kind, else the object."""
    return obj.name_node or obj.kind_node or obj.node


def mappings(node: Node | None) -> list[MappingNode]:
    return [item for item in node.items if isinstance(item, MappingNode)] if isinstance(node, SequenceNode) else []


def scalars(node: Node | None) -> list[Scalar]:
    if not isinstance(node, SequenceNode):
        return []
    return [item for item in node.items if isinstance(item, Scalar) and not item.is_null]


def compile_patterns(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    """Regular expressions of a rule option (invalid ones are matched literally)."""
    compiled = []
    for text in patterns:
        try:
            compiled.append(re.compile(str(text)))
        except re.error:
            compiled.append(re.compile(re.escape(str(text))))
    return compiled
