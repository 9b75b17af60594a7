"""CL5021 secret-file-copied: COPY/ADD of private keys and credentials files."""

from __future__ import annotations

import pytest

from containerlint.checks.secrets._support import secret_file_kind
from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL5021"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize(
    "path",
    [
        "id_rsa",
        "keys/id_ed25519",
        "/root/.ssh",
        "server.key",
        "server.pem",
        "certs/privkey.pem",
        "*.pem",
        "app.p12",
        ".env",
        ".env.production",
        "prod.env",
        ".npmrc",
        ".pypirc",
        ".netrc",
        ".git-credentials",
        ".aws/credentials",
        "/root/.aws",
        "application_default_credentials.json",
        "gcp-service-account.json",
        ".docker/config.json",
        ".kube/config",
        "kubeconfig",
    ],
)
def test_credential_names(path: str) -> None:
    assert secret_file_kind(path) is not None


@pytest.mark.parametrize(
    "path",
    [
        "id_rsa.pub",
        "ca.pem",
        "fullchain.pem",
        "certs/server.pem",
        "Release.key",
        "nodesource.gpg.key",
        ".env.example",
        ".env.sample",
        "example.env",
        "package.json",
        "config.json",
        ".aws/config",
        ".git",
        "environment.yml",
    ],
)
def test_other_names(path: str) -> None:
    assert secret_file_kind(path) is None


def test_git_only_when_asked() -> None:
    assert secret_file_kind(".git", include_git=True) is not None


def test_each_source_at_its_word() -> None:
    assert found("FROM node:20\nCOPY .npmrc package.json ./\n") == [(2, 6)]
    assert found("FROM node:20\nCOPY package.json .env ./\n") == [(2, 19)]
    assert found("FROM node:20\nADD --chown=node id_rsa /home/node/.ssh/\n") == [(2, 18)]
    assert found('FROM node:20\nCOPY [".env", "/app/"]\n') == [(2, 7)]
    assert found("FROM node:20\nONBUILD COPY .env /app/\n") == [(2, 14)]


def test_from_other_stages_counts() -> None:
    text = (
        "FROM alpine:3.20 AS keys\nRUN ssh-keygen -f /k/id_rsa\nFROM alpine:3.20\nCOPY --from=keys /k/id_rsa /root/\n"
    )
    assert found(text) == [(4, 18)]


def test_destination_urls_heredocs_and_variables_are_not_judged() -> None:
    assert found("FROM node:20\nCOPY app.js /app/.env\n") == []
    assert found("FROM node:20\nADD https://example.com/id_rsa /tmp/\n") == []
    assert found("FROM node:20\nCOPY <<.env /app/.env\nA=1\n.env\n") == []
    assert found("FROM node:20\nCOPY ${KEY_FILE} /app/\n") == []


def test_message_names_the_file_and_its_kind() -> None:
    [finding] = lint_text("FROM node:20\nCOPY .npmrc ./\n", FileKind.DOCKERFILE, select=[CODE])
    assert "COPY puts '.npmrc', npm credentials, into an image layer" in finding.message
    assert finding.hint is not None and "--mount=type=secret" in finding.hint
