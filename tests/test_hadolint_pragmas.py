"""hadolint's comment pragmas: ``stage ignore=``, ``shell=``, DL1001 (CL0009), and ignores that
name one of a rule's several hadolint codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from containerlint.engine import LintOptions, Source, lint_sources, parse_source
from containerlint.model import FileKind, Finding
from containerlint.suppress import dockerfile_directives, instruction_ignore_comments, shell_pragmas
from tests.helpers import builtin_ruleset, lint_text


def active(text: str, code: str, **kwargs: object) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, **kwargs)
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == code and not f.suppressed]


def suppressed(text: str, code: str) -> list[int]:
    return [f.span.start.line for f in lint_text(text, FileKind.DOCKERFILE) if f.code == code and f.suppressed]


# ---------------------------------------------------------------------------------------------
# stage ignore


def test_stage_ignore_above_from_covers_that_stage_only() -> None:
    text = "FROM python AS one\n# hadolint stage ignore=DL3006,DL3007\nFROM node AS two\nFROM two\nFROM alpine:latest\n"
    assert suppressed(text, "CL1001") == [3]
    assert active(text, "CL1001") == [(1, 6), (5, 6)]


def test_stage_directive_covers_from_the_next_instruction_to_the_end_of_its_stage() -> None:
    comments = [(3, 1, "# hadolint stage ignore=DL3008")]
    instructions = [(1, 1), (2, 2), (4, 6), (7, 7), (9, 9), (10, 10)]
    stages = [(1, 7), (9, 10)]
    (directive,) = dockerfile_directives(comments, instructions, stages)
    assert (directive.scope, directive.first_line, directive.last_line) == ("stage", 4, 7)
    assert directive.selectors == ("hadolint:DL3008",)
    assert not directive.covers(2) and directive.covers(5) and not directive.covers(9)


def test_stage_directive_without_stages_covers_the_rest_of_the_file() -> None:
    (directive,) = dockerfile_directives([(1, 1, "#hadolint stage ignore=DL3002")], [(2, 2), (3, 5)])
    assert (directive.first_line, directive.last_line) == (2, 5)


def test_stage_suppression_is_recorded_as_inline_and_narrower_than_global() -> None:
    text = "# hadolint global ignore=DL3006\n# hadolint stage ignore=DL3006\nFROM python\n"
    (finding,) = [f for f in lint_text(text, FileKind.DOCKERFILE) if f.code == "CL1001"]
    assert finding.suppression is not None
    assert finding.suppression.kind == "inline"
    assert finding.suppression.directive == "# hadolint stage ignore=DL3006"


# ---------------------------------------------------------------------------------------------
# One of a rule's several hadolint codes (CL1001 is DL3006, untagged, and DL3007, latest)


def test_an_alias_suppresses_only_the_findings_that_correspond_to_it() -> None:
    assert active("# hadolint ignore=DL3006\nFROM nginx:latest\n", "CL1001") == [(2, 6)]
    assert active("# hadolint ignore=DL3007\nFROM nginx:latest\n", "CL1001") == []
    assert active("# hadolint ignore=DL3006\nFROM nginx\n", "CL1001") == []
    assert active("# containerlint: ignore=CL1001\nFROM nginx:latest\n", "CL1001") == []


def test_an_alias_that_suppresses_nothing_is_unused() -> None:
    text = "# hadolint ignore=DL3006\nFROM nginx:latest\n"
    found = active(text, "CL0005", rule_options={"unused-suppression": {"other-tools": True}})
    assert found == [(1, 1)]


def test_per_file_ignores_with_an_alias_are_as_precise() -> None:
    ruleset = builtin_ruleset()
    options = LintOptions(
        rules=ruleset.select(),
        ruleset=ruleset,
        per_file_ignores={"Dockerfile": ["hadolint:DL3007"]},
    )
    source = Source("Dockerfile", "FROM nginx\nFROM nginx:latest\n", FileKind.DOCKERFILE, explicit=True)
    findings = [f for f in lint_sources([source], options).findings if f.code == "CL1001"]
    assert [(f.span.start.line, f.suppressed) for f in findings] == [(1, False), (2, True)]


# ---------------------------------------------------------------------------------------------
# shell=powershell

POWERSHELL = 'RUN if ($x) { Write-Host "hi" }\n'  # not POSIX shell: CL0002 without the pragma


def test_without_the_pragma_powershell_is_unparsable_shell() -> None:
    assert active("FROM mcr.microsoft.com/windows/servercore:ltsc2022\n" + POWERSHELL, "CL0002") == [(2, 5)]


def test_shell_pragma_before_from_holds_for_every_stage() -> None:
    text = "# hadolint shell=powershell # windows image\nFROM base:1 AS a\n" + POWERSHELL + "FROM base:1\n" + POWERSHELL
    assert active(text, "CL0002") == []


def test_shell_pragma_in_a_stage_holds_for_the_rest_of_it_and_stages_built_on_it() -> None:
    text = (
        "FROM base:1 AS a\n"
        + POWERSHELL  # 2: before the pragma
        + "# hadolint shell=pwsh\n"
        + POWERSHELL  # 4
        + "FROM a\n"
        + POWERSHELL  # 6: inherits from stage a
        + "FROM base:1\n"
        + POWERSHELL  # 8: a fresh stage
    )
    assert active(text, "CL0002") == [(2, 5), (8, 5)]


def test_a_shell_instruction_replaces_the_pragma() -> None:
    text = '# hadolint shell=powershell\nFROM base:1\nSHELL ["/bin/sh", "-c"]\n' + POWERSHELL
    assert active(text, "CL0002") == [(4, 5)]


def test_a_posix_shell_pragma_keeps_the_shell_checks() -> None:
    assert active("# hadolint shell=bash\nFROM base:1\n" + POWERSHELL, "CL0002") == [(3, 5)]


def test_shell_pragma_reaches_heredocs_and_onbuild_but_not_scripts_with_a_shebang() -> None:
    text = (
        "# hadolint shell=powershell\n"
        "FROM base:1\n"
        "RUN <<EOF\n"
        'if ($x) { Write-Host "hi" }\n'
        "EOF\n"
        'ONBUILD RUN if ($x) { Write-Host "hi" }\n'
        "CMD Get-Process\n"
        "RUN <<EOF\n"
        "#!/bin/sh\n"
        "echo ok\n"
        "EOF\n"
    )
    tree = parse_source(Source("Dockerfile", text, FileKind.DOCKERFILE)).tree
    run, onbuild, cmd, script = tree.instructions[1:]
    assert not run.runs_posix_shell and run.heredocs[0].interpreter == "powershell"
    assert onbuild.inner.shell_command == ("powershell",) and onbuild.shell is None
    assert cmd.shell is None
    assert script.heredocs[0].runs_in_shell  # its shebang says /bin/sh
    assert active(text, "CL0002") == []


def test_shell_pragmas_are_read_as_hadolint_writes_them() -> None:
    comments = [
        (1, 1, "# hadolint shell=powershell"),
        (2, 1, "#hadolint shell = cmd # comment"),
        (3, 1, "# hadolint shell="),
        (4, 1, "# hadolint ignore=DL3008"),
        (5, 1, "# shell=powershell"),
    ]
    assert shell_pragmas(comments) == [(1, "powershell"), (2, "cmd")]


# ---------------------------------------------------------------------------------------------
# CL0009 inline-ignore-pragma (hadolint's DL1001)


def test_inline_ignore_pragmas_are_reported_when_asked_for() -> None:
    text = (
        "# hadolint global ignore=DL3003\n"
        "# hadolint stage ignore=DL3008\n"
        "# containerlint: ignore-file=CL0005\n"
        "FROM python:3.12\n"
        "  # hadolint ignore=DL3006,DL3007\n"
        "FROM nginx\n"
        "# containerlint: ignore=unpinned-image -- mirrored\n"
        "FROM internal/base\n"
        "# ignore=DL3008 is what hadolint would need\n"
    )
    assert active(text, "CL0009") == []  # off by default, as DL1001 is in hadolint
    findings = [f for f in lint_text(text, FileKind.DOCKERFILE, extend_select=["CL0009"]) if f.code == "CL0009"]
    assert [(str(f.span), f.suppressed) for f in findings] == [("5:3-5:34", False), ("7:1-7:51", False)]
    assert findings[0].message == (
        "inline hadolint ignore comment '# hadolint ignore=DL3006,DL3007': please refrain from inline ignore pragmas"
    )
    assert "inline containerlint ignore comment" in findings[1].message


def test_instruction_ignore_comments() -> None:
    comments = [(1, 1, "# hadolint ignore=DL3008"), (2, 1, "# hadolint global ignore=DL3008"), (3, 1, "# x")]
    assert instruction_ignore_comments(comments) == [((1, 1, "# hadolint ignore=DL3008"), "hadolint")]


@pytest.mark.parametrize("name", ["CL0009", "inline-ignore-pragma", "hadolint:DL1001"])
def test_cl0009_is_selectable_by_every_name(name: str) -> None:
    findings: list[Finding] = lint_text(
        "FROM a:1\n# hadolint ignore=DL3007\nFROM b:1\n", FileKind.DOCKERFILE, select=[name]
    )
    assert [f.code for f in findings] == ["CL0009"]


def test_rules_page_exists() -> None:
    assert (Path(__file__).resolve().parent.parent / "rules" / "CL0009.md").is_file()
