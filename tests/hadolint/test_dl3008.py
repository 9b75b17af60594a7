"""hadolint DL3008 -> CL3101 unpinned-apt-package: one finding per unpinned apt-get package."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3101"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_unpinned_package_is_reported_at_the_package() -> None:
    assert found("FROM debian:12\nRUN apt-get update && apt-get install wget\n") == [(2, 39)]


def test_in_onbuild_trigger() -> None:
    assert found("FROM debian:12\nONBUILD RUN apt-get install -y wget\n") == [(2, 32)]


def test_each_unpinned_package_once_pinned_ones_not() -> None:
    text = "FROM debian:12\nRUN apt-get install -y jq=1.6-2.1 wget \\\n    make=4.3-4.1 gcc\n"
    assert found(text) == [(2, 35), (3, 18)]


def test_pins_with_wildcards_epochs_and_variables() -> None:
    text = (
        "FROM debian:12\n"
        "ARG V=1\n"
        "RUN apt-get update && apt-get install --no-install-recommends -y \\\n"
        "  jq=1.6* \\\n"
        "  git=1:2.39.* \\\n"
        "  wget=${V} \\\n"
        '  "make=4.3-4.1"\n'
    )
    assert found(text) == []


def test_flags_before_the_subcommand() -> None:
    assert found("FROM debian:12\nRUN apt-get -yqq --no-install-recommends install node=18.1\n") == []


def test_local_deb_files_and_paths_are_exempt() -> None:
    text = "FROM debian:12\nRUN apt-get install -y ./tool_0.12.5-1_amd64.deb /tmp/other.deb lib/any\n"
    assert found(text) == []


def test_target_release_value_is_not_a_package() -> None:
    text = (
        "FROM debian:12\n"
        "RUN apt-get install -y -t bookworm-backports openjdk-17-jdk=17.0.9 \\\n"
        " && apt-get install -y --target-release bookworm-backports curl=8.5 \\\n"
        " && apt-get install -y -o Dpkg::Options::=--force-confnew -c ./apt.conf vim=2:9.0\n"
    )
    assert found(text) == []


def test_target_release_does_not_hide_an_unpinned_package() -> None:
    assert found("FROM debian:12\nRUN apt-get install -y -t bookworm-backports openjdk-17-jdk\n") == [(2, 46)]


def test_variable_without_version_is_unpinned() -> None:
    assert found("FROM debian:12\nRUN apt-get install -y $PACKAGES\n") == [(2, 24)]


def test_exec_form() -> None:
    assert found('FROM debian:12\nRUN ["apt-get", "install", "-y", "wget"]\n') == [(2, 34)]


def test_behind_sudo_and_in_heredoc() -> None:
    text = "FROM debian:12\nRUN sudo apt-get install -y wget\nRUN <<EOF\napt-get install -y curl\nEOF\n"
    assert found(text) == [(2, 29), (4, 20)]


def test_other_apt_get_commands_and_programs_are_ignored() -> None:
    text = "FROM debian:12\nRUN apt-get update && apt-get remove -y wget && apt-get download curl && echo install foo\n"
    assert found(text) == []


def test_hadolint_ignore_comment_suppresses() -> None:
    text = "FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y \\\n    wget\n"
    assert [f for f in lint_text(text, FileKind.DOCKERFILE, select=[CODE]) if f.code == CODE and not f.suppressed] == []
