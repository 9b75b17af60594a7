"""hadolint DL3053 -> CL3306 label-not-rfc3339: labels typed 'rfc3339' in the label schema."""

from __future__ import annotations

import pytest

from tests.hadolint.label_format import LabelFormatRule

CODE = "CL3306"
LABEL = "created"

RULE = LabelFormatRule(CODE, LABEL, "rfc3339")
found, value = RULE.found, RULE.value


@pytest.mark.parametrize(
    "text",
    [
        "2021-03-10T10:26:33.564595127+01:00",
        "2024-05-01T12:00:00Z",
        "2024-05-01t12:00:00z",
        "2020-02-29T00:00:00-00:00",
        "2016-12-31T23:59:60Z",
    ],
)
def test_valid(text: str) -> None:
    assert value(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "not-date",
        "2024-05-01",
        "2024-05-01 12:00:00Z",
        "2024-05-01T12:00:00",
        "2024-05-01T12:00Z",
        "2024-05-01T12:00:00+01",
        "2024-13-01T12:00:00Z",
        "2023-02-29T12:00:00Z",
        "2024-05-01T24:00:00Z",
        "2024-05-01T12:60:00Z",
        "2024-05-01T12:00:00,5Z",
    ],
)
def test_invalid_is_reported_at_the_value(text: str) -> None:
    assert value(text) == [(2, 8 + len(LABEL))]


@pytest.mark.parametrize(
    "text", ["2024-05-01T12:00:00+0100", "24-05-01T12:00:00Z", "2024-05-01T12:00:00.Z", "2024-05-01T12:00:00+25:00"]
)
def test_non_rfc3339_values_that_hadolint_lets_through(text: str) -> None:
    # Deliberate difference: the RFC grammar is applied strictly.
    assert value(text) == [(2, 8 + len(LABEL))]
