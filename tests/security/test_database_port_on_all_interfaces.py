"""CL6013 database-port-on-all-interfaces: Compose ports bound to every interface whose container
port is a database/cache port or whose service runs a database/cache image."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.security._process import located, run, run_files, where

CODE = "CL6013"

COMPOSE = """\
services:
  db:
    image: postgres:16.4
    ports:
      - "5432:5432"
      - "127.0.0.1:5433:5432"
      - "[::]:5434:5432"
      - "[::1]:5435:5432"
      - "0.0.0.0:9187:9187"
      - 5436
  cache:
    image: acme/cache:1.0
    ports:
      - target: 6379
        published: 6379
      - target: 6379
        host_ip: 127.0.0.1
        published: 6380
      - "11200-11300:11200-11300"
      - "8080:8080"
  built:
    build: .
    image: postgres:16.4
    ports: ["9999:9999"]
  hosted:
    image: redis:7.4
    network_mode: host
    ports: ["6379:6379"]
  bitnami:
    image: docker.io/bitnami/postgresql:16
    ports: ["${PG_PORT:-15432}:5432", "${BIND_IP}:5432:5432"]
"""


def test_findings_and_messages() -> None:
    findings = run(COMPOSE, FileKind.COMPOSE, CODE)
    assert where(findings) == [(5, 9), (7, 9), (9, 9), (10, 9), (15, 20), (19, 9), (31, 13)]
    assert findings[0].message == (
        "service 'db' publishes container port 5432 (5432 is a database/cache port) on host port 5432 of every "
        "host interface"
    )
    assert findings[2].message == (
        "service 'db' publishes container port 9187 (image 'postgres:16.4') on host port 9187 of every host interface"
    )
    assert "on a random host port of every host interface" in findings[3].message
    assert findings[0].hint is not None and "127.0.0.1:5432:5432" in findings[0].hint


def test_options() -> None:
    findings = run(COMPOSE, FileKind.COMPOSE, CODE, options={"ports": [8080], "images": []})
    assert located(findings) == [
        (
            20,
            9,
            "service 'cache' publishes container port 8080 (8080 is a database/cache port) on host port 8080 of "
            "every host interface",
        )
    ]


def test_override_file_adds_the_port() -> None:
    findings = run_files(
        [
            ("compose.yaml", "services:\n  db:\n    image: mysql:8.4\n", FileKind.COMPOSE),
            ("compose.override.yaml", "services:\n  db:\n    ports: ['3306:3306']\n", FileKind.COMPOSE),
        ],
        CODE,
    )
    assert [(f.path, f.span.start.line) for f in findings] == [("compose.override.yaml", 3)]
