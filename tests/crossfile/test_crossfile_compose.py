"""Compose services versus the Dockerfiles they build: CL7050-CL7056."""

from __future__ import annotations

from tests.crossfile.conftest import Lint, at, related_at

SLIM = "FROM python:3.12-slim\nEXPOSE 8000\n"


# CL7050 build-context-not-found -----------------------------------------------------------


def test_missing_context_and_missing_dockerfile(lint: Lint) -> None:
    compose = """\
    services:
      web:
        build: ./web
      api:
        build:
          context: ./api
          dockerfile: api.Dockerfile
      ok:
        build: ./ok
      remote:
        build: https://github.com/example/app.git#main
      variable:
        build: ${CONTEXT_DIR:-./nowhere-${X}}
    """
    found = lint(
        {"compose.yaml": compose, "api/Dockerfile": "FROM alpine\n", "ok/Dockerfile": "FROM alpine\n"}, "CL7050"
    )
    assert [(at(f), f["message"]) for f in found] == [
        (("compose.yaml", 3, 12), "service 'web' builds from context './web', which does not exist (web)"),
        (
            ("compose.yaml", 7, 19),
            "service 'api' builds with Dockerfile 'api/api.Dockerfile', which does not exist",
        ),
    ]


def test_context_relative_to_the_file_that_declares_build(lint: Lint) -> None:
    files = {
        "deploy/compose.yaml": "services:\n  web:\n    build:\n      context: ../src\n",
        "src/Dockerfile": "FROM alpine\n",
    }
    assert lint(files, "CL7050") == []
    files["deploy/compose.yaml"] = "services:\n  web:\n    build:\n      context: ./src\n"
    [finding] = lint(files, "CL7050")
    assert at(finding) == ("deploy/compose.yaml", 4, 16)


def test_only_services_the_active_profiles_enable(lint: Lint) -> None:
    compose = "services:\n  web:\n    profiles: [dev]\n    build: ./nope\n  db:\n    build: ./nope2\n"
    found = lint({"compose.yaml": compose}, "CL7050")  # no active profile: every service is considered
    assert [at(f) for f in found] == [("compose.yaml", 4, 12), ("compose.yaml", 6, 12)]
    found = lint({"compose.yaml": compose, ".env": "COMPOSE_PROFILES=other\n"}, "CL7050")
    assert [at(f) for f in found] == [("compose.yaml", 6, 12)]


# CL7051 unknown-build-target -----------------------------------------------------------------

MULTI = "FROM golang:1.23 AS Build\nRUN go build\n\nFROM alpine:3.20 AS runtime\nCOPY --from=build /x /x\n"


def test_unknown_target_lists_the_stages(lint: Lint) -> None:
    compose = """\
    services:
      web:
        build:
          context: .
          target: prod
      ok:
        build:
          context: .
          target: BUILD
    """
    [finding] = lint({"compose.yaml": compose, "Dockerfile": MULTI}, "CL7051")
    assert at(finding) == ("compose.yaml", 5, 15)
    assert finding["message"] == "service 'web' builds target 'prod', but Dockerfile has no stage of that name"
    assert finding["hint"] == "name one of its stages: build, runtime"
    assert related_at(finding) == [("Dockerfile", 4)]


def test_unknown_target_in_inline_dockerfile_has_no_related_location(lint: Lint) -> None:
    compose = """\
    services:
      web:
        build:
          context: .
          dockerfile_inline: |
            FROM alpine AS base
          target: final
    """
    [finding] = lint({"compose.yaml": compose}, "CL7051")
    assert at(finding) == ("compose.yaml", 7, 15)
    assert "dockerfile_inline has no stage" in finding["message"]
    assert finding["related"] == []


# CL7052 / CL7053 build args ----------------------------------------------------------------

ARGS = "ARG BASE\nARG VERSION=1\nFROM ${BASE}\nARG STAGE_ONLY\n"


def test_undeclared_build_args_list_and_map_forms(lint: Lint) -> None:
    compose = """\
    services:
      a:
        build:
          context: .
          args:
            BASE: alpine
            VERSION: "2"
            STAGE_ONLY: x
            TYPO: y
            HTTP_PROXY: http://proxy
            BUILDKIT_INLINE_CACHE: "1"
      b:
        build:
          context: .
          args:
            - BASE=alpine
            - OTHER=1
    """
    found = lint({"compose.yaml": compose, "Dockerfile": ARGS}, "CL7052")
    assert [at(f) for f in found] == [("compose.yaml", 9, 9), ("compose.yaml", 17, 11)]
    assert found[0]["message"] == (
        "service 'a' passes build arg 'TYPO', but Dockerfile declares no ARG of that name, so the value is not used"
    )
    assert found[0]["end"] == {"line": 9, "column": 13}
    assert found[1]["end"] == {"line": 17, "column": 16}


