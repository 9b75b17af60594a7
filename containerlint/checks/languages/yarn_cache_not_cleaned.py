"""CL3206 yarn-cache-not-cleaned: ``yarn install`` leaves its package cache in a shipped layer.

Only layers that end up in an image matter: those of the last stage and of stages another
``FROM`` builds on. A stage used only by ``COPY --from`` ships nothing but what is copied.
An ``ONBUILD RUN`` runs in a child image, so it always matters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.languages._support import caches_on_mount, operands, stretch
from containerlint.checks.shell_commands import run_instructions
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Stage
    from containerlint.syntax.shell import Command, Word

RULE = Rule(
    code="CL3206",
    name="yarn-cache-not-cleaned",
    summary="yarn install without 'yarn cache clean' in the same RUN",
    severity=Severity.INFO,
    aliases=("hadolint:DL3060",),
    tags=("dockerfile", "size"),
)


def install_words(command: Command) -> tuple[Word, Word] | None:
    """``(yarn, install)`` for ``yarn install``, ``yarn add`` and ``yarn global add``."""
    words = operands(command.args)
    if command.name is None or not words:
        return None
    if words[0].value in ("install", "add"):
        return command.name, words[0]
    if words[0].value == "global" and len(words) > 1 and words[1].value == "add":
        return command.name, words[1]
    return None


def is_cache_clean(command: Command) -> bool:
    return [word.value for word in operands(command.args)[:2]] == ["cache", "clean"]


def shipped_stages(dockerfile: Dockerfile) -> set[int]:
    """Indexes of the stages whose layers end up in an image: the last one and every base."""
    real: list[Stage] = [stage for stage in dockerfile.stages if not stage.is_implicit]
    shipped = {stage.base_stage for stage in real if stage.base_stage is not None}
    if real:
        shipped.add(real[-1].index)
    return shipped


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    shipped = shipped_stages(dockerfile)
    triggers = {id(instruction.inner) for instruction in dockerfile.instructions if instruction.inner}
    for instruction, commands in run_instructions(dockerfile):
        if instruction.stage_index not in shipped and id(instruction) not in triggers:
            continue
        if caches_on_mount(instruction, ".cache/yarn"):
            continue
        yarn = [run for run in commands if run.is_named("yarn")]
        for position, run in enumerate(yarn):
            words = install_words(run.command)
            if words is None or any(is_cache_clean(later.command) for later in yarn[position + 1 :]):
                continue
            yield Problem(
                run.script.span_of(stretch(*words)),
                f"'yarn {words[1].value}' leaves the yarn cache in the layer",
                hint="end the RUN with '&& yarn cache clean', or mount a cache: "
                "RUN --mount=type=cache,target=/usr/local/share/.cache/yarn",
            )
