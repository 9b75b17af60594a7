"""hadolint DL3066 -> CL2003 non-numeric-user: USER gives a numeric UID."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL2003"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_numeric_uid_and_gid() -> None:
    assert found("FROM debian:12\nUSER 12345\nUSER 1234:5678\nUSER 1000:app\nUSER 1000:$GID\n") == []


def test_user_names_are_reported_at_the_user() -> None:
    assert found("FROM debian:12\nUSER foobar\n") == [(2, 6)]
    assert found("FROM debian:12\nUSER foobar:barfoo\n") == [(2, 6)]
    assert found("FROM debian:12\nUSER app:1000\n") == [(2, 6)]


def test_uid_from_a_declared_arg() -> None:
    assert found("ARG APP_UID\nFROM debian:12\nUSER ${APP_UID}\n") == []
    assert found("FROM debian:12\nARG APP_UID=1000\nUSER $APP_UID:app\n") == []


def test_undeclared_or_later_variables_are_reported() -> None:
    assert found("FROM debian:12\nUSER ${APP_UID}\n") == [(2, 6)]
    assert found("FROM debian:12\nUSER $APP_UID\nARG APP_UID=1\n") == [(2, 6)]
    assert found("FROM debian:12\nENV APP_UID=1000\nUSER $APP_UID\n") == [(3, 6)]


def test_onbuild_user_is_for_other_images() -> None:
    assert found("FROM debian:12\nONBUILD USER app\n") == []


def test_quotes_are_removed() -> None:
    # Deliberate difference: hadolint judges '"1000"' with its quotes.
    assert found('FROM debian:12\nUSER "1000"\n') == []
