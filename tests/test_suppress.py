from __future__ import annotations

import pytest

from containerlint.model import Finding, Severity, Span
from containerlint.registry import Rule, RuleSet
from containerlint.suppress import (
    Directive,
    ObjectAnnotations,
    annotation_directives,
    apply_suppressions,
    dockerfile_directives,
    yaml_directives,
)


def _rule(code: str, name: str, aliases: tuple[str, ...] = (), tags: tuple[str, ...] = ()) -> Rule:
    return Rule(code=code, name=name, summary="x", severity=Severity.WARNING, aliases=aliases, tags=tags)


RULES = RuleSet(
    [
        Rule(
            code="CL1001",
            name="unpinned-image",
            summary="x",
            severity=Severity.WARNING,
            aliases=("hadolint:DL3007", "kube-linter:latest-tag"),
            tags=("supply-chain",),
            options={"trusted-registries": []},
        ),
        _rule("CL1002", "apt-unpinned", ("hadolint:DL3008",), ("supply-chain",)),
        _rule("CL1003", "unquoted-expansion", ("shellcheck:SC2086",)),
        _rule("CL1004", "no-user", ("checkov:CKV_DOCKER_3", "hadolint:DL3002")),
        _rule("CL2001", "compose-version-field", ("dclint:no-version-field",)),
        _rule("CL3001", "privilege-escalation", ("checkov:CKV_K8S_20",)),
        _rule("CL3002", "run-as-root", ("kube-linter:run-as-non-root", "checkov:CKV_K8S_23")),
        _rule("CL0001", "unused-suppression"),
        _rule("CL0002", "unknown-rule-reference"),
        _rule("CL0003", "syntax-error"),
    ]
)


def finding(code: str, line: int, column: int = 1) -> Finding:
    rule = RULES.get(code)
    assert rule is not None
    return Finding(rule.code, rule.name, rule.severity, "Dockerfile", Span.at(line, column), "m")


def make_finding(name: str, span: Span, message: str) -> Finding:
    rule = RULES.get(name)
    assert rule is not None
    return Finding(rule.code, rule.name, rule.severity, "Dockerfile", span, message)


def apply(findings, directives, path="Dockerfile", **kwargs) -> list[Finding]:
    return apply_suppressions(findings, directives, RULES, path, make_finding=make_finding, **kwargs)


def suppressed_codes(results: list[Finding]) -> list[tuple[str, int]]:
    return [(f.code, f.span.start.line) for f in results if f.suppressed]


def meta(results: list[Finding]) -> list[Finding]:
    return [f for f in results if f.name in ("unused-suppression", "unknown-rule-reference")]


def comments(source: str) -> list[tuple[int, int, str]]:
    """Comments of a small test file: (line, column, text) of every '#' that starts one."""
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        index = line.find("#")
        if index >= 0:
            found.append((number, index + 1, line[index:]))
    return found


# --------------------------------------------------------------------------- Dockerfile comments


def test_dockerfile_ignore_covers_next_instruction_with_continuation_lines():
    text = "FROM alpine\n# containerlint: ignore=CL1001 -- pinned elsewhere\nRUN a \\\n  b \\\n  c\n"
    (directive,) = dockerfile_directives(comments(text), [(1, 1), (3, 5)])
    assert directive == Directive(
        source="containerlint",
        scope="lines",
        selectors=("CL1001",),
        first_line=3,
        last_line=5,
        span=Span.at(2, 1, 2, 51),
        reason="pinned elsewhere",
        text="# containerlint: ignore=CL1001 -- pinned elsewhere",
    )


def test_dockerfile_stacked_comments_all_apply_to_the_next_instruction():
    text = "# containerlint: ignore=CL1001\n# hadolint ignore=DL3008\n# other\nFROM x\n"
    directives = dockerfile_directives(comments(text), [(4, 4)])
    assert [(d.source, d.first_line, d.last_line) for d in directives] == [
        ("containerlint", 4, 4),
        ("hadolint", 4, 4),
    ]


def test_dockerfile_directive_skips_blank_lines_and_covers_enclosing_instruction():
    text = "# containerlint: ignore=CL1001\n\nFROM x\nRUN a \\\n  # containerlint: ignore\n  && b\n"
    first, inside = dockerfile_directives(comments(text), [(3, 3), (4, 6)])
    assert (first.first_line, first.last_line) == (3, 3)
    assert (inside.first_line, inside.last_line, inside.selectors) == (4, 6, ())


