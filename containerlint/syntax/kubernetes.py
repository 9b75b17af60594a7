"""A read-only view of Kubernetes manifests over their positioned YAML trees.

``KubernetesFile(stream)`` lists one ``KubeObject`` per document whose root mapping has
``apiVersion`` and ``kind``; a ``List`` (or any ``*List`` kind with ``items``) contributes its items
instead of itself. Each object knows where its pod spec lives for the workload kinds
(``POD_SPEC_PATHS``), and exposes containers, selectors, labels and Service ports as positioned
nodes. Accessors are tolerant: a field of the wrong shape reads as absent (schema validation
reports shapes), so rules never have to guard against exceptions.

Maps of strings (labels, annotations, selectors) are ``StringMap``: a dict from key to the value's
``Scalar`` node, which also carries the mapping node and the key nodes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from containerlint.model import Span
from containerlint.syntax.compose import looks_like_compose
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence
from containerlint.syntax.yamltree import YamlStream, effective_pairs

__all__ = [
    "CONTAINER_GROUPS",
    "POD_SPEC_PATHS",
    "POD_TEMPLATE_PATHS",
    "WORKLOAD_KINDS",
    "Container",
    "ContainerEnv",
    "ContainerPort",
    "HostPathVolume",
    "KubeObject",
    "KubernetesFile",
    "Selector",
    "SelectorRequirement",
    "ServicePort",
    "StringMap",
    "looks_like_compose",
    "looks_like_kubernetes",
]

# Where the pod template (metadata + spec) sits in each workload kind.
POD_TEMPLATE_PATHS: dict[str, tuple[str, ...]] = {
    "Deployment": ("spec", "template"),
    "StatefulSet": ("spec", "template"),
    "DaemonSet": ("spec", "template"),
    "ReplicaSet": ("spec", "template"),
    "ReplicationController": ("spec", "template"),
    "Job": ("spec", "template"),
    "CronJob": ("spec", "jobTemplate", "spec", "template"),
    "DeploymentConfig": ("spec", "template"),  # OpenShift, apps.openshift.io
}
# Where the pod spec sits: a Pod is its own template.
POD_SPEC_PATHS: dict[str, tuple[str, ...]] = {
    "Pod": ("spec",),
    **{kind: (*path, "spec") for kind, path in POD_TEMPLATE_PATHS.items()},
}
WORKLOAD_KINDS = frozenset(POD_SPEC_PATHS)
# Kinds whose selector is a plain label map rather than a LabelSelector.
MAP_SELECTOR_KINDS = frozenset({"ReplicationController", "Service", "DeploymentConfig"})
CONTAINER_GROUPS = ("initContainers", "containers", "ephemeralContainers")
# securityContext fields a pod sets for all its containers (a container's own value wins).
POD_LEVEL_SECURITY_FIELDS = frozenset(
    {"runAsUser", "runAsGroup", "runAsNonRoot", "seLinuxOptions", "seccompProfile", "appArmorProfile", "windowsOptions"}
)


def looks_like_kubernetes(stream: YamlStream) -> bool:
    """Some document is a mapping with ``apiVersion`` and ``kind``."""
    return any(_has_kind(document.root) for document in stream.documents)


def _has_kind(node: Node | None) -> bool:
    return isinstance(node, Mapping) and "apiVersion" in node and "kind" in node


# ---------------------------------------------------------------------------------------------
# Records


class StringMap(dict[str, Scalar]):
    """Key -> value node of a string map; ``node`` is the mapping, ``key_nodes`` its keys.

    Entries whose key or value is not a scalar are left out.
    """

    def __init__(self, node: Mapping | None = None) -> None:
        super().__init__()
        self.node = node
        self.key_nodes: dict[str, Node] = {}
        if node is None:
            return
        for key, pair in effective_pairs(node).items():
            if isinstance(pair.value, Scalar):
                self[key] = pair.value
                self.key_nodes[key] = pair.key

    def strings(self) -> dict[str, str]:
        """Plain values (a null value reads as "")."""
        return {key: "" if value.is_null else value.value for key, value in self.items()}

    def text(self, key: str) -> str | None:
        value = self.get(key)
        return None if value is None or value.is_null else value.value


@dataclass
class SelectorRequirement:
    """One ``matchExpressions`` entry."""

    node: Mapping
    key: str | None
    operator: str | None
    values: list[str]
    key_node: Scalar | None = None
    operator_node: Scalar | None = None
    values_node: Sequence | None = None

    def matches(self, labels: dict[str, str]) -> bool:
        """Whether a label set satisfies this requirement (Kubernetes LabelSelector semantics).

        An unknown operator matches nothing, as the API server would reject it.
        """
        if self.key is None:
            return False
        operator = self.operator  # case-sensitive, as the API server reads it
        if operator == "In":
            return labels.get(self.key) in self.values
        if operator == "NotIn":
            return labels.get(self.key) not in self.values
        if operator == "Exists":
            return self.key in labels
        if operator == "DoesNotExist":
            return self.key not in labels
        return False

    def describe(self) -> str:
        values = f" [{', '.join(self.values)}]" if self.values else ""
        return f"{self.key} {self.operator}{values}"


@dataclass
class Selector:
    """A LabelSelector, or a plain map selector (ReplicationController) read as matchLabels."""

    node: Mapping
    match_labels: StringMap
    match_expressions: list[SelectorRequirement] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """An empty selector selects everything (or nothing, depending on the kind)."""
        return not self.match_labels and not self.match_expressions

    def matches(self, labels: dict[str, str]) -> bool:
        """Whether a label set satisfies every matchLabels entry and matchExpressions requirement
        (an empty selector matches everything)."""
        wanted = self.match_labels.strings()
        if any(labels.get(key) != value for key, value in wanted.items()):
            return False
        return all(requirement.matches(labels) for requirement in self.match_expressions)

    @classmethod
    def of(cls, node: Mapping) -> Selector:
        """A LabelSelector mapping (``matchLabels`` / ``matchExpressions``) read as a Selector."""
        return _label_selector(node)


@dataclass
class ContainerPort:
    node: Mapping
    container_port: Scalar | None
    name: Scalar | None
    protocol: Scalar | None
    host_port: Scalar | None


@dataclass
class ContainerEnv:
    node: Mapping
    name: str | None
    name_node: Scalar | None
    value: Scalar | None  # None when absent (or null)
    value_from: Mapping | None


@dataclass
class Container:
    group: str  # one of CONTAINER_GROUPS
    index: int  # position in its group's list
    node: Mapping

    @property
    def name_node(self) -> Scalar | None:
        return self.node.get_scalar("name")

    @property
    def name(self) -> str | None:
        return self.node.get_str("name")

    @property
    def image(self) -> Scalar | None:
        return self.node.get_scalar("image")

    @property
    def security_context(self) -> Mapping | None:
        return self.node.get_mapping("securityContext")

    @property
    def resources(self) -> Mapping | None:
        return self.node.get_mapping("resources")

    @property
    def is_init(self) -> bool:
        return self.group == "initContainers"

    @property
    def is_ephemeral(self) -> bool:
        return self.group == "ephemeralContainers"

    @cached_property
    def ports(self) -> list[ContainerPort]:
        return [
            ContainerPort(
                item,
                item.get_scalar("containerPort"),
                item.get_scalar("name"),
                item.get_scalar("protocol"),
                item.get_scalar("hostPort"),
            )
            for item in _mappings(self.node.get("ports"))
        ]

    @property
    def volume_mounts(self) -> list[Mapping]:
        return _mappings(self.node.get("volumeMounts"))

    def mounts_of(self, volume: str) -> list[Mapping]:
        """The ``volumeMounts`` entries that mount the pod volume named ``volume``."""
        return [mount for mount in self.volume_mounts if mount.get_str("name") == volume]

    def probe(self, kind: str) -> Mapping | None:
        """``livenessProbe``, ``readinessProbe`` or ``startupProbe`` (``kind`` is the field name)."""
        return self.node.get_mapping(kind)

    def label(self, owner: KubeObject) -> str:
        """How messages name this container: ``deployment 'web' container 'app'``."""
        what = "init container" if self.is_init else "ephemeral container" if self.is_ephemeral else "container"
        return f"{owner.describe()} {what} '{self.name or f'#{self.index + 1}'}'"

    @cached_property
    def env(self) -> list[ContainerEnv]:
        return [
            ContainerEnv(
                item,
                item.get_str("name"),
                item.get_scalar("name"),
                item.get_scalar("value"),
                item.get_mapping("valueFrom"),
            )
            for item in _mappings(self.node.get("env"))
        ]


@dataclass
class HostPathVolume:
    """A pod volume of type ``hostPath``: ``node`` is the volume entry, ``key`` the ``hostPath`` key,
    ``path`` the ``hostPath.path`` scalar (None when missing or not a string)."""

    name: str
    node: Mapping
    key: Node
    path: Scalar | None

    @property
    def path_text(self) -> str | None:
        return self.path.value if self.path is not None else None


@dataclass
class ServicePort:
    node: Mapping
    port: Scalar | None
    target_port: Scalar | None  # a number or the name of a container port
    node_port: Scalar | None
    protocol: Scalar | None
    name: Scalar | None

    @property
    def target_port_is_name(self) -> bool:
        return self.target_port is not None and self.target_port.as_int() is None


# ---------------------------------------------------------------------------------------------
# Objects


class KubeObject:
    """One Kubernetes object: a document, or an item of a ``List`` document."""

    def __init__(self, node: Mapping, document_index: int, item_index: int | None = None) -> None:
        self.node = node
        self.document_index = document_index
        self.item_index = item_index  # position in the List's items; None for a document
        self.api_version = node.get_str("apiVersion") or ""
        self.kind = node.get_str("kind") or ""
        self.metadata: Mapping | None = node.get_mapping("metadata")
        self.name_node = self.metadata.get_scalar("name") if self.metadata else None
        self.namespace_node = self.metadata.get_scalar("namespace") if self.metadata else None
        self.name: str | None = self.name_node.value if self.name_node else None
        self.namespace: str | None = self.namespace_node.value if self.namespace_node else None

    def __repr__(self) -> str:
        return f"KubeObject({self.kind}/{self.name} at {self.span.start})"

    @property
    def span(self) -> Span:
        return self.node.span

    @property
    def kind_node(self) -> Scalar | None:
        return self.node.get_scalar("kind")

    @property
    def api_group(self) -> str:
        """``apps`` for ``apps/v1``; "" for the core group (``v1``)."""
        group, slash, _ = self.api_version.rpartition("/")
        return group if slash else ""

    @property
    def spec(self) -> Mapping | None:
        return self.node.get_mapping("spec")

    @cached_property
    def labels(self) -> StringMap:
        return StringMap(self.metadata.get_mapping("labels") if self.metadata else None)

    @cached_property
    def annotations(self) -> StringMap:
        return StringMap(self.metadata.get_mapping("annotations") if self.metadata else None)

    # --- workloads -----------------------------------------------------------------------

    @property
    def is_workload(self) -> bool:
        return self.kind in WORKLOAD_KINDS

    @cached_property
    def pod_template(self) -> Mapping | None:
        """``spec.template`` (``spec.jobTemplate.spec.template`` for a CronJob); None for a Pod."""
        path = POD_TEMPLATE_PATHS.get(self.kind)
        return _follow(self.node, path) if path else None

    @cached_property
    def pod_spec(self) -> Mapping | None:
        path = POD_SPEC_PATHS.get(self.kind)
        return _follow(self.node, path) if path else None

    @cached_property
    def pod_template_labels(self) -> StringMap:
        """The labels pods get: the template's, or a Pod's own."""
        if self.kind == "Pod":
            return self.labels
        metadata = self.pod_template.get_mapping("metadata") if self.pod_template else None
        return StringMap(metadata.get_mapping("labels") if metadata else None)

    @cached_property
    def pod_template_annotations(self) -> StringMap:
        """The annotations pods get: the template's, or a Pod's own."""
        if self.kind == "Pod":
            return self.annotations
        metadata = self.pod_template.get_mapping("metadata") if self.pod_template else None
        return StringMap(metadata.get_mapping("annotations") if metadata else None)

    @cached_property
    def selector(self) -> Selector | None:
        """A workload's pod selector (``spec.selector``), None when absent or not a mapping."""
        if self.kind not in WORKLOAD_KINDS or self.kind == "Pod" or self.spec is None:
            return None
        node = self.spec.get_mapping("selector")
        if self.kind == "CronJob":
            job_spec = _follow(self.node, ("spec", "jobTemplate", "spec"))
            node = job_spec.get_mapping("selector") if job_spec else None
        if node is None:
            return None
        if self.kind in MAP_SELECTOR_KINDS:
            return Selector(node, StringMap(node))
        return _label_selector(node)

    def describe(self) -> str:
        """How messages name this object: ``deployment 'web'`` (``deployment #2`` without a name)."""
        kind = self.kind.lower() or "object"
        return f"{kind} '{self.name}'" if self.name else f"{kind} at line {self.span.start.line}"

    @property
    def pod_security_context(self) -> Mapping | None:
        """The pod-level ``securityContext`` of a workload."""
        return self.pod_spec.get_mapping("securityContext") if self.pod_spec is not None else None

    def security_setting(self, container: Container, key: str) -> Node | None:
        """The effective ``securityContext`` value of ``key`` for ``container``: its own, else the
        pod's (for the fields both levels have: runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions,
        seccompProfile, appArmorProfile, windowsOptions). None when neither sets it."""
        own = container.security_context
        if own is not None and key in own:
            return own.get(key)
        if key in POD_LEVEL_SECURITY_FIELDS and self.pod_security_context is not None:
            return self.pod_security_context.get(key)
        return None

    @cached_property
    def pod_volumes(self) -> dict[str, Mapping]:
        """The pod's ``volumes`` by name."""
        if self.pod_spec is None:
            return {}
        return {name: item for item in _mappings(self.pod_spec.get("volumes")) if (name := item.get_str("name"))}

    @cached_property
    def host_path_volumes(self) -> list[HostPathVolume]:
        """The pod's ``hostPath`` volumes, in order (a volume without a name is left out)."""
        found = []
        for name, volume in self.pod_volumes.items():
            pair = volume.pair("hostPath")
            if pair is None or not isinstance(pair.value, Mapping):
                continue
            found.append(HostPathVolume(name, volume, pair.key, pair.value.get_scalar("path")))
        return found

    @cached_property
    def containers(self) -> list[Container]:
        """Every container of the pod spec: init, regular and ephemeral, in that order."""
        spec = self.pod_spec
        if spec is None:
            return []
        return [
            Container(group, index, item)
            for group in CONTAINER_GROUPS
            for index, item in enumerate(_items(spec.get(group)))
            if isinstance(item, Mapping)
        ]

    # --- services ------------------------------------------------------------------------

    @cached_property
    def service_selector(self) -> StringMap | None:
        """A Service's ``spec.selector`` map; None when it has none (or is not a Service)."""
        if self.kind != "Service" or self.spec is None:
            return None
        node = self.spec.get_mapping("selector")
        return StringMap(node) if node is not None else None

    @property
    def service_selector_node(self) -> Mapping | None:
        selector = self.service_selector
        return selector.node if selector is not None else None

    @cached_property
    def service_ports(self) -> list[ServicePort]:
        if self.kind != "Service" or self.spec is None:
            return []
        return [
            ServicePort(
                item,
                item.get_scalar("port"),
                item.get_scalar("targetPort"),
                item.get_scalar("nodePort"),
                item.get_scalar("protocol"),
                item.get_scalar("name"),
            )
            for item in _mappings(self.spec.get("ports"))
        ]


