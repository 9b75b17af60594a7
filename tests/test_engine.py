"""The lint pipeline end to end: failing rules, ordering, project checks, YAML classification,
suppressions through the real engine, and severity overrides of the meta rules."""

from __future__ import annotations

import random
import textwrap
from collections.abc import Iterable, Iterator, Sequence

import pytest

from containerlint.checks import builtin_rules
from containerlint.engine import LintOptions, Source, lint_sources
from containerlint.model import FileKind, Finding, LintResult, Problem, Severity, Span
from containerlint.registry import Context, Rule, RuleSet
from tests.helpers import lint_text, lint_texts

D, C, K = FileKind.DOCKERFILE, FileKind.COMPOSE, FileKind.KUBERNETES


def run(
    sources: Iterable[Source],
    extra_rules: Sequence[Rule] = (),
    severities: dict[str, Severity] | None = None,
    inline_ignores: bool = True,
) -> LintResult:
    """Lint through the engine with the built-in rules plus throwaway ones, as the CLI builds options."""
    ruleset = RuleSet([*builtin_rules(), *extra_rules])
    options = LintOptions(
        rules=ruleset.select(),
        ruleset=ruleset,
        severities=severities or {},
        inline_ignores=inline_ignores,
    )
    return lint_sources(list(sources), options)


def codes(findings: Iterable[Finding]) -> list[tuple[str, int, str]]:
    return [(f.path, f.span.start.line, f.code) for f in findings]


def dedent(text: str) -> str:
    return textwrap.dedent(text)


# ---------------------------------------------------------------------------------------------
# A rule that raises


def _exploding_rule() -> Rule:
    rule = Rule(code="ZZ9001", name="explodes", summary="raises on every file", severity=Severity.WARNING)

    @rule.check(D, C, K)
    def _check(tree: object, ctx: Context) -> Iterator[Problem]:
        yield Problem(Span.at(1, 1), "a finding before the crash is dropped with it")
        raise ZeroDivisionError("on purpose")

    return rule


def test_a_rule_that_raises_becomes_an_internal_error_and_the_others_still_run() -> None:
    sources = [
        Source("Dockerfile", "FROM python\n", D, explicit=True),
        Source("compose.yaml", "services:\n  web:\n    image: nginx\n", C, explicit=True),
    ]
    result = run(sources, [_exploding_rule()])
    internal = [f for f in result.findings if f.code == "CL0004"]
    assert sorted(f.path for f in internal) == ["Dockerfile", "compose.yaml"]
    for finding in internal:
        assert "ZZ9001" in finding.message
        assert "explodes" in finding.message
        assert "ZeroDivisionError: on purpose" in finding.message
        assert "test_engine.py:" in finding.message  # where it was raised
        assert finding.severity is Severity.ERROR
        assert finding.name == "internal-error"
    # the built-in rules' findings are all still there; the failing rule's partial output is not
    assert sorted(codes(f for f in result.findings if f.code == "CL1001")) == [
        ("Dockerfile", 1, "CL1001"),
        ("compose.yaml", 3, "CL1001"),
    ]
    assert not [f for f in result.findings if f.code == "ZZ9001"]


def test_a_failing_project_check_is_reported_on_a_file_of_its_kind() -> None:
    rule = Rule(code="ZZ9002", name="explodes-in-project", summary="x", severity=Severity.WARNING)

    @rule.check_project(K)
    def _check(project: object, ctx: Context) -> Iterator[Problem]:
        raise RuntimeError("project check broke")
        yield  # pragma: no cover

    sources = [
        Source("z.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: z}\n", K, explicit=True),
        Source("Dockerfile", "FROM python:3.12\n", D, explicit=True),
        Source("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n", K, explicit=True),
    ]
    [finding] = [f for f in run(sources, [rule]).findings if f.code == "CL0004"]
    assert finding.path == "b.yaml"  # never an empty path: reporters and SARIF need a file
    assert "ZZ9002" in finding.message and "the project" in finding.message


