"""Tests for the Kubernetes view: objects, Lists, workloads, containers, selectors, Services."""

from __future__ import annotations

from textwrap import dedent, indent

import pytest

from containerlint.model import Position, Span
from containerlint.syntax.kubernetes import (
    CONTAINER_GROUPS,
    POD_SPEC_PATHS,
    WORKLOAD_KINDS,
    KubeObject,
    KubernetesFile,
    looks_like_compose,
    looks_like_kubernetes,
)
from containerlint.syntax.yamlnodes import Mapping
from containerlint.syntax.yamltree import parse_yaml


def kube(text: str) -> KubernetesFile:
    return KubernetesFile(parse_yaml(dedent(text)))


def single(text: str) -> KubeObject:
    (obj,) = kube(text).objects
    return obj


def span(line: int, column: int, end_line: int, end_column: int) -> Span:
    return Span(Position(line, column), Position(end_line, end_column))


POD_SPEC = """\
initContainers:
  - name: init
    image: busybox:1.36
containers:
  - name: app
    image: nginx:1.25
    ports:
      - containerPort: 8080
        name: http
        protocol: TCP
    env:
      - name: PLAIN
        value: "1"
      - name: SECRET
        valueFrom:
          secretKeyRef: {name: s, key: k}
    securityContext:
      runAsNonRoot: true
  - name: sidecar
    image: envoy
ephemeralContainers:
  - name: debug
    image: busybox
"""


def workload(kind: str, api_version: str = "apps/v1") -> str:
    """A manifest of ``kind`` with POD_SPEC at the kind's pod spec path."""
    path = POD_SPEC_PATHS[kind]
    lines = [f"apiVersion: {api_version}", f"kind: {kind}", "metadata:", "  name: demo"]
    if kind == "Pod":
        lines.append("  labels: {app: demo}")
    depth = 0
    for key in path[:-1]:
        lines.append("  " * depth + f"{key}:")
        depth += 1
        if key == "template":
            lines.append("  " * depth + "metadata:")
            lines.append("  " * depth + "  labels: {app: demo}")
    lines.append("  " * depth + f"{path[-1]}:")
    return "\n".join(lines) + "\n" + indent(POD_SPEC, "  " * (depth + 1))


# ---------------------------------------------------------------------------------------------
# Objects


def test_object_identity_fields() -> None:
    obj = single(
        """\
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: prod
          labels:
            app: web
            version: 1.0
            replicas: 3
            nested: [not, a, string]
            empty:
          annotations:
            note: hello
        """
    )
    assert (obj.api_version, obj.kind, obj.name, obj.namespace) == (
        "apps/v1",
        "Deployment",
        "web",
        "prod",
    )
    assert obj.api_group == "apps"
    assert obj.document_index == 0 and obj.item_index is None
    assert obj.span == span(1, 1, 13, 16)
    assert obj.name_node is not None and obj.name_node.span == span(4, 9, 4, 12)
    assert obj.kind_node is not None and obj.kind_node.span == span(2, 7, 2, 17)
    assert isinstance(obj.metadata, Mapping)
    assert list(obj.labels) == ["app", "version", "replicas", "empty"]
    assert obj.labels["version"].value == "1.0"
    assert obj.labels["app"].span == span(7, 10, 7, 13)
    assert obj.labels.key_nodes["app"].span == span(7, 5, 7, 8)
    assert obj.labels.node is not None and obj.labels.node.span.start == Position(7, 5)
    assert obj.labels.strings() == {"app": "web", "version": "1.0", "replicas": "3", "empty": ""}
    assert obj.labels.text("empty") is None
    assert obj.annotations.strings() == {"note": "hello"}


def test_missing_metadata_name_and_namespace_are_none() -> None:
    obj = single("apiVersion: v1\nkind: ConfigMap\n")
    assert (obj.name, obj.namespace, obj.metadata) == (None, None, None)
    assert obj.labels == {} and obj.labels.node is None
    assert obj.api_group == ""
    assert not obj.is_workload and obj.pod_spec is None and obj.containers == []
    assert obj.selector is None and obj.service_selector is None and obj.service_ports == []


def test_tolerates_wrong_shapes() -> None:
    obj = single(
        """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: [not, a, mapping]
        spec:
          selector: app=web
          template:
            metadata: {labels: 5}
            spec:
              containers: {name: not-a-list}
              initContainers: [just-a-string, {name: ok}]
        """
    )
    assert obj.name is None and obj.labels == {}
    assert obj.selector is None
    assert obj.pod_template_labels == {}
    assert [(c.group, c.name) for c in obj.containers] == [("initContainers", "ok")]


