"""hadolint DL3026 -> CL1002 untrusted-registry: images only from trusted registries."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL1002"


def found(text: str, trusted: list[str] | None) -> list[tuple[int, int]]:
    options = {CODE: {"trusted-registries": trusted}} if trusted is not None else None
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE], rule_options=options)
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_inactive_without_trusted_registries() -> None:
    assert found("FROM random.com/debian\n", None) == []
    assert found("FROM random.com/debian\n", []) == []


def test_untrusted_registry_is_reported_at_the_image() -> None:
    assert found("FROM random.com/debian\n", ["docker.io"]) == [(1, 6)]
    assert found("FROM --platform=$BUILDPLATFORM random.com/debian AS b\n", ["x.com"]) == [(1, 32)]


def test_trusted_registries() -> None:
    assert found("FROM random.com/debian\n", ["x.com", "random.com"]) == []


def test_scratch_is_not_an_image() -> None:
    assert found("FROM scratch\n", ["x.com"]) == []


def test_docker_hub_in_every_spelling() -> None:
    text = "FROM ubuntu:18.04 AS one\nFROM team/ubuntu:18.04 AS two\nFROM docker.io/team/ubuntu:18.04 AS three\n"
    assert found(text, ["docker.io"]) == []
    assert found(text, ["trusted.com"]) == [(1, 6), (2, 6), (3, 6)]
    # hub.docker.com trusts images without a registry, but docker.io/... names docker.io itself.
    assert found(text, ["hub.docker.com"]) == [(3, 6)]


def test_earlier_stages_are_not_images() -> None:
    assert found("FROM random.com/foo AS build\nFROM build AS final\n", ["random.com"]) == []


def test_wildcards() -> None:
    assert found("FROM x.com/debian\n", ["*.random.com"]) == [(1, 6)]
    assert found("FROM foo.random.com/debian\n", ["x.com", "*.random.com"]) == []
    assert found("FROM random.com/debian\n", ["*.random.com"]) == [(1, 6)]
    assert found("FROM registry.io/a\nFROM reg.example/a\nFROM regular/a\n", ["reg*"]) == [(3, 6)]
    assert found("FROM ubuntu\nFROM random.com/x\n", ["*"]) == []


def test_ports_and_localhost_are_part_of_the_registry() -> None:
    text = "FROM localhost/app\nFROM localhost:5000/app\nFROM trusted.com:443/app\nFROM trusted.com/app\n"
    assert found(text, ["trusted.com"]) == [(1, 6), (2, 6), (3, 6)]


def test_copy_from_an_image() -> None:
    assert found("FROM trusted.com/a\nCOPY --from=untrusted.com/repo/image:tag /foo /bar\n", ["trusted.com"]) == [
        (2, 13)
    ]
    assert found("FROM trusted.com/a\nCOPY --from=trusted.com/repo/image:tag /foo /bar\n", ["trusted.com"]) == []
    assert found("FROM trusted.com/a\nCOPY --from=nginx /foo /bar\n", ["trusted.com"]) == [(2, 13)]


def test_copy_from_a_stage_by_name_or_index() -> None:
    text = "FROM trusted.com/a AS build\nFROM trusted.com/b\nCOPY --from=build /a /b\nCOPY --from=0 /a /b\n"
    # Deliberate difference: hadolint reads --from=0 as an image on Docker Hub.
    assert found(text, ["trusted.com"]) == []


def test_bind_and_cache_mounts_from_an_image() -> None:
    text = (
        "FROM trusted.com/a AS build\n"
        "RUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar\n"
        "RUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar\n"
        "RUN --mount=from=untrusted.com/x,target=/foo foobar\n"
        "RUN --mount=type=bind,from=trusted.com/repo/image:tag,target=/foo foobar\n"
        "RUN --mount=type=cache,target=/root/.cache --mount=from=build,target=/src foobar\n"
    )
    assert found(text, ["trusted.com"]) == [(2, 28), (3, 29), (4, 18)]


def test_arg_defaults_are_resolved() -> None:
    # Deliberate difference: hadolint judges '$IMAGE' itself, as an image on Docker Hub.
    text = "ARG IMAGE=trusted.com/app:1\nARG BASE=ubuntu\nFROM $IMAGE\nFROM ${BASE}\n"
    assert found(text, ["trusted.com"]) == [(4, 6)]
    assert found("FROM $UNKNOWN\n", ["trusted.com"]) == []


def test_hosts_compare_case_insensitively() -> None:
    # Deliberate difference: hadolint compares registry names exactly.
    assert found("FROM Trusted.COM/app\n", ["trusted.com"]) == []
    assert found("FROM trusted.com/app\n", ["TRUSTED.com"]) == []


def test_digests_do_not_matter() -> None:
    digest = "sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a"
    assert found(f"FROM trusted.com/a@{digest}\nFROM evil.io/a:1@{digest}\n", ["trusted.com"]) == [(2, 6)]
