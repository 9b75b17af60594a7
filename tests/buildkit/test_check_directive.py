"""BuildKit's ``# check=`` directive: ``skip=`` suppresses the named checks' findings (the whole
file at the top, one instruction in the comments right above it), ``error=true`` raises them."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind, Finding, Severity
from containerlint.suppress import BUILDKIT_ALL, BuildkitCheck, buildkit_directives, parse_check_value
from tests.helpers import lint_text


def lint(text: str, **kwargs: object) -> list[Finding]:
    return lint_text(text, FileKind.DOCKERFILE, **kwargs)


def active(findings: list[Finding]) -> list[tuple[str, int]]:
    return sorted((f.code, f.span.start.line) for f in findings if not f.suppressed)


def suppressed(findings: list[Finding]) -> list[tuple[str, int]]:
    return sorted((f.code, f.span.start.line) for f in findings if f.suppressed)


# --- reading the value, as BuildKit's ParseLintOptions does -----------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("skip=JSONArgsRecommended", BuildkitCheck(("JSONArgsRecommended",), False, False, None)),
        ("skip=A, B", BuildkitCheck(("A",), False, False, "B")),  # the value ends at a space
        ("skip=A,B;error=true", BuildkitCheck(("A", "B"), False, True, None)),
        ("skip= A,B", BuildkitCheck((), False, False, "A,B")),
        ("skip=all", BuildkitCheck((), True, False, None)),
        ("skip=all;error=1", BuildkitCheck((), True, True, None)),
        ("error=False", BuildkitCheck((), False, False, None)),
        ("experimental=InvalidDefinitionDescription", BuildkitCheck((), False, False, None)),
        ("skip=UndefinedVar // set by the CI", BuildkitCheck(("UndefinedVar",), False, False, "set by the CI")),
        ("", BuildkitCheck((), False, False, None)),
    ],
)
def test_values_buildkit_accepts(value: str, expected: BuildkitCheck) -> None:
    assert parse_check_value(value) == expected


@pytest.mark.parametrize("value", ["skip", "error=maybe", "Skip=A", "skipp=A", "skip=A;;error=true", "skip=A;x"])
def test_values_buildkit_rejects(value: str) -> None:
    assert parse_check_value(value) is None


# --- the parser directive at the top: the whole file -------------------------------------------

CASING = "FROM alpine:3.20 as build\nRUN true\nFROM alpine:3.20 as final\n"


def test_top_directive_skips_a_check_in_the_whole_file() -> None:
    findings = lint("# check=skip=FromAsCasing\n" + CASING, select=["CL3502"])
    assert suppressed(findings) == [("CL3502", 2), ("CL3502", 4)]
    suppression = findings[0].suppression
    assert suppression is not None
    assert (suppression.source, suppression.kind, suppression.directive) == (
        "buildkit",
        "file",
        "# check=skip=FromAsCasing",
    )


def test_top_directive_spellings() -> None:
    for top in (
        "#check=skip=FromAsCasing",
        "# CHECK = skip=FromAsCasing",
        "# syntax=docker/dockerfile:1\n#check=skip=FromAsCasing",
    ):
        assert active(lint(top + "\n" + CASING, select=["CL3502"])) == [], top


def test_skip_all_covers_every_buildkit_check_and_nothing_else() -> None:
    text = (
        "# check=skip=all\n"
        "FROM alpine as build\n"  # CL1001 (not BuildKit's) and CL3502 FromAsCasing
        "MAINTAINER me\n"  # CL3019 MaintainerDeprecated
        'CMD ["a"]\n'
        'CMD ["b"]\n'  # CL3020, one of MultipleInstructionsDisallowed's
        "WORKDIR app\n"  # CL3001 is hadolint's DL3000, not BuildKit's WorkdirRelativePath
    )
    findings = lint(text, select=["CL1001", "CL3502", "CL3019", "CL3020", "CL3001"])
    assert suppressed(findings) == [("CL3019", 3), ("CL3020", 5), ("CL3502", 2)]
    assert active(findings) == [("CL1001", 2), ("CL3001", 6)]


def test_several_names_and_unknown_names() -> None:
    names = "MaintainerDeprecated,FromAsCasing,InvalidDefinitionDescription"
    text = f"# check=skip={names}\nFROM alpine:3.20 as a\nMAINTAINER me\n"
    findings = lint(text, select=["CL3502", "CL3019", "unknown-rule-reference"])
    assert suppressed(findings) == [("CL3019", 3), ("CL3502", 2)]
    assert active(findings) == []  # another tool's unknown names are not reported by default
    reported = lint(
        text,
        select=["CL3502", "CL3019", "unknown-rule-reference"],
        rule_options={"unknown-rule-reference": {"other-tools": True}},
    )
    unknown = [f for f in reported if f.name == "unknown-rule-reference"]
    assert len(unknown) == 1
    assert "'buildkit:InvalidDefinitionDescription'" in unknown[0].message
    assert (unknown[0].span.start.line, unknown[0].span.start.column) == (1, 48)


def test_multiple_instructions_disallowed_names_three_rules() -> None:
    text = (
        "# check=skip=MultipleInstructionsDisallowed\n"
        "FROM alpine:3.20\n"
        'CMD ["a"]\nCMD ["b"]\n'
        'ENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n'
        'HEALTHCHECK CMD ["a"]\nHEALTHCHECK CMD ["b"]\n'
    )
    findings = lint(text, select=["CL3020", "CL3021", "CL3004"])
    assert suppressed(findings) == [("CL3004", 8), ("CL3020", 4), ("CL3021", 6)]


def test_rejected_value_suppresses_nothing() -> None:
    assert active(lint("# check=skip=FromAsCasing;error=yes\n" + CASING, select=["CL3502"])) == [
        ("CL3502", 2),
        ("CL3502", 4),
    ]


def test_directive_below_the_top_is_an_instruction_comment() -> None:
    # After an ordinary comment parser directives are over: this one is about the next FROM only.
    findings = lint("# build image\n# check=skip=FromAsCasing\n" + CASING, select=["CL3502"])
    assert suppressed(findings) == [("CL3502", 3)]
    assert active(findings) == [("CL3502", 5)]


# --- error=true ------------------------------------------------------------------------------


def test_error_true_raises_buildkit_findings_to_error() -> None:
    text = "# check=error=true\nFROM alpine as build\nCMD run\n"
    findings = lint(text, select=["CL1001", "CL3502", "CL3010"])
    levels = {f.code: f.severity for f in findings}
    assert levels == {"CL1001": Severity.WARNING, "CL3502": Severity.ERROR, "CL3010": Severity.ERROR}
    assert not any(f.suppressed for f in findings)


def test_error_with_skip_and_error_false() -> None:
    text = "# check=skip=FromAsCasing;error=true\nFROM alpine:3.20 as build\nCMD run\n"
    findings = lint(text, select=["CL3502", "CL3010"])
    assert suppressed(findings) == [("CL3502", 2)]
    assert [f.severity for f in findings if f.code == "CL3010"] == [Severity.ERROR]
    plain = lint("# check=error=false\nFROM alpine:3.20\nCMD run\n", select=["CL3010"])
    assert [f.severity for f in plain] == [Severity.WARNING]


def test_error_in_a_comment_above_an_instruction_does_nothing() -> None:
    # BuildKit merges only skip (and experimental) from instruction comments.
    findings = lint("FROM alpine:3.20\n# check=error=true\nCMD run\n", select=["CL3010"])
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_error_directive_is_never_reported_as_unused() -> None:
    findings = lint(
        "# check=error=true\nFROM alpine:3.20\n",
        select=["CL3010", "unused-suppression"],
        rule_options={"unused-suppression": {"other-tools": True}},
    )
    assert findings == []


# --- comments above an instruction -------------------------------------------------------------


def test_comment_above_an_instruction_covers_that_instruction() -> None:
    text = "FROM alpine:3.20\n# check=skip=JSONArgsRecommended\nCMD run\nENTRYPOINT run\n"
    findings = lint(text, select=["CL3010"])
    assert suppressed(findings) == [("CL3010", 3)]
    assert active(findings) == [("CL3010", 4)]
    assert findings[0].suppression is not None and findings[0].suppression.kind == "inline"


def test_reason_after_the_value() -> None:
    text = "FROM alpine:3.20\n# check=skip=SecretsUsedInArgOrEnv // allow secret in arg\nARG password\n"
    findings = lint(text, select=["CL3511"])
    assert suppressed(findings) == [("CL3511", 3)]
    assert findings[0].suppression is not None
    assert findings[0].suppression.reason == "allow secret in arg"


def test_covers_continuation_lines_and_survives_blank_lines_and_other_comments() -> None:
    text = "FROM alpine:3.20\n# check=skip=JSONArgsRecommended\n\n# start the server\n\nCMD \\\n  run\n"
    assert suppressed(lint(text, select=["CL3010"])) == [("CL3010", 7)]  # the command, on line 7


def test_bare_hash_line_drops_the_comments_before_it() -> None:
    text = "FROM alpine:3.20\n# check=skip=JSONArgsRecommended\n#\nCMD run\n"
    assert active(lint(text, select=["CL3010"])) == [("CL3010", 4)]


def test_only_the_first_check_comment_counts() -> None:
    text = "FROM alpine:3.20 as a\n# check=skip=FromAsCasing\n# check=skip=JSONArgsRecommended\nCMD run\n"
    assert active(lint(text, select=["CL3010"])) == [("CL3010", 4)]
    void = "FROM alpine:3.20\n# check=skip=X;bogus=1\n# check=skip=JSONArgsRecommended\nCMD run\n"
    assert active(lint(void, select=["CL3010"])) == [("CL3010", 4)]


def test_indented_comment_is_not_a_check_comment() -> None:
    text = "FROM alpine:3.20\n  # check=skip=JSONArgsRecommended\nCMD run\n"
    assert active(lint(text, select=["CL3010"])) == [("CL3010", 3)]


def test_comment_above_covers_the_next_instruction_only_after_its_own_line() -> None:
    # A check comment between the continuation lines of an instruction is BuildKit's to drop.
    text = "FROM alpine:3.20\nRUN true \\\n# check=skip=JSONArgsRecommended\n  && true\nCMD run\n"
    assert active(lint(text, select=["CL3010"])) == [("CL3010", 5)]


def test_file_wide_checks_are_out_of_reach_of_instruction_comments() -> None:
    text = (
        "FROM alpine:3.20 AS a\n"
        "# check=skip=DuplicateStageName\n"
        "FROM alpine:3.20 AS a\n"
        "# check=skip=all\n"
        "FROM alpine:3.20 as a\n"  # CL3009 again, and CL3502 FromAsCasing
    )
    findings = lint(text, select=["CL3009", "CL3502"])
    assert active(findings) == [("CL3009", 3), ("CL3009", 5)]
    assert suppressed(findings) == [("CL3502", 5)]


def test_skip_all_above_a_stage_covers_its_from_checks() -> None:
    text = "FROM alpine:3.20\n# check=skip=all\nFROM --platform=$TARGETPLATFORM alpine:3.20 as b\n"
    assert active(lint(text, select=["CL1004", "CL3502"])) == []


def test_our_own_directive_still_works_next_to_a_check_comment() -> None:
    text = "FROM alpine:3.20\n# check=skip=FromAsCasing\n# containerlint: ignore=CL3010\nCMD run\n"
    findings = lint(text, select=["CL3010"])
    assert findings[0].suppression is not None and findings[0].suppression.source == "containerlint"


# --- the plain-data reader -----------------------------------------------------------------------


def test_buildkit_directives_from_plain_data() -> None:
    comments = [(1, 1, "# check=skip=all;error=true"), (3, 1, "# check=skip=UndefinedVar,DuplicateStageName")]
    directives = buildkit_directives(comments, [(2, 2), (4, 6)], directive_lines=[1])
    assert [(d.scope, d.effect, d.selectors, d.first_line, d.last_line) for d in directives] == [
        ("file", "suppress", (BUILDKIT_ALL,), 1, 1),
        ("file", "error", (BUILDKIT_ALL,), 1, 1),
        ("lines", "suppress", ("buildkit:UndefinedVar",), 4, 6),
    ]
    assert {d.source for d in directives} == {"buildkit"}


def test_instruction_comment_naming_only_file_wide_checks_gives_no_directive() -> None:
    assert buildkit_directives([(1, 1, "# check=skip=ConsistentInstructionCasing")], [(2, 2)]) == []
