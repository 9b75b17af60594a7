"""hadolint DL3021 -> CL3006 copy-destination-needs-slash: several sources need a directory destination."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3006"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_two_arguments_are_fine() -> None:
    assert found("COPY foo bar") == []
    assert found("COPY --chown=1:1 foo bar") == []


def test_three_arguments_need_a_trailing_slash() -> None:
    assert found("COPY foo bar baz") == [(1, 14)]
    assert found("COPY foo bar baz/") == []


def test_quoted_destination() -> None:
    assert found('COPY foo bar "baz"') == [(1, 14)]
    assert found('COPY foo bar "baz/"') == []


def test_exec_form_and_continuation_lines() -> None:
    assert found('COPY ["a", "b", "/app"]') == [(1, 17)]
    assert found("COPY a \\", "     b \\", "     /app") == [(3, 6)]


def test_add_has_the_same_rule() -> None:
    # hadolint checks COPY only; ADD with several sources fails the same way.
    assert found("ADD a b /app") == [(1, 9)]
    assert found("ADD a b /app/") == []
