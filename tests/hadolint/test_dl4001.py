"""hadolint DL4001 -> CL3405 both-curl-and-wget: one download tool per stage."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3405"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_in_two_runs() -> None:
    text = "FROM debian:12 AS fetch\nRUN wget -q https://a.example/x\nRUN curl -fsSLO https://b.example/y\n"
    assert found(text) == [(3, 5)]


def test_in_one_run() -> None:
    text = "FROM debian:12 AS fetch\nRUN wget -q https://a.example/x && curl -fsSLO https://b.example/y\n"
    assert found(text) == [(2, 36)]


def test_one_tool_only() -> None:
    assert found("FROM debian:12\nRUN wget -q https://a.example/x\nRUN wget -q https://b.example/y\n") == []


def test_stages_are_separate() -> None:
    text = (
        "FROM debian:12 AS one\nRUN wget -q https://a.example/x\nFROM debian:12\nRUN curl -fsSLO https://b.example/y\n"
    )
    assert found(text) == []


def test_only_the_stage_with_both() -> None:
    text = (
        "FROM debian:12 AS one\n"
        "RUN wget -q https://a.example/x\n"
        "RUN curl -fsSLO https://b.example/y\n"
        "FROM debian:12\n"
        "RUN curl -fsSLO https://c.example/z\n"
    )
    assert found(text) == [(3, 5)]


def test_every_later_run_with_either_tool() -> None:
    text = (
        "FROM debian:12\n"
        "RUN wget -q https://a.example/x\n"
        "RUN curl -fsSLO https://b.example/y\n"
        "RUN echo done\n"
        "RUN wget -q https://c.example/z && curl -fsSLO https://d.example/w\n"
    )
    assert found(text) == [(3, 5), (5, 5)]  # one finding per RUN


def test_in_a_command_substitution() -> None:
    text = "FROM debian:12\nRUN wget -q https://a.example/x\nRUN v=$(curl -fsS https://b.example/v) && echo $v\n"
    assert found(text) == [(3, 9)]


def test_onbuild_triggers_are_judged_among_themselves() -> None:
    text = "FROM debian:12\nRUN wget -q https://a.example/x\nONBUILD RUN curl -fsSLO https://b.example/y\n"
    assert found(text) == []
    text = "FROM debian:12\nONBUILD RUN wget -q https://a.example/x\nONBUILD RUN curl -fsSLO https://b.example/y\n"
    assert found(text) == [(3, 13)]
