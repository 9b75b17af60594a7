"""CL3302 missing-label: an image stage lacks a label that the label schema requires.

Every label of ``label-schema`` is required. A stage has a label when it sets it with LABEL or
builds on a stage (``FROM <stage>``) that has it. Intermediate stages need not carry it: a stage
is exempt when other stages copy from it (``COPY --from``, ``RUN --mount=from=``) or when a stage
built on it has the label.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.metadata._support import SCHEMA_OPTION, describe_stage, label_schema
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Stage

RULE = Rule(
    code="CL3302",
    name="missing-label",
    summary="An image stage lacks a label that the label schema requires",
    severity=Severity.INFO,
    aliases=("hadolint:DL3049",),
    tags=("dockerfile", "labels", "metadata"),
    options={SCHEMA_OPTION: {}},
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    required = list(label_schema(ctx))
    stages = [stage for stage in dockerfile.stages if not stage.is_implicit]
    if not required or not stages:
        return
    sources = copy_sources(dockerfile)
    for label in required:
        labelled = stages_with_label(stages, label)
        exempt = set(sources)
        for index in labelled:  # the stages a labelled stage builds on are its intermediates
            exempt.update(ancestors(dockerfile, index))
        for stage in stages:
            if stage.index in labelled or stage.index in exempt or stage.from_instruction is None:
                continue
            yield Problem(
                stage.from_instruction.keyword_span,
                f"{describe_stage(stage)} has no label '{label}'",
                hint=f"add LABEL {label}=... to this stage",
            )


def stages_with_label(stages: list[Stage], label: str) -> set[int]:
    """Indexes of the stages that set ``label`` or build on a stage that does."""
    found: set[int] = set()
    for stage in stages:  # in file order, so a base stage is decided before its children
        own = any(
            pair.key == label
            for instruction in stage.instructions
            if instruction.keyword == "LABEL"
            for pair in instruction.key_values
        )
        if own or stage.base_stage in found:
            found.add(stage.index)
    return found


def ancestors(dockerfile: Dockerfile, index: int) -> Iterator[int]:
    """The stages that stage ``index`` builds on, nearest first."""
    by_index = {stage.index: stage for stage in dockerfile.stages}
    base = by_index[index].base_stage
    while base is not None and base in by_index:
        yield base
        base = by_index[base].base_stage


def copy_sources(dockerfile: Dockerfile) -> set[int]:
    """Indexes of the stages other stages copy or mount files from."""
    names: list[str] = []
    for instruction in dockerfile.iter_instructions("COPY"):
        source = instruction.flag("from")
        if source is not None and source.value:
            names.append(source.value)
    for instruction in dockerfile.iter_instructions("RUN"):
        for mount in instruction.flags_named("mount"):
            option = mount.options.get("from")
            if option is not None and option.value:
                names.append(option.value)
    found = set()
    for name in names:
        stage = dockerfile.stage_named(name)
        if stage is not None:
            found.add(stage.index)
        elif name.isdigit():
            found.add(int(name))
    return found
