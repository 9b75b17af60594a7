"""hadolint DL3001 -> CL3401 pointless-command-in-container: interactive and system commands in RUN."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3401"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize("program", ["free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim"])
def test_each_command_of_the_list(program: str) -> None:
    assert found(f"FROM debian:12\nRUN {program} x\n") == [(2, 5)]


def test_every_use_is_reported_at_the_command_name() -> None:
    text = "FROM debian:12\nRUN service nginx start && ps aux | grep nginx && /usr/bin/top -b\n"
    assert found(text) == [(2, 5), (2, 28), (2, 51)]


def test_an_argument_is_not_a_command() -> None:
    assert found("FROM debian:12\nRUN apt-get install -y ssh vim procps\n") == []


def test_commands_outside_the_list() -> None:
    # ifconfig is named in hadolint's message but not in the list it checks
    assert found("FROM debian:12\nRUN ifconfig && htop && nano f\n") == []


def test_onbuild() -> None:
    assert found("FROM debian:12\nONBUILD RUN top -b -n 1\n") == [(2, 13)]