def test_required_from_arg_not_passed(lint: Lint) -> None:
    compose = """\
    services:
      bad:
        build: .
      passed:
        build:
          context: .
          args: [BASE=alpine]
      from_environment:
        build:
          context: .
          args: [BASE]
    """
    [finding] = lint({"compose.yaml": compose, "Dockerfile": ARGS}, "CL7053")
    assert at(finding) == ("compose.yaml", 3, 5)
    assert finding["message"] == (
        "service 'bad' does not pass build arg 'BASE', which Dockerfile:3 uses in FROM and declares without a default"
    )
    assert related_at(finding) == [("Dockerfile", 3)]


def test_arg_with_default_or_builtin_is_not_required(lint: Lint) -> None:
    dockerfile = "ARG BASE=alpine\nARG TARGETPLATFORM\nFROM --platform=$TARGETPLATFORM ${BASE}\n"
    assert lint({"compose.yaml": "services:\n  a:\n    build: .\n", "Dockerfile": dockerfile}, "CL7053") == []


# CL7054 port-not-exposed ---------------------------------------------------------------------


def test_published_and_exposed_ports_against_expose(lint: Lint) -> None:
    compose = """\
    services:
      web:
        build: .
        ports:
          - "8080:80"
          - "8000:8000"
          - target: 9000
            published: "9000"
          - "5353:53/udp"
        expose:
          - "8001"
          - "8000"
    """
    dockerfile = "FROM python:3.12-slim AS base\nEXPOSE 8000\n\nFROM base\nEXPOSE 53/udp 8001-8002\n"
    found = lint({"compose.yaml": compose, "Dockerfile": dockerfile}, "CL7054")
    assert [at(f) for f in found] == [("compose.yaml", 5, 15), ("compose.yaml", 7, 17)]
    assert found[0]["end"] == {"line": 5, "column": 17}  # the container port inside "8080:80"
    assert found[0]["message"] == (
        "service 'web' publishes container port 80, but the image it builds EXPOSEs only "
        "8000, 53/udp, 8001-8002 (Dockerfile:5)"
    )
    assert related_at(found[0]) == [("Dockerfile", 5)]


def test_protocol_matters_and_no_expose_means_unknown(lint: Lint) -> None:
    compose = 'services:\n  web:\n    build: .\n    ports: ["53:53/udp"]\n'
    [finding] = lint({"compose.yaml": compose, "Dockerfile": "FROM alpine\nEXPOSE 53\n"}, "CL7054")
    assert "container port 53/udp" in finding["message"]
    assert lint({"compose.yaml": compose, "Dockerfile": "FROM alpine\n"}, "CL7054") == []
    assert lint({"compose.yaml": compose, "Dockerfile": "FROM alpine\nEXPOSE ${PORT}\n"}, "CL7054") == []


def test_target_selects_the_stage(lint: Lint) -> None:
    dockerfile = "FROM alpine AS dev\nEXPOSE 3000\n\nFROM alpine AS prod\nEXPOSE 8080\n"
    compose = 'services:\n  web:\n    build:\n      context: .\n      target: dev\n    ports: ["3000:3000"]\n'
    assert lint({"compose.yaml": compose, "Dockerfile": dockerfile}, "CL7054") == []
    compose = compose.replace("target: dev", "target: prod")
    [finding] = lint({"compose.yaml": compose, "Dockerfile": dockerfile}, "CL7054")
    assert at(finding) == ("compose.yaml", 6, 19)


# CL7055 healthcheck-program-not-in-image ---------------------------------------------------


def test_healthcheck_programs(lint: Lint) -> None:
    compose = """\
    services:
      slim:
        build: {context: ., dockerfile: slim.Dockerfile}
        healthcheck:
          test: ["CMD", "/usr/bin/curl", "-f", "http://localhost/"]
      alpine:
        build: {context: ., dockerfile: alpine.Dockerfile}
        healthcheck:
          test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]
      alpine_wget:
        build: {context: ., dockerfile: alpine.Dockerfile}
        healthcheck:
          test: wget -q --spider http://localhost/
      installed:
        build: {context: ., dockerfile: installed.Dockerfile}
        healthcheck:
          test: ["CMD", "curl", "-f", "http://localhost/"]
      unknown_base:
        build: {context: ., dockerfile: unknown.Dockerfile}
        healthcheck:
          test: ["CMD", "curl", "-f", "http://localhost/"]
      copied:
        build: {context: ., dockerfile: copied.Dockerfile}
        healthcheck:
          test: ["CMD", "curl", "-f", "http://localhost/"]
      db:
        build: {context: ., dockerfile: db.Dockerfile}
        healthcheck:
          test: ["CMD", "pg_isready"]
    """
    files = {
        "compose.yaml": compose,
        "slim.Dockerfile": "FROM python:3.12-slim\n",
        "alpine.Dockerfile": "FROM alpine:3.20 AS base\nFROM base\n",
        "installed.Dockerfile": "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl=7.88.*\n",
        "unknown.Dockerfile": "FROM example.com/base:1\n",
        "copied.Dockerfile": "FROM debian:bookworm\nCOPY --from=curlimages/curl:8.10.1 /usr/bin/curl /usr/bin/curl\n",
        "db.Dockerfile": "FROM postgres:16\n",
    }
    found = lint(files, "CL7055")
    assert [at(f) for f in found] == [("compose.yaml", 5, 21), ("compose.yaml", 9, 27)]
    assert found[0]["message"] == (
        "service 'slim' health-checks with 'curl', which the image it builds does not have "
        "(slim.Dockerfile:1 starts from 'python:3.12-slim' and installs no 'curl')"
    )
    assert related_at(found[1]) == [("alpine.Dockerfile", 1)]


