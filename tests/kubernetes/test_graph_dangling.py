"""CL7010-CL7014: dangling HPA, Ingress, NetworkPolicy, NetworkPolicy peer and ServiceMonitor."""

from __future__ import annotations

import pytest

from tests.kubernetes._k8s import at, deployment, obj, run, run_external, stream, where

# ---------------------------------------------------------------------------------------------
# CL7010 dangling-horizontalpodautoscaler


def hpa(
    target: str = "web", kind: str = "Deployment", api: str | None = "apps/v1", namespace: str | None = None
) -> str:
    version = f"    apiVersion: {api}\n" if api else ""
    body = f"spec:\n  scaleTargetRef:\n{version}    kind: {kind}\n    name: {target}\n  maxReplicas: 5\n"
    return obj("HorizontalPodAutoscaler", "h", namespace, body, api="autoscaling/v2")


def test_hpa_target_found_in_another_file() -> None:
    assert run("CL7010", ("hpa.yaml", hpa()), ("deploy.yaml", deployment())) == []


def test_hpa_missing_target_points_at_the_name() -> None:
    text = stream(hpa(target="webb"), deployment())
    [finding] = run("CL7010", ("m.yaml", text))
    assert at(finding) == ("m.yaml", *where(text, "webb"))
    assert finding.message == (
        "horizontalpodautoscaler 'h' scales Deployment 'webb', which is not in the linted manifests "
        "(namespace 'default')"
    )
    assert "external" in (finding.hint or "")


@pytest.mark.parametrize(
    ("hpa_ns", "workload_ns", "kind", "found"),
    [
        (None, "default", "Deployment", False),
        ("shop", "shop", "Deployment", False),
        ("shop", None, "Deployment", True),
        (None, None, "StatefulSet", True),  # the kind must match too
    ],
)
def test_hpa_namespace_and_kind(hpa_ns: str | None, workload_ns: str | None, kind: str, found: bool) -> None:
    text = stream(hpa(kind=kind, namespace=hpa_ns), deployment(namespace=workload_ns))
    assert bool(run("CL7010", ("m.yaml", text))) == found


def test_hpa_api_version_mismatch_names_the_object() -> None:
    text = stream(hpa(api="extensions/v1beta1"), deployment())
    [finding] = run("CL7010", ("m.yaml", text))
    assert "scales extensions/v1beta1 Deployment 'web', but Deployment 'web' is apps/v1" in finding.message
    [related] = finding.related
    assert (related.path, related.span.start.line) == ("m.yaml", where(text, "name: web", 1)[0])


def test_hpa_without_api_version_and_custom_target_kinds() -> None:
    rollout = obj("Rollout", "web", body="spec: {}\n", api="argoproj.io/v1alpha1")
    assert run("CL7010", ("m.yaml", stream(hpa(api=None, kind="Rollout"), rollout))) == []


def test_hpa_external_target() -> None:
    assert len(run("CL7010", ("m.yaml", hpa(namespace="platform")))) == 1
    assert run_external("CL7010", ("Deployment/platform/web",), ("m.yaml", hpa(namespace="platform"))) == []
    assert run_external("CL7010", ("Deployment/*/w*",), ("m.yaml", hpa(namespace="platform"))) == []
    assert len(run_external("CL7010", ("Deployment/other/web",), ("m.yaml", hpa(namespace="platform")))) == 1


@pytest.mark.parametrize("spec", ["spec: {}\n", "spec:\n  scaleTargetRef: {kind: Deployment}\n", "spec: 3\n"])
def test_hpa_wrong_shapes_are_left_to_schema_validation(spec: str) -> None:
    assert run("CL7010", ("m.yaml", obj("HorizontalPodAutoscaler", "h", body=spec, api="autoscaling/v2"))) == []


# ---------------------------------------------------------------------------------------------
# CL7011 dangling-ingress


SERVICE = obj("Service", "api", body="spec:\n  selector: {app: api}\n  ports:\n    - {name: http, port: 80}\n")


def ingress(backend: str, namespace: str | None = None) -> str:
    body = "spec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n"
    body += f"            backend: {backend}\n"
    return obj("Ingress", "site", namespace, body, api="networking.k8s.io/v1")


