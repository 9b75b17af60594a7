"""CL7003 selector-template-mismatch: matchLabels, matchExpressions, map selectors, CronJobs."""

from __future__ import annotations

import textwrap

import pytest

from containerlint.model import FileKind, Finding
from tests.helpers import lint_text

CODE = "CL7003"


def mismatches(text: str) -> list[Finding]:
    findings = lint_text(textwrap.dedent(text), FileKind.KUBERNETES)
    broken = [f for f in findings if f.code in ("CL0001", "CL0008", "CL0004")]
    assert not broken, broken
    return [f for f in findings if f.code == CODE]


def where(text: str, needle: str, occurrence: int = 0) -> tuple[int, int, int, int]:
    text = textwrap.dedent(text)
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column, line, column + len(needle)


def span(finding: Finding) -> tuple[int, int, int, int]:
    s = finding.span
    return s.start.line, s.start.column, s.end.line, s.end.column


def workload(selector: str, labels: str, kind: str = "Deployment", api: str = "apps/v1") -> str:
    return (
        f"apiVersion: {api}\nkind: {kind}\nmetadata:\n  name: w\nspec:\n"
        + textwrap.indent(textwrap.dedent(selector), "  ")
        + f"  template:\n    metadata:\n      labels: {labels}\n"
        + "    spec:\n      containers: [{name: c, image: 'a:1'}]\n"
    )


# ---------------------------------------------------------------------------------------------
# matchLabels


def test_match_labels_value_mismatch_points_at_the_value() -> None:
    text = workload("selector:\n  matchLabels:\n    app: api-server\n    tier: web\n", "{app: api, tier: web}")
    [finding] = mismatches(text)
    assert span(finding) == where(text, "api-server")
    assert finding.message == "Deployment 'w' selects app=api-server, but its pod template has 'api'"


def test_missing_label() -> None:
    text = workload("selector:\n  matchLabels:\n    app: api\n    track: stable\n", "{app: api}")
    [finding] = mismatches(text)
    assert span(finding) == where(text, "stable")
    assert "selects track=stable, but its pod template has no such label" in finding.message


def test_every_mismatching_entry_is_reported() -> None:
    text = workload("selector:\n  matchLabels: {a: '1', b: '2', c: '3'}\n", "{a: '1', b: x}")
    findings = mismatches(text)
    assert [span(f) for f in findings] == [where(text, "'2'"), where(text, "'3'")]


@pytest.mark.parametrize(
    ("selector", "labels"),
    [
        ("selector:\n  matchLabels: {app: api}\n", "{app: api, tier: web, version: v2}"),  # a subset is fine
        ('selector:\n  matchLabels: {port: "8080"}\n', "{port: '8080'}"),
    ],
)
def test_matching_selectors(selector: str, labels: str) -> None:
    assert mismatches(workload(selector, labels)) == []


# ---------------------------------------------------------------------------------------------
# matchExpressions

LABELS = "{app: api, tier: web}"


@pytest.mark.parametrize(
    ("expression", "ok"),
    [
        ("{key: tier, operator: In, values: [web, backend]}", True),
        ("{key: tier, operator: In, values: [backend]}", False),
        ("{key: missing, operator: In, values: [x]}", False),
        ("{key: tier, operator: NotIn, values: [backend]}", True),
        ("{key: tier, operator: NotIn, values: [web]}", False),
        ("{key: missing, operator: NotIn, values: [x]}", True),  # absent satisfies NotIn
        ("{key: tier, operator: Exists}", True),
        ("{key: canary, operator: Exists}", False),
        ("{key: canary, operator: DoesNotExist}", True),
        ("{key: tier, operator: DoesNotExist}", False),
        ("{key: tier, operator: Sometimes, values: [web]}", False),  # unknown operator matches nothing
        ("{operator: Exists}", False),  # no key
    ],
)
def test_match_expressions(expression: str, ok: bool) -> None:
    text = workload(f"selector:\n  matchExpressions:\n    - {expression}\n", LABELS)
    findings = mismatches(text)
    if ok:
        assert findings == []
    else:
        [finding] = findings
        assert span(finding) == where(text, expression)
        assert "selector expression" in finding.message


def test_expression_message_describes_it() -> None:
    text = workload("selector:\n  matchExpressions:\n    - {key: tier, operator: In, values: [a, b]}\n", LABELS)
    [finding] = mismatches(text)
    assert "'tier In [a, b]'" in finding.message


