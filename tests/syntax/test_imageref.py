from __future__ import annotations

import pytest

from containerlint.syntax.imageref import ImageRef, parse_image_ref

DIGEST = "sha256:" + "a" * 64


@pytest.mark.parametrize(
    ("text", "registry", "repository", "tag", "digest"),
    [
        ("ubuntu", None, "ubuntu", None, None),
        ("ubuntu:22.04", None, "ubuntu", "22.04", None),
        ("library/ubuntu:latest", None, "library/ubuntu", "latest", None),
        ("team/app/sub:1", None, "team/app/sub", "1", None),
        ("ghcr.io/org/app:v1.2.3", "ghcr.io", "org/app", "v1.2.3", None),
        ("registry:5000/app", "registry:5000", "app", None, None),
        ("registry:5000/app:2", "registry:5000", "app", "2", None),
        ("localhost/app", "localhost", "app", None, None),
        ("localhost:5000/a/b:tag", "localhost:5000", "a/b", "tag", None),
        ("[::1]:5000/app:1", "[::1]:5000", "app", "1", None),
        ("Registry/app", "Registry", "app", None, None),  # upper case: only a host can be that
        (f"app@{DIGEST}", None, "app", None, DIGEST),
        (f"app:1.2@{DIGEST}", None, "app", "1.2", DIGEST),
        (f"quay.io/a/b:1@{DIGEST}", "quay.io", "a/b", "1", DIGEST),
        ("my_app.x-y__z:Tag_1.0-rc", None, "my_app.x-y__z", "Tag_1.0-rc", None),
        ("scratch", None, "scratch", None, None),
    ],
)
def test_parses_valid_references(text, registry, repository, tag, digest):
    ref = parse_image_ref(text)
    assert ref == ImageRef(registry, repository, tag, digest, text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Ubuntu",  # repository must be lower case
        "ubuntu:",  # empty tag
        "ubuntu:-bad",  # a tag cannot start with "-"
        "ubuntu:" + "a" * 129,
        "app@sha256:short",
        "app@",
        "python:${PY}-slim",
        "$IMAGE",
        "a//b",
        "/app",
        "app/",
        "ubuntu latest",
        "app:1:2",
        "-app",
        "a" * 256,
    ],
)
def test_rejects_invalid_references(text):
    assert parse_image_ref(text) is None


def test_a_registry_port_is_not_a_tag():
    ref = parse_image_ref("registry:5000/app")
    assert ref is not None
    assert ref.tag is None
    assert not ref.is_pinned
    assert ref.is_latest


@pytest.mark.parametrize(
    ("text", "pinned", "latest"),
    [
        ("ubuntu", False, True),
        ("ubuntu:latest", False, True),
        ("ubuntu:22.04", True, False),
        (f"ubuntu@{DIGEST}", True, False),
        (f"ubuntu:latest@{DIGEST}", True, False),
    ],
)
def test_pinned_and_latest(text, pinned, latest):
    ref = parse_image_ref(text)
    assert ref is not None
    assert ref.is_pinned is pinned
    assert ref.is_latest is latest


def test_canonical_names():
    ubuntu = parse_image_ref("ubuntu")
    team = parse_image_ref("team/app")
    ghcr = parse_image_ref("ghcr.io/org/app:1")
    assert ubuntu and team and ghcr
    assert (ubuntu.canonical_registry, ubuntu.canonical_repository) == (
        "docker.io",
        "library/ubuntu",
    )
    assert team.canonical_repository == "team/app"
    assert (ghcr.canonical_registry, ghcr.name) == ("ghcr.io", "ghcr.io/org/app")
