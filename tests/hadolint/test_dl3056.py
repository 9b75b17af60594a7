"""hadolint DL3056 -> CL3309 label-not-semver: labels typed 'semver' in the label schema."""

from __future__ import annotations

import pytest

from tests.hadolint.label_format import LabelFormatRule

CODE = "CL3309"
LABEL = "version"

RULE = LabelFormatRule(CODE, LABEL, "semver")
found, value = RULE.found, RULE.value


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


@pytest.mark.parametrize("text", ["01.0.0", "1.00.0", "1.0.0-01", "1.0.0-", "1.0.0+"])
def test_non_semver_values_that_hadolint_lets_through(text: str) -> None:
    # Deliberate difference: leading zeros and empty parts break the specification.
    assert value(text) == [(2, 8 + len(LABEL))]
