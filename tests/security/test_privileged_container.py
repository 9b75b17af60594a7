"""CL2030 privileged-container: Kubernetes securityContext.privileged and Compose privileged."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.security._isolation import WORKLOAD_KINDS, at, kube_workload, run, run_files, starts

CODE = "CL2030"
K8S = FileKind.KUBERNETES
COMPOSE = FileKind.COMPOSE

PRIVILEGED_POD = """
initContainers:
- name: setup
  securityContext:
    privileged: true
containers:
- name: app
  securityContext:
    privileged: true
- name: plain
  securityContext:
    privileged: false
- name: unset
ephemeralContainers:
- name: debugger
  securityContext: {privileged: true}
"""


@pytest.mark.parametrize("kind", WORKLOAD_KINDS)
def test_every_workload_kind_and_container_group(kind: str) -> None:
    text = kube_workload(kind, PRIVILEGED_POD, name="web")
    found = run(text, K8S, CODE)
    assert starts(found) == [at(text, "true"), at(text, "true", 1), at(text, "true", 2)]
    label = kind.lower()
    assert [f.message for f in found] == [
        f"{label} 'web' init container 'setup' runs privileged (securityContext.privileged: true)",
        f"{label} 'web' container 'app' runs privileged (securityContext.privileged: true)",
        f"{label} 'web' ephemeral container 'debugger' runs privileged (securityContext.privileged: true)",
    ]
    assert found[0].span.end.column == found[0].span.start.column + 4  # exactly the value
    assert found[0].hint and "capabilities" in found[0].hint


def test_clean_and_odd_values_are_not_flagged() -> None:
    text = kube_workload(
        "Deployment",
        """
        securityContext:
          privileged: true      # not a pod-level field: the API ignores it
        containers:
        - name: quoted
          securityContext:
            privileged: "true"  # a string: the API server refuses the object
        - name: null-value
          securityContext:
            privileged:
        - name: wrong-shape
          securityContext: [privileged]
        - "not a container"
        """,
    )
    assert run(text, K8S, CODE) == []


def test_anchor_shared_by_two_containers_reports_each_container_at_the_anchor() -> None:
    text = kube_workload(
        "Deployment",
        """
        containers:
        - name: a
          securityContext: &privileged
            privileged: true
        - name: b
          securityContext: *privileged
        """,
    )
    found = run(text, K8S, CODE)
    assert starts(found) == [at(text, "true"), at(text, "true")]
    assert ["'a'" in found[0].message, "'b'" in found[1].message] == [True, True]


def test_list_kind_and_multiple_documents() -> None:
    text = """
    apiVersion: v1
    kind: List
    items:
    - apiVersion: v1
      kind: Pod
      metadata: {name: one}
      spec:
        containers:
        - name: c
          securityContext: {privileged: true}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: two}
    spec:
      containers:
      - {name: c, securityContext: {privileged: true}}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: cfg}
    data: {privileged: "true"}
    """
    found = run(text, K8S, CODE)
    assert starts(found) == [at(text, "true"), at(text, "true", 1)]
    assert ["pod 'one'" in found[0].message, "pod 'two'" in found[1].message] == [True, True]


def test_unnamed_object_and_container() -> None:
    text = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - securityContext: {privileged: true}\n"
    (finding,) = run(text, K8S, CODE)
    assert finding.message.startswith("pod at line 1 container '#1' runs privileged")


@pytest.mark.parametrize("value", ["true", '"true"', "yes", "True", "'on'"])
def test_compose_privileged_true_in_any_spelling(value: str) -> None:
    text = f"services:\n  vpn:\n    image: acme/vpn:2.1.0\n    privileged: {value}\n"
    (finding,) = run(text, COMPOSE, CODE)
    assert (finding.span.start.line, finding.span.start.column) == (4, 17)
    assert finding.message == "service 'vpn' runs privileged (privileged: true)"
    assert finding.hint and "cap_add" in finding.hint


@pytest.mark.parametrize("value", ["false", '"false"', "no", "", "${PRIVILEGED}"])
def test_compose_not_privileged(value: str) -> None:
    text = f"services:\n  vpn:\n    image: acme/vpn:2.1.0\n    privileged: {value}\n"
    assert run(text, COMPOSE, CODE) == []


def test_compose_build_privileged() -> None:
    text = """
    services:
      app:
        build:
          context: .
          privileged: true
      other:
        build: .
        privileged: false
    """
    (finding,) = run(text, COMPOSE, CODE)
    assert starts([finding]) == [at(text, "true")]
    assert "build.privileged" in finding.message


def test_compose_anchor_merged_into_two_services() -> None:
    text = """
    x-base: &base
      image: acme/app:1.0.0
      privileged: true
    services:
      a:
        <<: *base
      b:
        <<: *base
      c:
        <<: *base
        privileged: false
    """
    found = run(text, COMPOSE, CODE)
    assert starts(found) == [at(text, "true"), at(text, "true")]
    assert [f.message.split("'")[1] for f in found] == ["a", "b"]


def test_compose_override_file_reports_in_the_override() -> None:
    base = "services:\n  app:\n    image: acme/app:1.0.0\n"
    override = "services:\n  app:\n    privileged: true\n"
    found = run_files([("compose.yaml", base, COMPOSE), ("compose.override.yaml", override, COMPOSE)], CODE)
    assert [(f.path, f.span.start.line, f.span.start.column) for f in found] == [("compose.override.yaml", 3, 17)]


def test_compose_wrong_shapes_do_not_raise() -> None:
    text = """
    services:
      a: {image: x, privileged: [true]}
      b:
      c: {image: x, build: [oops]}
    """
    assert run(text, COMPOSE, CODE) == []


def test_rule_metadata() -> None:
    from containerlint.checks.privilege.privileged_container import RULE

    assert RULE.default_enabled
    assert {"pss-baseline", "pss-restricted"} <= set(RULE.tags)
    assert set(RULE.aliases) == {"kube-linter:privileged-container", "checkov:CKV_K8S_16"}


def test_compose_values_are_judged_after_interpolation() -> None:
    text = """
    services:
      a:
        image: x
        privileged: ${A_PRIVILEGED:-true}
      b:
        image: x
        privileged: ${B_PRIVILEGED:-false}
    """
    found = run(text, COMPOSE, CODE)
    assert starts(found) == [at(text, "${A_PRIVILEGED")]