def test_block_style_expression_span_starts_at_the_entry() -> None:
    text = workload(
        "selector:\n  matchLabels: {app: api}\n  matchExpressions:\n"
        "    - key: tier\n      operator: In\n      values:\n        - backend\n",
        LABELS,
    )
    [finding] = mismatches(text)
    assert (finding.span.start.line, finding.span.start.column) == where(text, "key: tier")[:2]
    assert finding.span.end.line == where(text, "- backend")[0]


# ---------------------------------------------------------------------------------------------
# Other kinds


def test_replication_controller_map_selector() -> None:
    text = workload("selector:\n  app: rc\n  other: z\n", "{app: rc}", kind="ReplicationController", api="v1")
    [finding] = mismatches(text)
    assert span(finding) == where(text, "z")
    assert finding.message.startswith("ReplicationController 'w' selects other=z")


def test_replication_controller_without_selector_defaults_to_the_template() -> None:
    assert mismatches(workload("", "{app: rc}", kind="ReplicationController", api="v1")) == []


@pytest.mark.parametrize("kind", ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"])
def test_workload_kinds(kind: str) -> None:
    api = "batch/v1" if kind == "Job" else "apps/v1"
    text = workload("selector:\n  matchLabels: {app: one}\n", "{app: two}", kind=kind, api=api)
    [finding] = mismatches(text)
    assert finding.message.startswith(f"{kind} 'w' selects app=one")


def test_cronjob_job_template_selector() -> None:
    text = textwrap.dedent(
        """\
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: cj}
        spec:
          schedule: "0 3 * * *"
          selector:
            matchLabels: {ignored: here}
          jobTemplate:
            spec:
              selector:
                matchLabels: {app: report}
              template:
                metadata:
                  labels: {app: other}
                spec:
                  containers: [{name: c, image: "a:1"}]
        """
    )
    [finding] = mismatches(text)
    assert span(finding) == where(text, "report")
    assert finding.message.startswith("CronJob 'cj' selects app=report")


@pytest.mark.parametrize(
    "text",
    [
        workload("", "{app: api}", kind="Job", api="batch/v1"),  # a Job gets its selector generated
        workload("selector: {}\n", "{app: api}", kind="Job", api="batch/v1"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: a}\n"
        "spec:\n  selector: {app: b}\n  containers: [{name: c, image: 'a:1'}]\n",  # a Pod has no selector
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector: {app: nothing}\n",
    ],
)
def test_no_finding(text: str) -> None:
    assert mismatches(text) == []


def test_deployment_without_template_labels_reports_each_selector_entry() -> None:
    text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n"
    text += "  selector:\n    matchLabels: {app: a}\n"
    [finding] = mismatches(text)
    assert "no such label" in finding.message


def test_operators_are_case_sensitive() -> None:
    text = workload("selector:\n  matchExpressions:\n    - {key: tier, operator: in, values: [web]}\n", LABELS)
    assert len(mismatches(text)) == 1


@pytest.mark.parametrize("kind", ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"])
@pytest.mark.parametrize(
    ("selector", "needle"),
    [
        ("", "spec"),  # no selector: on the spec key
        ("selector: {}\n", "{}"),  # an empty one: on the selector
        ("selector:\n  matchLabels: {}\n", "matchLabels"),
        ("selector: app\n", "selector"),  # not a mapping reads as absent: on its key
    ],
)
def test_missing_or_empty_selector_is_reported(kind: str, selector: str, needle: str) -> None:
    text = workload(selector, "{app: api}", kind=kind)
    [finding] = mismatches(text)
    assert span(finding)[:2] == where(text, needle)[:2]
    assert finding.message == f"{kind} 'w' has no selector, so it cannot tell which pods are its own"


def test_deployment_config_with_empty_map_selector() -> None:
    text = workload("selector: {}\n", "{app: api}", kind="DeploymentConfig", api="apps.openshift.io/v1")
    [finding] = mismatches(text)
    assert "DeploymentConfig 'w' has no selector" in finding.message


def test_replication_controller_without_selector_is_not_reported() -> None:
    """The API defaults a ReplicationController's selector to its template labels."""
    assert mismatches(workload("", "{app: api}", kind="ReplicationController", api="v1")) == []
