"""CL2033 host-network, CL2034 host-pid, CL2035 host-ipc, CL2036 host-user-namespace."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.security._isolation import WORKLOAD_KINDS, at, kube_workload, run, run_files, starts

K8S = FileKind.KUBERNETES
COMPOSE = FileKind.COMPOSE

# (code, pod spec field, compose key, namespace word in messages)
NAMESPACES = [
    ("CL2033", "hostNetwork", "network_mode", "network"),
    ("CL2034", "hostPID", "pid", "process"),
    ("CL2035", "hostIPC", "ipc", "IPC"),
]


@pytest.mark.parametrize(("code", "field", "key", "word"), NAMESPACES)
@pytest.mark.parametrize("kind", WORKLOAD_KINDS)
def test_pod_spec_field_true_in_every_workload_kind(code: str, field: str, key: str, word: str, kind: str) -> None:
    text = kube_workload(kind, f"{field}: true\ncontainers:\n- name: a\n- name: b\n", name="web")
    (finding,) = run(text, K8S, code)  # one per object, not per container
    assert starts([finding]) == [at(text, "true")]
    assert finding.message == f"{kind.lower()} 'web' shares the host's {word} namespace ({field}: true)"


@pytest.mark.parametrize(("code", "field", "key", "word"), NAMESPACES)
def test_pod_spec_field_false_absent_or_misplaced(code: str, field: str, key: str, word: str) -> None:
    texts = [
        kube_workload("Deployment", f"{field}: false\ncontainers:\n- name: a\n"),
        kube_workload("Deployment", f'{field}: "true"\ncontainers:\n- name: a\n'),
        kube_workload("Deployment", "containers:\n- name: a\n"),
        # the field on the Deployment spec or a container is not the pod's
        f"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: d}}\nspec:\n  {field}: true\n"
        f"  template:\n    spec:\n      containers:\n      - name: a\n        {field}: true\n",
        f"apiVersion: v1\nkind: Service\nmetadata: {{name: s}}\nspec:\n  {field}: true\n",
    ]
    for text in texts:
        assert run(text, K8S, code) == [], text


@pytest.mark.parametrize(("code", "field", "key", "word"), NAMESPACES)
def test_compose_host_mode(code: str, field: str, key: str, word: str) -> None:
    text = f"""
    services:
      a:
        image: x
        {key}: host
      b:
        image: x
        {key}: "host"
      c:
        image: x
        {key}: "service:a"
      d:
        image: x
        {key}: hostile
    """
    found = run(text, COMPOSE, code)
    assert starts(found) == [at(text, "host\n"), at(text, '"host"')]
    assert found[0].message == f"service 'a' shares the host's {word} namespace ({key}: host)"
    assert found[0].hint == f"remove '{key}: host'"


def test_compose_values_other_than_host() -> None:
    text = """
    services:
      a: {image: x, network_mode: bridge, pid: "container:abc", ipc: shareable, userns_mode: ""}
      b: {image: x, network_mode: none, ipc: private, pid: [host]}
    """
    for code in ("CL2033", "CL2034", "CL2035", "CL2036"):
        assert run(text, COMPOSE, code) == [], code


def test_compose_override_sets_host_network() -> None:
    base = "services:\n  web:\n    image: acme/web:1.0.0\n"
    override = "services:\n  web:\n    network_mode: host\n"
    found = run_files([("compose.yaml", base, COMPOSE), ("compose.override.yaml", override, COMPOSE)], "CL2033")
    assert [(f.path, f.span.start.line, f.span.start.column) for f in found] == [("compose.override.yaml", 3, 19)]


def test_host_user_namespace_is_compose_only() -> None:
    text = """
    services:
      backup:
        image: acme/backup:1.8.0
        userns_mode: host
    """
    (finding,) = run(text, COMPOSE, "CL2036")
    assert starts([finding]) == [at(text, "host")]
    assert finding.message == "service 'backup' shares the host's user namespace (userns_mode: host)"
    pod = kube_workload("Pod", "hostUsers: true\ncontainers:\n- name: a\n")
    assert run(pod, K8S, "CL2036") == []

    from containerlint.checks.privilege.host_user_namespace import RULE

    assert RULE.kinds == {COMPOSE}


@pytest.mark.parametrize(
    ("module", "alias", "checkov"),
    [
        ("host_network", "host-network", "CKV_K8S_19"),
        ("host_pid", "host-pid", "CKV_K8S_17"),
        ("host_ipc", "host-ipc", "CKV_K8S_18"),
    ],
)
def test_metadata(module: str, alias: str, checkov: str) -> None:
    import importlib

    rule = importlib.import_module(f"containerlint.checks.privilege.{module}").RULE
    assert rule.name == alias and rule.default_enabled
    assert set(rule.aliases) == {f"kube-linter:{alias}", f"checkov:{checkov}"}
    assert {"pss-baseline", "pss-restricted"} <= set(rule.tags)
    assert rule.kinds == {K8S, COMPOSE}
