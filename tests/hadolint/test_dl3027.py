"""hadolint DL3027 -> CL3107 apt-instead-of-apt-get: no apt in build scripts."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3107"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_apt_is_reported_at_its_name() -> None:
    assert found("FROM ubuntu:24.04\nRUN apt install python3\n") == [(2, 5)]
    assert found("FROM ubuntu:24.04\nONBUILD RUN apt install python3\n") == [(2, 13)]


def test_every_apt_command() -> None:
    text = "FROM ubuntu:24.04\nRUN apt update \\\n && apt install -y python3 \\\n && /usr/bin/apt list\n"
    assert found(text) == [(2, 5), (3, 5), (4, 5)]


def test_apt_get_apt_cache_and_mentions_are_fine() -> None:
    text = "FROM ubuntu:24.04\nRUN apt-get update && apt-cache policy curl && echo apt && ls /etc/apt\n"
    assert found(text) == []
