"""CL2020 missing-user: the final stage and its ancestors set no USER."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import builtin_ruleset, lint_text

CODE = "CL2020"


def found(text: str, **options: object) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE], rule_options={CODE: options} if options else None)
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_off_by_default() -> None:
    rule = builtin_ruleset().get(CODE)
    assert rule is not None and not rule.default_enabled


def test_final_stage_without_user_is_reported_at_its_image() -> None:
    assert found('FROM python:3.12-slim\nCMD ["python"]\n') == [(1, 6)]
    assert found("FROM golang:1.22 AS build\nUSER 1000\nFROM alpine:3.20 AS final\n") == [(3, 6)]


def test_user_in_the_final_stage_or_an_ancestor() -> None:
    assert found("FROM python:3.12-slim\nUSER 10001\n") == []
    assert found("FROM python:3.12-slim AS base\nUSER 10001\nFROM base\nCOPY app /app\n") == []
    assert found("FROM alpine:3.20 AS a\nUSER 1\nFROM a AS b\nFROM b\n") == []
    # A USER only in a build stage the final stage is not built on does not count.
    assert found("FROM alpine:3.20 AS build\nUSER 1\nFROM alpine:3.20\n") == [(3, 6)]


def test_explicit_root_is_cl2001s_business() -> None:
    assert found("FROM alpine:3.20\nUSER root\n") == []


def test_nonroot_images() -> None:
    assert found("FROM gcr.io/distroless/static-debian12:nonroot\n") == []
    assert found("FROM gcr.io/distroless/base:debug-nonroot@sha256:" + "a" * 64 + "\n") == []
    assert found("FROM cgr.dev/chainguard/python:latest\n") == []
    assert found("FROM gcr.io/distroless/static-debian12\n") == [(1, 6)]
    hardened = {"nonroot-images": ["registry.example.com/hardened/*"]}
    assert found("FROM registry.example.com/hardened/node:20\n", **hardened) == []
    # The option replaces the default list.
    assert found("FROM gcr.io/distroless/static:nonroot\n", **{"nonroot-images": []}) == [(1, 6)]


def test_export_only_scratch_stage() -> None:
    assert found("FROM golang:1.22 AS build\nFROM scratch AS export\nCOPY --from=build /out /\n") == []
    assert found('FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n') == [
        (2, 6)
    ]


def test_message_and_hint() -> None:
    [finding] = lint_text("FROM base:1 AS b\nFROM b\n", FileKind.DOCKERFILE, select=[CODE])
    assert "nor do the stages it is built on" in finding.message
    assert "'base:1'" in finding.message
    assert finding.hint is not None and "USER 10001:10001" in finding.hint


def test_no_stage_no_finding() -> None:
    assert found("ARG A=1\n") == []
