"""hadolint DL3054 -> CL3307 label-not-spdx: labels typed 'spdx' in the label schema."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3307"
LABEL = "license"


def found(text: str, schema: dict[str, str] | None = None) -> list[tuple[int, int]]:
    options = {CODE: {"label-schema": {LABEL: "spdx"} if schema is None else schema}}
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE], rule_options=options)
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def value(text: str) -> list[tuple[int, int]]:
    return found(f"FROM alpine:3.20\nLABEL {LABEL}='{text}'\n")


@pytest.mark.parametrize("text", ["MIT", "BSD-3-Clause", "Apache-2.0", "GPL-3.0-or-later"])
def test_valid(text: str) -> None:
    assert value(text) == []


@pytest.mark.parametrize("text", ["not-spdx", "Apache 2", "proprietary", "MIT/Apache-2.0", "MIT OR", "LicenseRef"])
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
