"""hadolint DL3047 -> CL3404 wget-without-progress: wget's progress output floods build logs."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3404"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def run(command: str) -> list[tuple[int, int]]:
    return found(f"FROM debian:12 AS fetch\nRUN {command}\n")


@pytest.mark.parametrize(
    "command",
    [
        "wget https://example.com/app.tar.gz",
        "wget -O /tmp/app.tar.gz https://example.com/app.tar.gz",
        "wget -O- https://example.com/app.tar.gz",
        "wget --show-progress https://example.com/app.tar.gz",
    ],
)
def test_without_progress(command: str) -> None:
    assert run(command) == [(2, 5)]


@pytest.mark.parametrize(
    "command",
    [
        "wget --progress=dot:giga https://example.com/app.tar.gz",
        "wget --progress bar:force https://example.com/app.tar.gz",
        "wget -q https://example.com/app.tar.gz",
        "wget -qO- https://example.com/app.tar.gz",
        "wget --quiet https://example.com/app.tar.gz",
        "wget -nv https://example.com/app.tar.gz",
        "wget --no-verbose https://example.com/app.tar.gz",
        "wget --output-file=/tmp/wget.log https://example.com/app.tar.gz",
        "wget -o /tmp/wget.log https://example.com/app.tar.gz",
        "wget --append-output=/tmp/wget.log https://example.com/app.tar.gz",
        "wget -a /tmp/wget.log https://example.com/app.tar.gz",
        "curl -fsSLO https://example.com/app.tar.gz",
    ],
)
def test_progress_set_or_silenced(command: str) -> None:
    assert run(command) == []


def test_each_wget_is_reported() -> None:
    text = "FROM debian:12\nRUN wget -q https://a.example/x && wget https://b.example/y && wget https://c.example/z\n"
    assert found(text) == [(2, 36), (2, 64)]


def test_onbuild() -> None:
    assert found("FROM debian:12\nONBUILD RUN wget https://example.com/x\n") == [(2, 13)]
    assert found("FROM debian:12\nONBUILD RUN wget --progress=dot:giga https://example.com/x\n") == []
