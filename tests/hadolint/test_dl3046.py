"""hadolint DL3046 -> CL3403 useradd-lastlog-bloat: a high UID needs useradd -l."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3403"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def run(command: str) -> list[tuple[int, int]]:
    return found(f"FROM debian:12\nRUN {command}\n")


@pytest.mark.parametrize(
    "command",
    [
        "useradd -u 123456 app",
        "useradd -m -u 2000000 -s /bin/sh app",
        # hadolint only reads the value of -u and misses these
        "useradd --uid 123456 app",
        "useradd --uid=123456 app",
        "useradd -u123456 app",
    ],
)
def test_high_uid_without_l(command: str) -> None:
    assert run(command) == [(2, 5)]


@pytest.mark.parametrize(
    "command",
    [
        "useradd app",
        "useradd -l app",
        "useradd -u 12345 app",
        "useradd -u 99999 app",
        "useradd -l -u 123456 app",
        "useradd -lmu 123456 app",
        "useradd --no-log-init -u 123456 app",
        "adduser -u 123456 app",
    ],
)
def test_fine(command: str) -> None:
    assert run(command) == []


def test_a_variable_uid_is_not_judged() -> None:
    """Differs from hadolint, which measures the text `${UID}` and reports it."""
    assert run("useradd -u ${UID} app") == []


def test_onbuild() -> None:
    assert found("FROM debian:12\nONBUILD RUN useradd -u 123456 app\n") == [(2, 13)]
