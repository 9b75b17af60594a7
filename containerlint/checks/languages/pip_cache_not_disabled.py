"""CL3205 pip-cache-not-disabled: ``pip install`` leaves its download cache in the layer.

The cache is not needed at run time. It is harmless when ``--no-cache-dir`` is given, when
``PIP_NO_CACHE_DIR`` is on (set in the RUN, or by ``ENV``/``ARG`` earlier in the stage or in the
stage it builds on), or when a cache or tmpfs mount holds ``~/.cache/pip``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.languages._support import TRUTHY, caches_on_mount, pip_install
from containerlint.checks.shell_commands import run_instructions
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction

RULE = Rule(
    code="CL3205",
    name="pip-cache-not-disabled",
    summary="pip install keeps its download cache in the image layer",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3042",),
    tags=("dockerfile", "size"),
)

_SET_IN_SHELL = re.compile(r"\bPIP_NO_CACHE_DIR=[\"']?(?P<value>\w*)")


def _verdict(instruction: Instruction) -> bool | None:
    """What an ENV or ARG does to PIP_NO_CACHE_DIR: True (on), False (off), None (nothing)."""
    verdict = None
    if instruction.keyword in ("ENV", "ARG"):
        for pair in instruction.key_values:
            if pair.key == "PIP_NO_CACHE_DIR" and pair.value is not None:
                verdict = pair.value.lower() in TRUTHY
    return verdict


def cache_off_for(dockerfile: Dockerfile) -> dict[int, bool]:
    """For each RUN (by id): whether PIP_NO_CACHE_DIR is on when it runs.

    ENV and ARG apply to the RUNs after them in the stage. A stage starts with the ENV of the
    stage it builds on (ENV is part of the image, ARG is not). An ONBUILD RUN runs in a child
    image: it sees the ENV this stage ends with, or what an earlier ONBUILD ENV sets.
    """
    cache_off: dict[int, bool] = {}
    env_at_end: dict[int, bool] = {}
    for stage in dockerfile.stages:
        env = env_at_end.get(stage.base_stage, False) if stage.base_stage is not None else False
        in_scope, onbuild = env, None
        triggers: list[tuple[Instruction, bool | None]] = []
        for instruction in stage.instructions:
            trigger = instruction.inner
            verdict = _verdict(trigger or instruction)
            if trigger is not None:
                onbuild = onbuild if verdict is None else verdict
                if trigger.keyword == "RUN":
                    triggers.append((trigger, onbuild))
                continue
            if verdict is not None:
                in_scope = verdict
                env = verdict if instruction.keyword == "ENV" else env
            if instruction.keyword == "RUN":
                cache_off[id(instruction)] = in_scope
        for trigger, set_by_trigger in triggers:
            cache_off[id(trigger)] = env if set_by_trigger is None else set_by_trigger
        env_at_end[stage.index] = env
    return cache_off


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    cache_off = cache_off_for(dockerfile)
    for instruction, commands in run_instructions(dockerfile):
        if cache_off.get(id(instruction)) or caches_on_mount(instruction, ".cache/pip"):
            continue
        scripts = {id(run.script): run.script for run in commands}.values()  # each script once, not per command
        if any(_set_in_shell(script.text) for script in scripts):
            continue
        for run in commands:
            install = pip_install(run.command)
            if install is None or install.tool != "pip" or "--no-cache-dir" in run.command.arg_values:
                continue  # pipx installs into its own venvs and manages their caches
            yield Problem(
                run.script.span_of(install.head),
                "pip install keeps its download cache in the image layer",
                hint="add --no-cache-dir, set ENV PIP_NO_CACHE_DIR=1, "
                "or mount a cache: RUN --mount=type=cache,target=/root/.cache/pip",
            )


def _set_in_shell(script: str) -> bool:
    """``PIP_NO_CACHE_DIR=1 pip install``, ``export PIP_NO_CACHE_DIR=on`` and the like."""
    return any(match.group("value").lower() in TRUTHY for match in _SET_IN_SHELL.finditer(script))
