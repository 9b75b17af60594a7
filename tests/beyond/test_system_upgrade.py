"""CL3701 system-upgrade: whole-system upgrades in RUN (opt-in)."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import builtin_ruleset, lint_text

CODE = "CL3701"


def run(command: str) -> list[tuple[int, int]]:
    findings = lint_text(f"FROM debian:12\nRUN {command}\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_off_by_default() -> None:
    rule = builtin_ruleset().get(CODE)
    assert rule is not None and not rule.default_enabled


def test_apt_family_at_the_subcommand() -> None:
    assert run("apt-get update && apt-get upgrade -y") == [(2, 31)]
    assert run("apt-get -y dist-upgrade") == [(2, 16)]
    assert run("apt full-upgrade -y") == [(2, 9)]
    assert run("apt-get install -y --only-upgrade openssl") == []


def test_apk_and_rpm_family_without_package_names() -> None:
    assert run("apk upgrade --no-cache") == [(2, 9)]
    assert run("apk -U upgrade") == [(2, 12)]
    assert run("apk upgrade --no-cache openssl") == []
    assert run("dnf -y update") == [(2, 12)]
    assert run("yum -y upgrade && yum clean all") == [(2, 12)]
    assert run("microdnf upgrade") == [(2, 14)]
    assert run("dnf -y update openssl curl") == []
    assert run("zypper --non-interactive update") == [(2, 30)]
    assert run("zypper dist-upgrade") == []  # CL3112


def test_pacman() -> None:
    assert run("pacman -Syu --noconfirm") == [(2, 12)]
    assert run("pacman -S --noconfirm git") == []


def test_message() -> None:
    findings = lint_text("FROM debian:12\nRUN apt-get upgrade -y\n", FileKind.DOCKERFILE, select=[CODE])
    assert "'apt-get upgrade' upgrades every package" in findings[0].message
