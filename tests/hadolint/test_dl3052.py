"""hadolint DL3052 -> CL3305 label-not-url: labels typed 'url' in the label schema."""

from __future__ import annotations

import pytest

from tests.hadolint.label_format import LabelFormatRule

CODE = "CL3305"
LABEL = "homepage"

RULE = LabelFormatRule(CODE, LABEL, "url")
found, value = RULE.found, RULE.value


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com",
        "http://example.com:8080/a/b?q=1#frag",
        "mailto:team@example.com",
        "urn:isbn:0451450523",
        "http://[::1]:80/",
        "https://example.com/a%20b",
        "file:///etc/hosts",
        "git+ssh://git@example.com/repo.git",
    ],
)
def test_valid(text: str) -> None:
    assert value(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "not-url",
        "example.com",
        "github.com/org/repo",
        "https://exa mple.com",
        "https://example.com/a b",
        "http://example.com:port/",
        "https://example.com/%zz",
        "https://example.com/#a#b",
        "https://example.com/é",
        "git@github.com:org/repo.git",
        "http://[1.2.3.4]/",
        "${URL}",
    ],
)
def test_invalid_is_reported_at_the_value(text: str) -> None:
    assert value(text) == [(2, 8 + len(LABEL))]