def test_internal_error_cannot_be_suppressed_inline() -> None:
    source = Source("Dockerfile", "# containerlint: ignore=ZZ9001,CL0004\nFROM python:3.12\n", D, explicit=True)
    result = run([source], [_exploding_rule()])
    [internal] = [f for f in result.findings if f.code == "CL0004"]
    assert not internal.suppressed


# ---------------------------------------------------------------------------------------------
# Ordering


def _mixed_sources() -> list[Source]:
    return [
        Source("b/Dockerfile", "FROM python\nFROM nginx:latest\nRUNN x\n", D, explicit=True),
        Source("a/compose.yaml", "services:\n  a: {image: redis}\n  b: {image: nginx}\n", C, explicit=True),
        Source(
            "a/k8s.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
            "    - {name: a, image: nginx}\n    - {name: b, image: redis}\n",
            K,
            explicit=True,
        ),
        Source("Dockerfile", "FROM alpine\n", D, explicit=True),
        Source("c.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {a: b}\n", K),
    ]


def test_output_order_is_path_line_column_code_whatever_the_input_order() -> None:
    sources = _mixed_sources()
    expected = run(sources).findings
    assert [f.sort_key() for f in expected] == sorted(f.sort_key() for f in expected)
    assert [f.path for f in expected][:1] == ["Dockerfile"]
    rng = random.Random(7)
    for _ in range(5):
        shuffled = sources[:]
        rng.shuffle(shuffled)
        assert run(shuffled).findings == expected


def test_same_line_findings_are_ordered_by_column_then_code() -> None:
    text = "services:\n  a: {image: redis, volumes: [data:/d]}\n"
    findings = [f for f in lint_text(text, C) if f.span.start.line == 2]
    assert [(f.span.start.column, f.code) for f in findings] == sorted((f.span.start.column, f.code) for f in findings)
    assert [f.code for f in findings] == ["CL1001", "CL7001"]


# ---------------------------------------------------------------------------------------------
# Project checks