@pytest.mark.parametrize(
    "backend",
    [
        "{service: {name: api, port: {number: 80}}}",
        "{service: {name: api, port: {name: http}}}",
        "{service: {name: api}}",  # no port: nothing to compare
        "{resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: b}}",
    ],
)
def test_ingress_backends_that_resolve(backend: str) -> None:
    assert run("CL7011", ("svc.yaml", SERVICE), ("ing.yaml", ingress(backend))) == []


@pytest.mark.parametrize(
    ("backend", "needle", "message"),
    [
        ("{service: {name: apx, port: {number: 80}}}", "apx", "routes to Service 'apx', which is not in the linted"),
        ("{service: {name: api, port: {number: 8080}}}", "8080", "Service 'api' port 8080, which the Service does not"),
        ("{service: {name: api, port: {name: web}}}", "web", "Service 'api' a port named web, which the Service"),
    ],
)
def test_ingress_dangling_backends(backend: str, needle: str, message: str) -> None:
    text = ingress(backend)
    [finding] = run("CL7011", ("svc.yaml", SERVICE), ("ing.yaml", text))
    assert at(finding) == ("ing.yaml", *where(text, needle, text.count(needle) - 1))
    assert message in finding.message
    if "port" in message and "not in" not in message:
        assert "(it has 80 (http))" in finding.message
        assert finding.related[0].path == "svc.yaml"


def test_ingress_default_backend_and_every_rule_path_reported() -> None:
    text = obj(
        "Ingress",
        "site",
        body="""\
        spec:
          defaultBackend: {service: {name: gone, port: {number: 80}}}
          rules:
            - http:
                paths:
                  - {path: /a, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
                  - {path: /b, pathType: Prefix, backend: {service: {name: gone2, port: {number: 80}}}}
            - host: x
        """,
        api="networking.k8s.io/v1",
    )
    findings = run("CL7011", ("m.yaml", stream(SERVICE, text)))
    assert sorted(f.message.split("'")[3] for f in findings) == ["gone", "gone2"]


def test_ingress_namespaces() -> None:
    assert run("CL7011", ("m.yaml", stream(SERVICE, ingress("{service: {name: api, port: {number: 80}}}", "x"))))
    assert not run(
        "CL7011", ("m.yaml", stream(SERVICE, ingress("{service: {name: api, port: {number: 80}}}", "default")))
    )


def test_ingress_v1beta1_backend() -> None:
    text = stream(
        SERVICE, ingress("{serviceName: api, servicePort: 81}").replace("networking.k8s.io/v1", "extensions/v1beta1")
    )
    [finding] = run("CL7011", ("m.yaml", text))
    assert "port 81" in finding.message


# ---------------------------------------------------------------------------------------------
# CL7012 dangling-networkpolicy, CL7013 dangling-networkpolicypeer-podselector


def policy(spec: str, namespace: str | None = None) -> str:
    return obj("NetworkPolicy", "p", namespace, f"spec:\n{spec}", api="networking.k8s.io/v1")


@pytest.mark.parametrize(
    ("selector", "found"),
    [
        ("{matchLabels: {app: web}}", False),
        ("{matchLabels: {app: api}}", True),
        ("{}", False),  # selects every pod of the namespace
        ("{matchExpressions: [{key: app, operator: In, values: [api, web]}]}", False),
        ("{matchExpressions: [{key: app, operator: NotIn, values: [web]}]}", True),
    ],
)
def test_networkpolicy_pod_selector(selector: str, found: bool) -> None:
    text = stream(policy(f"  podSelector: {selector}\n"), deployment())
    findings = run("CL7012", ("m.yaml", text))
    assert bool(findings) == found
    if found:
        assert at(findings[0]) == ("m.yaml", *where(text, selector))
        assert findings[0].message.startswith("networkpolicy 'p' selects pods with app")


def test_networkpolicy_in_a_namespace_without_workloads() -> None:
    [finding] = run("CL7012", ("m.yaml", stream(policy("  podSelector: {}\n", "empty"), deployment())))
    assert "selects pods with everything, but no pod template in namespace 'empty' matches" in finding.message


