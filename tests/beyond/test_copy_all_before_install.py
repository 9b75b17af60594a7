"""CL3702 copy-all-before-install: COPY . . before the dependency install (opt-in)."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3702"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize(
    "install",
    [
        "npm ci",
        "npm install",
        "yarn",
        "yarn install --frozen-lockfile",
        "pnpm install",
        "pip install -r requirements.txt",
        "python3 -m pip install --no-cache-dir -r requirements.txt",
        "pip install -e .",
        "uv sync --frozen",
        "poetry install --no-root",
        "bundle install",
        "go mod download",
        "composer install",
        "cargo fetch",
        "mvn -B dependency:go-offline",
        "dotnet restore",
        "mix deps.get",
    ],
)
def test_installs_after_a_whole_context_copy(install: str) -> None:
    assert found(f"FROM base:1\nWORKDIR /app\nCOPY . .\nRUN {install}\n") == [(3, 6)]


@pytest.mark.parametrize("install", ["npm install -g typescript", "pip install gunicorn", "go build ./...", "make"])
def test_commands_that_do_not_install_from_the_project(install: str) -> None:
    assert found(f"FROM base:1\nCOPY . .\nRUN {install}\n") == []


def test_manifests_first_is_fine() -> None:
    text = (
        "FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n"
        "FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nRUN pip install .\n"
    )
    assert found(text) == []


def test_another_ecosystem_after_the_copy() -> None:
    text = "FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY ./ /app\nRUN npm ci\n"
    assert found(text) == [(4, 6)]


def test_one_finding_per_stage_and_copies_from_elsewhere() -> None:
    text = "FROM node:20 AS a\nCOPY . .\nRUN npm ci\nRUN yarn\nFROM node:20\nCOPY --from=a . .\nRUN npm ci\n"
    assert found(text) == [(2, 6)]
    assert found("FROM node:20\nADD . /app\nRUN npm ci\n") == [(2, 5)]


def test_message_names_the_install_and_its_line() -> None:
    [finding] = lint_text("FROM node:20\nCOPY . .\nRUN npm ci --omit=dev\n", FileKind.DOCKERFILE, select=[CODE])
    assert "before 'npm ci --omit=dev' (line 3)" in finding.message
