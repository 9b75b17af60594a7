"""CL1024 image-without-digest: images referenced by tag only (opt-in)."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import builtin_ruleset, lint_text

CODE = "CL1024"
DIGEST = "sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_off_by_default() -> None:
    rule = builtin_ruleset().get(CODE)
    assert rule is not None and not rule.default_enabled
    assert [f for f in lint_text("FROM alpine:3.20\n", FileKind.DOCKERFILE) if f.code == CODE] == []


def test_every_pulled_image_is_judged() -> None:
    text = (
        "FROM golang:1.22 AS build\n"
        "COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/uv\n"
        "RUN --mount=from=busybox:1.36,source=/bin/sh,target=/sh true\n"
        "FROM build\n"
        "COPY --from=build /a /a\n"
        "FROM scratch\n"
    )
    assert found(text) == [(1, 6), (2, 13), (3, 18)]


def test_untagged_and_latest_are_left_to_cl1001() -> None:
    assert found("FROM alpine\nFROM nginx:latest\nCOPY --from=busybox /bin/sh /sh\n") == []


def test_digests_pin() -> None:
    assert found(f"FROM alpine:3.20@{DIGEST}\n") == []
    assert found(f"FROM alpine@{DIGEST}\nCOPY --from=busybox@{DIGEST} /bin/sh /sh\n") == []


def test_arg_defaults_are_substituted_and_unknowns_skipped() -> None:
    findings = lint_text("ARG TAG=3.20\nFROM alpine:${TAG}\n", FileKind.DOCKERFILE, select=[CODE])
    assert [(f.span.start.line, f.span.start.column) for f in findings] == [(2, 6)]
    assert "resolved to 'alpine:3.20'" in findings[0].message
    assert found("ARG IMAGE\nFROM ${IMAGE}\n") == []
    assert found("FROM alpine:3.20 AS a\nCOPY --from=${SRC} /a /a\n") == [(1, 6)]
