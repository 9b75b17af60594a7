"""CL3705 unused-stage: stages the final stage does not reach (opt-in)."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3705"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_unreached_stages_at_their_name_or_image() -> None:
    text = (
        "FROM golang:1.22 AS build\nFROM golang:1.22 AS lint\nFROM alpine:3.20\nFROM scratch\nCOPY --from=build /a /a\n"
    )
    assert found(text) == [(2, 21), (3, 6)]


def test_references_by_from_copy_mount_and_index() -> None:
    text = (
        "FROM alpine:3.20 AS a\n"
        "FROM a AS b\n"
        "FROM alpine:3.20 AS c\n"
        "FROM alpine:3.20\n"
        "FROM b\n"
        "COPY --from=c /x /x\n"
        "COPY --from=3 /y /y\n"
    )
    assert found(text) == []
    text = "FROM alpine:3.20 AS deps\nFROM alpine:3.20\nRUN --mount=type=cache,from=deps,target=/d ls /d\n"
    assert found(text) == []


def test_transitive_and_case_insensitive() -> None:
    text = "FROM alpine:3.20 AS Base\nFROM base AS mid\nFROM alpine:3.20\nCOPY --from=MID /a /a\n"
    assert found(text) == []


def test_variables_make_the_rule_step_back() -> None:
    text = "FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=${VARIANT} /x /x\n"
    assert found(text) == []
    # An unused stage's own variable reference does not matter.
    text = "FROM alpine:3.20 AS a\nCOPY --from=${X} /x /x\nFROM alpine:3.20\n"
    assert found(text) == [(1, 21)]


def test_single_stage_and_suppression() -> None:
    assert found("FROM alpine:3.20\n") == []
    text = (
        "FROM alpine:3.20 AS dev\n"
        "# containerlint: ignore=unused-stage -- built with --target test\n"
        "FROM alpine:3.20 AS test\nFROM alpine:3.20\n"
    )
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    assert [(f.span.start.line, f.suppressed) for f in findings] == [(1, False), (3, True)]


def test_message() -> None:
    [finding] = lint_text("FROM alpine:3.20 AS test\nFROM alpine:3.20\n", FileKind.DOCKERFILE, select=[CODE])
    assert "stage 'test' is not used by the final stage" in finding.message
    assert "--target test" in finding.message


def test_a_stage_a_compose_service_builds_with_target_is_used(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from containerlint.engine import LintOptions, Source, lint_sources
    from tests.helpers import builtin_ruleset

    dockerfile = "FROM alpine:3.20 AS base\nFROM base AS dev\nFROM alpine:3.20 AS lint\nFROM alpine:3.20\n"
    compose = "services:\n  app:\n    build:\n      context: ./app\n      target: dev\n"
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "Dockerfile").write_text(dockerfile)
    (tmp_path / "compose.yaml").write_text(compose)
    ruleset = builtin_ruleset()
    options = LintOptions(rules=ruleset.select([CODE]), ruleset=ruleset)
    sources = [
        Source(str(tmp_path / "app" / "Dockerfile"), dockerfile, FileKind.DOCKERFILE),
        Source(str(tmp_path / "compose.yaml"), compose, FileKind.COMPOSE),
    ]
    findings = [f for f in lint_sources(sources, options).findings if f.code == CODE]
    # dev (and base, which dev builds on) are built by Compose; only lint stays unused.
    assert [(f.path, f.span.start.line) for f in findings] == [(str(tmp_path / "app" / "Dockerfile"), 3)]
    alone = lint_sources(sources[:1], options).findings
    assert sorted(f.span.start.line for f in alone if f.code == CODE) == [1, 2, 3]
