"""hadolint DL3065 -> CL1004 redundant-target-platform: --platform=$TARGETPLATFORM is the default."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL1004"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_no_platform_flag() -> None:
    assert found("FROM alpine:3.20\n") == []


def test_other_platforms() -> None:
    text = (
        "FROM --platform=$FOOBAR alpine:3.20\nFROM --platform=foobar alpine:3.20\nFROM --platform=linux/arm64 alpine\n"
    )
    assert found(text) == []
    assert found("FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20\n") == []
    assert found("FROM --platform=$BUILDPLATFORM alpine:3.20\n") == []


def test_target_platform_is_reported_at_the_flag() -> None:
    assert found("FROM --platform=$TARGETPLATFORM alpine:3.20\n") == [(1, 6)]
    assert found("FROM --platform=${TARGETPLATFORM} alpine:3.20 AS runtime\n") == [(1, 6)]
    assert found("FROM  --platform=$TARGETPLATFORM alpine:3.20\n") == [(1, 7)]


def test_quotes() -> None:
    # Deliberate difference: hadolint compares the text with its double quotes.
    assert found('FROM --platform="$TARGETPLATFORM" alpine:3.20\n') == [(1, 6)]
    # Single quotes keep the text literal: that is not the variable.
    assert found("FROM --platform='$TARGETPLATFORM' alpine:3.20\n") == []
