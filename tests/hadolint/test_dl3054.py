"""hadolint DL3054 -> CL3307 label-not-spdx: labels typed 'spdx' in the label schema."""

from __future__ import annotations

import pytest

from tests.hadolint.label_format import LabelFormatRule

CODE = "CL3307"
LABEL = "license"

RULE = LabelFormatRule(CODE, LABEL, "spdx")
found, value = RULE.found, RULE.value


@pytest.mark.parametrize("text", ["MIT", "BSD-3-Clause", "Apache-2.0", "GPL-3.0-or-later"])
def test_valid(text: str) -> None:
    assert value(text) == []


@pytest.mark.parametrize("text", ["not-spdx", "Apache 2", "proprietary", "MIT/Apache-2.0", "MIT OR", "LicenseRef"])
def test_invalid_is_reported_at_the_value(text: str) -> None:
    assert value(text) == [(2, 8 + len(LABEL))]


@pytest.mark.parametrize(
    "text",
    [
        "MIT OR Apache-2.0",
        "(MIT AND BSD-2-Clause)",
        "Apache-2.0 WITH LLVM-exception",
        "LicenseRef-acme",
        "mit",
        "GPL-2.0",
    ],
)
def test_expressions_that_hadolint_rejects(text: str) -> None:
    # Deliberate difference: SPDX expressions (as OCI defines the licenses annotation), identifiers
    # without regard to case, and deprecated identifiers are accepted.
    assert value(text) == []
