"""hadolint DL3051 -> CL3304 empty-label: schema labels must not be empty."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3304"


def found(text: str, schema: dict[str, str] | None = None) -> list[tuple[int, int]]:
    options = {CODE: {"label-schema": {"owner": "text"} if schema is None else schema}}
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE], rule_options=options)
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_empty_schema_label_is_reported_at_its_key() -> None:
    assert found('FROM alpine:3.20\nLABEL owner=""\n') == [(2, 7)]
    assert found("FROM alpine:3.20\nLABEL a=1 owner=\n") == [(2, 11)]


def test_non_empty_values() -> None:
    assert found('FROM alpine:3.20\nLABEL owner="team"\n') == []
    assert found('FROM alpine:3.20\nLABEL owner=" "\n') == []
    assert found("FROM alpine:3.20\nLABEL owner=$OWNER\n") == []


def test_labels_outside_the_schema_may_be_empty() -> None:
    assert found('FROM alpine:3.20\nLABEL description=""\n') == []
    assert found('FROM alpine:3.20\nLABEL owner=""\n', schema={}) == []
