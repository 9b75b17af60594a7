"""hadolint DL3038 -> CL3115 dnf-missing-yes: dnf/microdnf install must not wait for a prompt."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3115"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize(
    "command",
    [
        "dnf install httpd-2.4",
        "microdnf install httpd-2.4",
        "dnf in httpd-2.4",
        "dnf groupinstall Base",
        "dnf localinstall ./x-1.rpm",
        "dnf group install Base",
        "dnf module install nodejs:20",
    ],
)
def test_without_yes(command: str) -> None:
    assert found(f"FROM fedora:40\nRUN {command}\n") == [(2, 5)]


@pytest.mark.parametrize(
    "command",
    [
        "dnf install -y httpd-2.4",
        "microdnf install -y httpd-2.4",
        "dnf --assumeyes install httpd-2.4",
        "dnf -qy in httpd-2.4",
        "notdnf install httpd",
        "dnf upgrade",
        "dnf clean all",
    ],
)
def test_with_yes_or_not_an_install(command: str) -> None:
    assert found(f"FROM fedora:40\nRUN {command}\n") == []


def test_onbuild_and_position() -> None:
    text = "FROM fedora:40\nONBUILD RUN dnf makecache \\\n && dnf install httpd-2.4 && dnf clean all\n"
    assert found(text) == [(3, 5)]
