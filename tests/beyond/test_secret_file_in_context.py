"""CL3704 secret-file-in-context, and the .dockerignore matcher it uses (opt-in)."""

from __future__ import annotations

from pathlib import Path

import pytest

from containerlint.checks.hygiene._support import DockerIgnore
from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3704"
COPY_ALL = "FROM python:3.12\nWORKDIR /app\nCOPY . .\n"


def build_context(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")


def reported(root: Path, text: str = COPY_ALL) -> list[tuple[int, int, str]]:
    (root / "Dockerfile").write_text(text, encoding="utf-8")
    findings = lint_text(text, FileKind.DOCKERFILE, path=str(root / "Dockerfile"), select=[CODE])
    return [(f.span.start.line, f.span.start.column, f.message.split("'")[1]) for f in findings if f.code == CODE]


def test_credentials_and_git_left_in_the_context(tmp_path: Path) -> None:
    build_context(tmp_path, {".env": "A=1", "deploy/id_ed25519": "", ".git/HEAD": "", "app.py": "", "ca.pem": ""})
    assert reported(tmp_path) == [(3, 6, ".env"), (3, 6, ".git"), (3, 6, "deploy/id_ed25519")]


def test_excluded_files_are_fine(tmp_path: Path) -> None:
    ignore = ".env\n**/id_*\n.git\n"
    build_context(tmp_path, {".env": "", "deploy/id_ed25519": "", ".git/HEAD": "", ".dockerignore": ignore})
    assert reported(tmp_path) == []


def test_dockerignore_semantics_differ_from_gitignore(tmp_path: Path) -> None:
    # "*.pem" only matches at the top of the context; "**/*.pem" matches everywhere.
    build_context(tmp_path, {"key.pem": "", "tls/key.pem": "", ".dockerignore": "*.pem\n"})
    assert reported(tmp_path) == [(3, 6, "tls/key.pem")]


def test_reinclusion_with_an_exception(tmp_path: Path) -> None:
    build_context(tmp_path, {"secrets/.env": "", "secrets/readme.txt": "", ".dockerignore": "secrets\n!secrets/.env\n"})
    assert reported(tmp_path) == [(3, 6, "secrets/.env")]


def test_dependency_folders_are_not_searched(tmp_path: Path) -> None:
    build_context(tmp_path, {"node_modules/pkg/test/key.pem": "", "vendor/x/id_rsa": "", "app.js": ""})
    assert reported(tmp_path) == []


def test_only_with_a_whole_context_copy(tmp_path: Path) -> None:
    build_context(tmp_path, {".env": ""})
    assert reported(tmp_path, "FROM python:3.12\nCOPY app.py /app/\n") == []
    assert reported(tmp_path, "FROM python:3.12\nCOPY app.py /app/\nCOPY ./ /app/\n") == [(3, 6, ".env")]


def test_message_says_why(tmp_path: Path) -> None:
    build_context(tmp_path, {".npmrc": ""})
    (tmp_path / "Dockerfile").write_text(COPY_ALL, encoding="utf-8")
    [finding] = lint_text(COPY_ALL, FileKind.DOCKERFILE, path=str(tmp_path / "Dockerfile"), select=[CODE])
    assert "npm credentials" in finding.message and "there is no .dockerignore" in finding.message
    assert finding.hint is not None and ".dockerignore" in finding.hint


@pytest.mark.parametrize(
    ("patterns", "path", "excluded"),
    [
        ("*.pem", "a.pem", True),
        ("*.pem", "dir/a.pem", False),
        ("**/*.pem", "dir/sub/a.pem", True),
        ("**/*.pem", "a.pem", True),
        ("dir", "dir/sub/file", True),
        ("dir/*", "dir/file", True),
        ("dir/*", "dir", False),
        ("/dir/file", "dir/file", True),
        ("./dir//file", "dir/file", True),
        ("d?r", "dir", True),
        ("d?r", "d/r", False),
        ("[a-c]at", "bat", True),
        ("[^a-c]at", "bat", False),
        ("[^a-c]at", "rat", True),
        ("a\\*b", "a*b", True),
        ("a\\*b", "axb", False),
        ("**", "any/thing", True),
        ("dir/**", "dir/x/y", True),
        ("**name", "sub/filename", True),
        ("# comment\n  spaced  \n", "spaced", True),
        ("# comment\n", "# comment", False),
        ("*\n!keep", "keep", False),
        ("*\n!keep\nkeep", "keep", True),
        ("docs\n!docs/keep.md", "docs/keep.md", False),
        ("docs\n!docs/keep.md", "docs/other.md", True),
    ],
)
def test_dockerignore_matching(patterns: str, path: str, excluded: bool) -> None:
    assert DockerIgnore.parse(patterns).excludes(path) is excluded