# CL7056 built-image-runs-as-root -------------------------------------------------------------


def test_root_user(lint: Lint) -> None:
    compose = """\
    services:
      implicit:
        build: {context: ., dockerfile: implicit.Dockerfile}
      explicit:
        build: {context: ., dockerfile: explicit.Dockerfile}
      with_user:
        build: {context: ., dockerfile: implicit.Dockerfile}
        user: "1000"
      non_root:
        build: {context: ., dockerfile: nonroot.Dockerfile}
      scratch:
        build: {context: ., dockerfile: scratch.Dockerfile}
      variable:
        build: {context: ., dockerfile: variable.Dockerfile}
    """
    files = {
        "compose.yaml": compose,
        "implicit.Dockerfile": "FROM node:22-alpine\n",
        "explicit.Dockerfile": "FROM example.com/base AS b\nUSER app\nFROM b\nUSER 0:0\n",
        "nonroot.Dockerfile": "FROM node:22\nUSER root\nRUN npm ci\nUSER node\n",
        "scratch.Dockerfile": "FROM scratch\n",
        "variable.Dockerfile": "FROM debian\nUSER ${APP_USER}\n",
    }
    found = lint(files, "CL7056")
    assert [at(f) for f in found] == [("compose.yaml", 2, 3), ("compose.yaml", 4, 3)]
    assert found[0]["message"] == (
        "service 'implicit' runs as root: its Dockerfile sets no USER and 'node:22-alpine' runs as root "
        "(implicit.Dockerfile:1), and the service sets no 'user:'"
    )
    assert "sets USER 0:0 (explicit.Dockerfile:4)" in found[1]["message"]
    assert related_at(found[1]) == [("explicit.Dockerfile", 4)]


def test_dockerfile_read_from_disk_and_override_file(lint: Lint) -> None:
    """The Dockerfile is read from disk when it is not linted; the merged project decides (a user
    set in the override file, which Compose loads even when only compose.yaml is named)."""
    files = {"compose.yaml": "services:\n  web:\n    build: ./app\n", "app/Dockerfile": "FROM python:3.12\n"}
    [finding] = lint(files, "CL7056", paths=("compose.yaml",))
    assert at(finding) == ("compose.yaml", 2, 3)
    assert related_at(finding) == [("app/Dockerfile", 1)]
    files["compose.override.yaml"] = "services:\n  web:\n    user: app\n"
    assert lint(files, "CL7056", paths=("compose.yaml",)) == []


def test_build_args_decide_the_base_image(lint: Lint) -> None:
    """``FROM python:${VARIANT}`` is judged with the value the service passes: alpine has wget,
    slim does not; a value from an unknown environment leaves the base unknown."""
    compose = """\
    services:
      default:
        build: .
        healthcheck: {test: [CMD, wget, -q, http://localhost/]}
      alpine:
        build: {context: ., args: {VARIANT: 3.12-alpine}}
        healthcheck: {test: [CMD, wget, -q, http://localhost/]}
      environment:
        build: {context: ., args: [VARIANT]}
        healthcheck: {test: [CMD, wget, -q, http://localhost/]}
    """
    dockerfile = "ARG VARIANT=3.12-slim\nFROM python:${VARIANT}\n"
    found = lint({"compose.yaml": compose, "Dockerfile": dockerfile}, "CL7055")
    assert [at(f) for f in found] == [("compose.yaml", 4, 31)]
    assert "(Dockerfile:2 starts from 'python:3.12-slim' and installs no 'wget')" in found[0]["message"]
    found = lint({"compose.yaml": compose, "Dockerfile": dockerfile, ".env": "VARIANT=3.12-slim\n"}, "CL7055")
    assert [at(f) for f in found] == [("compose.yaml", 4, 31), ("compose.yaml", 10, 31)]