class KubernetesFile:
    """The Kubernetes view of a parsed stream."""

    def __init__(self, stream: YamlStream) -> None:
        self.stream = stream
        self.objects: list[KubeObject] = []
        for document in stream.documents:
            if isinstance(document.root, Mapping) and _has_kind(document.root):
                self._add(document.root, document.index)

    def _add(self, node: Mapping, document_index: int, item_index: int | None = None) -> None:
        """Add an object, or the items of a List (recursion depth is bounded by the tree's)."""
        items = node.get_sequence("items")
        if not (node.get_str("kind") or "").endswith("List") or items is None:
            self.objects.append(KubeObject(node, document_index, item_index))
            return
        for index, item in enumerate(items.items):
            if isinstance(item, Mapping) and _has_kind(item):
                self._add(item, document_index, index if item_index is None else item_index)

    def __iter__(self) -> Iterator[KubeObject]:
        return iter(self.objects)

    def __len__(self) -> int:
        return len(self.objects)

    @property
    def workloads(self) -> list[KubeObject]:
        return [obj for obj in self.objects if obj.is_workload]

    def of_kind(self, *kinds: str) -> list[KubeObject]:
        return [obj for obj in self.objects if obj.kind in kinds]


# ---------------------------------------------------------------------------------------------
# Helpers


def _follow(node: Mapping, path: tuple[str, ...]) -> Mapping | None:
    current: Mapping | None = node
    for key in path:
        if current is None:
            return None
        current = current.get_mapping(key)
    return current


def _items(node: Node | None) -> list[Node]:
    return node.items if isinstance(node, Sequence) else []


def _mappings(node: Node | None) -> list[Mapping]:
    return [item for item in _items(node) if isinstance(item, Mapping)]


def _label_selector(node: Mapping) -> Selector:
    labels = node.get_mapping("matchLabels")
    expressions = [_requirement(item) for item in _mappings(node.get("matchExpressions"))]
    return Selector(node, StringMap(labels), expressions)


def _requirement(node: Mapping) -> SelectorRequirement:
    values_node = node.get_sequence("values")
    values = [item.value for item in _items(values_node) if isinstance(item, Scalar) and not item.is_null]
    return SelectorRequirement(
        node,
        node.get_str("key"),
        node.get_str("operator"),
        values,
        key_node=node.get_scalar("key"),
        operator_node=node.get_scalar("operator"),
        values_node=values_node,
    )
