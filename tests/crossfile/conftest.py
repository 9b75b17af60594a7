"""Multi-file projects on disk, linted through the CLI, for the cross-file rules (CL7050-CL7079)."""

from __future__ import annotations

import io
import json
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from containerlint.cli import main

Lint = Callable[..., list[dict[str, Any]]]


def write(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), encoding="utf-8")


@pytest.fixture
def lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Lint:
    """lint(files, *codes, paths=(".",), fmt="json") -> the findings of ``codes`` (JSON output),
    with the working directory at the project root."""
    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str], *codes: str, paths: tuple[str, ...] = (".",)) -> list[dict[str, Any]]:
        write(tmp_path, files)
        out = io.StringIO()
        main(["--format", "json", "--select", ",".join(codes), "--no-gitignore", *paths], stdout=out)
        findings: list[dict[str, Any]] = json.loads(out.getvalue())["findings"]
        return [f for f in findings if f["code"] in codes]

    return run


def at(finding: dict[str, Any]) -> tuple[str, int, int]:
    return finding["path"], finding["start"]["line"], finding["start"]["column"]


def related_at(finding: dict[str, Any]) -> list[tuple[str, int]]:
    return [(r["path"], r["start"]["line"]) for r in finding["related"]]
