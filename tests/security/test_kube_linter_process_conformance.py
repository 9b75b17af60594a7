"""kube-linter conformance of this pack's checks, on fixtures written from kube-linter's documented
behaviour: per object, the number of reports kube-linter makes (0 for a clean object), across the
workload kinds (DeploymentConfig included), and each report on the object's own lines."""

from __future__ import annotations

import textwrap
from collections import Counter

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text


def workload(kind: str, name: str, pod_spec: str) -> str:
    api = {"DeploymentConfig": "apps.openshift.io/v1", "Pod": "v1", "Job": "batch/v1"}.get(kind, "apps/v1")
    spec = textwrap.indent(textwrap.dedent(pod_spec).strip("\n"), "      " if kind != "Pod" else "  ")
    if kind == "Pod":
        return f"apiVersion: {api}\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n{spec}\n"
    return f"apiVersion: {api}\nkind: {kind}\nmetadata:\n  name: {name}\nspec:\n  template:\n    spec:\n{spec}\n"


def reports_per_object(code: str, documents: list[str], options: dict[str, object] | None = None) -> Counter[str]:
    text = "---\n".join(documents)
    findings = lint_text(text, FileKind.KUBERNETES, select=[code], rule_options={code: options} if options else None)
    starts = [i + 1 for i, line in enumerate(text.splitlines()) if line.startswith("apiVersion:")]
    names = [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("  name: ")]
    counts: Counter[str] = Counter()
    for finding in findings:
        if finding.code != code:
            continue
        index = max(i for i, start in enumerate(starts) if start <= finding.span.start.line)
        counts[names[index]] += 1
    return counts


KINDS = ["Deployment", "DeploymentConfig", "StatefulSet", "DaemonSet", "Job", "Pod"]


@pytest.mark.parametrize("kind", KINDS)
def test_drop_net_raw_capability(kind: str) -> None:
    documents = [
        workload(kind, "no-capabilities", "containers:\n- name: app\n  securityContext:\n    capabilities:\n"),
        workload(kind, "drops-all", "containers:\n- name: app\n  securityContext:\n    capabilities: {drop: [ALL]}\n"),
        workload(kind, "adds", "containers:\n- name: app\n  securityContext:\n    capabilities: {add: [NET_RAW]}\n"),
        workload(
            kind,
            "adds-two",
            "containers:\n- name: a\n  securityContext:\n    capabilities: {add: [NET_RAW, ALL], drop: [NET_RAW]}\n",
        ),
    ]
    assert reports_per_object("CL2050", documents) == {"adds": 2, "adds-two": 2}


@pytest.mark.parametrize("kind", KINDS)
def test_run_as_non_root(kind: str) -> None:
    documents = [
        workload(kind, "unset", "containers:\n- name: app\n"),
        workload(kind, "non-root", "securityContext: {runAsNonRoot: true}\ncontainers:\n- name: app\n"),
        workload(kind, "uid", "containers:\n- name: app\n  securityContext: {runAsUser: 1000}\n"),
        workload(kind, "group-zero", "securityContext: {runAsUser: 1000, runAsGroup: 0}\ncontainers:\n- name: a\n"),
        workload(
            kind,
            "two-containers",
            "securityContext: {runAsNonRoot: true}\n"
            "containers:\n- name: a\n- name: b\n  securityContext: {runAsNonRoot: false}\n",
        ),
        workload(kind, "field-outside-context", "containers:\n- name: app\n  runAsUser: 1000\n"),
    ]
    assert reports_per_object("CL2059", documents) == {
        "unset": 1,
        "group-zero": 1,
        "two-containers": 1,
        "field-outside-context": 1,
    }


@pytest.mark.parametrize("kind", KINDS)
def test_no_read_only_root_fs(kind: str) -> None:
    documents = [
        workload(kind, "unset", "containers:\n- name: a\n- name: b\n"),
        workload(kind, "read-only", "containers:\n- name: a\n  securityContext: {readOnlyRootFilesystem: true}\n"),
        workload(
            kind,
            "init",
            "initContainers:\n- name: i\ncontainers:\n- name: a\n  securityContext: {readOnlyRootFilesystem: true}\n",
        ),
    ]
    assert reports_per_object("CL2061", documents) == {"unset": 2, "init": 1}


@pytest.mark.parametrize("kind", KINDS)
def test_ports(kind: str) -> None:
    documents = [
        workload(kind, "ssh", "containers:\n- name: a\n  ports: [{containerPort: 22}, {containerPort: 8080}]\n"),
        workload(kind, "ssh-udp", "containers:\n- name: a\n  ports: [{containerPort: 22, protocol: UDP}]\n"),
        workload(kind, "web", "containers:\n- name: a\n  ports: [{containerPort: 80}, {containerPort: 443}]\n"),
        workload(kind, "high", "containers:\n- name: a\n  ports: [{containerPort: 8080}]\n"),
    ]
    assert reports_per_object("CL6011", documents) == {"ssh": 1}
    assert reports_per_object("CL6010", documents) == {"ssh": 1, "ssh-udp": 1, "web": 2}


@pytest.mark.parametrize("kind", KINDS)
def test_unsafe_sysctls(kind: str) -> None:
    documents = [
        workload(
            kind,
            "unsafe",
            "securityContext:\n  sysctls:\n  - {name: kernel.sem, value: '1'}\n  - {name: net.core.somaxconn}\n"
            "containers:\n- name: a\n",
        ),
        workload(kind, "safe", "securityContext:\n  sysctls: [{name: kernel.domainname}]\ncontainers:\n- name: a\n"),
        workload(
            kind,
            "container-level",
            "containers:\n- name: a\n  securityContext:\n    sysctls: [{name: kernel.sem}]\n",
        ),
    ]
    assert reports_per_object("CL2057", documents) == {"unsafe": 2}
