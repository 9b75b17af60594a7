"""CL7056 built-image-runs-as-root: the Dockerfile stage a Compose service builds ends as root
(``USER root`` / ``USER 0``, or no USER on an official base image whose user is root), and the
service sets no ``user:``. The container's processes run as root.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.builds import ROOT, active_builds, related, where
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7056",
    name="built-image-runs-as-root",
    summary="A service runs the image it builds as root: the Dockerfile ends as root and no user is set",
    severity=Severity.WARNING,
    tags=("security", "compose", "cross-file"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for build in active_builds(index, settings_of(ctx.settings)):
        if "user" in build.service:
            continue
        built = build.built(index)
        if built is None or built.user.state != ROOT:
            continue
        instruction = built.user.instruction
        if instruction is not None:
            why = f"its Dockerfile sets USER {built.user.value} ({where(built, instruction)})"
        else:
            instruction = built.base.from_instruction
            image = built.base.resolved_image or built.base.image
            why = f"its Dockerfile sets no USER and '{image}' runs as root ({where(built, instruction)})"
        yield build.project.problem(
            build.service.key,
            f"service '{build.service.name}' runs as root: {why}, and the service sets no 'user:'",
            hint="add a non-root USER to the built stage, or set 'user:' on the service (e.g. user: \"1000:1000\")",
            related=related(built, instruction, "where the image's user is root"),
        )
