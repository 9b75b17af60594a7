"""containerlint.builds: the stage a build produces and its facts; wrong shapes never raise."""

from __future__ import annotations

from pathlib import Path

import pytest

from containerlint.builds import NON_ROOT, ROOT, UNKNOWN, BuiltStage, dockerfile_at, image_key, stage_of
from containerlint.project import ProjectIndex
from containerlint.syntax.dockerfile import parse_dockerfile
from tests.crossfile.conftest import Lint, at

CODES = ("CL7050", "CL7051", "CL7052", "CL7053", "CL7054", "CL7055", "CL7056", "CL7057", "CL7058")


def built(text: str, target: str | None = None) -> BuiltStage:
    dockerfile = parse_dockerfile(text)
    stage = stage_of(dockerfile, target)
    assert stage is not None
    return BuiltStage("Dockerfile", dockerfile, stage)


def test_chain_follows_earlier_stages_and_target_is_case_insensitive() -> None:
    text = "FROM alpine:3.20 AS Base\nEXPOSE 1\nFROM base AS mid\nUSER 5\nFROM mid AS final\nFROM debian AS other\n"
    final = built(text, "FINAL")
    assert [stage.name for stage in final.chain] == ["final", "mid", "base"]
    assert final.base_family == "library/alpine"
    assert [(p.first, p.protocol) for p in final.exposed or ()] == [(1, "tcp")]
    assert (final.user.state, final.user.value, final.user.numeric) == (NON_ROOT, "5", True)
    assert built(text).stage.name == "other"  # no target: the last stage
    assert stage_of(parse_dockerfile(text), "nope") is None


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("FROM python:3.12\n", ROOT),
        ("FROM python:3.12\nUSER root:root\n", ROOT),
        ("FROM example.com/base\nUSER 0\n", ROOT),
        ("FROM node\nUSER node\n", NON_ROOT),
        ("FROM scratch\n", UNKNOWN),
        ("FROM example.com/base:1\n", UNKNOWN),
        ("ARG BASE\nFROM ${BASE}\n", UNKNOWN),
        ("FROM alpine\nUSER $U\n", UNKNOWN),
    ],
)
def test_user(text: str, state: str) -> None:
    assert built(text).user.state == state


@pytest.mark.parametrize(
    ("text", "program", "expected"),
    [
        ("FROM python:3.12-slim\n", "curl", False),
        ("FROM python:3.12\n", "curl", True),
        ("FROM node:22-alpine\n", "wget", True),
        ("FROM node:22-alpine\n", "curl", False),
        ("FROM alpine\nRUN apk add --no-cache curl\n", "curl", True),
        ("FROM debian:12\nRUN apt-get install -y postgresql-client-16\n", "pg_isready", True),
        ("FROM debian:12\nRUN apt-get install -y $PACKAGES\n", "curl", None),
        ("FROM debian:12\nRUN ln -s /opt/bin/curl /usr/bin/curl\n", "curl", None),
        ("FROM debian:12\nADD https://example.com/curl /usr/bin/curl\n", "curl", None),
        ("FROM debian:12 AS a\nRUN apt-get install -y curl\nFROM debian:12\n", "curl", False),  # other stage
        ("FROM debian:12 AS a\nRUN apt-get install -y curl\nFROM a\n", "curl", True),
        ("FROM example.com/base\n", "curl", None),
        ("FROM postgres:16\n", "pg_isready", True),
        ("FROM postgres:16\n", "curl", None),
        ("FROM python:3.12-slim\n", "python", None),
    ],
)
def test_programs(text: str, program: str, expected: bool | None) -> None:
    assert built(text).has_program(program) is expected


def test_args() -> None:
    stage = built("ARG A\nARG B=1\nARG TARGETARCH\nFROM x:${A}-${TARGETARCH}\nARG C\n")
    assert [(a.name, a.default, a.is_global) for a in stage.declared_args] == [
        ("A", None, True),
        ("B", "1", True),
        ("TARGETARCH", None, True),
        ("C", None, False),
    ]
    assert [arg.name for arg, _ in stage.required_from_args()] == ["A"]


def test_exposed_unreadable_is_unknown() -> None:
    assert built("FROM alpine\nEXPOSE 80 ${PORT}\n").exposed is None
    assert built("FROM alpine\n").exposed == []
    ports = built("FROM alpine\nEXPOSE 8000-8002/UDP\n")
    assert ports.exposure_of(8001, "udp") is not None and ports.exposure_of(8001, "tcp") is None


def test_image_key_normalises_docker_hub() -> None:
    assert image_key("web:1") == image_key("docker.io/library/web") == ("docker.io", "library/web")
    assert image_key("ghcr.io/a/b@sha256:" + "0" * 64) == ("ghcr.io", "a/b")
    assert image_key("${IMAGE}") is None


def test_dockerfile_read_once_per_path(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM alpine\n")
    index = ProjectIndex([])
    first = dockerfile_at(index, tmp_path / "Dockerfile")
    assert first is not None
    (tmp_path / "Dockerfile").write_text("FROM debian\n")
    assert dockerfile_at(index, tmp_path / "sub" / ".." / "Dockerfile") is first
    assert dockerfile_at(index, tmp_path / "missing") is None


def test_wrong_shapes_never_raise(lint: Lint) -> None:
    compose = """\
    services:
      a: {build: 42}
      b: {build: [1, 2]}
      c: {build: {context: [x], dockerfile: {y: 1}, target: [], args: "A=1"}}
      d:
        build: .
        healthcheck: {test: {cmd: curl}}
        ports: 8080
        expose: 80
        user: null
      e:
        build: .
        healthcheck: {test: []}
        ports: [{target: x}, null, "a:b:c:d"]
        expose: [null, [1], "abc"]
      f: null
    """
    dockerfile = "FROM python:3.12-slim\nEXPOSE 8000\nHEALTHCHECK CMD\nUSER\nEXPOSE\n"
    manifest = """\
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      securityContext: {runAsNonRoot: [true]}
      containers:
        - image: [web]
        - name: x
          image: web
          ports: [{containerPort: http}, 7, null]
          livenessProbe: {httpGet: 5}
          securityContext: 3
    """
    config = '[images]\n"web:1" = "Dockerfile"\n'
    files = {"compose.yaml": compose, "Dockerfile": dockerfile, "k8s/pod.yaml": manifest, ".containerlint.toml": config}
    found = lint(files, *CODES, "CL0004")  # CL0004 internal-error: a rule that raised
    assert [f["message"] for f in found if f["code"] == "CL0004"] == []
    assert {f["code"] for f in found} <= set(CODES)
    assert any(f["code"] == "CL7058" for f in found)  # the manifest side ran: "web" is not "web:1"


def test_anchors_report_once_per_service(lint: Lint) -> None:
    compose = """\
    x-build: &build
      context: .
      args:
        TYPO: "1"
    services:
      a:
        build: *build
      b:
        build:
          <<: *build
          target: final
    """
    found = lint({"compose.yaml": compose, "Dockerfile": "FROM alpine AS final\n"}, "CL7052")
    assert sorted((at(f), f["message"].split("'")[1]) for f in found) == [
        (("compose.yaml", 4, 5), "a"),
        (("compose.yaml", 4, 5), "b"),
    ]
