"""Where a service's build context and Dockerfile are, against Docker Compose itself:
``docker-compose config --format json`` resolves every ``build.context`` (short and long form,
``extends`` from another folder, ``include``d projects); ``containerlint.builds`` must agree."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from containerlint.builds import compose_builds
from containerlint.engine import parse_source, read_source
from containerlint.model import FileKind
from containerlint.project import ProjectIndex
from tests.compose.test_references_oracle import compose_binary
from tests.crossfile.conftest import write

FILES = {
    "compose.yaml": """\
        include:
          - inc/compose.yaml
        services:
          a:
            build: ./app
          b:
            build:
              context: sub
              dockerfile: app/Dockerfile.dev
          c:
            extends:
              file: sub/base.yaml
              service: base
          e:
            build:
              context: .
              dockerfile: ../outside/Dockerfile
        """,
    "sub/base.yaml": "services:\n  base:\n    build:\n      context: ./app\n",
    "inc/compose.yaml": "services:\n  d:\n    build: ./svc\n",
}


def compose_config(directory: Path) -> dict[str, dict[str, str]]:
    environ = {"HOME": str(directory), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    command = [str(compose_binary()), "--project-directory", str(directory), "config", "--format", "json"]
    done = subprocess.run(command, cwd=directory, env=environ, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    services = json.loads(done.stdout)["services"]
    return {name: service["build"] for name, service in services.items() if "build" in service}


def test_build_paths_agree_with_compose(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    write(project, FILES)
    expected = {
        name: (build["context"], os.path.normpath(os.path.join(build["context"], build["dockerfile"])))
        for name, build in compose_config(project).items()
    }
    monkeypatch.chdir(project)
    index = ProjectIndex([parse_source(read_source(Path("compose.yaml"), "compose.yaml", FileKind.COMPOSE))])
    found = {build.service.name: (str(build.context), str(build.dockerfile)) for build in compose_builds(index)}
    assert found == expected
