"""The Kubernetes object graph (containerlint.kubegraph): keys, namespaces, label indexes, external
patterns, scalers, isolation, and that building and querying it is not quadratic."""

from __future__ import annotations

import textwrap

import pytest

from containerlint.config import KubernetesSettings, Settings
from containerlint.kubegraph import (
    ExternalObjects,
    KubeGraph,
    LabelIndex,
    Located,
    externals_of,
    label_selector,
    map_selector,
)
from containerlint.project import ProjectIndex
from containerlint.syntax.kubernetes import KubernetesFile
from containerlint.syntax.yamltree import parse_yaml


def graph_of(*files: tuple[str, str]) -> KubeGraph:
    objects = []
    for path, text in files:
        manifests = KubernetesFile(parse_yaml(textwrap.dedent(text)))
        objects += [Located(path, obj) for obj in manifests.objects]
    return KubeGraph(objects)


def names(found: list[Located]) -> list[str | None]:
    return [located.item.name for located in found]


def pod(name: str, labels: str = "{}", namespace: str | None = None) -> str:
    ns = f"\n  namespace: {namespace}" if namespace else ""
    return (
        f"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}{ns}\n  labels: {labels}\n"
        "spec:\n  containers: [{name: c, image: 'a:1'}]\n"
    )


def selector(text: str):  # type: ignore[no-untyped-def]
    return label_selector(
        KubernetesFile(parse_yaml(f"apiVersion: v1\nkind: X\nsel: {text}\n")).objects[0].node.get("sel")
    )


# ---------------------------------------------------------------------------------------------
# Objects and namespaces


def test_objects_are_keyed_by_kind_namespace_and_name_across_files() -> None:
    graph = graph_of(
        ("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n"),
        ("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: shop}\n"),
        ("c.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: cfg, namespace: default}\n"),
    )
    assert [o.path for o in graph.get("ConfigMap", "default", "cfg")] == ["a.yaml"]
    assert [o.path for o in graph.get("ConfigMap", "shop", "cfg")] == ["b.yaml"]
    assert [o.path for o in graph.get("Secret", "default", "cfg")] == ["c.yaml"]
    assert graph.get("ConfigMap", "other", "cfg") == []
    assert graph.get("configmap", "default", "cfg") == []  # kinds are case-sensitive, as in the API


def test_repeated_objects_are_all_kept() -> None:
    text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n"
    graph = graph_of(("a.yaml", text), ("b.yaml", text))
    assert [o.path for o in graph.get("ConfigMap", "default", "cfg")] == ["a.yaml", "b.yaml"]


def test_cluster_scoped_kinds_have_no_namespace() -> None:
    graph = graph_of(
        ("a.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r, namespace: x}\n"),
        ("b.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"),
    )
    assert graph.namespace(graph.of_kind("ClusterRole")[0].item) == ""
    # a reference from any namespace finds a cluster-scoped object
    assert names(graph.get("ClusterRole", "anywhere", "r")) == ["r"]
    assert names(graph.get("Namespace", "default", "shop")) == ["shop"]


def test_custom_kinds_declared_cluster_scoped_by_a_linted_crd() -> None:
    crd = """\
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: clusterissuers.example.com}
        spec:
          group: example.com
          scope: Cluster
          names: {kind: Gateway, plural: gateways}
        """
    gateway = "apiVersion: example.com/v1\nkind: Gateway\nmetadata: {name: g, namespace: ignored}\n"
    graph = graph_of(("crd.yaml", crd), ("g.yaml", gateway))
    assert graph.namespace(graph.of_kind("Gateway")[0].item) == ""
    assert names(graph.get("Gateway", "default", "g")) == ["g"]
    # without the CRD the kind is namespaced
    assert graph_of(("g.yaml", gateway)).get("Gateway", "default", "g") == []


def test_list_items_and_objects_without_names() -> None:
    text = """\
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Pod
            metadata: {labels: {app: a}}
            spec: {containers: [{name: c, image: "a:1"}]}
          - apiVersion: v1
            kind: ServiceAccount
            metadata: {name: sa}
        """
    graph = graph_of(("list.yaml", text))
    assert names(graph.get("ServiceAccount", "default", "sa")) == ["sa"]
    # the unnamed Pod is not addressable by name but still carries its pods' labels
    [unnamed] = graph.pods.select_labels("default", {"app": "a"})
    assert unnamed.item.name is None
    assert unnamed.item.describe() == "pod at line 4"


