"""hadolint DL3057 -> CL3014 missing-healthcheck (off by default): every image stage has a HEALTHCHECK."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3014"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_off_by_default() -> None:
    assert not [f for f in lint_text("FROM scratch\n", FileKind.DOCKERFILE) if f.code == CODE]


def test_missing_healthcheck_reported_at_from() -> None:
    assert found("FROM scratch") == [(1, 1)]


def test_healthcheck_or_none() -> None:
    assert found("FROM scratch", "HEALTHCHECK NONE") == []
    assert found("FROM scratch", 'HEALTHCHECK CMD ["/bin/check"]') == []


def test_inherited_from_a_base_stage() -> None:
    assert found("FROM scratch AS base", "HEALTHCHECK CMD /check", "FROM base") == []


def test_end_of_a_chain_covers_its_ancestors() -> None:
    assert (
        found(
            "FROM scratch AS base1",
            "FROM base1 AS base2",
            "FROM base2 AS base3",
            "FROM base3 AS end",
            "HEALTHCHECK NONE",
        )
        == []
    )


def test_branch_without_healthcheck() -> None:
    assert found(
        "FROM scratch AS base1",
        "FROM base1 AS base2",
        "FROM base2 AS left",
        "FROM base2 AS right",
        "FROM left AS end1",
        "HEALTHCHECK NONE",
        "FROM right AS end2",
    ) == [(4, 1), (7, 1)]


def test_sibling_order_does_not_matter() -> None:
    # hadolint accepts the second case only because an earlier sibling had a HEALTHCHECK.
    assert found("FROM s:1 AS base", "FROM base AS b", "FROM base AS a", "HEALTHCHECK NONE") == [(2, 1)]
    assert found("FROM s:1 AS base", "FROM base AS a", "HEALTHCHECK NONE", "FROM base AS b") == [(4, 1)]


def test_unrelated_stage_and_build_stages() -> None:
    assert found("FROM scratch AS base", "HEALTHCHECK CMD /check", "FROM scratch") == [(3, 1)]
    assert found(
        "FROM golang:1.22 AS build",
        "FROM alpine:3.20",
        "COPY --from=build /a /a",
        "HEALTHCHECK CMD /a",
    ) == [(1, 1)]


def test_onbuild_healthcheck_and_fragments() -> None:
    assert found("FROM a:1", "ONBUILD HEALTHCHECK CMD /x") == [(1, 1)]
    assert found("HEALTHCHECK CMD /x", "RUN y") == []
    assert found("RUN y") == []
