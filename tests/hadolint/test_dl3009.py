"""hadolint DL3009 -> CL3102 apt-lists-not-deleted: apt lists must go in the RUN that fetched them."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3102"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_update_without_cleanup() -> None:
    assert found("FROM debian:12\nRUN apt-get update && apt-get install -y python3\n") == [(2, 5)]


def test_update_with_cleanup() -> None:
    text = "FROM debian:12\nRUN apt-get update && apt-get install -y python3 && rm -rf /var/lib/apt/lists/*\n"
    assert found(text) == []


def test_other_spellings_of_the_cleanup() -> None:
    text = (
        "FROM debian:12\n"
        "RUN apt-get update && rm -r -f /var/lib/apt/lists\n"
        "RUN apt-get update && rm -fr /var/lib/apt/lists/* /var/cache/apt/archives/*.deb\n"
        "RUN apt-get update && rm --recursive --force /var/lib/apt/lists/\n"
    )
    assert found(text) == []


def test_cleanup_of_another_directory_does_not_count() -> None:
    assert found("FROM debian:12\nRUN apt-get update && rm -rf /tmp/build\n") == [(2, 5)]


def test_cleanup_before_the_update_does_not_count() -> None:
    text = "FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update\n"
    assert found(text) == [(2, 36)]


def test_cleanup_in_a_later_run_is_too_late() -> None:
    text = "FROM debian:12\nRUN apt-get update && apt-get install -y git\nRUN rm -rf /var/lib/apt/lists/*\n"
    assert found(text) == [(2, 5)]


def test_reported_at_the_update_on_a_continuation_line() -> None:
    text = "FROM debian:12\nRUN set -eux; \\\n    apt-get update; \\\n    apt-get install -y git\n"
    assert found(text) == [(3, 5)]


def test_apt_and_aptitude_update() -> None:
    text = "FROM debian:12\nRUN apt update && apt install -y python3\nRUN aptitude update\n"
    assert found(text) == [(2, 5), (3, 5)]


def test_install_without_update_fills_no_lists() -> None:
    assert found("FROM debian:12\nRUN apt-get install -y python3\n") == []


def test_intermediate_stage_not_built_on_is_skipped() -> None:
    text = "FROM ubuntu:24.04 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nRUN echo hi\n"
    assert found(text) == []


def test_intermediate_stage_that_a_later_from_builds_on() -> None:
    text = "FROM ubuntu:24.04 AS base\nRUN apt-get update && apt-get install -y gcc\nFROM base\nRUN echo hi\n"
    assert found(text) == [(2, 5)]


def test_last_stage_is_checked() -> None:
    text = "FROM ubuntu:24.04 AS build\nRUN make\nFROM debian:12\nRUN apt-get update\n"
    assert found(text) == [(4, 5)]


def test_copy_from_a_stage_does_not_ship_its_lists() -> None:
    text = (
        "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\n"
        "FROM debian:12\nCOPY --from=build /out /out\n"
    )
    assert found(text) == []


def test_onbuild_is_checked_in_any_stage() -> None:
    text = "FROM ubuntu:24.04 AS build\nONBUILD RUN apt-get update\nFROM scratch\nRUN echo hi\n"
    assert found(text) == [(2, 13)]


def test_cache_mount_on_the_lists() -> None:
    text = "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y git\n"
    assert found(text) == []


def test_cache_or_tmpfs_mounts_on_both_apt_directories() -> None:
    text = (
        "FROM debian:12\n"
        "RUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update\n"
        "RUN --mount=type=tmpfs,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update\n"
        "RUN --mount=type=tmpfs,target=/var/cache/apt --mount=type=tmpfs,dst=/var/lib/apt apt-get update\n"
    )
    assert found(text) == []


def test_a_mount_on_only_one_apt_directory_is_not_enough() -> None:
    text = (
        "FROM debian:12\n"
        "RUN --mount=type=cache,target=/var/cache/apt apt-get update\n"
        "RUN --mount=type=cache,target=/var/lib/apt apt-get update\n"
        "RUN --mount=type=bind,target=/var/lib/apt/lists apt-get update\n"
    )
    assert found(text) == [(2, 46), (3, 44), (4, 49)]


def test_no_from_at_all() -> None:
    assert found("RUN apt-get update\n") == [(1, 5)]
