"""CL2022 sudo-installed: a package manager installs sudo or doas."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL2022"


def run(command: str) -> list[tuple[int, int]]:
    findings = lint_text(f"FROM debian:12\nRUN {command}\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_install_is_reported_at_the_package() -> None:
    assert run("apt-get install -y --no-install-recommends sudo curl") == [(2, 48)]
    assert run("apk add --no-cache doas") == [(2, 24)]
    assert run("dnf install -y sudo") == [(2, 20)]
    assert run("yum -y install sudo-ldap") == [(2, 20)]
    assert run("zypper --non-interactive install sudo") == [(2, 38)]
    assert run("apt install -y sudo") == [(2, 20)]


def test_versions_and_architectures() -> None:
    assert run("apt-get install -y sudo=1.9.13p3-1+deb12u1") == [(2, 24)]
    assert run("apt-get install -y sudo:amd64") == [(2, 24)]
    assert run("apk add sudo~1.9") == [(2, 13)]
    assert run("dnf install -y sudo-1.9.5p2") == [(2, 20)]


def test_other_packages_and_operations() -> None:
    assert run("apt-get install -y sudoku gosu") == []
    assert run("apt-get remove -y sudo") == []
    assert run("apk del sudo") == []
    assert run("sudo apt-get install -y curl") == []  # using sudo is CL2002's


def test_message_names_the_package() -> None:
    [finding] = lint_text("FROM debian:12\nRUN apt-get install -y sudo\n", FileKind.DOCKERFILE, select=[CODE])
    assert "'apt-get install' installs 'sudo'" in finding.message
    assert finding.hint is not None and "gosu" in finding.hint
