"""CL5022 secret-passed-as-arg: RUN uses an ARG named like a secret."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL5022"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_reference_in_run_is_reported() -> None:
    assert found("FROM node:20\nARG NPM_TOKEN\nRUN npm ci --token=$NPM_TOKEN\n") == [(3, 20)]
    assert found("FROM node:20\nARG NPM_TOKEN\nRUN echo ${NPM_TOKEN} > t\n") == [(3, 10)]
    assert found("FROM node:20\nARG NPM_TOKEN\nRUN echo ${NPM_TOKEN:-none} > t\n") == [(3, 10)]


def test_one_finding_per_run_at_the_first_reference() -> None:
    text = "FROM node:20\nARG GITHUB_TOKEN\nRUN a $GITHUB_TOKEN b $GITHUB_TOKEN\nRUN c $GITHUB_TOKEN\n"
    assert found(text) == [(3, 7), (4, 7)]


def test_heredoc_bodies() -> None:
    text = "FROM node:20\nARG NPM_TOKEN\nRUN <<'EOF'\nset -e\nnpm ci --token=\"$NPM_TOKEN\"\nEOF\n"
    assert found(text) == [(5, 17)]


def test_scope_is_the_stage_after_the_arg() -> None:
    assert found("FROM node:20\nRUN echo $NPM_TOKEN\nARG NPM_TOKEN\n") == []
    assert found("ARG NPM_TOKEN\nFROM node:20\nRUN echo $NPM_TOKEN\n") == []  # not redeclared: empty
    assert found("FROM node:20 AS a\nARG NPM_TOKEN\nFROM node:20\nRUN echo $NPM_TOKEN\n") == []


def test_names_that_are_not_secrets_and_prefixes() -> None:
    assert found("FROM node:20\nARG TOKEN_URL\nRUN curl $TOKEN_URL\n") == []
    assert found("FROM node:20\nARG NODE_ENV\nRUN echo $NODE_ENV\n") == []
    assert found("FROM node:20\nARG API_KEY\nRUN echo $API_KEY_ID\n") == []


def test_secret_mount_with_the_same_name() -> None:
    text = "FROM node:20\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci --token=$NPM_TOKEN\n"
    assert found(text) == []


def test_message_and_hint() -> None:
    [finding] = lint_text("FROM node:20\nARG NPM_TOKEN\nRUN echo $NPM_TOKEN\n", FileKind.DOCKERFILE, select=[CODE])
    assert "build argument NPM_TOKEN (ARG on line 2)" in finding.message
    assert finding.hint is not None and "--mount=type=secret,id=npm_token,env=NPM_TOKEN" in finding.hint
    assert finding.span.end.column == finding.span.start.column + len("$NPM_TOKEN")