def test_dockerfile_directive_at_end_covers_only_itself():
    (directive,) = dockerfile_directives([(5, 1, "# containerlint: ignore=CL1001")], [(1, 1)])
    assert (directive.first_line, directive.last_line) == (5, 5)


@pytest.mark.parametrize(
    ("text", "selectors", "reason"),
    [
        ("# containerlint: ignore-file", (), None),
        (
            "# containerlint: ignore-file=CL1001,apt-unpinned -- legacy",
            ("CL1001", "apt-unpinned"),
            "legacy",
        ),
        ("#containerlint:ignore-file = CL1", ("CL1",), None),
    ],
)
def test_dockerfile_ignore_file(text, selectors, reason):
    (directive,) = dockerfile_directives([(3, 1, text)], [(1, 1), (4, 4)])
    assert (directive.scope, directive.selectors, directive.reason) == ("file", selectors, reason)


@pytest.mark.parametrize(
    ("text", "selectors", "reason"),
    [
        ("#containerlint:ignore=CL1001", ("CL1001",), None),
        (
            "#   CONTAINERLINT :  Ignore =  CL1001 ,  unpinned-image  --  why  ",
            ("CL1001", "unpinned-image"),
            "why",
        ),
        ("# containerlint: ignore CL1001 apt-unpinned", ("CL1001", "apt-unpinned"), None),
        ('# containerlint: ignore=CL1001 -- "quoted why"', ("CL1001",), "quoted why"),
        ("# containerlint: ignore", (), None),
        ("# containerlint: ignore=", (), None),
    ],
)
def test_our_comment_syntax_is_forgiving(text, selectors, reason):
    (directive,) = dockerfile_directives([(1, 1, text)], [(2, 2)])
    assert (directive.selectors, directive.reason) == (selectors, reason)


@pytest.mark.parametrize(
    "text",
    [
        "# just a comment",
        "# containerlint is nice",
        "# containerlint: ignored=CL1001",
        "# hadolint shell=/bin/bash",
        "# hadolint ignore DL3008",
        "# syntax=docker/dockerfile:1",
    ],
)
def test_ordinary_comments_are_not_directives(text):
    assert dockerfile_directives([(1, 1, text)], [(2, 2)]) == []


@pytest.mark.parametrize(
    ("text", "scope", "selectors", "reason"),
    [
        (
            "# hadolint ignore=DL3008,SC2086",
            "lines",
            ("hadolint:DL3008", "shellcheck:SC2086"),
            None,
        ),
        (
            "# hadolint ignore = DL3008 , dl3009 # apt is pinned",
            "lines",
            ("hadolint:DL3008", "hadolint:DL3009"),
            "apt is pinned",
        ),
        ("#HADOLINT ignore=DL3007", "lines", ("hadolint:DL3007",), None),
        ("# hadolint global ignore=DL3003", "file", ("hadolint:DL3003",), None),
    ],
)
def test_hadolint_pragmas(text, scope, selectors, reason):
    (directive,) = dockerfile_directives([(1, 1, text)], [(2, 3)])
    assert (directive.source, directive.scope, directive.selectors, directive.reason) == (
        "hadolint",
        scope,
        selectors,
        reason,
    )
    if scope == "lines":
        assert (directive.first_line, directive.last_line) == (2, 3)


def test_checkov_skip_in_a_dockerfile_covers_the_whole_file():
    text = "# checkov:skip=CKV_DOCKER_3: runs as root on purpose"
    (directive,) = dockerfile_directives([(7, 1, text)], [(1, 1), (8, 8)])
    assert (directive.source, directive.scope, directive.selectors) == (
        "checkov",
        "file",
        ("checkov:CKV_DOCKER_3",),
    )
    assert directive.reason == "runs as root on purpose"
    (bare,) = dockerfile_directives([(1, 1, "#checkov:skip=CKV_DOCKER_2")], [])
    assert bare.reason is None


# --------------------------------------------------------------------------------- YAML comments


def test_yaml_trailing_directive_covers_its_line():
    text = "services:\n  web:\n    image: nginx  # containerlint: ignore=CL1001 -- dev only\n"
    (directive,) = yaml_directives(comments(text), text.splitlines())
    assert (directive.first_line, directive.last_line, directive.reason) == (3, 3, "dev only")
    assert directive.span == Span.at(3, 19, 3, 19 + len(directive.text))


