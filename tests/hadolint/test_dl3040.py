"""hadolint DL3040 -> CL3116 dnf-cache-not-cleaned: dnf clean all after installing, same RUN."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3116"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize(
    "subcommand",
    [
        "install",
        "in",
        "upgrade",
        "up",
        "update",
        "upgrade-minimal",
        "up-min",
        "reinstall",
        "rei",
        "groupinstall",
        "localinstall",
        "module install",
        "group install",
    ],
)
def test_every_download_needs_a_clean(subcommand: str) -> None:
    assert found(f"FROM fedora:40\nRUN dnf -y {subcommand} x-1\n") == [(2, 5)]
    assert found(f"FROM fedora:40\nRUN dnf -y {subcommand} x-1 && dnf clean all\n") == []


def test_microdnf_and_onbuild() -> None:
    text = "FROM fedora:40\nRUN microdnf install -y x-1\nONBUILD RUN dnf install -y x-1\n"
    assert found(text) == [(2, 5), (3, 13)]
    assert found("FROM fedora:40\nRUN microdnf install -y x-1 && microdnf clean all\n") == []


def test_the_clean_must_be_the_same_program() -> None:
    assert found("FROM fedora:40\nRUN dnf install -y x-1 && microdnf clean all\n") == [(2, 5)]


def test_removing_a_cache_directory() -> None:
    text = (
        "FROM fedora:40\n"
        "RUN dnf install -y x-1 && rm -rf /var/cache/libdnf5*\n"
        "RUN dnf install -y x-1 && rm -rf /var/cache/dnf/*\n"
        "RUN microdnf install -y x-1 && rm -rf /var/cache/yum/*\n"
    )
    assert found(text) == []


def test_clean_before_the_install() -> None:
    text = (
        "FROM fedora:40\nRUN microdnf clean all && dnf install -y x-1\nRUN rm -rf /var/cache/libdnf5 && dnf in -y x-1\n"
    )
    assert found(text) == [(2, 27), (3, 34)]


def test_cache_or_tmpfs_mounts() -> None:
    text = (
        "FROM fedora:40\n"
        "RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y x-1\n"
        "RUN --mount=type=tmpfs,target=/var/cache/libdnf5 microdnf install -y x-1\n"
        "RUN --mount=type=cache,target=/root/.cache/libdnf5 dnf install -y x-1\n"
        "RUN --mount=type=cache,target=/var/cache/dnf dnf install -y x-1\n"
    )
    assert found(text) == []


def test_not_dnf() -> None:
    assert found("FROM fedora:40\nRUN notdnf install x\nRUN dnf -y remove vim\n") == []
