"""hadolint DL3003 -> CL3402 cd-instead-of-workdir: change directory with WORKDIR, not cd."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3402"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_workdir_is_fine() -> None:
    assert found("FROM debian:12\nWORKDIR /opt\nRUN make\n") == []


def test_cd() -> None:
    assert found("FROM debian:12\nRUN cd /opt\n") == [(2, 5)]


def test_each_cd_is_reported_where_it_is() -> None:
    text = "FROM debian:12\nRUN cd /src && \\\n    make && \\\n    cd /opt && ls\n"
    assert found(text) == [(2, 5), (4, 5)]


def test_cd_in_a_command_substitution() -> None:
    assert found("FROM debian:12\nRUN echo $(cd /tmp && pwd)\n") == [(2, 12)]


def test_cd_as_an_argument_is_not_a_cd() -> None:
    assert found("FROM debian:12\nRUN echo cd /opt && make -C /opt\n") == []


def test_onbuild() -> None:
    """Differs from hadolint, which does not look at ONBUILD for this rule; ONBUILD WORKDIR exists."""
    assert found("FROM debian:12\nONBUILD RUN cd /app && make\n") == [(2, 13)]
