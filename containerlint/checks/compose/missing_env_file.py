"""CL4014 missing-env-file: a service's ``env_file`` does not exist. ``docker compose`` refuses to
load the project, unless the entry says ``required: false``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from containerlint.checks.compose._references import projects
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping

RULE = Rule(
    code="CL4014",
    name="missing-env-file",
    summary="A service's env_file does not exist",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "references"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project in projects(index, ctx):
        for service in project.services_for_profiles():
            for env_file in service.env_file:
                if not env_file.required or "$" in env_file.path or not env_file.path:
                    continue
                if not os.path.isfile(project.origin(env_file.node)):
                    continue  # the Compose file is not on disk (standard input, in-memory text)
                folder = project.directory_of(env_file.node)
                if (folder / os.path.expanduser(env_file.path)).exists():
                    continue
                node = env_file.node.get("path") if isinstance(env_file.node, Mapping) else env_file.node
                yield project.problem(
                    node or env_file.node,
                    f"service '{service.name}' reads env_file '{env_file.path}', which does not exist "
                    f"(looked in '{folder.as_posix() or '.'}')",
                    hint="create the file, fix the path, or use the long form with 'required: false'",
                )
