"""CL2021 world-writable-mode: chmod and --chmod modes that let every user write."""

from __future__ import annotations

import pytest

from containerlint.checks.privilege.world_writable_mode import world_writable
from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL2021"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize("mode", ["777", "0777", "666", "002", "757", "o+w", "a+rwx", "ugo=rwx", "u+x,o+w", "go+w"])
def test_world_writable_modes(mode: str) -> None:
    assert world_writable(mode)


@pytest.mark.parametrize("mode", ["755", "0644", "775", "1777", "a+rwxt", "+w", "u+w", "o-w", "g+w", "$MODE", "o+r"])
def test_other_modes(mode: str) -> None:
    assert not world_writable(mode)


def test_chmod_is_reported_at_the_mode() -> None:
    assert found("FROM debian:12\nRUN chmod 777 /app\n") == [(2, 11)]
    assert found("FROM debian:12\nRUN chmod -R 777 /app\n") == [(2, 14)]
    assert found("FROM debian:12\nRUN mkdir /d && chmod o+w /d && chmod 755 /e\n") == [(2, 23)]
    assert found("FROM debian:12\nRUN chmod --reference=/etc/passwd /x\n") == []


def test_mkdir_and_install_modes() -> None:
    assert found("FROM debian:12\nRUN mkdir -p -m 777 /data\n") == [(2, 17)]
    assert found("FROM debian:12\nRUN install -d --mode=0777 /data\n") == [(2, 23)]
    assert found("FROM debian:12\nRUN mkdir -m 1777 /scratch\n") == []


def test_copy_and_add_chmod() -> None:
    assert found("FROM debian:12\nCOPY --chmod=777 run.sh /usr/local/bin/\n") == [(2, 14)]
    assert found("FROM debian:12\nADD --chmod=o+w a /a\n") == [(2, 13)]
    assert found("FROM debian:12\nCOPY --chmod=755 run.sh /usr/local/bin/\n") == []


def test_message_names_the_paths() -> None:
    text = "FROM debian:12\nRUN install -m 0666 conf /etc/app.conf\n"
    [finding] = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    assert "'/etc/app.conf'" in finding.message and "'conf'" not in finding.message
