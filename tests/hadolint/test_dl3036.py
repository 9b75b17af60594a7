"""hadolint DL3036 -> CL3113 zypper-cache-not-cleaned: zypper clean after installing, same RUN."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3113"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_install_without_clean() -> None:
    assert found("FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.4\n") == [(2, 5)]
    assert found("FROM opensuse/leap:15.6\nONBUILD RUN zypper in -y mariadb=10.4\n") == [(2, 13)]


def test_clean_cc_or_removing_the_cache() -> None:
    text = (
        "FROM opensuse/leap:15.6\n"
        "RUN zypper install -y mariadb=10.4 && zypper clean\n"
        "RUN zypper install -y mariadb=10.4 && zypper cc\n"
        "RUN zypper install -y mariadb=10.4 && zypper -n clean --all\n"
        "RUN zypper install -y mariadb=10.4 && rm -rf /var/cache/zypp/*\n"
    )
    assert found(text) == []


def test_clean_before_the_install() -> None:
    assert found("FROM opensuse/leap:15.6\nRUN zypper clean && zypper install -y mariadb=10.4\n") == [(2, 21)]


def test_cache_or_tmpfs_mount() -> None:
    text = (
        "FROM opensuse/leap:15.6\n"
        "RUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb\n"
        "RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb\n"
    )
    assert found(text) == []


def test_other_zypper_commands_need_no_clean() -> None:
    assert found("FROM opensuse/leap:15.6\nRUN zypper -n remove vim && zypper refresh\n") == []
