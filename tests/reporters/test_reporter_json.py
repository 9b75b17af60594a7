from __future__ import annotations

import copy
import json
from dataclasses import replace

import jsonschema
import pytest

from containerlint.model import LintResult, Span
from containerlint.reporters.json_format import build_report, load_schema, render_json


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_report_shape(render, sample, context):
    report = json.loads(render(render_json, sample, context))
    assert report["version"] == 1
    assert report["tool"] == {"name": "containerlint", "version": "1.2.3"}
    assert [f["code"] for f in report["findings"]] == ["CL1001", "CL3001", "CL2001"]
    assert report["findings"][0] == {
        "path": "Dockerfile",
        "code": "CL1001",
        "name": "unpinned-image",
        "severity": "warning",
        "message": "Image ubuntu:latest uses a moving tag",
        "hint": "pin it, e.g. ubuntu:24.04@sha256:...",
        "start": {"line": 1, "column": 6},
        "end": {"line": 1, "column": 19},
        "suppressed": False,
        "suppression": None,
        "fix": {
            "description": "Pin to the digest the registry reports",
            "edits": [
                {
                    "start": {"line": 1, "column": 19},
                    "end": {"line": 1, "column": 19},
                    "text": "@sha256:0123",
                }
            ],
        },
        "related": [],
    }
    assert report["summary"] == {
        "total": 3,
        "by_severity": {"error": 1, "warning": 1, "info": 1, "style": 0},
        "files_checked": 3,
        "suppressed": 1,
        "fail_on": "warning",
    }


def test_suppressed_findings_listed_on_request(sample, context):
    report = build_report(sample, replace(context, show_suppressed=True))
    suppressed = [f for f in report["findings"] if f["suppressed"]]
    assert suppressed == [
        {
            "path": "Dockerfile",
            "code": "CL4001",
            "name": "trailing-whitespace",
            "severity": "style",
            "message": "Trailing whitespace",
            "hint": None,
            "start": {"line": 3, "column": 13},
            "end": {"line": 3, "column": 14},
            "suppressed": True,
            "suppression": {
                "kind": "inline",
                "source": "containerlint",
                "directive": "# containerlint: disable=CL4001",
                "reason": "generated file",
            },
            "fix": None,
            "related": [],
        }
    ]
    assert report["summary"]["total"] == 3  # suppressed findings never count as problems


def test_output_is_ascii_json_ending_in_newline(render, make_finding, rules, context):
    result = LintResult(findings=[make_finding(rules[0], "日本/Dockerfile", Span.at(1, 1), "é")])
    output = render(render_json, result, context)
    assert output.isascii()
    assert output.endswith("}\n")
    assert json.loads(output)["findings"][0]["path"] == "日本/Dockerfile"


@pytest.mark.parametrize("show_suppressed", [False, True])
def test_output_matches_the_shipped_schema(render, sample, context, validator, show_suppressed):
    output = render(render_json, sample, context, show_suppressed=show_suppressed)
    validator.validate(json.loads(output))


def test_empty_report_matches_the_schema(render, context, validator):
    output = render(render_json, LintResult(), context, fail_on="never")
    validator.validate(json.loads(output))


@pytest.mark.parametrize(
    "damage",
    [
        lambda r: r.update(extra=1),
        lambda r: r["findings"][0].update(column=3),
        lambda r: r["findings"][0].update(severity="fatal"),
        lambda r: r["findings"][0].update(suppressed=True),  # suppressed but no suppression object
        lambda r: r["findings"][0]["start"].update(line=0),
        lambda r: r["summary"]["by_severity"].pop("style"),
        lambda r: r["summary"].update(fail_on="sometimes"),
        lambda r: r.update(version=2),
    ],
)
def test_schema_rejects_other_shapes(sample, context, validator, damage):
    report = copy.deepcopy(build_report(sample, context))
    validator.validate(report)
    damage(report)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(report)
