"""hadolint DL4004 -> CL3021 multiple-entrypoints: one ENTRYPOINT per stage."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3021"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_no_entrypoint_or_one() -> None:
    assert found("FROM busybox:1") == []
    assert found("ENTRYPOINT /bin/true") == []


def test_many_entrypoints_in_one_stage() -> None:
    assert found("FROM debian:12", "ENTRYPOINT bash", "RUN foo", "ENTRYPOINT another") == [(4, 1)]


def test_one_entrypoint_per_stage() -> None:
    assert (
        found("FROM debian:12 AS one", "ENTRYPOINT bash", "RUN foo", "FROM debian:12 AS two", "ENTRYPOINT another")
        == []
    )


def test_many_entrypoints_then_another_stage() -> None:
    assert found(
        "FROM debian:12 AS one",
        "ENTRYPOINT bash",
        "RUN foo",
        "ENTRYPOINT another",
        "FROM debian:12 AS two",
        "ENTRYPOINT another",
    ) == [(4, 1)]


def test_onbuild_is_not_counted() -> None:
    assert found("FROM a:1", 'ENTRYPOINT ["a"]', 'ONBUILD ENTRYPOINT ["b"]') == []
