"""CL2061 no-read-only-root-fs: every Kubernetes container; Compose only with ``compose = true``."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.security._process import at, located, pod, run, run_files, where

CODE = "CL2061"


def test_kubernetes_locations_and_messages() -> None:
    text = pod("""
        initContainers:
          - name: init
            image: acme/init:1.0
        containers:
          - name: off
            image: acme/a:1.0
            securityContext:
              readOnlyRootFilesystem: false
          - name: quoted
            image: acme/a:1.0
            securityContext:
              readOnlyRootFilesystem: "true"
          - name: on
            image: acme/a:1.0
            securityContext: {readOnlyRootFilesystem: true}
          - image: acme/unnamed:1.0
    """)
    assert located(run(text, FileKind.KUBERNETES, CODE)) == [
        (*at(text, "init\n"), "deployment 'app' init container 'init' does not have a read-only root filesystem"),
        (*at(text, "false"), "deployment 'app' container 'off' does not have a read-only root filesystem"),
        (*at(text, '"true"'), "deployment 'app' container 'quoted' does not have a read-only root filesystem"),
        (*at(text, "image: acme/unnamed"), "deployment 'app' container '#4' does not have a read-only root filesystem"),
    ]


def test_pod_level_setting_does_not_exist() -> None:
    text = pod("""
        securityContext: {readOnlyRootFilesystem: true}
        containers:
          - name: app
            image: acme/a:1.0
    """)
    assert where(run(text, FileKind.KUBERNETES, CODE)) == [at(text, "app\n    ")]


COMPOSE = """\
services:
  web:
    image: acme/web:1.0
  ro:
    image: acme/ro:1.0
    read_only: true
  rw:
    image: acme/rw:1.0
    read_only: false
  var:
    image: acme/var:1.0
    read_only: ${RO}
"""


def test_compose_is_opt_in() -> None:
    assert run(COMPOSE, FileKind.COMPOSE, CODE) == []
    assert located(run(COMPOSE, FileKind.COMPOSE, CODE, options={"compose": True})) == [
        (2, 3, "service 'web' does not have a read-only root filesystem"),
        (9, 16, "service 'rw' does not have a read-only root filesystem"),
    ]


def test_compose_override_sets_read_only() -> None:
    from tests.helpers import lint_texts

    files = [
        ("compose.yaml", "services:\n  web:\n    image: acme/web:1.0\n", FileKind.COMPOSE),
        ("compose.override.yaml", "services:\n  web:\n    read_only: true\n", FileKind.COMPOSE),
    ]
    findings = lint_texts(files, select=[CODE], rule_options={CODE: {"compose": True}})
    assert [f for f in findings if f.path == "compose.yaml"] == []
    assert run_files(files, CODE) == []  # off for Compose by default
