"""CL7051 unknown-build-target: ``build.target`` names no stage of the Dockerfile the service
builds. ``docker compose build`` fails ("target stage ... could not be found").
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.builds import BuiltStage, active_builds, related, where
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7051",
    name="unknown-build-target",
    summary="build.target names no stage of the Dockerfile the service builds",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "cross-file", "build"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for build in active_builds(index, settings_of(ctx.settings)):
        target = build.build.target
        found = build.parsed(index) if target is not None else None
        if target is None or found is None or "$" in target.value:
            continue
        path, dockerfile = found
        if dockerfile.stage_named(target.value) is not None:
            continue
        stages = [stage for stage in dockerfile.stages if not stage.is_implicit]
        names = [stage.name for stage in stages if stage.name]
        last = BuiltStage(path, dockerfile, stages[-1]) if stages else None
        yield build.project.problem(
            target,
            f"service '{build.service.name}' builds target '{target.value}', but "
            f"{where(last, None) if last is not None else 'its Dockerfile'} has no stage of that name",
            hint=f"name one of its stages: {', '.join(names)}" if names else "name the stage with 'FROM image AS name'",
            related=related(last, last.stage.from_instruction, "the last stage") if last is not None else (),
        )
