"""CL1023 signature-check-disabled: package managers told to skip signature checks."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL1023"


def run(command: str) -> list[tuple[int, int]]:
    findings = lint_text(f"FROM debian:12\nRUN {command}\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_apk_allow_untrusted() -> None:
    assert run("apk add --no-cache --allow-untrusted curl") == [(2, 24)]
    assert run("apk add --allow-untrusted --repository https://x.example/alpine tool") == [(2, 13)]


def test_local_apk_files_are_accepted() -> None:
    assert run("apk add --allow-untrusted /tmp/packages/x86_64/tool-1.0-r0.apk") == []
    assert run("apk add --allow-untrusted /tmp/a.apk https://x.example/b.apk") == [(2, 13)]


def test_apt_options_and_settings() -> None:
    assert run("apt-get install -y --allow-unauthenticated tool") == [(2, 24)]
    assert run("apt-get install -y --force-yes tool") == [(2, 24)]
    assert run("apt-get update --allow-insecure-repositories") == [(2, 20)]
    assert run("apt-get -o APT::Get::AllowUnauthenticated=true install tool") == [(2, 16)]
    assert run("apt-get -o Acquire::AllowInsecureRepositories=false update") == []


def test_trusted_yes_sources_written_by_any_command() -> None:
    assert run('echo "deb [trusted=yes] http://apt.example.com/ ./" > /etc/apt/sources.list.d/x.list') == [(2, 10)]
    assert run('echo "deb [signed-by=/usr/share/keyrings/x.gpg] https://apt.example.com/ ./" > x.list') == []


def test_rpm_family() -> None:
    assert run("dnf install -y --nogpgcheck tool") == [(2, 20)]
    assert run("yum -y --setopt=gpgcheck=0 install tool") == [(2, 12)]
    assert run("microdnf --setopt=tools.repo_gpgcheck=false install tool") == [(2, 14)]
    assert run("rpm -ivh --nosignature /tmp/tool.rpm") == [(2, 14)]
    assert run("rpm -ivh --nodigest --nofiledigest /tmp/tool.rpm") == [(2, 14), (2, 25)]
    assert run("zypper --no-gpg-checks install -y tool") == [(2, 12)]
    assert run("dnf install -y tool && rpm --import https://x.example/key") == []


def test_gosumdb_off() -> None:
    findings = lint_text("FROM golang:1.22\nENV GOSUMDB=off\n", FileKind.DOCKERFILE, select=[CODE])
    assert [(f.span.start.line, f.span.start.column) for f in findings] == [(2, 5)]
    assert run("GOSUMDB=off go mod download") == [(2, 5)]
    assert run("GOSUMDB=sum.golang.org go mod download") == []


def test_aliases_per_finding() -> None:
    text = "FROM debian:12\nRUN apk add --allow-untrusted x && apt-get install -y --force-yes y\n"
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    assert [f.aliases for f in findings] == [("checkov:CKV2_DOCKER_7",), ("checkov:CKV2_DOCKER_11",)]
    assert "apk --allow-untrusted" in findings[0].message
