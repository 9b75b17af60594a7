"""CL7002 service-selects-no-pods: namespaces, selector subsets, every pod-creating kind, across files."""

from __future__ import annotations

import textwrap

import pytest

from containerlint.model import FileKind, Finding
from tests.helpers import lint_texts

CODE = "CL7002"
K8S = FileKind.KUBERNETES


def dangling(*files: tuple[str, str]) -> list[Finding]:
    findings = lint_texts([(path, textwrap.dedent(text), K8S) for path, text in files])
    broken = [f for f in findings if f.code in ("CL0001", "CL0008", "CL0004")]
    assert not broken, broken
    return [f for f in findings if f.code == CODE]


def service(name: str = "web", selector: str = "{app: web}", namespace: str | None = None, extra: str = "") -> str:
    ns = f"\n  namespace: {namespace}" if namespace else ""
    return f"apiVersion: v1\nkind: Service\nmetadata:\n  name: {name}{ns}\nspec:\n  selector: {selector}\n{extra}"


def deployment(name: str = "web", labels: str = "{app: web}", namespace: str | None = None) -> str:
    ns = f"\n  namespace: {namespace}" if namespace else ""
    return (
        f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}{ns}\nspec:\n"
        f"  selector:\n    matchLabels: {labels}\n"
        f"  template:\n    metadata:\n      labels: {labels}\n"
        '    spec:\n      containers: [{name: c, image: "nginx:1.27.3"}]\n'
    )


def stream(*documents: str) -> str:
    return "---\n".join(documents)


# ---------------------------------------------------------------------------------------------
# Namespaces


@pytest.mark.parametrize(
    ("service_ns", "workload_ns", "found"),
    [
        (None, None, False),
        (None, "default", False),  # no namespace means "default"
        ("default", None, False),
        ("a", "a", False),
        ("a", "b", True),
        ("a", None, True),
        (None, "b", True),
    ],
)
def test_namespaces(service_ns: str | None, workload_ns: str | None, found: bool) -> None:
    findings = dangling(("m.yaml", stream(service(namespace=service_ns), deployment(namespace=workload_ns))))
    assert bool(findings) == found
    if found:
        assert f"namespace '{service_ns or 'default'}'" in findings[0].message


# ---------------------------------------------------------------------------------------------
# Matching


@pytest.mark.parametrize(
    ("selector", "labels", "found"),
    [
        ("{app: web}", "{app: web, tier: frontend, version: v2}", False),  # a subset of the labels
        ("{app: web, tier: frontend}", "{app: web, tier: frontend}", False),
        ("{app: web, tier: backend}", "{app: web, tier: frontend}", True),  # every pair must match
        ("{app: web-frontend}", "{app: web}", True),
        ("{App: web}", "{app: web}", True),  # keys are case-sensitive
        ('{app: "1"}', "{app: '1'}", False),  # values compare as written strings
    ],
)
def test_selector_must_be_a_subset_of_the_template_labels(selector: str, labels: str, found: bool) -> None:
    findings = dangling(("m.yaml", stream(service(selector=selector), deployment(labels=labels))))
    assert bool(findings) == found


@pytest.mark.parametrize(
    "spec",
    [
        "type: ExternalName\n  externalName: db.example.com",
        # the API ignores the selector of an ExternalName Service
        "type: ExternalName\n  externalName: db.example.com\n  selector: {app: nothing}",
    ],
)
def test_external_name_services_are_never_reported(spec: str) -> None:
    text = f"apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  {spec}\n"
    assert dangling(("m.yaml", text)) == []


@pytest.mark.parametrize(
    ("spec", "position"),
    [
        ("ports: [{port: 80}]", (5, 1)),  # no selector: reported on the spec key
        ("selector: {}", (6, 13)),  # an empty selector: on the selector
        ("selector:\n  ports: [{port: 80}]", (6, 3)),  # a null selector: on its key
    ],
)
def test_services_without_selector_are_reported(spec: str, position: tuple[int, int]) -> None:
    text = f"apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  {spec}\n"
    [finding] = dangling(("m.yaml", text))
    assert (finding.span.start.line, finding.span.start.column) == position
    assert finding.message.startswith("Service 's' has no selector")


ENDPOINTS = "apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: s{ns}\nsubsets: []\n"
SLICE = (
    "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: s-abc{ns}\n"
    "  labels: {{kubernetes.io/service-name: s}}\naddressType: IPv4\nendpoints: []\n"
)
SELECTORLESS = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s{ns}\nspec:\n  ports: [{{port: 80}}]\n"


@pytest.mark.parametrize(
    ("endpoints", "service_ns", "endpoints_ns", "found"),
    [
        (ENDPOINTS, "", "", False),
        (SLICE, "", "", False),
        (ENDPOINTS, "\n  namespace: a", "\n  namespace: a", False),
        (ENDPOINTS, "\n  namespace: a", "", True),  # endpoints of another namespace do not count
        (SLICE, "", "\n  namespace: b", True),
        (ENDPOINTS.replace("name: s", "name: other"), "", "", True),
    ],
)
def test_selectorless_service_with_hand_made_endpoints(
    endpoints: str, service_ns: str, endpoints_ns: str, found: bool
) -> None:
    files = (("svc.yaml", SELECTORLESS.format(ns=service_ns)), ("ep.yaml", endpoints.format(ns=endpoints_ns)))
    assert bool(dangling(*files)) == found


