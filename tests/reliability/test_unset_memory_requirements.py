"""CL4207 unset-memory-requirements: Kubernetes (kube-linter semantics) and, opt-in, Compose."""

from __future__ import annotations

from pathlib import Path

from containerlint.model import FileKind
from tests.helpers import lint_text, lint_texts

KUBE = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app1
spec:
  template:
    spec:
      containers:
      - name: app
        limit:
          cpu: 1
      - name: requested
        resources:
          requests: {memory: 1Gi}
      - name: zero
        resources:
          limits:
            memory: 0Gi
      - name: ok
        resources:
          limits: {memory: 1Ki}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cron
spec:
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
          - name: init
          containers:
          - name: main
            resources: {limits: {memory: 64Mi}}
"""


def kube(text: str, **kwargs: object) -> list[tuple[int, int, str]]:
    return [
        (f.span.start.line, f.span.start.column, f.message)
        for f in lint_text(text, FileKind.KUBERNETES, select=["CL4207"], **kwargs)  # type: ignore[arg-type]
    ]


def test_kubernetes_missing_and_zero_limits() -> None:
    got = kube(KUBE)
    assert [(line, column) for line, column, _ in got] == [(9, 15), (12, 15), (18, 21), (33, 19)]
    assert got[0][2] == "deployment 'app1' container 'app' sets no memory limit, so it can use up the node's memory"
    assert got[2][2].startswith("deployment 'app1' container 'zero' sets a zero memory limit")
    assert got[3][2].startswith("cronjob 'cron' init container 'init' sets no memory limit")


def test_kubernetes_requirements_type() -> None:
    got = kube(KUBE, rule_options={"CL4207": {"requirements-type": "request"}})
    assert [line for line, _, _ in got] == [9, 15, 19, 33, 35]
    assert got[0][2] == "deployment 'app1' container 'app' sets no memory request"


def test_compose_is_opt_in() -> None:
    compose = "services:\n  web:\n    image: acme/web:1.0\n"
    assert lint_text(compose, FileKind.COMPOSE, select=["CL4207"]) == []
    got = lint_text(compose, FileKind.COMPOSE, select=["CL4207"], rule_options={"CL4207": {"compose": True}})
    assert [(f.path, f.span.start.line, f.span.start.column, f.message) for f in got] == [
        (
            "compose.yaml",
            2,
            3,
            "service 'web' sets no memory limit ('mem_limit' or 'deploy.resources.limits.memory'), "
            "so it can use up the host's memory",
        )
    ]


COMPOSE = """\
x-limits: &limits
  deploy:
    resources:
      limits:
        memory: 256m
services:
  a:
    image: acme/a:1.0
    mem_limit: 1g
  b:
    image: acme/b:1.0
    <<: *limits
  c:
    image: acme/c:1.0
    mem_limit: "0"
  d:
    image: acme/d:1.0
    deploy:
      resources:
        reservations: {memory: 128m}
  e:
    image: acme/e:1.0
    mem_limit: null
  tools:
    image: acme/tools:1.0
    profiles: [tools]
"""


def compose(text: str, **options: object) -> list[tuple[int, int, str]]:
    findings = lint_text(
        text, FileKind.COMPOSE, select=["CL4207"], rule_options={"CL4207": {"compose": True, **options}}
    )
    return [(f.span.start.line, f.span.start.column, f.message) for f in findings]


def test_compose_forms_anchors_and_zero() -> None:
    got = compose(COMPOSE)
    assert [(line, column) for line, column, _ in got] == [(15, 16), (16, 3), (21, 3), (24, 3)]
    assert got[0][2] == "service 'c' sets a zero memory limit, which Docker reads as no limit"


def test_compose_requirements_type_request() -> None:
    got = compose(COMPOSE, **{"requirements-type": "request"})
    assert [line for line, _, _ in got] == [7, 10, 13, 21, 24]
    assert (
        got[0][2] == "service 'a' sets no memory request ('mem_reservation' or 'deploy.resources.reservations.memory')"
    )


def test_compose_limit_in_override_file_counts(tmp_path: Path) -> None:
    base = "services:\n  web:\n    image: acme/web:1.0\n  db:\n    image: postgres:16.4\n"
    override = "services:\n  web:\n    mem_limit: 512m\n"
    (tmp_path / "compose.yaml").write_text(base)
    (tmp_path / "compose.override.yaml").write_text(override)
    findings = lint_texts(
        [
            (str(tmp_path / "compose.yaml"), base, FileKind.COMPOSE),
            (str(tmp_path / "compose.override.yaml"), override, FileKind.COMPOSE),
        ],
        select=["CL4207"],
        rule_options={"CL4207": {"compose": True}},
    )
    assert [(Path(f.path).name, f.span.start.line, f.message.split(" sets")[0]) for f in findings] == [
        ("compose.yaml", 4, "service 'db'")
    ]
