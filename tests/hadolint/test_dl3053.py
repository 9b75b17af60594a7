"""hadolint DL3053 -> CL3306 label-not-rfc3339: labels typed 'rfc3339' in the label schema."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3306"
LABEL = "created"


def found(text: str, schema: dict[str, str] | None = None) -> list[tuple[int, int]]:
    options = {CODE: {"label-schema": {LABEL: "rfc3339"} if schema is None else schema}}
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE], rule_options=options)
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def value(text: str) -> list[tuple[int, int]]:
    return found(f"FROM alpine:3.20\nLABEL {LABEL}='{text}'\n")


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


def test_only_labels_of_this_type_are_checked() -> None:
    assert found("FROM alpine:3.20\nLABEL other=nonsense\n") == []
    assert found(f"FROM alpine:3.20\nLABEL {LABEL}=nonsense\n", schema={LABEL: "text"}) == []
    assert found(f"FROM alpine:3.20\nLABEL {LABEL}=nonsense\n", schema={}) == []


def test_every_label_instruction_of_every_stage() -> None:
    text = f"FROM alpine:3.20 AS a\nLABEL {LABEL}=nonsense\nFROM a\nLABEL x=1 {LABEL}=again\n"
    assert found(text) == [(2, 8 + len(LABEL)), (4, 12 + len(LABEL))]


def test_empty_value_is_reported_at_its_quotes_or_at_the_key() -> None:
    assert found(f'FROM alpine:3.20\nLABEL {LABEL}=""\n') == [(2, 8 + len(LABEL))]
    assert found(f"FROM alpine:3.20\nLABEL {LABEL}=\n") == [(2, 7)]


def test_onbuild_labels_belong_to_other_images() -> None:
    assert found(f"FROM alpine:3.20\nONBUILD LABEL {LABEL}=nonsense\n") == []


@pytest.mark.parametrize(
    "text", ["2024-05-01T12:00:00+0100", "24-05-01T12:00:00Z", "2024-05-01T12:00:00.Z", "2024-05-01T12:00:00+25:00"]
)
def test_non_rfc3339_values_that_hadolint_lets_through(text: str) -> None:
    # Deliberate difference: the RFC grammar is applied strictly.
    assert value(text) == [(2, 8 + len(LABEL))]
