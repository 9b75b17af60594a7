"""hadolint DL3004 -> CL2002 sudo-in-run: no sudo in RUN."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL2002"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_sudo_is_reported_at_the_word() -> None:
    assert found("FROM debian:12\nRUN sudo apt-get update\n") == [(2, 5)]
    assert found("FROM debian:12\nONBUILD RUN sudo apt-get update\n") == [(2, 13)]


def test_installing_or_mentioning_sudo_is_fine() -> None:
    assert found("FROM debian:12\nRUN apt-get install sudo && echo sudo\n") == []
    assert found('FROM debian:12\nRUN bash -c "sudo id"\n') == []


def test_every_command_of_a_chain() -> None:
    assert found("FROM debian:12\nRUN apt-get update && sudo apt-get install\n") == [(2, 23)]
    assert found("FROM debian:12\nRUN sudo a && sudo b\n") == [(2, 5), (2, 15)]


def test_nested_commands() -> None:
    assert found("FROM debian:12\nRUN echo $(sudo id)\n") == [(2, 12)]
    assert found("FROM debian:12\nRUN if true; then sudo make; fi\n") == [(2, 19)]


def test_exec_form() -> None:
    assert found('FROM debian:12\nRUN ["sudo", "apt-get", "update"]\n') == [(2, 6)]


def test_heredoc_body_is_reported_at_the_command() -> None:
    # hadolint reports the RUN line (2); the command is on line 3.
    assert found("FROM debian:12\nRUN <<EOF\napt-get update\nsudo make\nEOF\n") == [(4, 1)]


def test_path_and_wrappers() -> None:
    # Deliberate difference: hadolint compares the command name exactly.
    assert found("FROM debian:12\nRUN /usr/bin/sudo make\n") == [(2, 5)]
    assert found("FROM debian:12\nRUN env HOME=/root sudo make\n") == [(2, 20)]
    assert found("FROM debian:12\nRUN nice -n 5 sudo make\n") == [(2, 15)]
