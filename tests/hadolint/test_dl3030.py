"""hadolint DL3030 -> CL3108 yum-missing-yes: yum install must not wait for a prompt."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3108"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize(
    "command",
    [
        "yum install httpd-2.4.6",
        "yum groupinstall 'Development Tools'",
        "yum localinstall ./x-1.0.rpm",
        "yum group install 'Development Tools'",
        "yum module install nodejs:20",
    ],
)
def test_installs_without_yes(command: str) -> None:
    assert found(f"FROM centos:7\nRUN {command} && yum clean all\n") == [(2, 5)]


def test_with_yes() -> None:
    text = "FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum --assumeyes install git-1.8 && yum -qy install vim-7\n"
    assert found(text) == []


def test_onbuild_and_position() -> None:
    text = "FROM centos:7\nONBUILD RUN yum makecache \\\n && yum install git-1.8\n"
    assert found(text) == [(3, 5)]


def test_no_yum_at_all() -> None:
    assert found("FROM centos:7\nRUN bash -c `# not even a yum command`\n") == []
    assert found("FROM centos:7\nRUN yum clean all && yum remove -y vim\n") == []
