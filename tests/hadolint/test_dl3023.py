"""hadolint DL3023 -> CL3008 copy-from-own-stage: a stage cannot COPY --from itself."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3008"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_copy_from_the_own_alias() -> None:
    assert found("FROM node:20 AS foo", "COPY --from=foo bar .") == [(2, 13)]


def test_copy_from_other_stages() -> None:
    assert found("FROM scratch AS build", "RUN foo", "FROM node:20 AS run", "COPY --from=build foo .", "RUN baz") == []


def test_names_compare_without_case() -> None:
    assert found("FROM node:20 AS Foo", "COPY --from=fOO bar .") == [(2, 13)]


def test_own_stage_number() -> None:
    assert found("FROM a:1", "FROM b:1", "COPY --from=1 x /y/", "COPY --from=0 x /y/") == [(3, 13)]


def test_fragment_and_unnamed_stage() -> None:
    assert found("COPY --from=0 x /y/") == []
    assert found("FROM a:1", "COPY --from=a x /y/") == []
