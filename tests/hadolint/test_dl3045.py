"""hadolint DL3045 -> CL3013 relative-copy-without-workdir: relative COPY needs a WORKDIR."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3013"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize(
    "destination",
    [
        "/usr/local/bin/tool.sh",
        '"/usr/local/bin/tool.sh"',
        "c:\\system32\\tool.sh",
        '"d:\\mypath\\tool.sh"',
        "c:/system32/tool.sh",
        "${BASE_DIR}",
        "$BASE_DIR",
        '"${BASE_DIR}"',
        '"$BASE_DIR"',
    ],
)
def test_absolute_and_variable_destinations(destination: str) -> None:
    assert found(f"COPY tool.sh {destination}") == []


@pytest.mark.parametrize("destination", ["tool.sh", '"tool.sh"', ".", "./", "b", "~/x"])
def test_relative_destination_without_workdir(destination: str) -> None:
    assert found("FROM a:1", f"COPY tool.sh {destination}") == [(2, 14)]


def test_workdir_set_before_in_the_stage() -> None:
    assert found("FROM scratch", "WORKDIR /usr", "COPY tool.sh tool.sh") == []
    assert found("FROM scratch", "WORKDIR c:\\system32", "COPY tool.sh tool.sh") == []
    assert found("FROM scratch", "COPY a b", "WORKDIR /usr", "COPY c d") == [(2, 8)]


def test_workdir_of_an_unrelated_stage_does_not_count() -> None:
    assert found("FROM debian:12 AS one", "WORKDIR /usr", "FROM debian:12", "COPY foo bar") == [(4, 10)]
    # hadolint follows stages by image name and would accept this one.
    assert found("FROM debian:11", "WORKDIR /usr", "FROM debian:12", "COPY foo bar") == [(4, 10)]


def test_workdir_inherited_from_a_base_stage() -> None:
    assert (
        found(
            "FROM debian:12 AS base",
            "WORKDIR /usr",
            "FROM debian:12 AS in-between",
            "RUN foo",
            "FROM base",
            "COPY foo bar",
        )
        == []
    )
    assert (
        found(
            "FROM debian:12 AS base1",
            "WORKDIR /usr",
            "FROM base1 AS base2",
            "RUN foo",
            "FROM BASE2",
            "COPY foo bar",
        )
        == []
    )


def test_onbuild_is_left_to_the_child_image() -> None:
    assert found("FROM debian:12", "ONBUILD WORKDIR /usr/local/lib", "ONBUILD COPY foo bar") == []
    assert found("FROM debian:12", "ONBUILD COPY foo bar") == []


def test_fragments_exec_form_and_copy_from() -> None:
    assert found("COPY a b") == [(1, 8)]
    assert found("WORKDIR /x", "COPY a b") == []
    assert found("FROM a:1 AS s", "FROM b:1", 'COPY --from=s ["/x", "y"]') == [(3, 22)]
