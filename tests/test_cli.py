"""The command line end to end: exit codes, paths, selection, config, stdin, formats, catalogue.

Most tests call ``containerlint.cli.main`` in-process (fast, and stderr is captured by pytest);
the ones about the real process (``python -m``, import cost, the console script, piping) run it
in a subprocess.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import containerlint.plugins
from containerlint import Context, FileKind, Problem, Rule, Severity, hookimpl
from containerlint.__about__ import __version__
from containerlint.cli import main
from containerlint.config import find_config
from tests.helpers import builtin_ruleset

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
ANSI = "\x1b["

UNPINNED_DOCKERFILE = "FROM nginx:latest\n"
PINNED_DOCKERFILE = "FROM nginx:1.27.3\n"
COMPOSE = """\
services:
  web:
    image: nginx:1.27.3
    environment:
      POSTGRES_PASSWORD: supersecret123
    volumes:
      - uploads:/data
"""
KUBERNETES = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27.3
          securityContext:
            runAsNonRoot: true
            readOnlyRootFilesystem: true
          resources:
            requests: {cpu: 100m}
            limits: {memory: 128Mi}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: wbe
  ports:
    - port: 80
"""
# What the mixed tree below reports with the default settings: (path, line, code).
MIXED_FINDINGS = {
    ("app/Dockerfile", 1, "CL1001"),
    ("compose.yaml", 5, "CL5001"),
    ("compose.yaml", 7, "CL7001"),
    ("deploy/app.yaml", 30, "CL7002"),
}


# ---------------------------------------------------------------------------------------------
# Helpers


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def findings(self) -> set[tuple[str, int, str]]:
        """(path, line, code) of every finding in a ``--format json`` report."""
        return {(f["path"], f["start"]["line"], f["code"]) for f in self.json()["findings"]}

    def codes(self) -> set[str]:
        return {code for _, _, code in self.findings()}


class TtyStringIO(io.StringIO):
    """A stdout that says it is a terminal, for testing ``--color auto``."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run ``main`` in-process; stdout is what it writes to the stream it was given."""

    def run(*argv: str, stdin: str = "", stdout: io.StringIO | None = None) -> Result:
        stream = stdout if stdout is not None else io.StringIO()
        code = main(list(argv), stdin=io.StringIO(stdin), stdout=stream)
        captured = capsys.readouterr()
        assert captured.out == "", "the CLI wrote to sys.stdout instead of the stream it was given"
        return Result(code, stream.getvalue(), captured.err)

    return run