def test_every_workload_kind_is_a_pod_owner() -> None:
    graph = graph_of(
        (
            "w.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n"
            "    metadata: {labels: {app: d}}\n",
        ),
        ("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, labels: {app: d}}\n"),
    )
    assert names(graph.pods.select_labels("default", {"app": "d"})) == ["d"]


# ---------------------------------------------------------------------------------------------
# Label selectors


LABELLED = [
    ("a", "{app: web, tier: front}"),
    ("b", "{app: web, tier: back}"),
    ("c", "{app: db}"),
    ("d", "{}"),
]


@pytest.fixture
def pods() -> LabelIndex:
    return graph_of(*[(f"{n}.yaml", pod(n, labels)) for n, labels in LABELLED]).pods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{matchLabels: {app: web}}", ["a", "b"]),
        ("{matchLabels: {app: web, tier: back}}", ["b"]),
        ("{matchLabels: {app: nothing}}", []),
        ("{}", ["a", "b", "c", "d"]),  # empty selects everything
        ("{matchExpressions: [{key: tier, operator: In, values: [front, back]}]}", ["a", "b"]),
        ("{matchExpressions: [{key: tier, operator: NotIn, values: [front]}]}", ["b", "c", "d"]),
        ("{matchExpressions: [{key: tier, operator: Exists}]}", ["a", "b"]),
        ("{matchExpressions: [{key: tier, operator: DoesNotExist}]}", ["c", "d"]),
        ("{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: NotIn, values: [back]}]}", ["a"]),
        ("{matchExpressions: [{key: tier, operator: Bogus, values: [front]}]}", []),  # unknown: nothing
        ("{matchExpressions: [{operator: Exists}]}", []),  # no key: nothing
    ],
)
def test_label_selector_semantics(pods: LabelIndex, text: str, expected: list[str]) -> None:
    assert names(pods.select("default", selector(text))) == expected


def test_absent_selector_selects_the_namespace(pods: LabelIndex) -> None:
    assert names(pods.select("default", None)) == ["a", "b", "c", "d"]
    assert pods.select("elsewhere", None) == []


def test_selectors_stay_in_their_namespace() -> None:
    graph = graph_of(("a.yaml", pod("a", "{app: web}", "one")), ("b.yaml", pod("b", "{app: web}", "two")))
    assert names(graph.pods.select("one", selector("{matchLabels: {app: web}}"))) == ["a"]
    assert names(graph.pods.select_labels("two", {"app": "web"})) == ["b"]
    assert graph.pods.select_labels("default", {"app": "web"}) == []


def test_map_selector() -> None:
    node = parse_yaml("app: web\ntier: back\n").documents[0].root
    found = graph_of(*[(f"{n}.yaml", pod(n, labels)) for n, labels in LABELLED]).pods.select(
        "default",
        map_selector(node),  # type: ignore[arg-type]
    )
    assert names(found) == ["b"]


def test_workload_index_uses_selector_and_template_labels() -> None:
    text = """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: bare}
        spec:
          selector: {matchLabels: {name: op}}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: ds}
        spec:
          selector: {matchLabels: {name: op}}
          template: {metadata: {labels: {name: op}}}
        """
    graph = graph_of(("w.yaml", text))
    assert names(graph.workloads.select_labels("default", {"name": "op"})) == ["bare"]  # no DaemonSets


# ---------------------------------------------------------------------------------------------
# External objects


@pytest.mark.parametrize(
    ("pattern", "kind", "namespace", "name", "found"),
    [
        ("ServiceAccount/ci/deployer", "ServiceAccount", "ci", "deployer", True),
        ("ServiceAccount/ci/deployer", "ServiceAccount", "prod", "deployer", False),
        ("ServiceAccount/*/vault-*", "ServiceAccount", "prod", "vault-agent", True),
        ("ServiceAccount/*/vault-*", "ServiceAccount", "prod", "agent", False),
        ("serviceaccount/ci/deployer", "ServiceAccount", "ci", "deployer", True),  # kinds case-insensitively
        ("Secret/*/tls-*", "ConfigMap", "a", "tls-x", False),
        ("Namespace/platform", "Namespace", "", "platform", True),  # cluster-scoped: Kind/name
        ("Secret/registry", "Secret", "any", "registry", True),  # two parts: any namespace
        ("*/*/shared-*", "ConfigMap", "x", "shared-env", True),
        ("garbage", "Secret", "x", "garbage", False),  # malformed patterns match nothing
    ],
)
def test_external_patterns(pattern: str, kind: str, namespace: str, name: str, found: bool) -> None:
    assert ExternalObjects([pattern]).matches(kind, namespace, name) == found


