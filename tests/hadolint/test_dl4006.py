"""hadolint DL4006 -> CL3407 pipe-without-pipefail: a pipe in RUN needs pipefail."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3407"
PIPE = "RUN wget -qO- https://example.com/list | wc -l > /count\n"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_pipe_under_the_default_shell() -> None:
    assert found("FROM debian:12\n" + PIPE) == [(2, 5)]


def test_no_pipe() -> None:
    assert found("FROM debian:12\nRUN wget -q https://example.com/list && wc -l list || true\n") == []


@pytest.mark.parametrize(
    "shell",
    [
        '["/bin/bash", "-o", "pipefail", "-c"]',
        '["/bin/bash", "-eo", "pipefail", "-c"]',
        '["/bin/bash", "-e", "-o", "pipefail", "-c"]',
        '["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]',
        '["/bin/zsh", "-o", "pipefail", "-c"]',
        '["/bin/ash", "-o", "pipefail", "-c"]',
        # found by the program's name, wherever it is installed
        '["/usr/bin/bash", "-o", "pipefail", "-c"]',
        '["/usr/local/bin/zsh", "-o", "pipefail", "-c"]',
        '["bash", "-euxo", "pipefail", "-c"]',
    ],
)
def test_shell_with_pipefail(shell: str) -> None:
    assert found(f"FROM debian:12\nSHELL {shell}\n{PIPE}") == []


@pytest.mark.parametrize(
    "shell",
    [
        '["/bin/sh", "-o", "pipefail", "-c"]',  # dash, the usual /bin/sh, has no pipefail
        '["/bin/bash", "-c"]',
        '["/bin/bash", "-c", "-o", "nounset"]',
    ],
)
def test_shell_without_pipefail(shell: str) -> None:
    assert found(f"FROM debian:12\nSHELL {shell}\n{PIPE}") == [(3, 5)]


@pytest.mark.parametrize("shell", ['["pwsh", "-c"]', '["powershell.exe"]', '["cmd.exe", "/c"]'])
def test_non_posix_shells_are_not_judged(shell: str) -> None:
    text = f"FROM mcr.microsoft.com/powershell:lts\nSHELL {shell}\nRUN Get-Item C:/x | Select-Object -Property Name\n"
    assert found(text) == []


def test_a_new_stage_starts_with_the_default_shell() -> None:
    text = f'FROM debian:12 AS one\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n{PIPE}FROM debian:12\n{PIPE}'
    assert found(text) == [(5, 5)]


def test_a_later_shell_without_pipefail() -> None:
    text = f'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n{PIPE}SHELL ["/bin/sh", "-c"]\n{PIPE}'
    assert found(text) == [(5, 5)]


def test_the_shell_is_inherited_from_the_base_stage() -> None:
    """Differs from hadolint, which resets at every FROM: the SHELL is part of the base image."""
    text = f'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\n{PIPE}'
    assert found(text) == []


def test_set_o_pipefail_before_the_pipe() -> None:
    """Differs from hadolint: `set -o pipefail` in the RUN protects the pipes after it."""
    assert found("FROM debian:12\nRUN set -eo pipefail; wget -qO- https://example.com/x | tar xz\n") == []
    assert found("FROM debian:12\nRUN wget -qO- https://example.com/x | tar xz; set -o pipefail\n") == [(2, 5)]


def test_each_pipeline_is_reported() -> None:
    text = "FROM debian:12\nRUN a | b && \\\n    c && \\\n    d |& e\n"
    assert found(text) == [(2, 5), (4, 5)]


def test_pipe_in_a_command_substitution() -> None:
    assert found("FROM debian:12\nRUN echo $(ls | wc -l)\n") == [(2, 12)]


def test_heredoc() -> None:
    text = "FROM debian:12\nRUN <<EOF\nset -e\nls | wc -l\nEOF\n"
    assert found(text) == [(4, 1)]
    text = 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN <<EOF\nls | wc -l\nEOF\n'
    assert found(text) == []


def test_onbuild_is_not_judged() -> None:
    """The trigger runs in a child image under the child's SHELL, unknown here (as in hadolint)."""
    assert found("FROM debian:12\nONBUILD RUN ls | wc -l\n") == []
