"""hadolint DL3032 -> CL3109 yum-cache-not-cleaned: yum clean all after installing, same RUN."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3109"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_install_without_clean() -> None:
    assert found("FROM centos:7\nRUN yum install -y mariadb-5.5\n") == [(2, 5)]
    assert found("FROM centos:7\nONBUILD RUN yum install -y mariadb-5.5\n") == [(2, 13)]


def test_clean_all_or_removing_the_cache() -> None:
    text = (
        "FROM centos:7\n"
        "RUN yum install -y mariadb-5.5 && yum clean all\n"
        "RUN yum install -y mariadb-5.5 && rm -rf /var/cache/yum/*\n"
        "RUN yum install -y mariadb-5.5 && yum -q clean all\n"
    )
    assert found(text) == []


def test_clean_before_the_install() -> None:
    assert found("FROM centos:7\nRUN yum clean all && yum install -y mariadb-5.5\n") == [(2, 22)]


def test_install_after_the_last_clean() -> None:
    text = "FROM centos:7\nRUN yum install -y a-1 && yum clean all \\\n && yum install -y b-2\n"
    assert found(text) == [(3, 5)]


def test_partial_or_unrelated_cleanup_is_not_enough() -> None:
    text = "FROM centos:7\nRUN yum install -y a-1 && yum clean metadata\nRUN yum install -y a-1 && rm -rf /tmp/build\n"
    assert found(text) == [(2, 5), (3, 5)]


def test_cache_mount() -> None:
    assert found("FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y a-1\n") == []


def test_one_finding_per_run() -> None:
    assert found("FROM centos:7\nRUN yum install -y a-1 && yum groupinstall -y Base\n") == [(2, 5)]


def test_no_install() -> None:
    assert found("FROM centos:7\nRUN bash -c `# not even a yum command`\nRUN yum remove -y vim\n") == []