def test_documents_without_api_version_or_kind_are_not_objects() -> None:
    file = kube(
        """\
        apiVersion: v1
        kind: ConfigMap
        ---
        kind: NoApiVersion
        ---
        - a list
        ---
        ---
        apiVersion: v1
        kind: Secret
        """
    )
    assert [(o.kind, o.document_index) for o in file.objects] == [("ConfigMap", 0), ("Secret", 4)]
    assert len(file) == 2 and list(file) == file.objects


def test_document_index_counts_broken_documents() -> None:
    file = kube("apiVersion: v1\nkind: A\n---\nkind: [\n---\napiVersion: v1\nkind: B\n")
    assert [(o.kind, o.document_index) for o in file.objects] == [("A", 0), ("B", 2)]


def test_list_kinds_are_expanded_into_their_items() -> None:
    file = kube(
        """\
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Service
            metadata: {name: svc}
          - not-an-object
          - apiVersion: apps/v1
            kind: DeploymentList
            items:
              - apiVersion: apps/v1
                kind: Deployment
                metadata: {name: nested}
        ---
        apiVersion: v1
        kind: PodList
        items:
          - apiVersion: v1
            kind: Pod
            metadata: {name: p}
        """
    )
    assert [(o.kind, o.name, o.document_index, o.item_index) for o in file.objects] == [
        ("Service", "svc", 0, 0),
        ("Deployment", "nested", 0, 2),
        ("Pod", "p", 1, 0),
    ]
    assert file.objects[0].span.start == Position(4, 5)


def test_a_list_kind_without_items_is_an_object() -> None:
    (obj,) = kube("apiVersion: example.com/v1\nkind: AllowList\nspec: {}\n").objects
    assert obj.kind == "AllowList"


# ---------------------------------------------------------------------------------------------
# Workloads


@pytest.mark.parametrize(
    ("kind", "api_version"),
    [
        ("Pod", "v1"),
        ("Deployment", "apps/v1"),
        ("StatefulSet", "apps/v1"),
        ("DaemonSet", "apps/v1"),
        ("ReplicaSet", "apps/v1"),
        ("ReplicationController", "v1"),
        ("Job", "batch/v1"),
        ("CronJob", "batch/v1"),
        ("DeploymentConfig", "apps.openshift.io/v1"),
    ],
)
def test_every_workload_kind_finds_its_containers(kind: str, api_version: str) -> None:
    text = workload(kind, api_version)
    obj = single(text)
    assert obj.is_workload and kind in WORKLOAD_KINDS
    assert obj.pod_spec is not None and "containers" in obj.pod_spec
    containers = obj.containers
    assert [(c.group, c.index, c.name) for c in containers] == [
        ("initContainers", 0, "init"),
        ("containers", 0, "app"),
        ("containers", 1, "sidecar"),
        ("ephemeralContainers", 0, "debug"),
    ]
    init, app, _, debug = containers
    assert init.is_init and not app.is_init and debug.is_ephemeral
    assert app.image is not None and app.image.value == "nginx:1.25"
    line = text.splitlines().index(next(x for x in text.splitlines() if "nginx:1.25" in x)) + 1
    assert app.image.span.start.line == line
    assert app.security_context is not None and "runAsNonRoot" in app.security_context
    assert obj.pod_template_labels.strings() == {"app": "demo"}
    if kind == "Pod":
        assert obj.pod_template is None
        assert obj.pod_template_labels is obj.labels
    else:
        assert obj.pod_template is not None and obj.pod_template.get_mapping("spec") is obj.pod_spec


def test_container_ports_and_env() -> None:
    obj = single(workload("Deployment"))
    app = obj.containers[1]
    (port,) = app.ports
    assert port.container_port is not None and port.container_port.as_int() == 8080
    assert port.name is not None and port.name.value == "http"
    assert port.protocol is not None and port.protocol.value == "TCP"
    assert port.host_port is None
    plain, secret = app.env
    assert (plain.name, plain.value.value if plain.value else None) == ("PLAIN", "1")
    assert plain.value_from is None
    assert secret.name == "SECRET" and secret.value is None
    assert secret.value_from is not None and "secretKeyRef" in secret.value_from
    assert secret.name_node is not None


def test_container_group_names() -> None:
    assert CONTAINER_GROUPS == ("initContainers", "containers", "ephemeralContainers")