def test_yaml_own_line_directive_covers_next_content_line():
    text = "services:\n  # containerlint: ignore=CL1001\n\n  # a note\n  web:\n"
    (directive,) = yaml_directives(comments(text), text.splitlines())
    assert (directive.first_line, directive.last_line) == (5, 5)


def test_yaml_directive_skips_document_markers_and_falls_back_to_itself():
    text = "a: 1\n# containerlint: ignore=CL1001\n---\nb: 2\n# containerlint: ignore=CL1002\n"
    first, last = yaml_directives(comments(text), text.splitlines())
    assert (first.first_line, last.first_line, last.last_line) == (4, 5, 5)


def test_yaml_ignore_file():
    text = "a: 1\n# containerlint: ignore-file=CL2001\n"
    (directive,) = yaml_directives(comments(text), text.splitlines())
    assert (directive.scope, directive.selectors) == ("file", ("CL2001",))


def test_dclint_disable_line_trailing_and_previous_line():
    text = (
        "services:\n"
        "  a:\n"
        "    image: nginx  # dclint disable-line service-image-require-explicit-tag\n"
        "  b:\n"
        "    # dclint disable-line\n"
        "    image: nginx\n"
    )
    trailing, above = yaml_directives(comments(text), text.splitlines())
    assert (trailing.source, trailing.first_line, trailing.selectors) == (
        "dclint",
        3,
        ("dclint:service-image-require-explicit-tag",),
    )
    assert (above.first_line, above.last_line, above.selectors) == (6, 6, ())


def test_dclint_disable_line_covers_the_very_next_line_even_if_blank():
    text = "# dclint disable-line no-version-field\n\nversion: '3'\n"
    (directive,) = yaml_directives(comments(text), text.splitlines())
    assert directive.first_line == 2  # as in dclint, which does not skip blank lines


@pytest.mark.parametrize(
    ("text", "selectors"),
    [
        ("# dclint disable-file\nversion: '3'\n", ()),
        (
            "\n---\n# dclint disable no-version-field require-project-name-field\nversion: '3'\n",
            ("dclint:no-version-field", "dclint:require-project-name-field"),
        ),
        ("--- # dclint disable\nversion: '3'\n", ()),
        ("# Dclint DISABLE no-version-field\n", ("dclint:no-version-field",)),
    ],
)
def test_dclint_file_comments_on_the_first_line(text, selectors):
    (directive,) = yaml_directives(comments(text), text.splitlines())
    assert (directive.source, directive.scope, directive.selectors) == ("dclint", "file", selectors)


def test_dclint_file_comment_after_the_first_line_does_nothing():
    text = "services: {}\n# dclint disable-file\n# dclint disable no-version-field\n"
    assert yaml_directives(comments(text), text.splitlines()) == []


def test_checkov_comment_in_yaml_covers_rest_of_its_document():
    text = (
        "apiVersion: v1\n"
        "kind: Pod\n"
        "---\n"
        "# checkov:skip=CKV_K8S_20: needs it\n"
        "apiVersion: v1\n"
        "kind: Pod\n"
        "---\n"
        "kind: Service\n"
    )
    lines = text.splitlines()
    (directive,) = yaml_directives(comments(text), lines, document_ranges=[(1, 2), (4, 6), (8, 8)])
    assert (directive.scope, directive.first_line, directive.last_line) == ("lines", 4, 6)
    assert (directive.selectors, directive.reason) == (("checkov:CKV_K8S_20",), "needs it")
    (to_end,) = yaml_directives(comments(text), lines)
    assert (to_end.first_line, to_end.last_line) == (4, 8)


# ----------------------------------------------------------------------------------- annotations


def _objects() -> list[ObjectAnnotations]:
    key = Span.at(5, 5, 5, 20)
    return [
        ObjectAnnotations(
            1,
            10,
            {
                "containerlint.io/ignore": ("CL1001, privilege-escalation -- vendor chart", key),
                "ignore-check.kube-linter.io/run-as-non-root": ("needs root", key),
                "checkov.io/skip1": ("CKV_K8S_20=I don't care", key),
                "checkov.io/skip2": ("CKV_K8S_23", key),
                "app.kubernetes.io/name": ("web", key),
            },
        ),
        ObjectAnnotations(12, 20, {"kube-linter.io/ignore-all": ("", key)}),
    ]


