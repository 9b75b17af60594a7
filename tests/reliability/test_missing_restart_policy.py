"""CL4210 missing-restart-policy: long-running Compose services without a restart policy."""

from __future__ import annotations

from pathlib import Path

from containerlint.model import FileKind
from tests.helpers import lint_text, lint_texts

COMPOSE = """\
services:
  web:
    image: acme/web:1.0
    depends_on:
      migrate:
        condition: service_completed_successfully
      db:
        condition: service_started
  migrate:
    image: acme/migrate:1.0
  db:
    image: postgres:16.4
  explicit-no:
    image: acme/x:1.0
    restart: "no"
  swarm-style:
    image: acme/x:1.0
    deploy:
      restart_policy: {condition: any}
  job:
    image: acme/x:1.0
    deploy: {mode: replicated-job}
  scaled-off:
    image: acme/x:1.0
    scale: 0
  replicas-off:
    image: acme/x:1.0
    deploy: {replicas: 0}
  tool:
    image: acme/x:1.0
    profiles: [tools]
  restart-null:
    image: acme/x:1.0
    restart:
"""


def findings(text: str, **options: object) -> list[tuple[int, int, str]]:
    got = lint_text(text, FileKind.COMPOSE, select=["CL4210"], rule_options={"CL4210": options})
    return [(f.span.start.line, f.span.start.column, f.message) for f in got]


def test_long_running_services_without_policy() -> None:
    got = findings(COMPOSE)
    assert [(line, column) for line, column, _ in got] == [(2, 3), (11, 3), (32, 3)]
    assert got[0][2] == (
        "service 'web' has no restart policy: when its process exits or the Docker daemon restarts, it stays down"
    )


def test_profiled_services_option() -> None:
    got = findings(COMPOSE, **{"profiled-services": True})
    assert [line for line, _, _ in got] == [2, 11, 29, 32]


def test_off_by_default() -> None:
    assert not [f for f in lint_text(COMPOSE, FileKind.COMPOSE) if f.code == "CL4210"]


def test_anchor_merge_key_supplies_the_policy() -> None:
    text = """\
x-base: &base
  restart: unless-stopped
services:
  a:
    <<: *base
    image: acme/a:1.0
  b:
    image: acme/b:1.0
"""
    assert [line for line, _, _ in findings(text)] == [7]


def test_policy_in_override_file_counts(tmp_path: Path) -> None:
    base = "services:\n  web:\n    image: acme/web:1.0\n  db:\n    image: postgres:16.4\n"
    override = "services:\n  web:\n    restart: always\n"
    (tmp_path / "compose.yaml").write_text(base)
    (tmp_path / "compose.override.yaml").write_text(override)
    got = lint_texts(
        [
            (str(tmp_path / "compose.yaml"), base, FileKind.COMPOSE),
            (str(tmp_path / "compose.override.yaml"), override, FileKind.COMPOSE),
        ],
        select=["CL4210"],
    )
    assert [(Path(f.path).name, f.span.start.line, f.message.split(" has ")[0]) for f in got] == [
        ("compose.yaml", 4, "service 'db'")
    ]


def test_wrong_shapes_never_raise() -> None:
    text = "services:\n  a:\n    image: x:1\n    deploy: 5\n    depends_on: 7\n  b: null\n  c: [1]\n"
    assert [line for line, _, _ in findings(text)] == [2]


def test_policy_inherited_through_extends() -> None:
    text = """\
services:
  base:
    image: acme/base:1.0
    restart: always
  child:
    extends: base
  orphan:
    extends:
      service: bare
  bare:
    image: acme/bare:1.0
"""
    got = findings(text)
    assert [(line, message.split(" has ")[0]) for line, _, message in got] == [
        (7, "service 'orphan'"),
        (10, "service 'bare'"),
    ]
