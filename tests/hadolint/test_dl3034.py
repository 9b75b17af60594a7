"""hadolint DL3034 -> CL3111 zypper-missing-non-interactive: zypper must not wait for answers."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3111"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize(
    "command",
    ["install httpd=2.4", "in httpd=2.4", "remove vim", "rm vim", "source-install vim", "si vim", "patch"],
)
def test_prompting_commands_without_the_switch(command: str) -> None:
    assert found(f"FROM opensuse/leap:15.6\nRUN zypper {command} && zypper clean\n") == [(2, 5)]


@pytest.mark.parametrize(
    "command",
    [
        "-n install httpd=2.4",
        "--non-interactive in httpd=2.4",
        "install -y httpd=2.4",
        "install --no-confirm httpd=2.4",
        "-nq remove vim",
    ],
)
def test_non_interactive(command: str) -> None:
    assert found(f"FROM opensuse/leap:15.6\nRUN zypper {command} && zypper clean\n") == []


def test_onbuild_and_non_prompting_commands() -> None:
    text = "FROM opensuse/leap:15.6\nONBUILD RUN zypper refresh && zypper install httpd=2.4\nRUN zypper search vim\n"
    assert found(text) == [(2, 31)]
