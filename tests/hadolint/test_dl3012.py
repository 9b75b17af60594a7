"""hadolint DL3012 -> CL3004 multiple-healthchecks: one HEALTHCHECK per stage."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3004"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_none_or_one_healthcheck() -> None:
    assert found("FROM scratch") == []
    assert found("FROM scratch", 'HEALTHCHECK CMD ["/bin/check"]') == []


def test_one_per_stage_is_fine() -> None:
    assert found("FROM scratch", "HEALTHCHECK CMD /a", "FROM scratch", "HEALTHCHECK CMD /b") == []


def test_second_and_third_in_a_stage_are_reported() -> None:
    assert found(
        "FROM scratch",
        "HEALTHCHECK CMD /a",
        "HEALTHCHECK NONE",
        "  HEALTHCHECK CMD /c",
    ) == [(3, 1), (4, 3)]


def test_fragment_without_from_and_onbuild() -> None:
    assert found("HEALTHCHECK CMD /a", "HEALTHCHECK CMD /b") == [(2, 1)]
    assert found("FROM a:1", "HEALTHCHECK CMD /a", "ONBUILD HEALTHCHECK CMD /b") == []
