"""CL4208 restart-policy: kube-linter's fixture (every workload kind), unset policies, positions."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

KINDS = [
    ("apps/v1", "Deployment", ("spec", "template", "spec")),
    ("v1", "Pod", ("spec",)),
    ("apps/v1", "DaemonSet", ("spec", "template", "spec")),
    ("apps/v1", "StatefulSet", ("spec", "template", "spec")),
    ("apps/v1", "ReplicaSet", ("spec", "template", "spec")),
    ("v1", "ReplicationController", ("spec", "template", "spec")),
    ("batch/v1", "Job", ("spec", "template", "spec")),
    ("batch/v1", "CronJob", ("spec", "jobTemplate", "spec", "template", "spec")),
    ("apps.openshift.io/v1", "DeploymentConfig", ("spec", "template", "spec")),
]


def document(api: str, kind: str, path: tuple[str, ...], name: str, policy: str | None) -> str:
    lines = [f"apiVersion: {api}", f"kind: {kind}", "metadata:", f"  name: {name}"]
    for depth, key in enumerate(path):
        lines.append("  " * depth + f"{key}:")
    indent = "  " * len(path)
    if policy is not None:
        lines.append(f"{indent}restartPolicy: {policy}")
    lines.append(f"{indent}containers:\n{indent}- name: c\n{indent}  image: acme/c:1.0")
    return "\n".join(lines) + "\n"


def findings(text: str) -> list[tuple[int, int, str]]:
    return [
        (f.span.start.line, f.span.start.column, f.message)
        for f in lint_text(text, FileKind.KUBERNETES, select=["CL4208"])
    ]


def test_always_and_on_failure_pass_never_fails_on_every_kind() -> None:
    docs = []
    for policy in ("Always", "OnFailure", "Never"):
        for api, kind, path in KINDS:
            docs.append(document(api, kind, path, f"{policy.lower()}-{kind.lower()}", policy))
    text = "---\n".join(docs)
    got = findings(text)
    assert [message.split(" has ")[0] for _, _, message in got] == [
        f"{kind.lower()} 'never-{kind.lower()}'" for _, kind, _ in KINDS
    ]
    lines = text.splitlines()
    for line, column, _ in got:
        assert lines[line - 1][column - 1 :] == "Never"


def test_unset_policy_is_flagged_at_the_pod_spec_key() -> None:
    text = (
        document("batch/v1", "CronJob", KINDS[7][2], "cron", None)
        + "---\n"
        + document("v1", "Pod", ("spec",), "p", None)
    )
    got = findings(text)
    assert [(line, column) for line, column, _ in got] == [(9, 9), (18, 1)]
    assert got[0][2] == "cronjob 'cron' sets no restartPolicy; it should say Always or OnFailure explicitly"


def test_null_and_odd_values() -> None:
    text = document("v1", "Pod", ("spec",), "a", "null") + "---\n" + document("v1", "Pod", ("spec",), "b", "always")
    text += "---\n" + document("v1", "Pod", ("spec",), "c", "[Always]")
    got = findings(text)
    assert [(line, column) for line, column, _ in got] == [(5, 1), (16, 18), (26, 18)]
    assert got[1][2] == "pod 'b' has restartPolicy 'always': a failed container is not restarted"
    assert "a non-string value" in got[2][2]


def test_workload_without_pod_spec_is_reported_at_kind() -> None:
    text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 2\n"
    assert [(line, column) for line, column, _ in findings(text)] == [(2, 7)]


def test_other_kinds_and_default_off() -> None:
    text = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {}\n"
    assert findings(text) == []
    pod = document("v1", "Pod", ("spec",), "p", "Never")
    assert not [f for f in lint_text(pod, FileKind.KUBERNETES) if f.code == "CL4208"]
    assert [f.code for f in lint_text(pod, FileKind.KUBERNETES, select=["kube-linter:restart-policy"])] == ["CL4208"]
