"""BuildKit's casing checks: StageNameCasing (CL3501), FromAsCasing (CL3502),
ConsistentInstructionCasing (CL3503) and ExposeProtoCasing (CL3505).

Cases follow BuildKit's documented behaviour (docs/rules/*.md and the frontend's check tests),
rewritten; positions are (line, column, end column) of the reported span.
"""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text


def found(code: str, text: str) -> list[tuple[int, int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[code])
    return [(f.span.start.line, f.span.start.column, f.span.end.column) for f in findings if f.code == code]


def messages(code: str, text: str) -> list[str]:
    return [f.message for f in lint_text(text, FileKind.DOCKERFILE, select=[code]) if f.code == code]


def fixes(code: str, text: str) -> list[str]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[code])
    return [edit.text for f in findings if f.code == code and f.fix for edit in f.fix.edits]


# StageNameCasing ------------------------------------------------------------------------------


def test_stage_name_with_capitals_is_reported_at_the_name() -> None:
    text = "FROM scratch AS BadStageName\nFROM scratch as base2\nFROM scratch AS base3\n"
    assert found("CL3501", text) == [(1, 17, 29)]
    assert messages("CL3501", text) == ["stage name 'BadStageName' should be lowercase"]
    assert fixes("CL3501", text) == ["badstagename"]


def test_lowercase_and_unnamed_stages_are_fine() -> None:
    assert found("CL3501", "FROM alpine AS builder-base\nFROM alpine\nfrom alpine as x.y_z\n") == []


# FromAsCasing ---------------------------------------------------------------------------------


def test_upper_from_with_lower_as() -> None:
    text = "FROM scratch AS BadStageName\n\nFROM scratch as base2\n\nFROM scratch AS base3\n"
    assert found("CL3502", text) == [(3, 14, 16)]
    assert messages("CL3502", text) == ["'as' and 'FROM' keywords' casing do not match"]
    assert fixes("CL3502", text) == ["AS"]


def test_lower_from_with_upper_as() -> None:
    text = "from scratch AS base\nfrom scratch as base2\n"
    assert found("CL3502", text) == [(1, 14, 16)]
    assert messages("CL3502", text) == ["'AS' and 'from' keywords' casing do not match"]


def test_mixed_as_is_reported_but_mixed_from_is_left_to_instruction_casing() -> None:
    assert found("CL3502", "FROM scratch As base\n") == [(1, 14, 16)]
    assert found("CL3502", "From scratch as base\nFrom scratch AS other\n") == []


def test_from_without_stage_name_is_fine() -> None:
    assert found("CL3502", "FROM scratch\nfrom alpine\n") == []


# ConsistentInstructionCasing ----------------------------------------------------------------


def test_mixed_case_keyword_against_upper_majority() -> None:
    text = "\n# comment\n#\nFrom scratch as base\nFROM scratch AS base2\n"
    assert found("CL3503", text) == [(4, 1, 5)]
    assert messages("CL3503", text) == [
        "instruction 'From' should match the case of the instruction majority (uppercase)"
    ]


def test_lower_keyword_in_upper_file() -> None:
    assert found("CL3503", "FROM scratch\ncopy Dockerfile /foo\nCOPY Dockerfile /bar\n") == [(2, 1, 5)]


def test_mixed_case_keyword_against_lower_majority() -> None:
    text = "frOM scratch as base\nfrom scratch as base2\n"
    assert found("CL3503", text) == [(1, 1, 5)]
    assert fixes("CL3503", text) == ["from"]


def test_upper_keyword_in_lower_file() -> None:
    assert found("CL3503", "from scratch\nCOPY Dockerfile /foo\ncopy Dockerfile /bar\n") == [(2, 1, 5)]


def test_from_counts_like_any_instruction() -> None:
    text = "from scratch\nCOPY a /a\nCOPY b /b\nCOPY c /c\n"
    assert found("CL3503", text) == [(1, 1, 5)]
    text = "FROM scratch\ncopy a /a\ncopy b /b\ncopy c /c\n"
    assert found("CL3503", text) == [(1, 1, 5)]


def test_a_tie_means_uppercase() -> None:
    assert found("CL3503", "from scratch\nCOPY a /a\n") == [(1, 1, 5)]


def test_consistent_files_are_fine() -> None:
    assert found("CL3503", "from scratch\ncopy a /a\ncopy b /b\n") == []
    assert found("CL3503", "FROM scratch\nCOPY a /a\nCOPY b /b\n") == []


def test_heredoc_bodies_are_not_instructions() -> None:
    text = "FROM alpine\nRUN <<'EOT'\nenv\ncopy a b\nEOT\n"
    assert found("CL3503", text) == []


def test_global_args_neither_vote_nor_are_checked() -> None:
    # BuildKit keeps the ARGs before the first FROM out of the stages it counts.
    text = "arg A\nArg B\narg C\nFROM scratch\nCOPY a /a\n"
    assert found("CL3503", text) == []


def test_onbuild_trigger_keyword_is_an_argument() -> None:
    text = "FROM scratch\nONBUILD run echo hi\nCOPY a /a\n"
    assert found("CL3503", text) == []
    assert found("CL3503", "FROM scratch\nOnBuild RUN echo hi\n") == [(2, 1, 8)]


def test_indented_keyword_position() -> None:
    assert found("CL3503", "FROM scratch\n  Copy a /a\n") == [(2, 3, 7)]


# ExposeProtoCasing ----------------------------------------------------------------------------


def test_each_uppercase_protocol_is_reported_at_the_protocol() -> None:
    text = "FROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n"
    assert found("CL3505", text) == [(2, 11, 14), (2, 20, 23)]
    assert messages("CL3505", text) == [
        "protocol of '80/TcP' in EXPOSE should be lowercase",
        "protocol of '8080/TCP' in EXPOSE should be lowercase",
    ]
    assert fixes("CL3505", text) == ["tcp", "tcp"]


def test_protocol_after_host_mapping_and_ranges() -> None:
    assert found("CL3505", "FROM scratch\nEXPOSE 8000-8010/UDP 1.2.3.4:53:53/SCTP\n") == [(2, 18, 21), (2, 36, 40)]


def test_quoted_argument_is_reported_as_a_whole_without_a_fix() -> None:
    text = 'FROM scratch\nEXPOSE "80/TCP"\n'
    assert found("CL3505", text) == [(2, 8, 16)]
    assert fixes("CL3505", text) == []


def test_invalid_or_variable_arguments_are_left_alone() -> None:
    text = "FROM scratch\nARG P=80/TCP\nEXPOSE 80/FTP /TCP $P ${P}/TCP 80 443/tcp\n"
    assert found("CL3505", text) == []
