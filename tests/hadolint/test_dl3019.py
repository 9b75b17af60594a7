"""hadolint DL3019 -> CL3106 apk-missing-no-cache: apk add --no-cache, or a cache mount."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3106"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_without_no_cache() -> None:
    assert found("FROM alpine:3.20\nRUN apk add bash=5.2.26-r0\n") == [(2, 5)]
    assert found("FROM alpine:3.20\nONBUILD RUN apk add bash=5.2.26-r0\n") == [(2, 13)]


def test_with_no_cache() -> None:
    assert found("FROM alpine:3.20\nRUN apk add --no-cache bash=5.2.26-r0\n") == []
    assert found("FROM alpine:3.20\nRUN apk --no-cache add bash=5.2.26-r0\n") == []


def test_cache_or_tmpfs_mount_on_the_apk_cache() -> None:
    text = (
        "FROM alpine:3.20\n"
        "RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=8.9.1-r0\n"
        "RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=8.9.1-r0\n"
    )
    assert found(text) == []


def test_mount_elsewhere_does_not_help() -> None:
    text = (
        "FROM alpine:3.20\n"
        "RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=8.9.1-r0\n"
        "RUN --mount=type=tmpfs,target=/var/cache/foo apk add -U curl=8.9.1-r0\n"
        "RUN --mount=type=bind,target=/var/cache/apk apk add -U curl=8.9.1-r0\n"
        "RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=8.9.1-r0\n"
    )
    assert found(text) == [(2, 46), (3, 46), (4, 45)]


def test_each_apk_add_once() -> None:
    text = "FROM alpine:3.20\nRUN apk update \\\n && apk add git=2.45 \\\n && apk add --no-cache jq=1.7\n"
    assert found(text) == [(3, 5)]
