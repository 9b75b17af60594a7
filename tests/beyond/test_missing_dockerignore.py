"""CL3703 missing-dockerignore: COPY . without a .dockerignore next to the Dockerfile (opt-in)."""

from __future__ import annotations

from pathlib import Path

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3703"
COPY_ALL = "FROM python:3.12\nWORKDIR /app\nCOPY . .\n"


def found(folder: Path, text: str, name: str = "Dockerfile") -> list[tuple[int, int]]:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    findings = lint_text(text, FileKind.DOCKERFILE, path=str(path), select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_whole_context_copy_without_dockerignore(tmp_path: Path) -> None:
    assert found(tmp_path, COPY_ALL) == [(3, 6)]
    assert found(tmp_path, "FROM python:3.12\nCOPY requirements.txt .\nADD ./ /app\n") == [(3, 5)]
    assert found(tmp_path, "FROM python:3.12\nCOPY * /app/\nCOPY . /app\n") == [(2, 6)]


def test_dockerignore_or_per_dockerfile_ignore_file(tmp_path: Path) -> None:
    (tmp_path / ".dockerignore").write_text(".git\n", encoding="utf-8")
    assert found(tmp_path, COPY_ALL) == []
    (tmp_path / ".dockerignore").unlink()
    (tmp_path / "app.Dockerfile.dockerignore").write_text(".git\n", encoding="utf-8")
    assert found(tmp_path, COPY_ALL, name="app.Dockerfile") == []
    assert found(tmp_path, COPY_ALL, name="other.Dockerfile") == [(3, 6)]


def test_named_sources_and_other_stages_need_nothing(tmp_path: Path) -> None:
    assert found(tmp_path, "FROM python:3.12\nCOPY src/ /app/src/\n") == []
    assert found(tmp_path, "FROM python:3.12 AS a\nFROM python:3.12\nCOPY --from=a . /app\n") == []


def test_text_that_is_not_a_file_on_disk_is_not_judged(tmp_path: Path) -> None:
    findings = lint_text(COPY_ALL, FileKind.DOCKERFILE, path=str(tmp_path / "missing" / "Dockerfile"), select=[CODE])
    assert findings == []
    assert [f for f in lint_text(COPY_ALL, FileKind.DOCKERFILE, select=[CODE]) if f.code == CODE] == []
