"""CL7053 required-build-arg-not-passed: the Dockerfile's ``FROM`` uses a global ARG without a
default, and the Compose service does not pass it: the image reference expands to an invalid name
and the build fails ("invalid reference format", "base name should not be blank").
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.builds import active_builds, related, where
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7053",
    name="required-build-arg-not-passed",
    summary="A FROM needs a build argument without default that the service does not pass",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "cross-file", "build"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for build in active_builds(index, settings_of(ctx.settings)):
        built = build.built(index)
        if built is None:
            continue
        passed = {arg.name for arg in build.build.args}  # ``- NAME`` (from the environment) counts
        build_pair = build.service.node.pair("build")
        anchor = build.build.node if build_pair is None else build_pair.key
        for arg, stage in built.required_from_args():
            if arg.name in passed:
                continue
            yield build.project.problem(
                anchor,
                f"service '{build.service.name}' does not pass build arg '{arg.name}', which "
                f"{where(built, stage.from_instruction)} uses in FROM and declares without a default",
                hint=f"pass it under 'build.args' ({arg.name}: ...), or give the ARG a default",
                related=related(built, stage.from_instruction, f"FROM uses ARG {arg.name}, which has no default"),
            )