# ---------------------------------------------------------------------------------------------
# Selectors and Services


def test_label_selector_with_match_labels_and_expressions() -> None:
    obj = single(
        """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector:
            matchLabels:
              app: web
            matchExpressions:
              - key: tier
                operator: In
                values: [frontend, edge]
              - key: legacy
                operator: DoesNotExist
          template:
            metadata:
              labels: {app: web, tier: frontend}
        """
    )
    selector = obj.selector
    assert selector is not None and not selector.is_empty
    assert selector.match_labels.strings() == {"app": "web"}
    assert selector.match_labels["app"].span == span(7, 12, 7, 15)
    first, second = selector.match_expressions
    assert (first.key, first.operator, first.values) == ("tier", "In", ["frontend", "edge"])
    assert first.key_node is not None and first.key_node.span == span(9, 14, 9, 18)
    assert first.values_node is not None and first.values_node.span.start == Position(11, 17)
    assert (second.key, second.operator, second.values) == ("legacy", "DoesNotExist", [])
    assert obj.pod_template_labels.strings() == {"app": "web", "tier": "frontend"}


def test_replication_controller_uses_a_plain_map_selector() -> None:
    obj = single("apiVersion: v1\nkind: ReplicationController\nspec:\n  selector:\n    app: web\n")
    assert obj.selector is not None
    assert obj.selector.match_labels.strings() == {"app": "web"}
    assert obj.selector.match_expressions == []


def test_missing_or_empty_selector() -> None:
    assert single("apiVersion: apps/v1\nkind: Deployment\nspec: {}\n").selector is None
    empty = single("apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector: {}\n").selector
    assert empty is not None and empty.is_empty


def test_service_selector_and_ports() -> None:
    obj = single(
        """\
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector:
            app: web
          ports:
            - name: http
              port: 80
              targetPort: http
            - port: 443
              targetPort: 8443
              nodePort: 30443
              protocol: TCP
        """
    )
    assert obj.service_selector is not None
    assert obj.service_selector.strings() == {"app": "web"}
    assert obj.service_selector.node is not None
    assert obj.service_selector_node is obj.service_selector.node
    assert obj.service_selector_node.span.start == Position(6, 5)
    assert obj.selector is None  # a Service is not a workload
    http, https = obj.service_ports
    assert http.port is not None and http.port.as_int() == 80
    assert http.target_port is not None and http.target_port_is_name
    assert http.target_port.span == span(10, 19, 10, 23)
    assert not https.target_port_is_name
    assert https.node_port is not None and https.node_port.value == "30443"
    assert https.protocol is not None and https.protocol.value == "TCP"


def test_service_without_selector() -> None:
    obj = single("apiVersion: v1\nkind: Service\nspec:\n  ports: [{port: 80}]\n")
    assert obj.service_selector is None and obj.service_selector_node is None
    (port,) = obj.service_ports
    assert port.target_port is None


def test_filters() -> None:
    file = kube(workload("Deployment") + "---\napiVersion: v1\nkind: Service\n")
    assert [o.kind for o in file.workloads] == ["Deployment"]
    assert [o.kind for o in file.of_kind("Service", "Ingress")] == ["Service"]


# ---------------------------------------------------------------------------------------------
# Classification


@pytest.mark.parametrize(
    ("text", "kubernetes", "compose"),
    [
        ("apiVersion: v1\nkind: Pod\n", True, False),
        ("# c\n---\napiVersion: v1\nkind: Pod\n", True, False),
        ("a: 1\n---\napiVersion: v1\nkind: Pod\n", True, False),
        ("services:\n  web:\n    image: x\n", False, True),
        ("kind: Pod\n", False, False),
        ("", False, False),
        ("- apiVersion: v1\n  kind: Pod\n", False, False),
    ],
)
def test_classification(text: str, kubernetes: bool, compose: bool) -> None:
    stream = parse_yaml(text)
    assert looks_like_kubernetes(stream) is kubernetes
    assert looks_like_compose(stream) is compose


def test_labels_through_anchors_and_merge_keys() -> None:
    obj = single(
        """\
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          annotations: &common
            app: web
          labels:
            <<: *common
            extra: "yes"
        """
    )
    assert obj.labels.strings() == {"app": "web", "extra": "yes"}
    assert obj.labels["app"] is obj.annotations["app"]  # the merged value is the anchored node
    assert obj.labels["app"].span.start.line == 6