def test_ignored_labels_option() -> None:
    text = stream(service(selector="{app: web, release: canary}"), deployment())
    findings = lint_texts([("m.yaml", text, K8S)], select=[CODE], rule_options={CODE: {"ignored-labels": ["release"]}})
    assert findings == []
    assert len(dangling(("m.yaml", text))) == 1


def test_workload_without_template_spec_still_counts() -> None:
    """As in kube-linter: a Deployment whose template has labels but no spec still carries pods' labels."""
    workload = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w\nspec:\n  template:\n"
    workload += "    metadata:\n      labels: {app: web}\n"
    assert dangling(("m.yaml", stream(service(), workload))) == []


POD_CREATORS = {
    "Pod": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\n  labels: {app: web}\n"
    "spec:\n  containers: [{name: c, image: 'a:1'}]\n",
    "Job": "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: w\n"
    "spec:\n  template:\n    metadata:\n      labels: {app: web}\n"
    "    spec:\n      containers: [{name: c, image: 'a:1'}]\n",
    "CronJob": "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: w\n"
    "spec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n      template:\n"
    "        metadata:\n          labels: {app: web}\n"
    "        spec:\n          containers: [{name: c, image: 'a:1'}]\n",
    **{
        kind: deployment().replace("kind: Deployment", f"kind: {kind}")
        for kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet")
    },
    "ReplicationController": "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: w\n"
    "spec:\n  selector: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n"
    "    spec:\n      containers: [{name: c, image: 'a:1'}]\n",
}


@pytest.mark.parametrize("kind", sorted(POD_CREATORS))
def test_every_pod_creating_kind_counts(kind: str) -> None:
    assert dangling(("m.yaml", stream(service(), POD_CREATORS[kind]))) == []


def test_labels_of_objects_that_create_no_pods_do_not_count() -> None:
    config_map = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  labels: {app: web}\n"
    deployment_metadata_only = deployment(labels="{app: other}").replace(
        "metadata:\n  name: web", "metadata:\n  name: web\n  labels: {app: web}"
    )
    findings = dangling(("m.yaml", stream(service(), config_map, deployment_metadata_only)))
    assert len(findings) == 1  # a Deployment's own labels are not its pods' labels


def test_items_of_a_list_count() -> None:
    text = """\
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
          - apiVersion: v1
            kind: Pod
            metadata: {name: web, labels: {app: web}}
            spec:
              containers: [{name: c, image: "a:1"}]
        """
    assert dangling(("list.yaml", text)) == []


# ---------------------------------------------------------------------------------------------
# Position, message and hint


def test_span_is_the_selector_mapping() -> None:
    text = textwrap.dedent(
        """\
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
            tier: frontend
          ports: [{port: 80}]
        """
    )
    [finding] = dangling(("svc.yaml", text))
    assert (finding.span.start.line, finding.span.start.column) == (7, 5)
    assert finding.span.end.line == 8
    assert finding.path == "svc.yaml"
    assert "Service 'web' selects app=web, tier=frontend" in finding.message


def test_hint_names_the_closest_workload_in_the_namespace() -> None:
    files = (
        ("svc.yaml", service(selector="{app: web, tier: frontend}")),
        ("apps/api.yaml", deployment(name="api", labels="{app: api}")),
        ("apps/web.yaml", deployment(name="web", labels="{app: web, tier: front}")),
        ("apps/elsewhere.yaml", deployment(name="exact", labels="{app: web, tier: frontend}", namespace="other")),
    )
    [finding] = dangling(*files)
    assert finding.hint == "closest: Deployment 'web' (apps/web.yaml) has app=web, tier=front"


def test_no_hint_when_nothing_in_the_namespace_shares_a_key() -> None:
    [finding] = dangling(("m.yaml", stream(service(), deployment(labels="{role: db}"))))
    assert finding.hint is None


# ---------------------------------------------------------------------------------------------
# Across files (the project check runs once over every file)


def test_workload_in_another_file() -> None:
    assert dangling(("svc.yaml", service()), ("deploy.yaml", deployment())) == []


def test_finding_is_reported_in_the_services_file_once() -> None:
    files = (
        ("a-deploy.yaml", deployment(labels="{app: other}")),
        ("b-svc.yaml", stream(service(name="one"), service(name="two", selector="{app: other}"))),
        ("c-more.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"),
    )
    [finding] = dangling(*files)
    assert finding.path == "b-svc.yaml"
    assert "Service 'one'" in finding.message


def test_compose_and_dockerfiles_in_the_project_do_not_disturb() -> None:
    findings = lint_texts(
        [
            ("Dockerfile", "FROM python:3.12\n", FileKind.DOCKERFILE),
            ("compose.yaml", "services:\n  web:\n    image: nginx:1.27.3\n", FileKind.COMPOSE),
            ("svc.yaml", service(), K8S),
        ]
    )
    assert [(f.path, f.code) for f in findings if f.code.startswith("CL7")] == [("svc.yaml", CODE)]
