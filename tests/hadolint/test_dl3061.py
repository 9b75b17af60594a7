"""hadolint DL3061 -> CL3016 instruction-before-from: only ARG may precede FROM."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3016"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_label_before_from() -> None:
    assert found("LABEL foo=bar", "FROM foo:1") == [(1, 1)]


def test_every_instruction_before_from_is_reported() -> None:
    assert found("ARG A=1", "  LABEL foo=bar", "ARG B=2", "RUN echo", "FROM foo:1", "RUN x") == [(2, 3), (4, 1)]


def test_from_first_arg_first_and_parser_directives() -> None:
    assert found("FROM foo:1", "LABEL foo=bar") == []
    assert found("ARG A=B", "FROM foo:1", "LABEL foo=bar") == []
    assert found("# syntax = docker/dockerfile:1", "FROM node:20-alpine") == []
    assert found("FROM foo:1", "ARG A=B", "RUN echo bla") == []


def test_fragment_without_from() -> None:
    assert found("RUN a", "# note", "COPY b /c/") == [(1, 1), (3, 1)]
