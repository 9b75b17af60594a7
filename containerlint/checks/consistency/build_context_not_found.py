"""CL7050 build-context-not-found: a Compose service builds from a context folder, or a Dockerfile,
that does not exist. ``docker compose build`` fails ("unable to prepare context: path ... not
found", "failed to read dockerfile").
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from containerlint.builds import active_builds, dockerfile_at
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7050",
    name="build-context-not-found",
    summary="A service builds from a context folder or Dockerfile that does not exist",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "cross-file", "build"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    linted = [os.path.abspath(path) for path in index.paths]
    for build in active_builds(index, settings_of(ctx.settings)):
        config, project, name = build.build, build.project, build.service.name
        if build.context is None:
            continue  # a remote context or an unresolved variable: nothing to check
        context_node = config.context or config.node
        shown = project.raw(context_node) if config.context is not None else "."
        folder = str(build.context)
        if not os.path.isdir(folder) and not any(path.startswith(folder + os.sep) for path in linted):
            yield project.problem(
                context_node,
                f"service '{name}' builds from context '{shown}', which does not exist ({os.path.relpath(folder)})",
                hint="fix the path: it is relative to the folder of the Compose file that declares 'build'",
            )
            continue
        if build.dockerfile is None or dockerfile_at(index, build.dockerfile) is not None:
            continue
        dockerfile_node = config.dockerfile or context_node
        yield project.problem(
            dockerfile_node,
            f"service '{name}' builds with Dockerfile '{os.path.relpath(build.dockerfile)}', which does not exist",
            hint="add the Dockerfile, or point 'build.dockerfile' at it (relative to the build context)",
        )
