"""hadolint DL3024 -> CL3009 duplicate-stage-name: stage names must be unique."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3009"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_duplicate_names_are_reported_at_the_later_name() -> None:
    assert found("FROM node:20 AS foo", "RUN something", "FROM scratch AS foo", "RUN something") == [(3, 17)]


def test_unique_names() -> None:
    assert found("FROM scratch AS build", "RUN foo", "FROM node:20 AS run", "RUN baz") == []


def test_names_compare_without_case_and_each_repeat_is_reported() -> None:
    assert found("FROM a:1 AS web", "FROM b:1 as WEB", "FROM c:1 As Web") == [(2, 13), (3, 13)]


def test_unnamed_stages_never_collide() -> None:
    assert found("FROM a:1", "FROM a:1") == []
