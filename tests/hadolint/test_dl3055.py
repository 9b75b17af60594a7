"""hadolint DL3055 -> CL3308 label-not-git-hash: labels typed 'hash' in the label schema."""

from __future__ import annotations

import pytest

from tests.hadolint.label_format import LabelFormatRule

CODE = "CL3308"
LABEL = "revision"

RULE = LabelFormatRule(CODE, LABEL, "hash")
found, value = RULE.found, RULE.value


@pytest.mark.parametrize("text", ["2dbfae9", "43c572f1272b6b3171dd1db9e41b7027128ce080"])
def test_valid(text: str) -> None:
    assert value(text) == []


@pytest.mark.parametrize(
    "text", ["not-git-hash", "main", "2DBFAE9", "2dbfae91", "g123456", "43c572f1272b6b3171dd1db9e41b7027128ce08"]
)
def test_invalid_is_reported_at_the_value(text: str) -> None:
    assert value(text) == [(2, 8 + len(LABEL))]
