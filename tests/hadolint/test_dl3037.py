"""hadolint DL3037 -> CL3114 unpinned-zypper-package: zypper install <package>=<version>."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3114"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_unpinned() -> None:
    assert found("FROM opensuse/leap:15.6\nRUN zypper install -y tomcat && zypper clean\n") == [(2, 23)]
    assert found("FROM opensuse/leap:15.6\nONBUILD RUN zypper in -y tomcat\n") == [(2, 26)]


@pytest.mark.parametrize(
    "spec",
    [
        "tomcat=9.0.39",
        "tomcat\\>=9.0",
        "tomcat\\>9.0",
        "tomcat\\<=9.0",
        "tomcat\\<9.0",
        "'tomcat>=9.0'",
        "tomcat-9.0.39-1.rpm",
        "https://example.org/tomcat-9.0.39-1.noarch.rpm",
    ],
)
def test_pinned(spec: str) -> None:
    assert found(f"FROM opensuse/leap:15.6\nRUN zypper install -y {spec} && zypper clean\n") == []


def test_unquoted_greater_than_is_a_redirection() -> None:
    # The shell reads `>=9.0` as a redirection to the file "=9.0": the package stays unpinned.
    assert found("FROM opensuse/leap:15.6\nRUN zypper install -y tomcat>=9.0\n") == [(2, 23)]


def test_option_values_and_patterns() -> None:
    text = (
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n install --from repo-oss -r other tomcat=9 \\\n"
        " && zypper -n install -t pattern devel_basis \\\n"
        " && zypper -n in --type=product SLES\n"
    )
    assert found(text) == []


def test_one_finding_per_package() -> None:
    text = "FROM opensuse/leap:15.6\nRUN zypper -n install tomcat=9 vim \\\n    git\n"
    assert found(text) == [(2, 32), (3, 5)]