SERVICE = """\
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
"""
DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "nginx:1.27.3"}]
"""


def test_project_checks_see_every_file() -> None:
    assert lint_texts([("svc.yaml", SERVICE, K), ("deploy.yaml", DEPLOYMENT, K)], select=["CL7002"]) == []
    [finding] = lint_texts([("svc.yaml", SERVICE, K)], select=["CL7002"])
    assert (finding.code, finding.path, finding.span.start.line, finding.span.start.column) == (
        "CL7002",
        "svc.yaml",
        7,
        5,
    )


def test_project_checks_run_once_per_run() -> None:
    calls: list[int] = []
    rule = Rule(code="ZZ9003", name="counts-files", summary="x", severity=Severity.INFO)

    @rule.check_project(K, C, D)
    def _count(project: object, ctx: Context) -> Iterator[Problem]:
        files = project.kubernetes_files + project.compose_files + project.dockerfiles  # type: ignore[attr-defined]
        calls.append(len(files))
        yield Problem(Span.at(1, 1), f"{len(files)} files", path="svc.yaml")

    sources = [
        Source("svc.yaml", SERVICE, K, explicit=True),
        Source("deploy.yaml", DEPLOYMENT, K, explicit=True),
        Source("compose.yaml", "services:\n  a: {image: 'x:1'}\n", C, explicit=True),
        Source("Dockerfile", "FROM python:3.12\n", D, explicit=True),
        Source("other.yaml", "just: data\n", None),  # not ours: not in the project
    ]
    [finding] = [f for f in run(sources, [rule]).findings if f.code == "ZZ9003"]
    assert calls == [4]
    assert finding.path == "svc.yaml" and finding.message == "4 files"


def test_files_that_do_not_parse_are_left_out_of_the_project() -> None:
    broken = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web\n"
    findings = lint_texts([("svc.yaml", SERVICE, K), ("broken.yaml", broken, K)])
    assert sorted((f.path, f.code) for f in findings) == [("broken.yaml", "CL0001"), ("svc.yaml", "CL7002")]


# ---------------------------------------------------------------------------------------------
# YAML that is not ours

NOT_OURS = "name: CI\non: [push]\njobs:\n  build: {runs-on: ubuntu-latest}\n"
NOT_OURS_BROKEN = "name: CI\njobs:\n  build: {runs-on: ubuntu-latest\n"
BROKEN_MANIFEST = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - image: "nginx\n'


def test_yaml_that_is_neither_compose_nor_kubernetes_is_ignored_quietly_when_walked() -> None:
    result = run([Source("ci.yaml", NOT_OURS, None), Source("broken-ci.yaml", NOT_OURS_BROKEN, None)])
    assert result.findings == []
    assert result.files_checked == 0


def test_explicit_yaml_that_is_not_ours_still_gets_its_syntax_errors() -> None:
    result = run([Source("ci.yaml", NOT_OURS, None, explicit=True)])
    assert result.findings == []  # valid, just not ours: nothing to say
    result = run([Source("broken-ci.yaml", NOT_OURS_BROKEN, None, explicit=True)])
    [finding] = result.findings
    assert finding.code == "CL0001"
    assert finding.span.start.line == 4  # end of stream, after the unclosed flow mapping
    assert result.files_checked == 0


def test_a_broken_kubernetes_manifest_is_reported_even_when_walked() -> None:
    result = run([Source("pod.yaml", BROKEN_MANIFEST, None)])
    [finding] = result.findings
    assert finding.code == "CL0001"
    assert finding.span.start.line >= 7  # at the unterminated quote's end, not at 1:1


def test_walked_yaml_kind_is_decided_by_content() -> None:
    compose = "services:\n  web:\n    image: nginx\n"
    result = run([Source("stack.yml", compose, None), Source("pod.yaml", BROKEN_MANIFEST.replace('"', ""), None)])
    assert [(f.path, f.span.start.line) for f in only(result.findings, "CL1001")] == [("pod.yaml", 7), ("stack.yml", 3)]
    assert result.files_checked == 2


# ---------------------------------------------------------------------------------------------
# Suppressions, through the engine


def only(findings: Iterable[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def test_dockerfile_directive_before_a_from_that_spans_continuation_lines() -> None:
    text = dedent(
        """\
        # containerlint: ignore=CL1001 -- vendored base image
        FROM \\
            --platform=linux/amd64 \\
            python \\
            AS build
        FROM nginx
        """
    )
    findings = lint_text(text, D)
    assert [(f.span.start.line, f.suppressed) for f in only(findings, "CL1001")] == [(4, True), (6, False)]
    suppression = only(findings, "CL1001")[0].suppression
    assert suppression is not None
    assert suppression.kind == "inline"
    assert (suppression.source, suppression.reason) == ("containerlint", "vendored base image")
    assert only(findings, "CL0005") == []


def test_dockerfile_directive_between_continuation_lines_covers_the_instruction() -> None:
    text = "FROM \\\n# containerlint: ignore=unpinned-image\n    python\n"
    [finding] = only(lint_text(text, D), "CL1001")
    assert finding.suppressed


def test_hadolint_ignore_is_an_alias() -> None:
    text = "# hadolint ignore=DL3006\nFROM alpine\nFROM debian\n"
    findings = only(lint_text(text, D), "CL1001")
    assert [(f.span.start.line, f.suppressed) for f in findings] == [(2, True), (3, False)]
    assert findings[0].suppression is not None and findings[0].suppression.source == "hadolint"


def test_hadolint_global_ignore_covers_the_file() -> None:
    text = "FROM nginx:latest\n# hadolint global ignore=DL3007\nFROM ubuntu:latest\n"
    findings = only(lint_text(text, D), "CL1001")
    assert [(f.span.start.line, f.suppressed) for f in findings] == [(1, True), (3, True)]
    assert {f.suppression.kind for f in findings if f.suppression} == {"file"}


def test_yaml_trailing_and_next_line_directives() -> None:
    text = dedent(
        """\
        services:
          a:
            image: nginx  # containerlint: ignore=CL1001 -- trailing
          b:
            # containerlint: ignore=unpinned-image -- next line

            image: redis
          c:
            image: httpd
        """
    )
    findings = only(lint_text(text, C), "CL1001")
    assert [(f.span.start.line, f.suppressed) for f in findings] == [(3, True), (7, True), (9, False)]
    assert [f.suppression.reason for f in findings if f.suppression] == ["trailing", "next line"]


def test_dclint_disable_line_with_the_alias() -> None:
    text = dedent(
        """\
        services:
          a:
            # dclint disable-line service-image-require-explicit-tag
            image: postgres
          b:
            image: mysql  # dclint disable-line service-image-require-explicit-tag
          c:
            image: httpd
        """
    )
    findings = only(lint_text(text, C), "CL1001")
    assert [(f.span.start.line, f.suppressed) for f in findings] == [(4, True), (6, True), (8, False)]
    assert {f.suppression.source for f in findings if f.suppression} == {"dclint"}


def _pod(name: str, image: str, annotations: str = "") -> str:
    block = f"  annotations:\n{textwrap.indent(annotations, '    ')}" if annotations else ""
    return (
        f"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n{block}"
        f"spec:\n  containers: [{{name: c, image: {image}}}]\n"
    )


@pytest.mark.parametrize(
    ("annotation", "source", "reason"),
    [
        ('containerlint.io/ignore: "unpinned-image -- mirrored"\n', "containerlint", "mirrored"),
        ('ignore-check.kube-linter.io/latest-tag: "we mirror it"\n', "kube-linter", "we mirror it"),
        ("checkov.io/skip1: CKV_K8S_14=pinned elsewhere\n", "checkov", "pinned elsewhere"),
        ('kube-linter.io/ignore-all: "legacy"\n', "kube-linter", "legacy"),
    ],
)
def test_kubernetes_annotations_cover_only_their_object(annotation: str, source: str, reason: str) -> None:
    text = "---\n".join([_pod("a", "nginx:latest", annotation), _pod("b", "nginx:latest")])
    findings = only(lint_text(text, K), "CL1001")
    assert [f.suppressed for f in findings] == [True, False]
    suppression = findings[0].suppression
    assert suppression is not None
    assert (suppression.kind, suppression.source, suppression.reason) == ("annotation", source, reason)


def test_annotation_on_a_list_item_covers_only_that_item() -> None:
    text = dedent(
        """\
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Pod
            metadata:
              name: a
              annotations: {containerlint.io/ignore: unpinned-image}
            spec:
              containers: [{name: c, image: nginx}]
          - apiVersion: v1
            kind: Pod
            metadata: {name: b}
            spec:
              containers: [{name: c, image: nginx}]
        """
    )
    assert [f.suppressed for f in only(lint_text(text, K), "CL1001")] == [True, False]


def test_project_finding_suppressed_by_an_annotation_in_its_file() -> None:
    annotation = '  annotations:\n    containerlint.io/ignore: "CL7002 -- selected by an operator"\n'
    service = SERVICE.replace("  name: web\n", "  name: web\n" + annotation)
    [finding] = lint_texts([("svc.yaml", service, K)])
    assert finding.code == "CL7002" and finding.suppressed


def test_unused_directive_is_reported_at_the_directive() -> None:
    text = "FROM python:3.12\n# containerlint: ignore=unpinned-image -- pinned now\nFROM nginx:1.27.3\n"
    [finding] = lint_text(text, D)
    assert finding.code == "CL0005"
    assert (finding.span.start.line, finding.span.start.column) == (2, 1)
    assert "unused suppression" in finding.message


def test_unused_yaml_directive_and_unused_annotation() -> None:
    compose = "services:\n  a:\n    image: nginx:1.27.3  # containerlint: ignore=CL1001\n"
    [finding] = lint_text(compose, C)
    assert (finding.code, finding.span.start.line, finding.span.start.column) == ("CL0005", 3, 26)
    pod = _pod("a", '"nginx:1.2"', 'containerlint.io/ignore: "unpinned-image"\n')
    [finding] = only(lint_text(pod, K), "CL0005")
    assert (finding.code, finding.span.start.line) == ("CL0005", 6)


def test_other_tools_unused_directives_are_quiet_by_default() -> None:
    text = "# hadolint ignore=DL3007\nFROM python:3.12\n"
    assert lint_text(text, D) == []
    [finding] = lint_text(text, D, rule_options={"unused-suppression": {"other-tools": True}})
    assert finding.code == "CL0005"


def test_unknown_rule_in_a_directive_suggests_the_closest() -> None:
    text = "# containerlint: ignore=unpined-image\nFROM python\n"
    findings = lint_text(text, D)
    assert sorted(f.code for f in findings) == ["CL0006", "CL1001"]
    [unknown] = only(findings, "CL0006")
    assert (unknown.span.start.line, unknown.span.start.column, unknown.span.end.column) == (1, 25, 38)
    assert "did you mean 'unpinned-image'?" in unknown.message
    assert not only(findings, "CL1001")[0].suppressed


def test_inline_ignores_off_brings_findings_back_and_reports_no_unused_directives() -> None:
    text = "# containerlint: ignore=CL1001\nFROM python\n# containerlint: ignore=CL1001\nFROM nginx:1.27.3\n"
    on = lint_text(text, D)
    assert sorted((f.code, f.suppressed) for f in on) == [("CL0005", False), ("CL1001", True)]
    off = lint_text(text, D, inline_ignores=False)
    assert [(f.code, f.suppressed) for f in off] == [("CL1001", False)]


def test_per_file_ignores_apply_even_without_inline_ignores() -> None:
    ruleset = RuleSet(builtin_rules())
    options = LintOptions(
        rules=ruleset.select(), ruleset=ruleset, inline_ignores=False, per_file_ignores={"legacy/*": ["CL1001"]}
    )
    sources = [Source("legacy/Dockerfile", "FROM python\n", D), Source("Dockerfile", "FROM python\n", D)]
    findings = lint_sources(sources, options).findings
    assert [(f.path, f.suppressed) for f in findings] == [("Dockerfile", False), ("legacy/Dockerfile", True)]
    assert findings[1].suppression is not None and findings[1].suppression.kind == "config"


@pytest.mark.parametrize(
    "directive",
    [
        "# containerlint: ignore=CL0001 -- broken on purpose\n",
        "# containerlint: ignore=syntax-error\n",
        "# containerlint: ignore-file\n",
    ],
)
def test_syntax_errors_cannot_be_suppressed_inline(directive: str) -> None:
    findings = lint_text(directive + "FROM alpine:3.20\nRUNN apk add curl\n", D)
    [syntax] = only(findings, "CL0001")
    assert not syntax.suppressed
    assert syntax.span.start.line == 3


def test_syntax_errors_in_yaml_cannot_be_suppressed_inline() -> None:
    text = "services:\n  web:\n    image: nginx:1.27.3\n    ports: [80  # containerlint: ignore=CL0001\n"
    [syntax] = only(lint_text(text, C), "CL0001")
    assert not syntax.suppressed


# ---------------------------------------------------------------------------------------------
# Severities


def test_meta_rule_severities_can_be_overridden() -> None:
    sources = [
        Source("Dockerfile", "FROM python\nRUNN x\n# containerlint: ignore=nope\n", D, explicit=True),
    ]
    default = {f.code: f.severity for f in run(sources).findings}
    assert default == {"CL0001": Severity.ERROR, "CL0006": Severity.WARNING, "CL1001": Severity.WARNING}
    overridden = {
        f.code: f.severity
        for f in run(
            sources,
            severities={"CL0001": Severity.WARNING, "CL0006": Severity.ERROR, "CL1001": Severity.INFO},
        ).findings
    }
    assert overridden == {"CL0001": Severity.WARNING, "CL0006": Severity.ERROR, "CL1001": Severity.INFO}


def test_internal_error_severity_can_be_overridden() -> None:
    source = Source("Dockerfile", "FROM python:3.12\n", D, explicit=True)
    [finding] = run([source], [_exploding_rule()], severities={"CL0004": Severity.WARNING}).findings
    assert (finding.code, finding.severity) == ("CL0004", Severity.WARNING)


def test_result_counts() -> None:
    result = run(_mixed_sources())
    assert result.files_checked == 5
    assert "CL1001" in result.rules_run and "CL0001" in result.rules_run
    assert result.active == [f for f in result.findings if not f.suppressed]