def test_externals_of_settings() -> None:
    settings = Settings(kubernetes=KubernetesSettings(external=("Secret/a/b",)))
    assert externals_of(settings).matches("Secret", "a", "b")
    assert not externals_of(None)
    assert externals_of(settings) is externals_of(Settings(kubernetes=KubernetesSettings(external=("Secret/a/b",))))


def test_resolves_uses_the_cluster_scope_for_external_cluster_objects() -> None:
    graph = graph_of(("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"))
    external = ExternalObjects(["ClusterRole/platform-*", "Secret/shop/db"])
    assert graph.resolves("ClusterRole", "shop", "platform-view", external)
    assert graph.resolves("Secret", "shop", "db", external)
    assert not graph.resolves("Secret", "default", "db", external)
    assert graph.resolves("ConfigMap", "default", "x", ExternalObjects([]))


# ---------------------------------------------------------------------------------------------
# Derived relations


def test_scalers_of_a_workload() -> None:
    text = """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: h, namespace: shop}
        spec: {scaleTargetRef: {kind: Deployment, name: web}}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: wrong-kind, namespace: shop}
        spec: {scaleTargetRef: {kind: StatefulSet, name: web}}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: other-ns}
        spec: {scaleTargetRef: {kind: Deployment, name: web}}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: k, namespace: shop}
        spec: {scaleTargetRef: {name: web}}
        """
    graph = graph_of(("a.yaml", text))
    [web] = graph.of_kind("Deployment")
    assert names(graph.scalers_of(web.item)) == ["h", "k"]


def test_isolated_pods() -> None:
    text = """\
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: a}
        spec: {podSelector: {matchLabels: {app: web}}}
        """
    graph = graph_of(
        ("p.yaml", text),
        ("w.yaml", "---\n".join([pod("in", "{app: web}", "a"), pod("out", "{app: db}", "a"), pod("b", "{app: web}")])),
    )
    assert {o.item.name for o in graph.pods.objects if id(o.item) in graph.isolated_pods} == {"in"}


def test_project_index_builds_the_graph_once() -> None:
    index = ProjectIndex([])
    assert index.kubernetes_graph is index.kubernetes_graph
    assert index.pod_templates == []
    assert index.pods_selected_by("default", {"app": "x"}) == []


# ---------------------------------------------------------------------------------------------
# Scaling: selector work grows with what is found, not with services x workloads


def many(count: int) -> KubeGraph:
    documents = []
    for n in range(count):
        documents.append(pod(f"p{n}", f"{{app: app{n}, tier: t{n % 3}}}", f"ns{n % 5}"))
    return graph_of(("many.yaml", "---\n".join(documents)))


@pytest.mark.parametrize("count", [100, 400])
def test_selector_evaluations_are_linear(count: int) -> None:
    graph = many(count)
    for n in range(count):
        found = graph.pods.select(f"ns{n % 5}", selector(f"{{matchLabels: {{app: app{n}}}}}"))
        assert names(found) == [f"p{n}"]
    # each selector tests one candidate (the index intersection), never every pod of the namespace
    assert graph.selector_evaluations == count
    for n in range(count):
        graph.pods.select(
            f"ns{n % 5}", selector(f"{{matchExpressions: [{{key: app, operator: In, values: [app{n}]}}]}}")
        )
    assert graph.selector_evaluations <= 3 * count


def test_lint_run_selector_work_is_linear_in_objects() -> None:
    """Through the real rules: services x workloads would be 250000 comparisons here."""
    from tests.helpers import lint_texts

    documents = []
    for n in range(500):
        documents.append(pod(f"p{n}", f"{{app: app{n}}}"))
        documents.append(
            f"apiVersion: v1\nkind: Service\nmetadata:\n  name: s{n}\nspec:\n  selector: {{app: app{n}}}\n"
            "  ports: [{port: 80}]\n"
        )
    text = "---\n".join(documents)
    counted: list[KubeGraph] = []
    original = ProjectIndex.kubernetes_graph.func  # type: ignore[attr-defined]

    def spy(self: ProjectIndex) -> KubeGraph:
        graph = original(self)
        counted.append(graph)
        return graph

    import unittest.mock

    with unittest.mock.patch.object(ProjectIndex, "kubernetes_graph", property(spy)):
        findings = lint_texts([("m.yaml", text, None)], select=["CL7002", "CL7023"])
    assert [f for f in findings if f.code in ("CL7002", "CL7023")] == []
    assert counted
    assert sum(graph.selector_evaluations for graph in counted) <= 2 * 500 * 2