def test_annotation_directives():
    directives = annotation_directives(_objects())
    summary = [(d.source, d.selectors, d.reason, d.first_line, d.last_line) for d in directives]
    assert summary == [
        ("containerlint", ("CL1001", "privilege-escalation"), "vendor chart", 1, 10),
        ("kube-linter", ("kube-linter:run-as-non-root",), "needs root", 1, 10),
        ("checkov", ("checkov:CKV_K8S_20",), "I don't care", 1, 10),
        ("checkov", ("checkov:CKV_K8S_23",), None, 1, 10),
        ("kube-linter", (), None, 12, 20),
    ]
    assert all(d.scope == "object" for d in directives)
    assert directives[0].text == "containerlint.io/ignore: CL1001, privilege-escalation -- vendor chart"


def test_annotation_covers_its_object_and_not_the_next():
    obj = ObjectAnnotations(1, 10, {"containerlint.io/ignore": ("CL1001", Span.at(4, 5))})
    results = apply([finding("CL1001", 8), finding("CL1001", 12)], annotation_directives([obj]))
    assert suppressed_codes(results) == [("CL1001", 8)]
    suppression = results[0].suppression
    assert suppression is not None
    assert (suppression.kind, suppression.source, suppression.span) == (
        "annotation",
        "containerlint",
        Span.at(4, 5),
    )


def test_foreign_annotations_suppress_through_aliases():
    results = apply(
        [finding("CL3001", 3), finding("CL3002", 4), finding("CL1001", 15), finding("CL1001", 25)],
        annotation_directives(_objects()),
    )
    assert suppressed_codes(results) == [("CL3001", 3), ("CL3002", 4), ("CL1001", 15)]


# ------------------------------------------------------------------------------------- applying


def _directives(text: str, instructions: list[tuple[int, int]]) -> list[Directive]:
    return dockerfile_directives(comments(text), instructions)


def test_hadolint_alias_suppresses_our_rule():
    directives = _directives("# hadolint ignore=DL3007 # pinned by digest\nFROM x:latest\n", [(2, 2)])
    results = apply([finding("CL1001", 2, 6)], directives)
    (result,) = results
    assert result.suppression is not None
    assert result.suppression.kind == "inline"
    assert result.suppression.source == "hadolint"
    assert result.suppression.reason == "pinned by digest"
    assert result.suppression.directive == "# hadolint ignore=DL3007 # pinned by digest"
    assert result.suppression.span == Span.at(1, 1, 1, 44)


def test_shellcheck_code_through_hadolint():
    directives = _directives("# hadolint ignore=SC2086\nRUN echo $x\n", [(2, 2)])
    assert suppressed_codes(apply([finding("CL1003", 2)], directives)) == [("CL1003", 2)]


@pytest.mark.parametrize("selector", ["CL1001", "unpinned-image", "CL10", "supply-chain", "ALL"])
def test_selectors_of_every_kind(selector):
    directives = _directives(f"# containerlint: ignore={selector}\nFROM x\n", [(2, 2)])
    results = apply([finding("CL1001", 2)], directives)
    assert suppressed_codes(results) == [("CL1001", 2)]
    assert meta(results) == []


def test_line_directive_does_not_reach_other_instructions():
    directives = _directives("FROM a\n# containerlint: ignore=CL1001\nFROM b\nFROM c\n", [(1, 1), (3, 3), (4, 4)])
    results = apply([finding("CL1001", 1), finding("CL1001", 3), finding("CL1001", 4)], directives)
    assert suppressed_codes(results) == [("CL1001", 3)]


def test_file_directive_and_directive_without_selectors():
    directives = _directives(
        "# containerlint: ignore-file=CL1002\nFROM a\n# containerlint: ignore\nRUN x\n",
        [(2, 2), (4, 4)],
    )
    results = apply(
        [finding("CL1002", 2), finding("CL1001", 4), finding("CL1003", 4), finding("CL1001", 2)],
        directives,
    )
    assert suppressed_codes(results) == [("CL1002", 2), ("CL1001", 4), ("CL1003", 4)]
    file_suppression = results[0].suppression
    assert file_suppression is not None and file_suppression.kind == "file"


