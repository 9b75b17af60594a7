"""hadolint DL3064 -> CL5002 sensitive-arg-or-env: no secrets through ARG or ENV."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL5002"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_harmless_names() -> None:
    assert found("ARG foobar\nFROM debian:12\nENV foobar=barfoo PORT=8080\nRUN foobar\n") == []


@pytest.mark.parametrize(
    "name",
    ["AWS_ACCESS_KEY_ID", "openai_api_key", "GITHUB_TOKEN", "db_password", "Private_Thing", "USERNAME", "SECRET"],
)
def test_sensitive_arg_is_reported_at_the_name(name: str) -> None:
    assert found(f"ARG {name}\nFROM debian:12\n") == [(1, 5)]
    assert found(f"FROM debian:12\nARG {name}=value\n") == [(2, 5)]


def test_sensitive_env_is_reported_at_the_name() -> None:
    assert found("FROM debian:12\nENV AWS_ACCESS_KEY_ID=abcdefghijklmnop\n") == [(2, 5)]
    assert found("FROM debian:12\nENV a=1 my_password=abcdefghijklmnop\n") == [(2, 9)]
    assert found("FROM debian:12\nENV SECRET some value\n") == [(2, 5)]


def test_known_names_that_the_words_miss() -> None:
    assert found("FROM debian:12\nARG docker_email\nENV APPLICATION_KEY=x TRAVIS_SUDO=true\n") == [
        (2, 5),
        (3, 5),
        (3, 23),
    ]


def test_names_alone_decide() -> None:
    assert found("FROM debian:12\nENV DB_PASSWORD_FILE=/run/secrets/db\nARG API_KEY_ID\n") == [(2, 5), (3, 5)]
    assert found("FROM debian:12\nARG apiKey\nENV AUTH_HEADER=x\n") == []


def test_onbuild() -> None:
    assert found("FROM debian:12\nONBUILD ENV DB_PASSWORD=x\nONBUILD ARG SLACK_TOKEN\n") == [(2, 13), (3, 13)]


def test_every_name_of_an_arg() -> None:
    # Deliberate difference: hadolint reads only the first name of a multi-name ARG.
    assert found("ARG foo PASSWORD=1\nFROM debian:12\n") == [(1, 9)]


def test_values_are_never_shown() -> None:
    findings = lint_text("FROM debian:12\nENV DB_PASSWORD=hunter2secret\n", FileKind.DOCKERFILE, select=[CODE])
    assert findings and all("hunter2" not in f.message and "hunter2" not in (f.hint or "") for f in findings)
