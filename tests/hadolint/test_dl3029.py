"""hadolint DL3029 -> CL1003 hardcoded-platform: FROM --platform follows the build."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL1003"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize(
    "platform", ["linux", "linux/amd64", "$FOOBAR", "${MY_PLATFORM:-linux/arm64}", "$targetplatform"]
)
def test_fixed_platform_is_reported_at_the_flag(platform: str) -> None:
    assert found(f"FROM --platform={platform} debian:12\n") == [(1, 6)]


def test_no_platform_flag() -> None:
    assert found("FROM debian:12\nFROM --platform= debian:12\n") == []


@pytest.mark.parametrize(
    "platform",
    [
        "$BUILDPLATFORM",
        '"$BUILDPLATFORM"',
        "${BUILDPLATFORM}",
        "${BUILDPLATFORM:-}",
        '"${BUILDPLATFORM:-}"',
        "$TARGETPLATFORM",
        "${TARGETPLATFORM:-linux/amd64}",
    ],
)
def test_build_and_target_platform_variables(platform: str) -> None:
    assert found(f"FROM --platform={platform} debian:12\n") == []


def test_parts_of_the_automatic_platform() -> None:
    # Deliberate difference: hadolint reports these, though they follow the build like $TARGETPLATFORM.
    assert found("FROM --platform=$TARGETOS/$TARGETARCH debian:12\n") == []
    assert found("FROM --platform=${BUILDOS}/${BUILDARCH} debian:12\n") == []


def test_every_stage() -> None:
    text = "FROM --platform=linux/amd64 golang:1.22 AS build\nFROM --platform=linux/arm64 alpine:3.20\n"
    assert found(text) == [(1, 6), (2, 6)]