def run_process(
    *argv: str, cwd: Path = REPO, input: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "containerlint", *argv],
        cwd=cwd,
        input=input,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def assert_usage_error(code: int, err: str, *needles: str) -> None:
    """Exit 2 with exactly one line on stderr, ``containerlint: error: ...``, and no traceback."""
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("containerlint: error: "), err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder that is also the working directory, with no config above it."""
    assert find_config(tmp_path) is None, "a containerlint config above the temporary folder would skew these tests"
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


@pytest.fixture
def mixed(project: Path) -> Path:
    """One file of each kind, with findings of four rules (see MIXED_FINDINGS)."""
    return write(
        project,
        {"app/Dockerfile": UNPINNED_DOCKERFILE, "compose.yaml": COMPOSE, "deploy/app.yaml": KUBERNETES},
    )


# An extra rule, off by default and of style severity, registered through the plugin manager the
# way a plugin's would be.
OPTIONAL = Rule(
    code="TST901",
    name="optional-check",
    summary="Flags the first instruction of a Dockerfile (for tests)",
    severity=Severity.STYLE,
    tags=("testing",),
    default_enabled=False,
)


@OPTIONAL.check(FileKind.DOCKERFILE)
def _first_instruction(dockerfile: Any, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.instructions[:1]:
        yield Problem(instruction.keyword_span, "the first instruction")


class _OptionalPlugin:
    @hookimpl
    def containerlint_rules(self) -> list[Rule]:
        return [OPTIONAL]


@pytest.fixture
def optional_rule(monkeypatch: pytest.MonkeyPatch) -> Rule:
    original = containerlint.plugins.build_manager

    def build_manager(load_entry_points: bool = True, extra: tuple[object, ...] = ()) -> Any:
        return original(load_entry_points, (*extra, _OptionalPlugin()))

    monkeypatch.setattr(containerlint.plugins, "build_manager", build_manager)
    return OPTIONAL


# ---------------------------------------------------------------------------------------------
# Exit codes and usage errors


def test_clean_tree_exits_0(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {"Dockerfile": PINNED_DOCKERFILE})
    result = cli()
    assert result.code == 0
    assert result.out == "All checked: no problems in 1 file.\n"
    assert result.err == ""


def test_findings_exit_1(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {"Dockerfile": UNPINNED_DOCKERFILE})
    result = cli()
    assert result.code == 1
    assert result.out.startswith("Dockerfile:1:6: CL1001 [warning] ")
    assert result.out.endswith("Found 1 problem (1 warning) in 1 file.\n")
    assert result.err == ""


def _write_bad_toml(root: Path) -> None:
    write(root, {".containerlint.toml": "ignore = [\n"})


def _write_unknown_key(root: Path) -> None:
    write(root, {".containerlint.toml": 'ignroe = ["CL1001"]\n'})


def _write_unknown_selector(root: Path) -> None:
    write(root, {".containerlint.toml": '[severity]\nunpined-image = "error"\n'})


def _write_bad_option(root: Path) -> None:
    write(root, {".containerlint.toml": "[rules.unused-suppression]\nother-tool = true\n"})


def _nothing(root: Path) -> None:
    pass


USAGE_ERRORS = [
    pytest.param(_nothing, ["--bogus"], ["--bogus"], id="unknown-flag"),
    pytest.param(
        _nothing, ["--select", "unpined-image"], ["unpined-image", "did you mean 'unpinned-image'?"], id="select-typo"
    ),
    # A typo whose nearest rule is unambiguous: CL1001 is the only code "CL-1001" contains entirely.
    pytest.param(_nothing, ["--ignore", "CL-1001"], ["'CL-1001'", "did you mean 'CL1001'?"], id="ignore-typo"),
    pytest.param(_nothing, ["--extend-select", "nonexistent-rule-name"], ["nonexistent-rule-name"], id="extend-typo"),
    pytest.param(_nothing, ["--format", "xml"], ["unknown format 'xml'", "json", "sarif"], id="format"),
    pytest.param(_nothing, ["--fail-on", "fatal"], ["--fail-on", "fatal"], id="fail-on"),
    pytest.param(_nothing, ["missing/"], ["path does not exist", "missing"], id="missing-path"),
    pytest.param(_nothing, ["--config", "nope.toml"], ["nope.toml", "not found"], id="missing-config"),
    pytest.param(_nothing, ["--config", "x.toml", "--isolated"], ["isolated"], id="config-and-isolated"),
    pytest.param(_write_bad_toml, [], [".containerlint.toml", "invalid TOML"], id="invalid-toml"),
    pytest.param(_write_unknown_key, [], ["unknown key 'ignroe'", "did you mean 'ignore'?"], id="unknown-key"),
    pytest.param(_write_unknown_selector, [], ["severity", "did you mean 'unpinned-image'?"], id="config-selector"),
    pytest.param(_write_bad_option, [], ["unknown option 'other-tool'", "other-tools"], id="rule-option"),
    pytest.param(_nothing, ["rules", "--format", "yaml"], ["yaml"], id="rules-format"),
    pytest.param(_nothing, ["explain"], ["CODE"], id="explain-without-code"),
]


@pytest.mark.parametrize(("setup", "argv", "needles"), USAGE_ERRORS)
def test_usage_errors_exit_2_with_one_line(
    project: Path, cli: Callable[..., Result], setup: Callable[[Path], None], argv: list[str], needles: list[str]
) -> None:
    write(project, {"Dockerfile": UNPINNED_DOCKERFILE, "x.toml": ""})
    setup(project)
    result = cli(*argv)
    assert_usage_error(result.code, result.err, *needles)
    assert result.out == ""


@pytest.mark.parametrize(
    ("argv", "needle"),
    [(["--bogus"], "--bogus"), (["--select", "unpined-image", "."], "did you mean 'unpinned-image'?")],
)
def test_usage_errors_in_a_real_process(tmp_path: Path, argv: list[str], needle: str) -> None:
    # argparse writes its usage block to the real stderr; the promise is still one line.
    completed = run_process(*argv, cwd=tmp_path)
    assert_usage_error(completed.returncode, completed.stderr, needle)
    assert completed.stdout == ""


def test_help_exits_0() -> None:
    completed = run_process("--help")
    assert completed.returncode == 0
    assert completed.stdout.startswith("usage: containerlint")
    for flag in ("--select", "--fail-on", "--format", "--stdin-filename", "--show-source"):
        assert flag in completed.stdout
    assert completed.stderr == ""


# ---------------------------------------------------------------------------------------------
# --fail-on


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], 1),
        (["--fail-on", "error"], 0),
        (["--fail-on", "warning"], 1),
        (["--fail-on", "info"], 1),
        (["--fail-on", "style"], 1),
        (["--fail-on", "never"], 0),
    ],
)
def test_fail_on_with_a_warning_only_tree(
    project: Path, cli: Callable[..., Result], argv: list[str], expected: int
) -> None:
    write(project, {"Dockerfile": UNPINNED_DOCKERFILE})
    result = cli(*argv)
    assert result.code == expected
    assert "CL1001 [warning]" in result.out  # the finding is reported whatever the threshold


@pytest.mark.parametrize(
    ("threshold", "expected"), [("error", 0), ("warning", 0), ("info", 1), ("style", 1), ("never", 0)]
)
def test_fail_on_with_an_info_only_tree(
    project: Path, cli: Callable[..., Result], threshold: str, expected: int
) -> None:
    # CL0007 skipped-file, info (a kustomization is rendered now, so a Helm template)
    write(project, {"c/Chart.yaml": "apiVersion: v2\nname: c\n", "c/templates/d.yaml": "kind: {{ .Values.k }}\n"})
    result = cli("--fail-on", threshold)
    assert "CL0007 [info]" in result.out
    assert result.code == expected


@pytest.mark.parametrize(("threshold", "expected"), [("style", 1), ("info", 0)])
def test_fail_on_style(
    project: Path, cli: Callable[..., Result], optional_rule: Rule, threshold: str, expected: int
) -> None:
    write(project, {"Dockerfile": PINNED_DOCKERFILE})
    result = cli("--select", optional_rule.code, "--fail-on", threshold)
    assert "TST901 [style]" in result.out
    assert result.code == expected


def test_fail_on_never_still_reports_errors(mixed: Path, cli: Callable[..., Result]) -> None:
    result = cli("--fail-on", "never", "--format", "json")
    assert result.code == 0
    assert result.findings() == MIXED_FINDINGS
    assert result.json()["summary"]["fail_on"] == "never"


# ---------------------------------------------------------------------------------------------
# Paths


def test_default_path_is_the_working_directory(mixed: Path, cli: Callable[..., Result]) -> None:
    result = cli("--format", "json")
    assert result.code == 1
    assert result.findings() == MIXED_FINDINGS
    assert cli("--format", "json", ".").findings() == MIXED_FINDINGS


def test_several_paths(mixed: Path, cli: Callable[..., Result]) -> None:
    result = cli("--format", "json", "app", "deploy")
    assert result.findings() == {("app/Dockerfile", 1, "CL1001"), ("deploy/app.yaml", 30, "CL7002")}


def test_a_file_named_explicitly(mixed: Path, cli: Callable[..., Result]) -> None:
    write(mixed, {"app/build.docker": UNPINNED_DOCKERFILE})  # a name no pattern recognises
    assert cli("--format", "json", "compose.yaml").findings() == {
        ("compose.yaml", 5, "CL5001"),
        ("compose.yaml", 7, "CL7001"),
    }
    assert cli("--format", "json", "app/Dockerfile").findings() == {("app/Dockerfile", 1, "CL1001")}


def test_paths_are_shown_relative_to_the_working_directory(
    mixed: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given as an absolute path, still shown relative to the working directory.
    assert cli("--format", "json", str(mixed / "app")).findings() == {("app/Dockerfile", 1, "CL1001")}
    monkeypatch.chdir(mixed / "app")
    result = cli(".")
    assert result.out.startswith("Dockerfile:1:6: CL1001 ")
    assert str(mixed) not in result.out


def test_exclude_flag(mixed: Path, cli: Callable[..., Result]) -> None:
    result = cli("--format", "json", "--exclude", "deploy/", "--exclude", "compose.yaml")
    assert result.findings() == {("app/Dockerfile", 1, "CL1001")}


# ---------------------------------------------------------------------------------------------
# Rule selection


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--select", "CL1001"], {"CL1001"}),
        (["--select", "CL1"], {"CL1001"}),  # prefix
        (["--select", "CL7"], {"CL7001", "CL7002", "CL7016"}),  # a prefix also turns on CL7016 (off by default)
        (["--select", "unpinned-image"], {"CL1001"}),  # name
        (["--select", "supply-chain"], {"CL1001"}),  # tag
        (["--select", "hadolint:DL3007"], {"CL1001"}),  # alias
        (["--select", "kube-linter:dangling-service"], {"CL7002"}),
        (["--select", "cl5001"], {"CL5001"}),  # case does not matter
        (["--select", "CL1001,CL5001"], {"CL1001", "CL5001"}),
        (["--select", "CL1001", "--select", "CL5001"], {"CL1001", "CL5001"}),  # repeated flag adds
        (["--select", "CL5", "--extend-select", "CL1001"], {"CL1001", "CL5001"}),
        (["--extend-select", "CL1001"], {"CL1001", "CL5001", "CL7001", "CL7002"}),
        (["--ignore", "CL1001"], {"CL5001", "CL7001", "CL7002"}),
        (["--ignore", "CL7"], {"CL1001", "CL5001"}),
        (["--ignore", "CL7", "--ignore", "unpinned-image"], {"CL5001"}),  # repeated flag adds
        (["--ignore", "hadolint:DL3006"], {"CL5001", "CL7001", "CL7002"}),
        (["--select", "CL7", "--ignore", "CL7002,CL7016"], {"CL7001"}),  # more specific wins
    ],
)
def test_selection(mixed: Path, cli: Callable[..., Result], argv: list[str], expected: set[str]) -> None:
    result = cli("--format", "json", *argv)
    assert result.codes() == expected


def test_select_all_includes_rules_that_are_off_by_default(mixed: Path, cli: Callable[..., Result]) -> None:
    default = cli("--format", "json").codes()
    everything = cli("--format", "json", "--select", "ALL").codes()
    # Off by default, and found in the mixed tree once on: missing-user, missing-healthcheck,
    # non-isolated-pod, sorted-keys.
    assert default | {"CL2020", "CL3014", "CL7016", "CL4312"} <= everything
    assert not {"CL2020", "CL3014", "CL7016", "CL4312"} & default
    ignored = cli("--format", "json", "--select", "ALL", "--ignore", "CL1,CL7").codes()
    assert ignored == {code for code in everything if not code.startswith(("CL1", "CL7"))}


def test_all_enables_rules_that_are_off_by_default(
    project: Path, cli: Callable[..., Result], optional_rule: Rule
) -> None:
    write(project, {"Dockerfile": UNPINNED_DOCKERFILE})
    assert cli("--format", "json").codes() == {"CL1001"}
    # ALL is every rule: a plugin's rule that is off by default (TST901) and the built-in ones
    # that are off by default (CL3014 missing-healthcheck and CL2020 missing-user report this stage) alike.
    assert cli("--format", "json", "--select", "ALL").codes() == {"CL1001", "CL2020", "CL3014", "TST901"}
    assert cli("--format", "json", "--extend-select", "optional-check").codes() == {"CL1001", "TST901"}
    assert cli("--format", "json", "--extend-select", "testing").codes() == {"CL1001", "TST901"}
    assert cli("--format", "json", "--extend-select", "missing-healthcheck").codes() == {"CL1001", "CL3014"}
    assert cli("--format", "json", "--select", "ALL", "--ignore", "TST").codes() == {"CL1001", "CL2020", "CL3014"}
    assert cli("--format", "json", "--select", "ALL", "--ignore", "TST,CL3014,CL2020").codes() == {"CL1001"}


# ---------------------------------------------------------------------------------------------
# Configuration


def test_dedicated_config_is_found_walking_up(mixed: Path, cli: Callable[..., Result]) -> None:
    write(mixed, {".containerlint.toml": 'ignore = ["unpinned-image"]\n'})
    result = cli("app")
    assert result.code == 0
    assert result.out == "All checked: no problems in 1 file.\n"


def test_pyproject_table_is_found_walking_up(mixed: Path, cli: Callable[..., Result]) -> None:
    write(mixed, {"pyproject.toml": '[project]\nname = "x"\n\n[tool.containerlint]\nselect = ["CL700"]\n'})
    assert cli("--format", "json", ".").codes() == {"CL7001", "CL7002"}
    assert cli("--format", "json", "deploy").codes() == {"CL7002"}


def test_pyproject_without_the_table_is_passed_over(mixed: Path, cli: Callable[..., Result]) -> None:
    write(mixed, {".containerlint.toml": 'select = ["CL5001"]\n', "app/pyproject.toml": "[tool.black]\n"})
    assert cli("--format", "json", "app").codes() == set()
    assert cli("--format", "json").codes() == {"CL5001"}


def test_nearest_config_wins(mixed: Path, cli: Callable[..., Result]) -> None:
    write(mixed, {".containerlint.toml": 'select = ["CL5001"]\n', "app/.containerlint.toml": 'select = ["CL1"]\n'})
    assert cli("--format", "json", "app").codes() == {"CL1001"}


def test_explicit_config_file(
    mixed: Path, cli: Callable[..., Result], tmp_path_factory: pytest.TempPathFactory
) -> None:
    write(mixed, {".containerlint.toml": 'select = ["CL5001"]\n'})
    elsewhere = tmp_path_factory.mktemp("config")
    write(
        elsewhere, {"strict.toml": 'select = ["CL700"]\n', "pyproject.toml": '[tool.containerlint]\nselect = ["CL1"]\n'}
    )
    assert cli("--format", "json", "--config", str(elsewhere / "strict.toml")).codes() == {"CL7001", "CL7002"}
    assert cli("--format", "json", "--config", str(elsewhere / "pyproject.toml")).codes() == {"CL1001"}


def test_explicit_pyproject_without_the_table_is_an_error(mixed: Path, cli: Callable[..., Result]) -> None:
    write(mixed, {"other.toml": "", "pyproject.toml": "[tool.black]\n"})
    result = cli("--config", "pyproject.toml")
    assert_usage_error(result.code, result.err, "[tool.containerlint]")


def test_isolated_ignores_config(mixed: Path, cli: Callable[..., Result]) -> None:
    write(mixed, {".containerlint.toml": 'select = ["CL5001"]\nfail-on = "never"\n'})
    assert cli("--format", "json").codes() == {"CL5001"}
    result = cli("--format", "json", "--isolated")
    assert result.findings() == MIXED_FINDINGS
    assert result.code == 1


def test_isolated_does_not_even_read_a_broken_config(mixed: Path, cli: Callable[..., Result]) -> None:
    write(mixed, {".containerlint.toml": "select = [\n"})
    assert cli("--isolated", "--format", "json").findings() == MIXED_FINDINGS


def test_command_line_overrides_config(mixed: Path, cli: Callable[..., Result]) -> None:
    write(mixed, {".containerlint.toml": 'select = ["CL5", "CL700"]\nignore = ["CL7002"]\nfail-on = "error"\n'})
    assert cli("--format", "json").codes() == {"CL5001", "CL7001"}
    # select replaces the file's select
    assert cli("--format", "json", "--select", "CL1").codes() == {"CL1001"}
    # ignore extends the file's ignore
    assert cli("--format", "json", "--ignore", "CL5").codes() == {"CL7001"}
    # fail-on replaces: a warning-only run passes with the file's "error" and fails with the flag
    assert cli("--select", "CL1").code == 0
    assert cli("--select", "CL1", "--fail-on", "warning").code == 1


def test_command_line_select_beats_the_files_ignore(mixed: Path, cli: Callable[..., Result]) -> None:
    write(mixed, {".containerlint.toml": 'ignore = ["CL1001"]\n'})
    assert cli("--format", "json", "--select", "CL1001").codes() == {"CL1001"}


def test_per_file_ignores(mixed: Path, cli: Callable[..., Result]) -> None:
    write(mixed, {".containerlint.toml": '[per-file-ignores]\n"deploy/**" = ["CL7002"]\n"*.yaml" = ["CL5"]\n'})
    result = cli("--format", "json")
    assert result.findings() == {("app/Dockerfile", 1, "CL1001"), ("compose.yaml", 7, "CL7001")}
    suppressed = [f for f in result.json()["findings"] if f["suppressed"]]
    assert suppressed == []  # not shown without --show-suppressed
    shown = cli("--format", "json", "--show-suppressed").json()["findings"]
    assert {(f["code"], f["suppressed"]) for f in shown} == {
        ("CL1001", False),
        ("CL5001", True),
        ("CL7001", False),
        ("CL7002", True),
    }


def test_per_file_ignores_apply_from_any_working_directory(
    mixed: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(mixed / "repo", {".containerlint.toml": '[per-file-ignores]\n"app/**" = ["CL1001"]\n'})
    write(mixed / "repo", {"app/Dockerfile": UNPINNED_DOCKERFILE})
    assert cli("repo").code == 0  # from above the root
    monkeypatch.chdir(mixed / "repo" / "app")
    assert cli(".").code == 0  # from below the root


def test_severity_overrides_change_the_exit_code(mixed: Path, cli: Callable[..., Result]) -> None:
    assert cli("app", "--fail-on", "error").code == 0
    write(mixed, {".containerlint.toml": '[severity]\nunpinned-image = "error"\nCL5 = "info"\nCL7 = "info"\n'})
    result = cli("app", "--fail-on", "error")
    assert result.code == 1
    assert "CL1001 [error]" in result.out
    # compose.yaml's two errors are now info: below the default threshold
    result = cli("compose.yaml")
    assert result.code == 0
    assert "CL5001 [info]" in result.out and "CL7001 [info]" in result.out


def test_rule_options(project: Path, cli: Callable[..., Result]) -> None:
    # An unused hadolint directive is reported only when unused-suppression's other-tools is on.
    write(project, {"Dockerfile": "# hadolint ignore=DL3007\nFROM nginx:1.27.3\n"})
    assert cli("--format", "json").findings() == set()
    write(project, {".containerlint.toml": "[rules.unused-suppression]\nother-tools = true\n"})
    result = cli("--format", "json")
    assert result.findings() == {("Dockerfile", 1, "CL0005")}
    assert result.code == 1
    # options may be keyed by code too
    write(project, {".containerlint.toml": "[rules.CL0005]\nother-tools = false\n"})
    assert cli("--format", "json").findings() == set()


def test_bad_rule_option_type(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {"Dockerfile": PINNED_DOCKERFILE, ".containerlint.toml": "[rules.CL0005]\nother-tools = 3\n"})
    result = cli()
    assert_usage_error(result.code, result.err, "other-tools", "expected boolean")


# ---------------------------------------------------------------------------------------------
# Standard input


def test_stdin_with_a_filename(project: Path, cli: Callable[..., Result]) -> None:
    result = cli("-", "--stdin-filename", "path/to/Dockerfile", stdin=UNPINNED_DOCKERFILE)
    assert result.code == 1
    assert result.out.startswith("path/to/Dockerfile:1:6: CL1001 [warning] ")
    assert "Found 1 problem (1 warning) in 1 file." in result.out


def test_stdin_with_a_kind(project: Path, cli: Callable[..., Result]) -> None:
    result = cli("-", "--kind", "compose", "--format", "json", stdin=COMPOSE)
    assert result.codes() == {"CL5001", "CL7001"}
    assert {path for path, _, _ in result.findings()} == {"-"}


def test_stdin_yaml_name_is_classified_by_content(project: Path, cli: Callable[..., Result]) -> None:
    result = cli("-", "--stdin-filename", "k8s/app.yaml", "--format", "json", stdin=KUBERNETES)
    assert result.findings() == {("k8s/app.yaml", 30, "CL7002")}


def test_stdin_without_name_or_kind(project: Path, cli: Callable[..., Result]) -> None:
    result = cli("-", stdin=UNPINNED_DOCKERFILE)
    assert_usage_error(result.code, result.err, "standard input", "--stdin-filename", "--kind")
    result = cli("-", "--stdin-filename", "notes.txt", stdin=UNPINNED_DOCKERFILE)
    assert_usage_error(result.code, result.err, "standard input")


def test_stdin_and_files_together(mixed: Path, cli: Callable[..., Result]) -> None:
    result = cli("-", "compose.yaml", "--stdin-filename", "other/Dockerfile", "--format", "json", stdin="FROM ubuntu\n")
    assert result.findings() == {
        ("other/Dockerfile", 1, "CL1001"),
        ("compose.yaml", 5, "CL5001"),
        ("compose.yaml", 7, "CL7001"),
    }


def test_stdin_in_a_real_process(tmp_path: Path) -> None:
    completed = run_process(
        "-", "--stdin-filename", "path/to/Dockerfile", "--format", "json", cwd=tmp_path, input=UNPINNED_DOCKERFILE
    )
    assert completed.returncode == 1, completed.stderr
    (finding,) = json.loads(completed.stdout)["findings"]
    assert (finding["path"], finding["start"]["line"], finding["code"]) == ("path/to/Dockerfile", 1, "CL1001")


# ---------------------------------------------------------------------------------------------
# Output formats


def test_json_format(mixed: Path, cli: Callable[..., Result]) -> None:
    result = cli("--format", "json")
    report = result.json()
    assert report["version"] == 1
    assert report["tool"]["name"] == "containerlint"
    assert report["tool"]["version"] == __version__
    assert result.findings() == MIXED_FINDINGS
    assert report["summary"]["total"] == 4
    assert report["summary"]["by_severity"]["error"] == 2
    assert result.code == 1


def test_sarif_format(mixed: Path, cli: Callable[..., Result]) -> None:
    result = cli("--format", "sarif")
    log = result.json()
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "containerlint"
    rule_ids = {rule["id"] for rule in driver["rules"]}
    assert {"CL1001", "CL5001", "CL7001", "CL7002"} <= rule_ids
    results = {
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["ruleId"],
        )
        for r in run["results"]
    }
    assert results == MIXED_FINDINGS
    assert result.code == 1


def test_github_format(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {"Dockerfile": UNPINNED_DOCKERFILE, "compose.yaml": COMPOSE})
    result = cli("--format", "github")
    lines = result.out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("::warning file=Dockerfile,line=1,col=6,endLine=1,endColumn=17,")
    assert "title=CL1001 unpinned-image::" in lines[0]
    assert lines[1].startswith("::error file=compose.yaml,line=5,")
    assert lines[2].startswith("::error file=compose.yaml,line=7,")
    assert result.code == 1


def test_several_reports_in_one_run(mixed: Path, cli: Callable[..., Result]) -> None:
    result = cli(
        "--format", "sarif", "--output", "out/r.sarif", "--format", "json", "--output", "r.json", "--format", "text"
    )
    assert result.code == 1
    sarif = json.loads((mixed / "out/r.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == 4
    report = json.loads((mixed / "r.json").read_text(encoding="utf-8"))
    assert report["version"] == 1 and len(report["findings"]) == 4
    assert result.out.startswith("app/Dockerfile:1:6: CL1001 ")
    assert result.out.endswith("Found 4 problems (2 errors, 2 warnings) in 3 files.\n")
    assert not any(path.name.endswith(".tmp") for path in mixed.rglob("*"))


def test_output_without_format_writes_text(mixed: Path, cli: Callable[..., Result]) -> None:
    result = cli("--output", "report.txt", "--color", "always")
    assert result.out == ""
    text = (mixed / "report.txt").read_text(encoding="utf-8")
    assert text.endswith("Found 4 problems (2 errors, 2 warnings) in 3 files.\n")
    assert ANSI not in text  # colour is for terminals, never for files


def test_report_files_honour_the_umask(mixed: Path, cli: Callable[..., Result]) -> None:
    previous = os.umask(0o022)
    try:
        cli("--format", "json", "--output", "r.json")
    finally:
        os.umask(previous)
    assert (mixed / "r.json").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("second", ["r.json", "./r.json", "sub/../r.json"])
def test_two_reports_to_the_same_file(mixed: Path, cli: Callable[..., Result], second: str) -> None:
    (mixed / "sub").mkdir()
    result = cli("--format", "json", "--output", "r.json", "--format", "sarif", "--output", second)
    assert_usage_error(result.code, result.err, "same")
    assert not (mixed / "r.json").exists()


def test_unknown_format_is_reported_before_linting(mixed: Path, cli: Callable[..., Result]) -> None:
    result = cli("--format", "json", "--output", "r.json", "--format", "nope")
    assert_usage_error(result.code, result.err, "'nope'")
    assert not (mixed / "r.json").exists()


SHOW_SOURCE_DOCKERFILE = "# syntax=docker/dockerfile:1\nARG X=1\nFROM   nginx:latest AS web\n"


def test_show_source_puts_the_caret_under_the_span(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {"Dockerfile": SHOW_SOURCE_DOCKERFILE})
    lines = cli("--show-source").out.splitlines()
    assert lines[0].startswith("Dockerfile:3:8: CL1001 ")
    source, carets = lines[1], lines[2]
    assert source == "    3 | FROM   nginx:latest AS web"
    assert carets.rstrip().endswith(" " + "^" * len("nginx:latest"))
    assert carets.count("^") == len("nginx:latest")
    assert carets.index("^") == source.index("nginx")
    assert lines[3].startswith("    hint: ")


def test_without_show_source_there_is_no_excerpt(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {"Dockerfile": SHOW_SOURCE_DOCKERFILE})
    assert "|" not in cli().out


HADOLINT_IGNORED = "# hadolint ignore=DL3007\nFROM nginx:latest\n"


def test_show_suppressed(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {"Dockerfile": HADOLINT_IGNORED})
    hidden = cli()
    assert hidden.code == 0
    assert hidden.out == "All checked: no problems in 1 file; 1 suppressed.\n"
    shown = cli("--show-suppressed")
    assert shown.code == 0  # suppressed findings never fail the run
    assert shown.out.startswith("Dockerfile:2:6: CL1001 [warning] ")
    assert "(suppressed: hadolint # hadolint ignore=DL3007)" in shown.out.splitlines()[0]
    report = cli("--show-suppressed", "--format", "json").json()
    (finding,) = report["findings"]
    assert finding["suppressed"] is True
    assert finding["suppression"]["source"] == "hadolint"


def test_inline_suppression_and_audit_mode(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {"Dockerfile": HADOLINT_IGNORED})
    assert cli("--format", "json").findings() == set()
    audit = cli("--no-inline-ignores")
    assert audit.code == 1
    assert audit.out.startswith("Dockerfile:2:6: CL1001 [warning] ")
    assert "suppressed" not in audit.out


def test_inline_suppression_in_a_real_process(tmp_path: Path) -> None:
    write(tmp_path, {"Dockerfile": HADOLINT_IGNORED})
    quiet = run_process(cwd=tmp_path)
    assert (quiet.returncode, quiet.stdout) == (0, "All checked: no problems in 1 file; 1 suppressed.\n")
    audit = run_process("--no-inline-ignores", cwd=tmp_path)
    assert audit.returncode == 1
    assert audit.stdout.startswith("Dockerfile:2:6: CL1001 ")


# --- colour


def test_color_always(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {"Dockerfile": UNPINNED_DOCKERFILE})
    result = cli("--color", "always")
    assert ANSI in result.out
    assert "\x1b[1;33mCL1001\x1b[0m" in result.out  # the code, bold yellow for a warning


def test_color_never_and_not_a_terminal(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {"Dockerfile": UNPINNED_DOCKERFILE})
    assert ANSI not in cli("--color", "never", stdout=TtyStringIO()).out
    assert ANSI not in cli("--color", "auto").out  # StringIO is not a terminal
    assert ANSI not in cli().out


def test_color_auto_on_a_terminal(project: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    write(project, {"Dockerfile": UNPINNED_DOCKERFILE})
    assert ANSI in cli("--color", "auto", stdout=TtyStringIO()).out
    monkeypatch.setenv("NO_COLOR", "1")
    assert ANSI not in cli("--color", "auto", stdout=TtyStringIO()).out
    assert ANSI in cli("--color", "always", stdout=TtyStringIO()).out  # an explicit request wins
    monkeypatch.setenv("NO_COLOR", "")  # no-color.org: an empty value does not count
    assert ANSI in cli("--color", "auto", stdout=TtyStringIO()).out


def test_piped_output_has_no_colour(tmp_path: Path) -> None:
    write(tmp_path, {"Dockerfile": UNPINNED_DOCKERFILE})
    completed = run_process(cwd=tmp_path, env={"NO_COLOR": ""})
    assert completed.returncode == 1
    assert "CL1001" in completed.stdout
    assert ANSI not in completed.stdout


def test_a_closed_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    write(tmp_path, {f"d{i:03}/Dockerfile": UNPINNED_DOCKERFILE for i in range(600)})
    reader = subprocess.Popen(
        [sys.executable, "-m", "containerlint", "--format", "github"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()  # like `| head -1`
    err = reader.stderr.read().decode()
    reader.stderr.close()
    reader.wait(timeout=60)
    assert "Traceback" not in err
    assert reader.returncode in (0, 1)


# ---------------------------------------------------------------------------------------------
# rules and explain

RULE_ROW = re.compile(
    r"^(?P<code>[A-Z]+[0-9]+)\s+(?P<name>[a-z0-9-]+)\s+(?P<on>on|off)\s+(?P<severity>\w+)\s+(?P<kinds>\S+)"
    r"(?:\s+(?P<aliases>.+))?$"
)


def test_rules_lists_every_rule(cli: Callable[..., Result]) -> None:
    result = cli("rules")
    assert result.code == 0
    header, *rows = result.out.splitlines()
    assert header.split() == ["CODE", "NAME", "ON", "LEVEL", "KINDS", "ALIASES"]
    parsed = {}
    for row in rows:
        match = RULE_ROW.match(row)
        assert match, row
        parsed[match["code"]] = match
    ruleset = builtin_ruleset()
    assert list(parsed) == [rule.code for rule in ruleset]
    for rule in ruleset:
        row = parsed[rule.code]
        assert row["name"] == rule.name
        assert row["on"] == ("on" if rule.default_enabled else "off")
        assert row["severity"] == rule.severity.label
        assert row["kinds"] == (",".join(sorted(kind.value for kind in rule.kinds)) or "-")
        assert (row["aliases"] or "").split() == list(rule.aliases)
    assert parsed["CL1001"]["kinds"] == "compose,dockerfile,kubernetes"
    assert "hadolint:DL3007" in parsed["CL1001"]["aliases"]


def test_rules_shows_rules_that_are_off(cli: Callable[..., Result], optional_rule: Rule) -> None:
    (row,) = [line for line in cli("rules").out.splitlines() if line.startswith("TST901")]
    match = RULE_ROW.match(row)
    assert match and match["on"] == "off" and match["severity"] == "style" and match["kinds"] == "dockerfile"


def test_rules_json(cli: Callable[..., Result]) -> None:
    result = cli("rules", "--format", "json")
    assert result.code == 0
    rows = json.loads(result.out)
    ruleset = builtin_ruleset()
    assert [row["code"] for row in rows] == [rule.code for rule in ruleset]
    by_code = {row["code"]: row for row in rows}
    assert by_code["CL1001"]["name"] == "unpinned-image"
    assert by_code["CL1001"]["kinds"] == ["compose", "dockerfile", "kubernetes"]
    assert by_code["CL1001"]["severity"] == "warning"
    assert by_code["CL1001"]["enabled"] is True
    assert "hadolint:DL3007" in by_code["CL1001"]["aliases"]
    assert by_code["CL0005"]["options"] == {"other-tools": False}
    assert by_code["CL1001"]["url"].endswith("/rules/CL1001.md")


def test_rules_markdown_is_the_committed_catalogue(cli: Callable[..., Result]) -> None:
    result = cli("rules", "--format", "markdown")
    assert result.code == 0
    assert result.out == (REPO / "rules" / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("key", ["CL1001", "cl1001", "unpinned-image", "hadolint:DL3007", "checkov:CKV_K8S_14"])
def test_explain_by_code_name_and_alias(cli: Callable[..., Result], key: str) -> None:
    result = cli("explain", key)
    assert result.code == 0
    assert result.out == cli("explain", "CL1001").out
    assert result.out.startswith("CL1001 unpinned-image: ")
    assert "  severity: warning (on by default)" in result.out
    page = (REPO / "rules" / "CL1001.md").read_text(encoding="utf-8")
    assert result.out.endswith(page)


def test_explain_unknown_rule(cli: Callable[..., Result]) -> None:
    result = cli("explain", "unpined-image")
    assert_usage_error(result.code, result.err, "'unpined-image'", "did you mean 'unpinned-image'?")
    result = cli("explain", "nonsense")
    assert_usage_error(result.code, result.err, "'nonsense'", "containerlint rules")


def test_check_subcommand(mixed: Path, cli: Callable[..., Result]) -> None:
    result = cli("check", "--format", "json", "app")
    assert result.findings() == {("app/Dockerfile", 1, "CL1001")}


# ---------------------------------------------------------------------------------------------
# The process: --version, python -m, the examples

HEAVY_MODULES = {"tree_sitter", "tree_sitter_bash", "ruamel", "jsonschema", "pathspec"}


def test_version_is_cheap() -> None:
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "containerlint", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 0
    assert completed.stdout == f"containerlint {__version__}\n"
    imported = {
        line.rsplit("|", 1)[1].strip() for line in completed.stderr.splitlines() if line.startswith("import time:")
    }
    assert "containerlint.cli" in imported  # the parsing works
    top_level = {name.split(".")[0] for name in imported}
    assert not top_level & HEAVY_MODULES, sorted(top_level & HEAVY_MODULES)
    assert not {name for name in imported if name.startswith(("containerlint.syntax", "containerlint.engine"))}


def test_console_script_and_version() -> None:
    completed = subprocess.run(["containerlint", "--version"], capture_output=True, text=True, timeout=60)
    assert (completed.returncode, completed.stdout) == (0, f"containerlint {__version__}\n")


FINDING_LINE = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<column>\d+): (?P<code>[A-Z]+[0-9]+) ")
PLANTED_ROW = re.compile(r"^\| `(?P<file>[^`:]+):(?P<line>\d+)` \| .* \| (?P<code>[A-Z]+[0-9]+) [a-z-]+ \|$")


def planted_mistakes() -> set[tuple[str, int, str]]:
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    section = text.split("## Planted mistakes", 1)[1].split("\n## ", 1)[0]
    planted = set()
    for line in section.splitlines():
        match = PLANTED_ROW.match(line)
        if match:
            planted.add((f"examples/{match['file']}", int(match["line"]), match["code"]))
    return planted


def test_examples_report_exactly_the_planted_mistakes() -> None:
    planted = planted_mistakes()
    assert len(planted) == 11  # the README's table parsed
    completed = run_process("examples/")
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr == ""
    reported = set()
    for line in completed.stdout.splitlines():
        match = FINDING_LINE.match(line)
        if match:
            reported.add((match["path"], int(match["line"]), match["code"]))
    assert reported == planted
    assert completed.stdout.endswith("Found 11 problems (3 errors, 8 warnings) in 5 files.\n")


# ---------------------------------------------------------------------------------------------
# Build arguments


ARG_TAG_DOCKERFILE = "ARG TAG=latest\nFROM nginx:${TAG}\n"


def test_build_arg_replaces_the_arg_default_in_from(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {"Dockerfile": ARG_TAG_DOCKERFILE})
    assert "resolved to 'nginx:latest'" in cli("--select", "CL1001").out
    assert cli("--select", "CL1001", "--build-arg", "TAG=1.27.3").code == 0


def test_build_arg_without_value_comes_from_the_environment(
    project: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project, {"Dockerfile": ARG_TAG_DOCKERFILE})
    monkeypatch.setenv("TAG", "1.27.3")
    assert cli("--select", "CL1001", "--build-arg", "TAG").code == 0
    monkeypatch.delenv("TAG")
    assert cli("--select", "CL1001", "--build-arg", "TAG").code == 1  # unset: the default applies


def test_build_args_from_config_and_undeclared_names_are_ignored(project: Path, cli: Callable[..., Result]) -> None:
    write(
        project,
        {
            "Dockerfile": ARG_TAG_DOCKERFILE + "FROM alpine:${OTHER}\n",
            ".containerlint.toml": '[build-args]\nTAG = "1.27.3"\n',
        },
    )
    result = cli("--select", "CL1001", "--build-arg", "OTHER=latest")
    # TAG comes from the config; OTHER is not a declared ARG, so `docker build` would not set it
    # (applied, it would make alpine:latest); an unresolved image is not judged.
    assert result.code == 0, result.out
    write(project, {"Dockerfile": "ARG OTHER\n" + ARG_TAG_DOCKERFILE + "FROM alpine:${OTHER}\n"})
    assert "resolved to 'alpine:latest'" in cli("--select", "CL1001", "--build-arg", "OTHER=latest").out


# ---------------------------------------------------------------------------------------------
# --kubernetes-version

HPA_V2BETA2 = """\
apiVersion: autoscaling/v2beta2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 3
  maxReplicas: 5
