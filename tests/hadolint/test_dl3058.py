"""hadolint DL3058 -> CL3310 label-not-email: labels typed 'email' in the label schema."""

from __future__ import annotations

import pytest

from tests.hadolint.label_format import LabelFormatRule

CODE = "CL3310"
LABEL = "maintainer"

RULE = LabelFormatRule(CODE, LABEL, "email")
found, value = RULE.found, RULE.value


@pytest.mark.parametrize(
    "text",
    [
        "abcd@google.com",
        "a.b+tag@example.com",
        '"Platform Team"@example.com',
        "ops@[192.0.2.1]",
        "a@localhost",
        "team@example.com (comment)",
        "a@example.com.",
    ],
)
def test_valid(text: str) -> None:
    assert value(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "not-email",
        "Team <team@example.com>",
        ".a@example.com",
        "a..b@example.com",
        "a@-example.com",
        "a@exa_mple.com",
        "a@example..com",
        "a@b@c",
        "a@",
        "@example.com",
        "a@b.com,c@d.com",
    ],
)
def test_invalid_is_reported_at_the_value(text: str) -> None:
    assert value(text) == [(2, 8 + len(LABEL))]
