"""hadolint DL3033 -> CL3110 unpinned-yum-package: yum install <name>-<version>."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3110"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize("spec", ["tomcat", "rpm-sign", "python3-pip", "foo-1.0*", "foo-"])
def test_unpinned(spec: str) -> None:
    assert found(f"FROM centos:7\nRUN yum install -y {spec} && yum clean all\n") == [(2, 20)]


@pytest.mark.parametrize(
    "spec",
    [
        "tomcat-9.2",
        "rpm-sign-4.16.1.3",
        "gcc-c++-1.1.1",
        "openssl-1:1.1.1k",
        "git-2.43.5-1.el8_10",
        "./local.rpm",
        "https://example.org/x-1.0-1.noarch.rpm",
        "@development",
    ],
)
def test_pinned_or_exempt(spec: str) -> None:
    assert found(f"FROM centos:7\nRUN yum install -y {spec} && yum clean all\n") == []


def test_one_finding_per_package_and_onbuild() -> None:
    text = "FROM centos:7\nONBUILD RUN yum install -y tomcat-9.2 vim \\\n    git\n"
    assert found(text) == [(2, 39), (3, 5)]


def test_modules_need_a_stream() -> None:
    text = "FROM centos:7\nRUN yum module install -y nodejs && yum module install -y tomcat:9\n"
    assert found(text) == [(2, 27)]


def test_option_values_and_groups_are_not_packages() -> None:
    text = (
        "FROM centos:7\n"
        "RUN yum install -y --enablerepo epel --setopt tsflags=nodocs jq-1.6 \\\n"
        ' && yum group install -y "Development Tools" && yum groupinstall -y Base\n'
    )
    assert found(text) == []


def test_variable_declared_by_env_or_arg() -> None:
    text = "FROM fedora:40\nENV version=2.51.0-2.fc42\nARG other=1\nRUN yum -y install git-core-${version} tig-$other\n"
    assert found(text) == []


def test_undeclared_variable() -> None:
    assert found("FROM fedora:40\nRUN yum -y install git-core-${version}\n") == [(2, 20)]


def test_declared_after_the_run_does_not_count() -> None:
    assert found("FROM fedora:40\nRUN yum -y install git-core-${version}\nENV version=2\n") == [(2, 20)]


def test_arg_of_an_earlier_stage_counts() -> None:
    text = "FROM fedora:40 AS build\nARG version=2\nFROM fedora:40\nRUN yum -y install git-core-${version}\n"
    assert found(text) == []


def test_env_of_the_stage_built_on_counts() -> None:
    text = "FROM fedora:40 AS build\nENV version=2\nFROM build\nRUN yum -y install git-core-${version}\n"
    assert found(text) == []


def test_env_of_an_unrelated_stage_does_not_count() -> None:
    text = "FROM fedora:40 AS build\nENV version=2\nFROM fedora:40\nRUN yum -y install git-core-${version}\n"
    assert found(text) == [(4, 20)]
