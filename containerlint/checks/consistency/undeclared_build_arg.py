"""CL7052 undeclared-build-arg: a Compose service passes a build argument that the Dockerfile it
builds declares with no ``ARG``: the value is silently dropped (a typo, or an ARG removed).
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.builds import BUILTIN_ARGS, active_builds, related, where
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7052",
    name="undeclared-build-arg",
    summary="A service passes a build argument the Dockerfile never declares with ARG",
    severity=Severity.WARNING,
    tags=("correctness", "compose", "cross-file", "build"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for build in active_builds(index, settings_of(ctx.settings)):
        built = build.built(index) if build.build.args else None
        if built is None:
            continue
        declared = {arg.name for arg in built.declared_args}
        first = built.dockerfile.stages[0].from_instruction if built.dockerfile.stages else None
        for arg in build.build.args:
            if arg.name in declared or arg.name in BUILTIN_ARGS or arg.name.startswith("BUILDKIT_"):
                continue
            yield build.project.problem(
                arg.key_node or arg.node,
                f"service '{build.service.name}' passes build arg '{arg.name}', but {where(built, None)} "
                "declares no ARG of that name, so the value is not used",
                span=arg.name_span,
                hint=f"declare 'ARG {arg.name}' in the stage that uses it, or remove the build arg",
                related=related(built, first, "the Dockerfile that declares no such ARG"),
            )