"""


def test_kubernetes_version_flag_selects_the_schemas(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {"hpa.yaml": HPA_V2BETA2, ".containerlint.toml": '[kubernetes]\nversion = "1.26"\n'})
    select = ("--select", "CL8010,CL8011", "--format", "json")
    assert cli(*select).findings() == {("hpa.yaml", 1, "CL8011")}  # the config's 1.26 removed it
    assert cli(*select, "--kubernetes-version", "1.25").findings() == set()  # the flag wins
    assert cli(*select, "--kubernetes-version", "v1.25.3").findings() == set()
    result = cli(*select, "--kubernetes-version", "1.32")
    assert "(target: Kubernetes 1.32)" in result.json()["findings"][0]["message"]


@pytest.mark.parametrize(
    ("value", "needles"),
    [
        ("1.20", ["command line: kubernetes.version: no schemas for Kubernetes 1.20", "available versions: 1.25"]),
        ("latest", ["kubernetes.version", 'expected a Kubernetes version like "1.31"']),
    ],
)
def test_kubernetes_version_flag_errors(
    project: Path, cli: Callable[..., Result], value: str, needles: list[str]
) -> None:
    write(project, {"hpa.yaml": HPA_V2BETA2})
    result = cli("--kubernetes-version", value)
    assert_usage_error(result.code, result.err, *needles)
    assert result.out == ""


def test_jobs_option(project: Path, cli: Callable[..., Result]) -> None:
    write(project, {f"d{n}/Dockerfile": UNPINNED_DOCKERFILE for n in range(30)})
    one, auto = cli("--format", "json", "-j", "1"), cli("--format", "json")
    assert one.code == auto.code == 1
    assert one.json()["findings"] == auto.json()["findings"] and len(one.json()["findings"]) == 30
    bad = cli("--jobs", "-1")
    assert bad.code == 2 and "--jobs" in bad.err
