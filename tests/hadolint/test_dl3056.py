"""hadolint DL3056 -> CL3309 label-not-semver: labels typed 'semver' in the label schema."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3309"
LABEL = "version"


def found(text: str, schema: dict[str, str] | None = None) -> list[tuple[int, int]]:
    options = {CODE: {"label-schema": {LABEL: "semver"} if schema is None else schema}}
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE], rule_options=options)
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def value(text: str) -> list[tuple[int, int]]:
    return found(f"FROM alpine:3.20\nLABEL {LABEL}='{text}'\n")


@pytest.mark.parametrize(
    "text", ["1.0.0", "2.0.1-rc1", "1.0.0-alpha.1+001", "1.0.0+build.7", "1.0.0-x.7.z.92", "10.20.30"]
)
def test_valid(text: str) -> None:
    assert value(text) == []


@pytest.mark.parametrize(
    "text", ["not-sem-ver", "1.0", "v1.0.0", "1.2.3.4", "1.0.0-alpha..1", "1.0.0-al_pha", "1.0.0+a+b"]
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


@pytest.mark.parametrize("text", ["01.0.0", "1.00.0", "1.0.0-01", "1.0.0-", "1.0.0+"])
def test_non_semver_values_that_hadolint_lets_through(text: str) -> None:
    # Deliberate difference: leading zeros and empty parts break the specification.
    assert value(text) == [(2, 8 + len(LABEL))]
