"""BuildKit's UndefinedArgInFrom (CL3601): FROM uses a name no global ARG declares."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text


def found(text: str) -> list[tuple[int, int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=["CL3601"])
    return [(f.span.start.line, f.span.start.column, f.span.end.column) for f in findings if f.code == "CL3601"]


def messages(text: str) -> list[str]:
    return [f.message for f in lint_text(text, FileKind.DOCKERFILE, select=["CL3601"]) if f.code == "CL3601"]


def test_declared_global_args_are_fine_with_or_without_default() -> None:
    assert found("ARG base=scratch\nFROM $base\n") == []
    assert found("ARG DEBUG\nFROM scratch${DEBUG}\n") == []
    assert found("ARG DEBUG\nFROM scra${DEBUG:-tch}\n") == []
    assert found('ARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\n') == []


def test_predefined_platform_args_need_no_declaration() -> None:
    assert found("FROM --platform=$BUILDPLATFORM scratch\n") == []
    assert found("ARG BUILDPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM scratch\n") == []
    text = "FROM --platform=${TARGETOS}/${TARGETARCH}${TARGETVARIANT} busybox:${TARGETSTAGE}${BUILDOSVERSION}\n"
    assert found(text) == []


def test_misspelt_platform_arg_with_suggestion() -> None:
    text = "FROM --platform=$BULIDPLATFORM scratch\n"
    assert found(text) == [(1, 17, 31)]
    assert messages(text) == ["FROM argument 'BULIDPLATFORM' is not declared (did you mean BUILDPLATFORM?)"]


def test_suggests_a_declared_global_arg() -> None:
    text = "ARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n"
    assert found(text) == [(3, 23, 32)]
    assert messages(text) == ["FROM argument 'MYARCH' is not declared (did you mean MY_ARCH?)"]


def test_undeclared_in_image_without_suggestion() -> None:
    text = "ARG tag=latest\nFROM busybox:${tag}${version} AS b\n"
    assert found(text) == [(2, 20, 30)]
    assert messages(text) == ["FROM argument 'version' is not declared"]


def test_arg_declared_in_an_earlier_stage_is_not_global() -> None:
    text = "FROM alpine AS one\nARG TAG=3.20\nFROM alpine:${TAG}\n"
    assert found(text) == [(3, 13, 19)]


def test_names_inside_modifiers_are_checked_too() -> None:
    assert found("ARG A\nFROM alpine:${A:-$B}\n") == [(2, 18, 20)]


def test_quoted_and_escaped_dollars_are_not_variables() -> None:
    assert found("FROM alpine:'$NOPE'\n") == []
    assert found("FROM alpine:\\$NOPE\n") == []


def test_one_finding_per_name_per_from() -> None:
    assert found("FROM ${X}/${X}:${X}\nFROM $X\n") == [(1, 6, 10), (2, 6, 8)]


def test_continuation_position() -> None:
    assert found("FROM \\\n  --platform=$PLAT \\\n  alpine\n") == [(2, 14, 19)]
