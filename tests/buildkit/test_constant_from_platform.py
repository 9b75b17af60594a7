"""BuildKit's FromPlatformFlagConstDisallowed (CL3604): FROM --platform with a constant."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text


def found(text: str) -> list[tuple[int, int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=["CL3604"])
    return [(f.span.start.line, f.span.start.column, f.span.end.column) for f in findings if f.code == "CL3604"]


def test_constant_platform_is_reported_at_the_flag() -> None:
    text = "FROM --platform=linux/amd64 scratch\n"
    assert found(text) == [(1, 6, 28)]
    [finding] = lint_text(text, FileKind.DOCKERFILE, select=["CL3604"])
    assert finding.message == "FROM --platform should not use the constant value 'linux/amd64'"


def test_stage_named_after_os_or_architecture_is_exempt() -> None:
    assert found("FROM --platform=linux/amd64 scratch AS my_amd64_stage\n") == []
    assert found("FROM --platform=linux/amd64 scratch AS linux\n") == []
    assert found("FROM --platform=linux/aarch64 scratch AS build-arm64\n") == []


def test_any_variable_makes_it_not_constant() -> None:
    assert found("FROM --platform=$BUILDPLATFORM golang\n") == []
    assert found("ARG OS=linux\nFROM --platform=${OS}/amd64 golang\n") == []


def test_lone_architecture_and_os() -> None:
    assert found("FROM --platform=arm64 scratch AS tools\n") == [(1, 6, 22)]
    # A lone OS takes the builder's architecture (amd64 here).
    assert found("FROM --platform=linux scratch AS amd64-tools\n") == []
    assert found("FROM --platform=windows scratch\n") == [(1, 6, 24)]


def test_invalid_platforms_are_left_to_the_build() -> None:
    assert found("FROM --platform=bad!/x scratch\nFROM --platform=a/b/c/d scratch\n") == []


def test_quoted_constant_and_no_flag() -> None:
    assert found('FROM --platform="linux/arm/v7" scratch\nFROM scratch\n') == [(1, 6, 31)]
