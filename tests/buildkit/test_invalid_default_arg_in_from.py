"""BuildKit's InvalidDefaultArgInFrom (CL3603): with no --build-arg, FROM names no valid image."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text


def found(text: str) -> list[tuple[int, int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=["CL3603"])
    return [(f.span.start.line, f.span.start.column, f.span.end.column) for f in findings if f.code == "CL3603"]


def test_arg_without_default_leaves_an_empty_tag() -> None:
    text = "ARG VERSION\nFROM busybox:$VERSION\n"
    assert found(text) == [(2, 6, 22)]
    [finding] = lint_text(text, FileKind.DOCKERFILE, select=["CL3603"])
    assert finding.message == "with the ARG defaults, 'busybox:$VERSION' is 'busybox:', not a valid image reference"


def test_empty_image_and_trailing_colon() -> None:
    assert found("ARG IMAGE\nFROM $IMAGE\n") == [(2, 6, 12)]
    assert found('ARG SFX="box:"\nFROM busy${SFX}\n') == [(2, 6, 16)]


def test_defaults_that_make_valid_references() -> None:
    assert found('ARG VERSION="latest"\nFROM busybox:${VERSION}\n') == []
    assert found('ARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n') == []
    assert found("ARG BUSYBOX_VARIANT\nFROM busybox:stable${BUSYBOX_VARIANT}\n") == []
    assert found("ARG TAG\nFROM alpine:${TAG:-3.14}\n") == []


def test_defaults_expand_in_order_and_platform_args_have_values() -> None:
    assert found("ARG V=3.20\nARG IMG=alpine:$V\nFROM $IMG\n") == []
    assert found("FROM ${TARGETARCH}/alpine\nFROM alpine AS x-${BUILDOS}\n") == []


def test_uppercase_result_is_not_a_reference() -> None:
    assert found("ARG BASE=Build\nFROM alpine AS build\nFROM ${BASE}\n") == [(3, 6, 13)]


def test_stage_names_are_valid_references() -> None:
    assert found("ARG BASE=builder\nFROM alpine AS builder\nFROM ${BASE}\n") == []


def test_failed_expansion_stops_the_check() -> None:
    text = "ARG TAG\nFROM alpine:${TAG:?needed}\nFROM alpine:${TAG}\n"
    assert found(text) == []


def test_literal_references_are_left_to_the_build() -> None:
    assert found("FROM Alpine:\nFROM alpine:\n") == []


def test_stage_local_args_do_not_count() -> None:
    # ARGs after the first FROM are not in FROM's scope: the default below is unused.
    assert found("FROM alpine AS one\nARG TAG=3.20\nFROM alpine:${TAG}\n") == [(3, 6, 19)]