def test_narrowest_directive_is_recorded_and_redundant_ones_are_not_unused():
    text = (
        "# containerlint: ignore-file=CL1001\n# hadolint ignore=DL3007\n# containerlint: ignore=CL1001 -- why\nFROM x\n"
    )
    results = apply([finding("CL1001", 4)], _directives(text, [(4, 4)]))
    suppression = results[0].suppression
    assert suppression is not None
    assert (suppression.source, suppression.kind, suppression.reason) == (
        "containerlint",
        "inline",
        "why",
    )
    assert meta(results) == []


def test_unused_directive_is_reported_once():
    directives = _directives("# containerlint: ignore=CL1001,apt-unpinned\nFROM x\n", [(2, 2)])
    results = apply([], directives)
    (unused,) = results
    assert unused.name == "unused-suppression"
    assert unused.span == directives[0].span
    assert "CL1001, apt-unpinned" in unused.message


def test_unused_selector_of_a_used_directive_is_reported_at_the_selector():
    directives = _directives("# containerlint: ignore=CL1001, apt-unpinned\nFROM x\n", [(2, 2)])
    results = apply([finding("CL1001", 2)], directives)
    (unused,) = meta(results)
    assert unused.name == "unused-suppression"
    assert unused.span == Span.at(1, 33, 1, 45)
    assert "'apt-unpinned'" in unused.message


def test_unused_directive_without_selectors():
    results = apply([], _directives("# containerlint: ignore-file\n", []))
    assert [f.name for f in results] == ["unused-suppression"]
    assert "every rule" in results[0].message


def test_unknown_rule_reference_with_did_you_mean():
    directives = _directives("# containerlint: ignore=unpinned-imge,CL1001\nFROM x\n", [(2, 2)])
    results = apply([finding("CL1001", 2)], directives)
    (unknown,) = meta(results)
    assert unknown.name == "unknown-rule-reference"
    assert "'unpinned-imge'" in unknown.message
    assert "did you mean 'unpinned-image'?" in unknown.message
    assert unknown.span == Span.at(1, 25, 1, 38)


def test_directive_with_only_unknown_selectors_is_not_also_unused():
    results = apply([], _directives("# containerlint: ignore=XX9999\nFROM x\n", [(2, 2)]))
    assert [f.name for f in results] == ["unknown-rule-reference"]


def test_foreign_meta_findings_are_off_by_default():
    text = "# hadolint ignore=DL3009,DL3008\nFROM x\n# checkov:skip=CKV_DOCKER_2\n"
    directives = _directives(text, [(2, 2)])
    assert apply([], directives) == []
    reported = apply([], directives, report_foreign=True)
    assert sorted(f.name for f in reported) == [
        "unknown-rule-reference",
        "unknown-rule-reference",
        "unused-suppression",
    ]
    unknown = [f for f in reported if f.name == "unknown-rule-reference"]
    assert "'hadolint:DL3009'" in unknown[0].message
    assert unknown[0].span == Span.at(1, 19, 1, 25)
    assert "'checkov:CKV_DOCKER_2'" in unknown[1].message


def test_foreign_selectors_unknown_to_us_do_not_stop_the_known_ones():
    directives = _directives("# hadolint ignore=DL3009,DL3007\nFROM x\n", [(2, 2)])
    assert suppressed_codes(apply([finding("CL1001", 2)], directives)) == [("CL1001", 2)]


def test_audit_mode_ignores_inline_directives_but_not_per_file_ignores():
    directives = _directives("# containerlint: ignore=CL1001,nope\nFROM x\n", [(2, 2)])
    results = apply(
        [finding("CL1001", 2), finding("CL1002", 2)],
        directives,
        inline_ignores=False,
        per_file_ignores={"Dockerfile*": ["apt-unpinned"]},
    )
    assert suppressed_codes(results) == [("CL1002", 2)]
    assert results[1].suppression is not None and results[1].suppression.kind == "config"
    # Nothing can be "unused" when directives are off, but a wrong name is still wrong.
    assert [f.name for f in meta(results)] == ["unknown-rule-reference"]


@pytest.mark.parametrize(
    ("path", "glob", "expected"),
    [
        ("Dockerfile", "Dockerfile*", True),
        ("services/api/Dockerfile.dev", "Dockerfile*", True),
        ("services/api/Dockerfile.dev", "**/Dockerfile.*", True),
        ("deploy/web.yaml", "deploy/*.yaml", True),
        ("deploy/prod/web.yaml", "deploy/*.yaml", False),
        ("deploy/prod/web.yaml", "deploy/**", True),
        ("./deploy/prod/web.yaml", "deploy/**/*.yaml", True),
        ("other/deploy/web.yaml", "/deploy/*.yaml", False),
    ],
)
def test_per_file_ignores_globs(path, glob, expected):
    results = apply([finding("CL1001", 1)], [], path=path, per_file_ignores={glob: ["CL1"]})
    assert results[0].suppressed is expected
    if expected:
        assert results[0].suppression is not None
        assert results[0].suppression.directive == f'per-file-ignores "{glob}" = ["CL1"]'