def test_networkpolicy_peers() -> None:
    spec = """\
          podSelector: {}
          ingress:
            - from:
                - podSelector: {matchLabels: {app: web}}
                - podSelector: {matchLabels: {app: ghost}}
                - namespaceSelector: {matchLabels: {team: x}}
                  podSelector: {matchLabels: {app: elsewhere}}
                - ipBlock: {cidr: 10.0.0.0/8}
          egress:
            - to:
                - podSelector: {matchLabels: {app: phantom}}
        """
    text = stream(policy(spec), deployment())
    findings = run("CL7013", ("m.yaml", text))
    assert [at(f)[1:] for f in findings] == [
        where(text, "{matchLabels: {app: ghost}}"),
        where(text, "{matchLabels: {app: phantom}}"),
    ]
    assert findings[0].message.startswith("networkpolicy 'p' ingress peer selects pods with app=ghost")
    assert findings[1].message.startswith("networkpolicy 'p' egress peer")


def test_networkpolicy_peers_in_the_policy_namespace_only() -> None:
    spec = "  podSelector: {}\n  ingress:\n    - from:\n        - podSelector: {matchLabels: {app: web}}\n"
    assert run("CL7013", ("m.yaml", stream(policy(spec, "a"), deployment(namespace="a")))) == []
    assert len(run("CL7013", ("m.yaml", stream(policy(spec, "a"), deployment(namespace="b"))))) == 1


@pytest.mark.parametrize(
    "spec", ["  ingress: 3\n", "  ingress: [{from: x}]\n", "  egress: [3]\n", "  podSelector: []\n"]
)
def test_networkpolicy_wrong_shapes_do_not_raise(spec: str) -> None:
    run("CL7013", ("m.yaml", policy(spec)))
    run("CL7012", ("m.yaml", stream(policy(spec), deployment())))


# ---------------------------------------------------------------------------------------------
# CL7014 dangling-servicemonitor


def monitor(spec: str, namespace: str | None = None) -> str:
    return obj("ServiceMonitor", "m", namespace, f"spec:\n{spec}", api="monitoring.coreos.com/v1")


def labelled_service(namespace: str | None = None, labels: str = "{app: api}") -> str:
    ns = f"\n  namespace: {namespace}" if namespace else ""
    metadata = f"metadata:\n  name: api{ns}\n  labels: {labels}\n"
    return f"apiVersion: v1\nkind: Service\n{metadata}spec:\n  ports: [{{port: 80}}]\n"


@pytest.mark.parametrize(
    ("spec", "service_ns", "found"),
    [
        ("  selector: {matchLabels: {app: api}}\n", "monitoring", False),  # no namespaceSelector: any namespace
        ("  selector: {matchLabels: {app: apx}}\n", None, True),
        ("  namespaceSelector: {matchNames: [shop]}\n", "shop", False),
        ("  namespaceSelector: {matchNames: [shop]}\n", "other", True),
        ("  selector: {matchLabels: {app: api}}\n  namespaceSelector: {matchNames: [shop]}\n", "shop", False),
        ("  selector: {matchLabels: {app: api}}\n  namespaceSelector: {matchNames: [shop]}\n", "other", True),
        ("  selector: {matchLabels: {app: api}}\n  namespaceSelector: {any: true}\n", "x", False),
        ("  selector: {matchExpressions: [{key: app, operator: Exists}]}\n", None, False),
        ("  selector: {}\n", None, True),  # no selector, no namespaceSelector
        ("  endpoints: []\n", None, True),
    ],
)
def test_servicemonitor(spec: str, service_ns: str | None, found: bool) -> None:
    findings = run("CL7014", ("m.yaml", stream(monitor(spec), labelled_service(service_ns))))
    assert bool(findings) == found


def test_servicemonitor_positions_and_messages() -> None:
    text = stream(monitor("  selector:\n    matchLabels: {app: apx}\n"), labelled_service())
    [finding] = run("CL7014", ("m.yaml", text))
    assert at(finding) == ("m.yaml", *where(text, "matchLabels"))
    assert finding.message == (
        "servicemonitor 'm' selects Services with app=apx in any namespace, but no linted Service matches"
    )
    text = monitor("  endpoints: []\n")
    [finding] = run("CL7014", ("m.yaml", text))
    assert at(finding) == ("m.yaml", *where(text, "spec"))
    assert "has no selector and no namespaceSelector" in finding.message
