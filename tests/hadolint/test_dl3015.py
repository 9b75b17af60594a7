"""hadolint DL3015 -> CL3104 apt-get-installs-recommends: apt-get install --no-install-recommends."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3104"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize("options", ["", "-y", "--install-recommends", "-o APT::Install-Recommends=true"])
def test_reported_without_the_switch(options: str) -> None:
    assert found(f"FROM debian:12\nRUN apt-get {options} install python3\n") == [(2, 5)]


@pytest.mark.parametrize(
    "options",
    [
        "--no-install-recommends",
        "-o APT::Install-Recommends=false",
        "-oAPT::Install-Recommends=0",
        "--option=APT::Install-Recommends=no",
    ],
)
def test_recommends_disabled(options: str) -> None:
    assert found(f"FROM debian:12\nRUN apt-get install -y {options} python3\n") == []


def test_one_finding_per_install_command() -> None:
    text = (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y git \\\n"
        " && apt-get install -y --no-install-recommends vim \\\n"
        " && apt-get install -y curl\n"
    )
    assert found(text) == [(2, 23), (4, 5)]


def test_onbuild() -> None:
    assert found("FROM debian:12\nONBUILD RUN apt-get install -y git\n") == [(2, 13)]
