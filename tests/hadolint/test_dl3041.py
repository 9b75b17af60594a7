"""hadolint DL3041 -> CL3117 unpinned-dnf-package: dnf install <name>-<version>."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3117"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize("program", ["dnf", "microdnf"])
@pytest.mark.parametrize("spec", ["tomcat", "rpm-sign", "python3-pip"])
def test_unpinned(program: str, spec: str) -> None:
    text = f"FROM fedora:40\nRUN {program} install -y {spec} && {program} clean all\n"
    assert found(text) == [(2, 17 + len(program))]


@pytest.mark.parametrize(
    "spec",
    ["tomcat-9.0.1", "rpm-sign-4.16.1.3", "gcc-c++-1.1.1", "openssl-1:1.1.1k", "x-1.0.rpm", "@development"],
)
def test_pinned_or_exempt(spec: str) -> None:
    assert found(f"FROM fedora:40\nRUN dnf install -y {spec} && dnf clean all\n") == []


def test_short_install_and_onbuild() -> None:
    text = "FROM fedora:40\nRUN dnf in -y tomcat\nONBUILD RUN dnf install -y tomcat\n"
    assert found(text) == [(2, 15), (3, 28)]


def test_not_dnf() -> None:
    assert found("FROM fedora:40\nRUN notdnf install tomcat && notdnf module install tomcat\n") == []


def test_modules_need_a_stream() -> None:
    text = "FROM fedora:40\nRUN dnf module install -y tomcat && microdnf module install -y nodejs:20 && dnf clean all\n"
    assert found(text) == [(2, 27)]


def test_groups_have_no_version() -> None:
    text = (
        "FROM fedora:40\n"
        'RUN dnf -y group install "Development Tools" \\\n'
        ' && dnf -y --setopt=group_package_types="mandatory" group install "Development Tools" \\\n'
        ' && microdnf group install -y "Development Tools"\n'
    )
    assert found(text) == []


def test_variables_in_scope() -> None:
    text = (
        "FROM fedora:40 AS build\n"
        "ENV version=2.51.0-2.fc42\n"
        "ARG release=1\n"
        "RUN dnf -y install git-core-${version} tig-$release\n"
        "FROM build\n"
        "RUN dnf -y install git-core-${version}\n"
        "FROM fedora:40\n"
        "RUN dnf -y install git-core-${release}\n"
        "RUN dnf -y install git-core-${version}\n"
    )
    assert found(text) == [(9, 20)]
