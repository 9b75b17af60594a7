"""CL3705 unused-stage: a stage the final stage does not depend on (opt-in).

A stage is used when the last stage reaches it through ``FROM <stage>``, ``COPY --from=<stage>``
or ``RUN --mount=from=<stage>`` (by name or by index), directly or through other used stages.
BuildKit skips unused stages in a plain build, so their instructions are dead code unless the
stage is built on purpose with ``--target`` (tests, dev images). A stage a Compose service of the
project builds with ``build: {target: ...}`` counts as used, with everything it uses. When a
reference holds a variable (``COPY --from=${VARIANT}``) nothing is reported: any stage could be
the one it names.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from containerlint.builds import targets_by_dockerfile
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.dockerfile import Dockerfile, Stage

RULE = Rule(
    code="CL3705",
    name="unused-stage",
    summary="A build stage is not used by the final stage, so a plain build skips it",
    severity=Severity.INFO,
    tags=("dockerfile", "hygiene"),
    default_enabled=False,
)


class _Unknown(Exception):
    """A stage reference that cannot be resolved statically."""


def _references(dockerfile: Dockerfile, stage: Stage) -> set[int]:
    """Indexes of the stages ``stage`` uses; raises _Unknown for a reference with a variable."""
    used: set[int] = set()
    if stage.base_stage is not None:
        used.add(stage.base_stage)
    elif stage.resolved_image is None and "$" in stage.image:
        raise _Unknown
    names: list[str] = []
    for instruction in stage.instructions:  # ONBUILD triggers run in another build: not here
        if instruction.keyword == "COPY":
            source = instruction.flag("from")
            if source is not None and source.value:
                names.append(source.value)
        elif instruction.keyword == "RUN":
            for mount in instruction.flags_named("mount"):
                option = mount.options.get("from")
                if option is not None and option.value:
                    names.append(option.value)
    for name in names:
        if "$" in name:
            raise _Unknown
        target = dockerfile.stage_named(name)
        if target is not None:
            used.add(target.index)
        elif name.isdigit():
            used.add(int(name))
    return used


@RULE.check_project(FileKind.DOCKERFILE)
def check(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    # A project check: a Compose service's ``build.target`` makes its stage (and all it uses) used.
    targets = targets_by_dockerfile(index, settings_of(ctx.settings))
    for located in index.dockerfiles:
        built = targets.get(Path(located.path).resolve(), set())
        for problem in _unused(located.item, built):
            yield replace(problem, path=located.path)


def _unused(dockerfile: Dockerfile, targets: set[str]) -> Iterator[Problem]:
    stages = [stage for stage in dockerfile.stages if not stage.is_implicit]
    if len(stages) < 2:
        return
    by_index = {stage.index: stage for stage in stages}
    roots = [stages[-1], *(stage for stage in stages if stage.name in targets)]
    reached = {stage.index for stage in roots}
    pending = list(roots)
    try:
        while pending:
            for index in _references(dockerfile, pending.pop()):
                if index in by_index and index not in reached:
                    reached.add(index)
                    pending.append(by_index[index])
    except _Unknown:
        return
    for stage in stages:
        if stage.index in reached:
            continue
        span = stage.name_span or stage.image_span
        if span is None:
            continue
        shown = f"stage '{stage.name}'" if stage.name else f"stage {stage.index} (FROM {stage.image})"
        yield Problem(
            span,
            f"{shown} is not used by the final stage: a plain build skips it (it is only built with "
            f"--target{' ' + stage.name if stage.name else ''})",
            hint="remove the stage, use it from the final stage, or suppress this if it is built with --target",
        )
