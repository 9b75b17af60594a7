"""CL4303 no-anti-affinity (kube-linter no-anti-affinity)."""

from __future__ import annotations

from tests.workloads._workloads import findings, positions

TEMPLATE = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
{namespace}spec:
  replicas: {replicas}
  template:
    metadata:
      labels: {{app: web}}
    spec:
      affinity:
        podAntiAffinity:
          {field}:
{term}      containers:
        - name: web
"""
REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution"
PREFERRED = "preferredDuringSchedulingIgnoredDuringExecution"
GOOD_TERM = """\
            - labelSelector:
                matchLabels: {app: web}
              topologyKey: kubernetes.io/hostname
"""


def manifest(term: str = GOOD_TERM, field: str = REQUIRED, replicas: int = 3, namespace: str = "") -> str:
    ns = f"  namespace: {namespace}\n" if namespace else ""
    return TEMPLATE.format(namespace=ns, replicas=replicas, field=field, term=term)


def test_matching_required_term_passes() -> None:
    assert findings(manifest(), "CL4303") == []


def test_matching_preferred_term_passes() -> None:
    term = """\
            - weight: 100
              podAffinityTerm:
                labelSelector:
                  matchExpressions:
                    - {key: app, operator: In, values: [web]}
                topologyKey: kubernetes.io/hostname
"""
    assert findings(manifest(term, PREFERRED), "CL4303") == []


def test_missing_anti_affinity_at_the_pod_spec_or_affinity_key() -> None:
    text = (
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  replicas: 2\n"
        "  template:\n    spec:\n      containers: []\n"
    )
    got = findings(text, "CL4303")
    assert [(line, column) for line, column, _ in got] == [(7, 5)]
    assert got[0][2].startswith("statefulset 'db' has 2 replicas but does not specify inter-pod anti-affinity")
    with_affinity = text.replace(
        "      containers: []\n", "      affinity:\n        nodeAffinity: {}\n      containers: []\n"
    )
    assert positions(with_affinity, "CL4303") == [(8, 7)]


def test_replicas_below_minimum_or_kinds_without_replicas_pass() -> None:
    bare = "apiVersion: apps/v1\nkind: {kind}\nmetadata: {{name: x}}\nspec:\n{replicas}  template:\n    spec: {{}}\n"
    assert positions(bare.format(kind="Deployment", replicas="  replicas: 1\n"), "CL4303") == []
    assert positions(bare.format(kind="Deployment", replicas=""), "CL4303") == []  # defaults to 1
    assert positions(bare.format(kind="DaemonSet", replicas=""), "CL4303") == []
    dc = bare.format(kind="DeploymentConfig", replicas="").replace("apps/v1", "apps.openshift.io/v1")
    assert positions(dc, "CL4303") == []  # a DeploymentConfig without replicas has 0
    assert positions(bare.format(kind="Deployment", replicas="  replicas: 1\n"), "CL4303", **{"min-replicas": 1}) == [
        (7, 5)
    ]


def test_namespaces_of_the_term() -> None:
    listed = GOOD_TERM + "              namespaces: [bar]\n"
    got = findings(manifest(listed, namespace="foo"), "CL4303")
    assert [(line, column) for line, column, _ in got] == [(18, 15)]
    assert "its namespace 'foo' is not among the anti-affinity term's namespaces [bar]" in got[0][2]
    assert findings(manifest(GOOD_TERM + "              namespaces: [foo]\n", namespace="foo"), "CL4303") == []
    assert findings(manifest(GOOD_TERM, namespace="foo"), "CL4303") == []
    # kube-linter compares with the object's own namespace: without one, a listed namespace never matches
    got = findings(manifest(GOOD_TERM + "              namespaces: [default]\n"), "CL4303")
    assert [(line, column) for line, column, _ in got] == [(17, 15)]
    assert "it sets no namespace" in got[0][2]


def test_topology_key_and_labels() -> None:
    zone = GOOD_TERM.replace("kubernetes.io/hostname", "topology.kubernetes.io/zone")
    got = findings(manifest(zone), "CL4303")
    assert [(line, column) for line, column, _ in got] == [(16, 28)]
    assert "topologyKey is 'topology.kubernetes.io/zone'" in got[0][2]
    assert findings(manifest(zone), "CL4303", **{"topology-key": "^topology.kubernetes.io/zone$"}) == []
    other = GOOD_TERM.replace("{app: web}", "{app: db}")
    got = findings(manifest(other), "CL4303")
    assert [(line, column) for line, column, _ in got] == [(14, 15)]
    assert "labelSelector does not match the pod labels (app=web)" in got[0][2]
    no_selector = "            - topologyKey: kubernetes.io/hostname\n"
    assert positions(manifest(no_selector), "CL4303") == [(14, 15)]


def test_one_finding_per_failing_term_unless_one_term_passes() -> None:
    bad = GOOD_TERM.replace("{app: web}", "{app: db}")
    assert positions(manifest(bad + bad.replace("labelSelector", "labelSelector")), "CL4303") == [(14, 15), (17, 15)]
    assert positions(manifest(bad + GOOD_TERM), "CL4303") == []


def test_empty_anti_affinity() -> None:
    text = manifest().replace(f"          {REQUIRED}:\n" + GOOD_TERM, "")
    got = findings(text.replace("podAntiAffinity:", "podAntiAffinity: {}"), "CL4303")
    assert [(line, column) for line, column, _ in got] == [(12, 9)]
    assert "has no preferred or required scheduling term" in got[0][2]
