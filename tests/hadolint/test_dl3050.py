"""hadolint DL3050 -> CL3303 superfluous-label: with strict labels, only the schema's labels."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3303"


def found(text: str, strict: bool = True, schema: dict[str, str] | None = None) -> list[tuple[int, int]]:
    options = {CODE: {"strict-labels": strict, "label-schema": {"required": "text"} if schema is None else schema}}
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE], rule_options=options)
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_no_labels() -> None:
    assert found("FROM alpine:3.20\n") == []


def test_only_schema_labels() -> None:
    assert found('FROM alpine:3.20\nLABEL required="yes"\n') == []


def test_other_label_is_reported_at_its_key() -> None:
    assert found('FROM alpine:3.20\nLABEL other="no"\n') == [(2, 7)]
    assert found('FROM alpine:3.20\nLABEL required="yes" other="no"\n') == [(2, 22)]


def test_strict_labels_off_is_the_default() -> None:
    assert found('FROM alpine:3.20\nLABEL other="no"\n', strict=False) == []
    default = lint_text('FROM alpine:3.20\nLABEL other="no"\n', FileKind.DOCKERFILE, select=[CODE])
    assert default == []


def test_strict_without_schema_reports_every_label() -> None:
    assert found("FROM alpine:3.20\nLABEL a=1 b=2\n", schema={}) == [(2, 7), (2, 11)]
