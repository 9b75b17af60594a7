"""Every cross-object rule (CL7002, CL7003, CL7010-CL7024) on wrong shapes, odd documents and
suppression annotations: no crash, no finding outside the offending object."""

from __future__ import annotations

import pytest

from tests.helpers import lint_texts
from tests.kubernetes._k8s import K8S, deployment, obj, run, stream

CODES = ["CL7002", "CL7003", *[f"CL70{n}" for n in range(10, 25)]]

ODD_DOCUMENTS = [
    "apiVersion: v1\nkind: Service\nmetadata: 3\nspec: [1, 2]\n",
    "apiVersion: v1\nkind: Service\nspec:\n  selector: [a]\n  ports: {a: 1}\n",
    "apiVersion: v1\nkind: Service\nspec:\n  selector: {app: ~}\n  ports: [{port: ~, targetPort: ~}]\n",
    "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template: 3\n",
    "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n"
    "      containers: {a: 1}\n      volumes: 3\n",
    "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n"
    "      containers: [{env: [{valueFrom: 3}]}]\n",
    "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n"
    "      containers: [{envFrom: [3, {secretRef: 3}, {configMapRef: {name: [x]}}]}]\n"
    "      volumes: [{projected: {sources: [3, {secret: 3}]}}, {configMap: 3}, {secret: {secretName: ~}}]\n"
    "      imagePullSecrets: [3, {name: ~}]\n      serviceAccountName: [x]\n",
    "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nspec:\n"
    "  podSelector:\n    matchExpressions: [3, {key: [a]}]\n"
    "  ingress: [{from: [{podSelector: 3}]}]\n",
    "apiVersion: networking.k8s.io/v1\nkind: Ingress\nspec:\n  defaultBackend: 3\n"
    "  rules: [3, {http: 3}, {http: {paths: [3, {backend: {service: 3}}]}}]\n",
    "apiVersion: policy/v1\nkind: PodDisruptionBudget\nspec:\n  minAvailable: [1]\n  selector: 3\n",
    "apiVersion: policy/v1\nkind: PodDisruptionBudget\nspec:\n  minAvailable: 1\n  selector: {matchLabels: 3}\n",
    "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef: [3]\n",
    "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nspec:\n  scaleTargetRef: {name: [x]}\n  minReplicaCount: x\n",
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nroleRef: [x]\nsubjects: 3\n",
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\naggregationRule: {clusterRoleSelectors: [3, {}]}\n"
    "rules: [3, {verbs: 3, resources: [[x]]}]\n",
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nroleRef: {kind: ClusterRole, name: x}\n",
    "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nspec:\n"
    "  namespaceSelector: {matchNames: 3, any: [x]}\n"
    "  selector: {matchExpressions: 3}\n",
    "apiVersion: v1\nkind: List\nitems: [3, {kind: Service}]\n",
    "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec: {scope: Cluster, names: 3}\n",
    "- just\n- a list\n",
    "",
]


@pytest.mark.parametrize("text", ODD_DOCUMENTS)
def test_wrong_shapes_never_raise(text: str) -> None:
    findings = lint_texts([("odd.yaml", text, K8S), ("other.yaml", deployment(), K8S)], select=[*CODES, "CL0004"])
    assert [f for f in findings if f.code == "CL0004"] == []


def test_all_odd_documents_in_one_project() -> None:
    text = "---\n".join(d for d in ODD_DOCUMENTS if d)
    findings = lint_texts([("odd.yaml", text, K8S)], select=[*CODES, "CL0004"])
    assert [f for f in findings if f.code == "CL0004"] == []


@pytest.mark.parametrize(
    ("annotation", "suppressed"),
    [
        ("ignore-check.kube-linter.io/dangling-ingress: 'served by the mesh'", True),
        ("kube-linter.io/ignore-all: 'legacy'", True),
        ("containerlint.io/ignore: 'dangling-ingress -- legacy'", True),
        ("ignore-check.kube-linter.io/dangling-service: 'other check'", False),
    ],
)
def test_ignore_annotations_on_the_reporting_object(annotation: str, suppressed: bool) -> None:
    ingress = obj(
        "Ingress",
        "site",
        body=f"  annotations:\n    {annotation}\n"
        "spec:\n  defaultBackend: {service: {name: gone, port: {number: 80}}}\n",
        api="networking.k8s.io/v1",
    )
    findings = lint_texts([("i.yaml", ingress, K8S)], select=["CL7011"])
    [finding] = findings
    assert finding.suppressed == suppressed


def test_annotation_on_another_object_does_not_suppress() -> None:
    service = obj("Service", "x", body="  annotations: {kube-linter.io/ignore-all: 'x'}\nspec: {selector: {a: b}}\n")
    ingress = obj(
        "Ingress", "site", body="spec:\n  defaultBackend: {service: {name: gone}}\n", api="networking.k8s.io/v1"
    )
    assert len(run("CL7011", ("m.yaml", stream(service, ingress)))) == 1


def test_findings_land_in_the_file_of_the_reporting_object() -> None:
    files = [
        (
            "a/svc.yaml",
            obj("Service", "s", body="spec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: nope}]\n"),
        ),
        (
            "b/deploy.yaml",
            deployment(
                pod_spec="serviceAccountName: ghost\ncontainers: [{name: c, image: 'a:1', ports: [{containerPort: 1}]}]"
            ),
        ),
    ]
    findings = lint_texts([(p, t, K8S) for p, t in files], select=["CL7015", "CL7023"])
    assert sorted((f.path, f.code) for f in findings) == [("a/svc.yaml", "CL7023"), ("b/deploy.yaml", "CL7015")]
