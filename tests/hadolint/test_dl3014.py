"""hadolint DL3014 -> CL3103 apt-get-missing-yes: apt-get install must not wait for a prompt."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3103"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize(
    "options",
    ["", "-q", "--quiet", "-q=1", "--yes-please", "--assume-no"],
)
def test_reported_without_assume_yes(options: str) -> None:
    assert found(f"FROM debian:12\nRUN apt-get install {options} python3\n") == [(2, 5)]


@pytest.mark.parametrize(
    "options",
    [
        "-y",
        "-yq",
        "-qy",
        "--yes",
        "--assume-yes",
        "-qq",
        "-q -q",
        "-q=2",
        "--quiet --quiet",
        "-qqq",
        "-o APT::Get::Assume-Yes=true",
        "-oAPT::Get::Assume-Yes=1",
    ],
)
def test_assume_yes_in_any_spelling(options: str) -> None:
    assert found(f"FROM debian:12\nRUN apt-get install {options} python3\n") == []


def test_flag_before_the_subcommand() -> None:
    assert found("FROM debian:12\nRUN apt-get -y install python3 && apt-get --yes install git\n") == []


def test_one_finding_per_install_command_at_the_command() -> None:
    text = "FROM debian:12\nRUN apt-get update \\\n && apt-get install git \\\n && apt-get -y install vim\n"
    assert found(text) == [(3, 5)]


def test_onbuild_and_exec_form() -> None:
    text = 'FROM debian:12\nONBUILD RUN apt-get install git\nRUN ["apt-get", "install", "git"]\n'
    assert found(text) == [(2, 13), (3, 6)]


def test_other_subcommands_are_not_checked() -> None:
    assert found("FROM debian:12\nRUN apt-get update && apt-get upgrade && apt-get remove git\n") == []
