"""hadolint DL3020 -> CL3005 add-instead-of-copy: ADD only for URLs and archives."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3005"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize(
    "source",
    [
        "file.tar",
        "file.gz",
        "file.bz2",
        "file.xz",
        "file.tgz",
        "file.tar.zst.tar",
        '"file.tgz"',
        "http://example.com/file",
        '"https://example.com/file"',
        "git@github.com:acme/lib.git",
        "${DOWNLOAD_URL}",
    ],
)
def test_archives_urls_git_and_variables_need_add(source: str) -> None:
    assert found("FROM a:1", f"ADD {source} /usr/src/app/") == []


@pytest.mark.parametrize("source", ["file", "file.zip", '"file.zip"', "dir/", "app.tar.gz.sig"])
def test_local_files_are_reported_at_the_source(source: str) -> None:
    assert found("FROM a:1", f"ADD {source} /usr/src/app/") == [(2, 5)]


def test_each_local_source_is_reported_once() -> None:
    assert found("FROM a:1", "ADD a.tar b c.txt /dst/") == [(2, 11), (2, 13)]
    assert found("FROM a:1", 'ADD ["conf/", "https://example.com/x", "/dst/"]') == [(2, 6)]


def test_copy_and_flags_are_not_sources() -> None:
    assert found("FROM a:1", "COPY file /dst/") == []
    assert found("FROM a:1", "ADD --chown=app:app --link file.tgz /dst/") == []