def test_meta_findings_are_never_suppressed_inline():
    directives = _directives("# containerlint: ignore-file\n# containerlint: ignore-file=syntax-error\n", [])
    syntax = finding("CL0003", 3)
    results = apply([syntax], directives)
    assert not results[0].suppressed
    # The config still can.
    results = apply([syntax], [], per_file_ignores={"*": ["syntax-error"]})
    assert results[0].suppressed


def test_selectors_of_rules_that_did_not_run_are_not_unused():
    directives = _directives("# containerlint: ignore=CL1001,CL1002\nFROM x\n", [(2, 2)])
    assert apply([], directives, enabled_codes={"CL1003"}) == []
    results = apply([], directives, enabled_codes={"CL1002"})
    assert [(f.name, "'CL1002'" in f.message) for f in results] == [("unused-suppression", True)]


def test_make_finding_may_drop_meta_findings():
    directives = _directives("# containerlint: ignore=CL1001,nope\nFROM x\n", [(2, 2)])
    results = apply_suppressions([], directives, RULES, "Dockerfile", make_finding=lambda *_: None)
    assert results == []


def test_existing_suppression_is_kept():
    from dataclasses import replace

    from containerlint.model import Suppression

    baseline = Suppression(kind="config", source="baseline", directive="baseline.json")
    original = replace(finding("CL1001", 2), suppression=baseline)
    directives = _directives("# containerlint: ignore=CL1001\nFROM x\n", [(2, 2)])
    results = apply([original], directives)
    assert results == [original]  # kept, and the directive still counts as used


def test_yaml_directives_end_to_end():
    text = (
        "version: '3'  # dclint disable-line no-version-field\n"
        "services:\n"
        "  web:\n"
        "    # containerlint: ignore=unpinned-image -- tracked in JIRA-1\n"
        "\n"
        "    image: nginx:latest\n"
        "    privileged: true\n"
    )
    directives = yaml_directives(comments(text), text.splitlines())
    results = apply(
        [finding("CL2001", 1), finding("CL1001", 6, 12), finding("CL1001", 7)],
        directives,
        path="compose.yaml",
    )
    assert suppressed_codes(results) == [("CL2001", 1), ("CL1001", 6)]
    assert results[1].suppression is not None
    assert results[1].suppression.reason == "tracked in JIRA-1"


def test_report_foreign_per_meta_rule():
    directives = _directives("# hadolint ignore=DL3009,DL3008\nFROM x\n", [(2, 2)])
    only_unknown = apply([], directives, report_foreign={"unknown-rule-reference": True})
    assert [f.name for f in only_unknown] == ["unknown-rule-reference"]
    only_unused = apply([], directives, report_foreign={"unused-suppression": True})
    assert [f.name for f in only_unused] == ["unused-suppression"]


def test_never_inline_is_configurable():
    directives = _directives("# containerlint: ignore\nFROM x\n", [(2, 2)])
    results = apply([finding("CL1001", 2)], directives, never_inline={"unpinned-image"})
    assert not results[0].suppressed


def test_each_finding_looks_only_at_the_directives_that_cover_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """It once compared every finding with every directive: 4,000 hadolint pragmas took 9 s."""
    from containerlint import suppress as suppression
    from containerlint.model import FileKind
    from tests.helpers import lint_text

    calls = []
    original = suppression.Directive.covers

    def counting(self: suppression.Directive, line: int) -> bool:
        calls.append(line)
        return original(self, line)

    monkeypatch.setattr(suppression.Directive, "covers", counting)
    lines = ["FROM alpine:3.20"]
    for number in range(2000):
        lines += ["# hadolint ignore=DL3018", f"RUN apk add --no-cache pkg{number}"]
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=["CL3105"])
    assert len(findings) == 2000 and all(f.suppressed for f in findings)
    assert len(calls) < 10 * len(findings)  # a scan of every directive per finding: 4,000,000
