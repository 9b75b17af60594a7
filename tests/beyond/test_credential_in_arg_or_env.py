"""CL5020 credential-in-arg-or-env: credentials written as ARG defaults or ENV values."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL5020"
GITHUB_TOKEN = "ghp_" + "A1b2C3d4E5" * 4  # 40 characters after the prefix


def found(text: str, **options: object) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE], rule_options={CODE: options} if options else None)
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_known_formats_whatever_the_name() -> None:
    assert found(f"FROM alpine:3.20\nARG GIT_AUTH={GITHUB_TOKEN}\n") == [(2, 14)]
    assert found("FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n") == [(2, 23)]
    assert found("FROM alpine:3.20\nENV DATABASE_URL=postgres://app:Zk8q2Lr7@db/app\n") == [(2, 18)]
    assert found("FROM alpine:3.20\nENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app\n") == []


def test_secret_names_need_a_random_looking_value() -> None:
    assert found("FROM alpine:3.20\nENV SESSION_SECRET=9f8e7d6c5b4a39281706f5e4d3c2b1a0\n") == [(2, 20)]
    assert found("FROM alpine:3.20\nENV DB_PASSWORD=postgres\n") == []
    assert found("FROM alpine:3.20\nENV DB_PASSWORD=supersecretpassword\n") == []
    assert found("FROM alpine:3.20\nENV API_KEY=changeme\n") == []
    assert found("FROM alpine:3.20\nENV API_KEY=${API_KEY}\n") == []
    assert found("FROM alpine:3.20\nENV PASSWORD_FILE=/run/secrets/9f8e7d6c5b4a3928\n") == []
    assert found("FROM alpine:3.20\nENV RELEASE_NAME=9f8e7d6c5b4a39281706f5e4d3c2b1a0\n") == []


def test_thresholds_are_options() -> None:
    text = "FROM alpine:3.20\nENV DB_PASSWORD=hunter2!X\n"
    assert found(text) == []
    assert found(text, **{"min-length": 8, "min-entropy": 2.5}) == [(2, 17)]


def test_arg_without_default_and_onbuild() -> None:
    assert found("FROM alpine:3.20\nARG GITHUB_TOKEN\n") == []
    assert found(f"FROM alpine:3.20\nONBUILD ENV TOKEN={GITHUB_TOKEN}\n") == [(2, 19)]
    assert found(f"ARG TOKEN={GITHUB_TOKEN}\nFROM alpine:3.20\n") == [(1, 11)]


def test_the_value_is_masked() -> None:
    [finding] = lint_text(f"FROM alpine:3.20\nENV GIT_AUTH={GITHUB_TOKEN}\n", FileKind.DOCKERFILE, select=[CODE])
    assert GITHUB_TOKEN not in finding.message
    assert "a GitHub token ('ghp****')" in finding.message
    assert finding.span.end.column == 14 + len(GITHUB_TOKEN)
