"""hadolint DL3000 -> CL3001 relative-workdir: WORKDIR must be absolute."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3001"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize(
    "path",
    ["lib/app", "'lib/app'", '"lib/app"', "./app", "../srv", "~/app"],
)
def test_relative_paths_are_reported_at_the_path(path: str) -> None:
    assert found("FROM alpine:3.20", f"WORKDIR {path}") == [(2, 9)]


@pytest.mark.parametrize(
    "path",
    [
        "/usr/local",
        "'/usr/local'",
        '"/usr/local"',
        "${APP_DIR}",
        '"${APP_DIR}/sub"',
        "$HOME",
        "C:\\",
        "'C:\\'",
        '"D:\\Program Files"',
        "c:/",
        '"C:/app"',
    ],
)
def test_absolute_variable_and_windows_paths_pass(path: str) -> None:
    assert found("FROM alpine:3.20", f"WORKDIR {path}") == []


def test_each_relative_workdir_is_reported_in_fragments_too() -> None:
    assert found("WORKDIR a", "WORKDIR /b", "FROM alpine:3.20", "  WORKDIR c") == [(1, 9), (4, 11)]


def test_onbuild_workdir_is_left_to_the_child_image() -> None:
    assert found("FROM alpine:3.20", "ONBUILD WORKDIR app") == []


def test_the_finding_covers_the_whole_path() -> None:
    findings = lint_text("FROM a:1\nWORKDIR my app\n", FileKind.DOCKERFILE, select=[CODE])
    span = findings[0].span
    assert (span.start.column, span.end.column) == (9, 15)
