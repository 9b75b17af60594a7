"""CL7016 non-isolated-pod and CL7018 pdb-min-available."""

from __future__ import annotations

import pytest

from tests.kubernetes._k8s import at, deployment, obj, run, stream, where

# ---------------------------------------------------------------------------------------------
# CL7016 non-isolated-pod


def policy(selector: str, namespace: str | None = None, name: str = "p") -> str:
    return obj("NetworkPolicy", name, namespace, f"spec:\n  podSelector: {selector}\n", api="networking.k8s.io/v1")


def test_workload_without_policy_points_at_its_name() -> None:
    text = deployment()
    [finding] = run("CL7016", ("d.yaml", text))
    assert at(finding) == ("d.yaml", *where(text, "web"))
    assert finding.message == (
        "deployment 'web': no NetworkPolicy in namespace 'default' selects its pods, so they are not isolated"
    )


@pytest.mark.parametrize(
    ("selector", "policy_ns", "workload_ns", "isolated"),
    [
        ("{matchLabels: {app: web}}", None, None, True),
        ("{}", None, None, True),  # default deny for the namespace
        ("{}", "other", None, False),
        ("{matchLabels: {app: db}}", None, None, False),
        ("{matchExpressions: [{key: app, operator: Exists}]}", "a", "a", True),
    ],
)
def test_policies_select_pods(selector: str, policy_ns: str | None, workload_ns: str | None, isolated: bool) -> None:
    findings = run("CL7016", ("p.yaml", policy(selector, policy_ns)), ("d.yaml", deployment(namespace=workload_ns)))
    assert (findings == []) == isolated


def test_every_pod_owner_is_checked_once() -> None:
    pod = obj("Pod", "solo", body="spec:\n  containers: [{name: c, image: 'a:1'}]\n")
    job = obj("Job", "once", api="batch/v1", body="spec:\n  template:\n    spec:\n      containers: []\n")
    config = obj("ConfigMap", "cfg")
    findings = run("CL7016", ("m.yaml", stream(deployment(), pod, job, config)))
    assert [f.message.split(":")[0] for f in findings] == ["deployment 'web'", "pod 'solo'", "job 'once'"]


# ---------------------------------------------------------------------------------------------
# CL7018 pdb-min-available


def pdb(min_available: str = "2", selector: str = "{matchLabels: {app: web}}", namespace: str | None = None) -> str:
    body = f"spec:\n  minAvailable: {min_available}\n  selector: {selector}\n"
    return obj("PodDisruptionBudget", "budget", namespace, body, api="policy/v1")


@pytest.mark.parametrize(
    ("min_available", "replicas", "found"),
    [
        ("2", 2, True),
        ("2", 3, False),
        ("3", 2, True),
        ("1", None, True),  # replicas default to 1
        ("0", None, False),
        ("50%", 2, False),  # ceil(1) < 2
        ("50%", 1, True),  # ceil(0.5) = 1
        ("'67%'", 3, True),  # ceil(2.01) = 3
        ("'66%'", 3, False),
    ],
)
def test_min_available_against_replicas(min_available: str, replicas: int | None, found: bool) -> None:
    text = stream(pdb(min_available), deployment(replicas=replicas))
    findings = run("CL7018", ("m.yaml", text))
    assert bool(findings) == found
    if found:
        assert at(findings[0]) == ("m.yaml", *where(text, f"minAvailable: {min_available}")[:1], 17)


def test_message_and_related_point_at_the_workload() -> None:
    text = stream(pdb("3"), deployment(replicas=3))
    [finding] = run("CL7018", ("m.yaml", text))
    assert finding.message == (
        "poddisruptionbudget 'budget' requires 3 available pods, but deployment 'web' runs 3 (replicas), "
        "so none of them can be evicted"
    )
    [related] = finding.related
    assert (related.span.start.line, related.span.start.column) == where(text, "3", 1)


@pytest.mark.parametrize(
    ("scaler", "found"),
    [
        ("{kind: HorizontalPodAutoscaler, spec: 'minReplicas: 2'}", True),
        ("{kind: HorizontalPodAutoscaler, spec: 'minReplicas: 3'}", False),
        ("{kind: HorizontalPodAutoscaler, spec: ''}", True),  # minReplicas defaults to 1
        ("{kind: ScaledObject, spec: 'minReplicaCount: 5'}", False),
        ("{kind: ScaledObject, spec: ''}", True),  # minReplicaCount defaults to 0
    ],
)
def test_autoscaler_minimum_wins(scaler: str, found: bool) -> None:
    kind = "HorizontalPodAutoscaler" if "Horizontal" in scaler else "ScaledObject"
    extra = scaler.split("spec: '")[1].rstrip("'}")
    api = "autoscaling/v2" if kind == "HorizontalPodAutoscaler" else "keda.sh/v1alpha1"
    target = "{kind: Deployment, name: web}" if kind == "HorizontalPodAutoscaler" else "{name: web}"
    body = f"spec:\n  scaleTargetRef: {target}\n" + (f"  {extra}\n" if extra else "")
    text = stream(pdb("2"), deployment(replicas=10), obj(kind, "scale", body=body, api=api))
    findings = run("CL7018", ("m.yaml", text))
    assert bool(findings) == found
    if found:
        assert kind.lower() in findings[0].message


def test_selector_matches_workload_selector_without_template() -> None:
    """kube-linter's fixture: a Deployment written with only its selector."""
    bare = obj(
        "Deployment", "foo", "bar", "spec:\n  replicas: 1\n  selector:\n    matchLabels: {name: op}\n", "apps/v1"
    )
    findings = run("CL7018", ("m.yaml", stream(pdb("1", "{matchLabels: {name: op}}", "bar"), bare)))
    assert len(findings) == 1


def test_namespaces_and_kinds_without_replicas() -> None:
    assert run("CL7018", ("m.yaml", stream(pdb("2", namespace="a"), deployment(replicas=1, namespace="b")))) == []
    daemon = deployment(kind="DaemonSet")
    assert run("CL7018", ("m.yaml", stream(pdb("5"), daemon))) == []


def test_one_finding_per_selected_workload() -> None:
    text = stream(
        pdb("2", "{matchLabels: {tier: web}}"),
        deployment("a", "{tier: web, x: a}"),
        deployment("b", "{tier: web, x: b}", replicas=5),
    )
    findings = run("CL7018", ("m.yaml", text))
    assert [f.message.split(", but ")[1].split(" runs")[0] for f in findings] == ["deployment 'a'"]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("  minAvailable: 100%\n  selector: {}\n", "keeps 100% of its pods available"),
        ("  minAvailable: 2\n", "has no selector, so it covers no pods"),
        ("  minAvailable: lots\n  selector: {}\n", "minAvailable 'lots' is not a number or percentage"),
    ],
)
def test_budget_problems_without_workloads(spec: str, message: str) -> None:
    [finding] = run("CL7018", ("m.yaml", obj("PodDisruptionBudget", "budget", body=f"spec:\n{spec}", api="policy/v1")))
    assert message in finding.message


def test_max_unavailable_budgets_are_not_this_rules() -> None:
    text = obj("PodDisruptionBudget", "b", body="spec:\n  maxUnavailable: 0\n  selector: {}\n", api="policy/v1")
    assert run("CL7018", ("m.yaml", stream(text, deployment()))) == []
