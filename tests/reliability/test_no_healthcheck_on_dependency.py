"""CL4211 no-healthcheck-on-dependency: depended-on Compose services without any healthcheck."""

from __future__ import annotations

from pathlib import Path

from containerlint.model import FileKind
from tests.helpers import lint_text, lint_texts

COMPOSE = """\
services:
  web:
    image: acme/web:1.0
    depends_on: [db, cache, timed, off, batch]
  worker:
    image: acme/worker:1.0
    depends_on:
      db:
        condition: service_started
      strict:
        condition: service_healthy
  db:
    image: postgres:16.4
  cache:
    image: redis:7.4
    healthcheck:
      test: ["CMD", "redis-cli", "ping"]
  timed:
    image: acme/timed:1.0
    healthcheck:
      interval: 5s
  off:
    image: acme/off:1.0
    healthcheck:
      disable: true
  strict:
    image: acme/strict:1.0
  batch:
    image: acme/batch:1.0
  lonely:
    image: acme/lonely:1.0
"""


def findings(text: str) -> list[tuple[int, int, str]]:
    got = lint_text(text, FileKind.COMPOSE, select=["CL4211"])
    return [(f.span.start.line, f.span.start.column, f.message) for f in got]


def test_plain_dependencies_on_a_service_without_healthcheck() -> None:
    got = findings(COMPOSE)
    # batch: web depends on it plainly, and it has no healthcheck either
    assert [(line, column) for line, column, _ in got] == [(12, 3), (28, 3)]
    assert got[0][2] == (
        "service 'db' has no healthcheck, but 'web', 'worker' depend on it: they start once its container "
        "starts, not once it is ready"
    )
    assert got[1][2].startswith("service 'batch' has no healthcheck, but 'web' depends on it:")


def test_related_locations_point_at_the_dependents() -> None:
    finding = next(f for f in lint_text(COMPOSE, FileKind.COMPOSE, select=["CL4211"]) if "'db'" in f.message)
    assert [(r.span.start.line, r.span.start.column, r.message) for r in finding.related] == [
        (4, 18, "service 'web' depends on 'db' here"),
        (8, 7, "service 'worker' depends on 'db' here"),
    ]


def test_one_shot_and_healthy_conditions_leave_the_service_alone() -> None:
    text = """\
services:
  web:
    image: acme/web:1.0
    depends_on:
      migrate: {condition: service_completed_successfully}
      db: {condition: service_healthy}
  api:
    image: acme/api:1.0
    depends_on: [db, migrate]
  migrate:
    image: acme/migrate:1.0
  db:
    image: postgres:16.4
"""
    assert findings(text) == []


def test_off_by_default_and_info() -> None:
    assert not [f for f in lint_text(COMPOSE, FileKind.COMPOSE) if f.code == "CL4211"]
    got = lint_text(COMPOSE, FileKind.COMPOSE, select=["no-healthcheck-on-dependency"])
    assert {f.severity.label for f in got} == {"info"}


def _project(tmp_path: Path, compose: str, files: dict[str, str], lint_dockerfiles: bool) -> list[tuple[int, str]]:
    for name, content in {**files, "compose.yaml": compose}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content)
    sources = [(str(tmp_path / "compose.yaml"), compose, FileKind.COMPOSE)]
    if lint_dockerfiles:
        sources += [(str(tmp_path / name), text, FileKind.DOCKERFILE) for name, text in files.items()]
    got = lint_texts(sources, select=["CL4211"])
    return [(f.span.start.line, f.message.split(" has ")[0]) for f in got]


BUILT = """\
services:
  web:
    image: acme/web:1.0
    depends_on: [api, checked, base-checked, other-target, missing, inline, inline-checked, timed]
  api:
    build: ./api
  timed:
    build: ./api
    healthcheck: {interval: 5s}
  checked:
    build:
      context: ./checked
      dockerfile: Containerfile
  base-checked:
    build: {context: ./multi, target: final}
  other-target:
    build: {context: ./multi, target: plain}
  missing:
    build: ./nowhere
  inline:
    build:
      context: .
      dockerfile_inline: |
        FROM alpine:3.20
  inline-checked:
    build:
      context: .
      dockerfile_inline: |
        FROM alpine:3.20
        HEALTHCHECK NONE
"""
FILES = {
    "api/Dockerfile": 'FROM python:3.12-slim\nCMD ["python", "-m", "api"]\n',
    "checked/Containerfile": "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
    "multi/Dockerfile": (
        "FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base AS final\nRUN true\nFROM alpine:3.20 AS plain\n"
    ),
}


def test_built_services_read_the_dockerfile_stage(tmp_path: Path) -> None:
    expected = [(5, "service 'api'"), (7, "service 'timed'"), (16, "service 'other-target'"), (20, "service 'inline'")]
    assert _project(tmp_path, BUILT, FILES, lint_dockerfiles=True) == expected


def test_dockerfiles_on_disk_count_when_not_linted(tmp_path: Path) -> None:
    expected = [(5, "service 'api'"), (7, "service 'timed'"), (16, "service 'other-target'"), (20, "service 'inline'")]
    assert _project(tmp_path, BUILT, FILES, lint_dockerfiles=False) == expected


def test_healthcheck_in_override_file_counts(tmp_path: Path) -> None:
    base = "services:\n  web:\n    image: acme/web:1.0\n    depends_on: [db]\n  db:\n    image: postgres:16.4\n"
    override = "services:\n  db:\n    healthcheck:\n      test: [CMD, pg_isready]\n"
    (tmp_path / "compose.yaml").write_text(base)
    (tmp_path / "compose.override.yaml").write_text(override)
    sources = [(str(tmp_path / "compose.yaml"), base, FileKind.COMPOSE)]
    assert lint_texts(sources, select=["CL4211"]) == []  # the override beside it is loaded from disk
    sources.append((str(tmp_path / "compose.override.yaml"), override, FileKind.COMPOSE))
    assert lint_texts(sources, select=["CL4211"]) == []
    (tmp_path / "compose.override.yaml").unlink()
    assert [f.span.start.line for f in lint_texts(sources[:1], select=["CL4211"])] == [5]


def test_wrong_shapes_never_raise() -> None:
    text = "services:\n  a:\n    image: x:1\n    depends_on: {b: 5, c: null}\n  b:\n    healthcheck: 3\n  c: {}\n"
    assert [line for line, _, _ in findings(text)] == [7]
