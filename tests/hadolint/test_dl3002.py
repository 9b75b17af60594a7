"""hadolint DL3002 -> CL2001 last-user-is-root: no stage ends as root."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL2001"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize("user", ["root", "0", "root:root", "0:0", "root:0", "0:root", "root:"])
def test_root_is_reported_at_the_user(user: str) -> None:
    assert found(f"FROM scratch\nUSER {user}\n") == [(2, 6)]


@pytest.mark.parametrize("user", ["foo", "1000", "1000:0", "ROOT", "rooted", "$USER"])
def test_other_users(user: str) -> None:
    assert found(f"FROM scratch\nUSER {user}\n") == []


def test_switching_back_to_a_user() -> None:
    assert found("FROM scratch\nUSER root\nRUN something\nUSER foo\n") == []


def test_only_the_last_user_of_a_stage() -> None:
    assert found("FROM debian:12\nUSER root\nUSER root\n") == [(3, 6)]


def test_stage_without_user_is_not_reported() -> None:
    assert found("FROM debian:12\nRUN something\n") == []


def test_every_stage_is_judged() -> None:
    text = "FROM debian:12 AS base\nUSER root\nRUN something\nFROM scratch\nUSER foo\nRUN something else\n"
    assert found(text) == [(2, 6)]
    text = "FROM debian:12 AS base\nUSER root\nRUN something\nFROM base\nRUN something else\n"
    assert found(text) == [(2, 6)]
    text = "FROM debian:12 AS base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else\n"
    assert found(text) == []


def test_onbuild_user_is_for_other_images() -> None:
    assert found("FROM debian:12\nONBUILD USER root\n") == []


def test_quotes_and_numeric_uids() -> None:
    # Deliberate differences: quotes are removed ("root" is root), and UID 00 is UID 0.
    assert found('FROM debian:12\nUSER "root"\n') == [(2, 6)]
    assert found("FROM debian:12\nUSER 00\n") == [(2, 6)]
