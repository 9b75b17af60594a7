"""hadolint DL3022 -> CL3007 copy-from-unknown-stage: COPY --from must name an earlier stage."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3007"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_unknown_name_in_a_fragment() -> None:
    assert found("COPY --from=foo bar .") == [(1, 13)]


def test_name_defined_only_later() -> None:
    assert found("FROM scratch", "COPY --from=build foo .", "FROM node:20 AS build", "RUN baz") == [(2, 13)]


def test_earlier_stage_names() -> None:
    assert found("FROM scratch AS build", "RUN foo", "FROM node:20", "COPY --from=build foo .") == []
    # Stage names compare without case, as in BuildKit.
    assert found("FROM scratch AS Build", "FROM node:20", "COPY --from=BUILD foo .") == []


def test_images_with_a_tag_or_digest_and_variables() -> None:
    assert found("COPY --from=haskell:latest bar .") == []
    assert found("FROM a:1", "COPY --from=nginx@sha256:0a399eb1 bar .") == []
    assert found("ARG SRC=build", "FROM a:1", "COPY --from=${SRC} bar .") == []


def test_untagged_image_name_is_reported() -> None:
    assert found("FROM a:1", "COPY --from=alpine /etc/passwd /tmp/") == [(2, 13)]


def test_stage_numbers_count_the_stages_so_far() -> None:
    assert found("COPY --from=0 bar .") == [(1, 13)]
    assert found("FROM scratch AS build", "RUN foo", "FROM node:20", "COPY --from=0 foo .") == []
    assert found("FROM scratch", "RUN foo", "FROM node:20", "COPY --from=0 foo .") == []
    assert found("FROM scratch", "FROM node:20", "COPY --from=2 foo .") == [(3, 13)]


def test_the_current_stage_is_copy_from_own_stage() -> None:
    assert found("FROM scratch AS build", "COPY --from=build foo .") == []
    assert found("FROM scratch", "COPY --from=0 foo .") == []


def test_quoted_value_and_onbuild() -> None:
    assert found("FROM a:1", 'COPY --from="nope" foo /x/') == [(2, 13)]
    assert found("FROM a:1", "ONBUILD COPY --from=nope foo /x/") == []
