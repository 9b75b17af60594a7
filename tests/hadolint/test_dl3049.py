"""hadolint DL3049 -> CL3302 missing-label: every image stage carries the schema's labels."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3302"
SCHEMA = {"owner": "text"}


def found(text: str, schema: dict[str, str] | None = None) -> list[tuple[int, int]]:
    options = {CODE: {"label-schema": SCHEMA if schema is None else schema}}
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE], rule_options=options)
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_nothing_without_a_schema() -> None:
    assert found("FROM alpine:3.20\n", schema={}) == []


def test_single_stage_without_the_label_is_reported_at_from() -> None:
    assert found("FROM alpine:3.20\n") == [(1, 1)]
    assert found("FROM alpine:3.20\nLABEL other=x\n") == [(1, 1)]


def test_single_stage_with_the_label() -> None:
    assert found('FROM alpine:3.20\nLABEL owner="team"\n') == []


def test_label_names_are_case_sensitive_and_onbuild_does_not_count() -> None:
    assert found("FROM alpine:3.20\nLABEL OWNER=team\n") == [(1, 1)]
    assert found("FROM alpine:3.20\nONBUILD LABEL owner=team\n") == [(1, 1)]


def test_one_finding_per_missing_label() -> None:
    schema = {"owner": "text", "version": "semver"}
    findings = lint_text(
        "FROM alpine:3.20\n", FileKind.DOCKERFILE, select=[CODE], rule_options={CODE: {"label-schema": schema}}
    )
    assert sorted(f.message for f in findings) == [
        "the stage FROM alpine:3.20 has no label 'owner'",
        "the stage FROM alpine:3.20 has no label 'version'",
    ]


def test_unrelated_stages_are_each_reported() -> None:
    assert found("FROM alpine:3.20\nFROM debian:12\n") == [(1, 1), (2, 1)]
    assert found("FROM alpine:3.20\nLABEL a=1\nFROM debian:12\nLABEL b=2\n") == [(1, 1), (3, 1)]
    assert found("FROM alpine:3.20\nLABEL owner=x\nFROM debian:12\n") == [(3, 1)]
    assert found("FROM alpine:3.20\nFROM debian:12\nLABEL owner=x\n") == [(1, 1)]


def test_a_stage_inherits_the_label_of_the_stage_it_builds_on() -> None:
    assert found("FROM alpine:3.20 AS base\nLABEL owner=x\nFROM base\n") == []
    assert found("FROM alpine:3.20 AS base\nLABEL owner=x\nFROM base AS mid\nFROM mid\n") == []


def test_a_stage_built_on_without_labels_anywhere() -> None:
    assert found("FROM alpine:3.20 AS base\nFROM base\n") == [(1, 1), (2, 1)]


def test_a_stage_that_a_labelled_stage_builds_on_is_intermediate() -> None:
    assert found("FROM alpine:3.20 AS base\nFROM base\nLABEL owner=x\n") == []
    # Deliberate difference: hadolint still reports 'base' when the labelled stage has a name.
    assert found("FROM alpine:3.20 AS base\nFROM base AS final\nLABEL owner=x\n") == []


def test_a_stage_copied_from_is_intermediate() -> None:
    assert found("FROM alpine:3.20 AS build\nFROM debian:12\nLABEL owner=x\nCOPY --from=build /a /b\n") == []
    assert found("FROM alpine:3.20 AS build\nFROM debian:12\nLABEL owner=x\n") == [(1, 1)]


def test_copy_by_index_and_mounts_count_as_use() -> None:
    # Deliberate difference: hadolint only counts COPY --from=<name>.
    assert found("FROM alpine:3.20 AS build\nFROM debian:12\nLABEL owner=x\nCOPY --from=0 /a /b\n") == []
    text = "FROM alpine:3.20 AS build\nFROM debian:12\nLABEL owner=x\nRUN --mount=from=build,target=/src make\n"
    assert found(text) == []


def test_several_final_images() -> None:
    text = (
        "FROM alpine:3.20 AS base\nFROM debian:12\nLABEL owner=x\nCOPY --from=base /a /b\n\n"
        "FROM debian:12\nCOPY --from=base /a /b\n"
    )
    assert found(text) == [(6, 1)]
    text = "FROM alpine:3.20 AS base\nFROM base\nLABEL owner=x\n\nFROM base\n"
    assert found(text) == [(5, 1)]
    text = "FROM alpine:3.20 AS base\nFROM base\n\nFROM base\nLABEL owner=x\n"
    assert found(text) == [(2, 1)]


def test_stage_names_compare_case_insensitively() -> None:
    # Deliberate difference: BuildKit compares stage names without case, hadolint with.
    assert found("FROM alpine:3.20 AS Base\nFROM base\nLABEL owner=x\n") == []
