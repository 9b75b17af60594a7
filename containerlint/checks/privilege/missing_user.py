"""CL2020 missing-user: the final stage sets no USER, so the image most likely runs as root.

The final stage and the stages it is built on (``FROM base``) are searched for a ``USER``; when
there is none the container runs as the base image's user. Almost every general-purpose base image
(debian, ubuntu, alpine, python, node, golang, ...) leaves that at root, so this is reported;
images known to set an unprivileged user (``nonroot-images``, by default distroless ``:nonroot``
tags and Chainguard images) are not. A final ``FROM scratch`` stage without ``CMD`` or
``ENTRYPOINT`` only exports files (``--output``) and never runs, so it is not reported either.
An explicit ``USER root`` at the end is CL2001's business.

Off by default: the base image, which a lint cannot see, decides, and images that start as root
to drop privileges themselves are common (see rules/CL2020.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.imageref import parse_image_ref

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Stage

OPTION = "nonroot-images"

RULE = Rule(
    code="CL2020",
    name="missing-user",
    summary="The final stage sets no USER, so the container runs as the base image's user, usually root",
    severity=Severity.WARNING,
    aliases=("checkov:CKV_DOCKER_3",),
    tags=("dockerfile", "security"),
    options={OPTION: ["*:*nonroot*", "cgr.dev/chainguard/*"]},
    default_enabled=False,
)


def lineage(dockerfile: Dockerfile, stage: Stage) -> list[Stage]:
    """The stage and the stages it is built on, nearest first."""
    chain = [stage]
    while chain[-1].base_stage is not None:
        base = next((s for s in dockerfile.stages if s.index == chain[-1].base_stage), None)
        if base is None or base in chain:
            break
        chain.append(base)
    return chain


def runs_unprivileged(image: str | None, patterns: Sequence[str]) -> bool:
    """``image`` (``name:tag``, digest left out) matches one of the ``nonroot-images`` patterns."""
    ref = parse_image_ref(image) if image else None
    if ref is None:
        return False
    name = f"{ref.name}:{ref.tag}" if ref.tag else ref.name
    return any(fnmatchcase(name.lower(), pattern.lower()) for pattern in patterns)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    stages = [stage for stage in dockerfile.stages if not stage.is_implicit]
    if not stages or stages[-1].image_span is None:
        return
    final = stages[-1]
    chain = lineage(dockerfile, final)
    instructions = [instruction for stage in chain for instruction in stage.instructions]
    if any(instruction.keyword == "USER" for instruction in instructions):
        return
    base = chain[-1]
    runs = any(instruction.keyword in ("CMD", "ENTRYPOINT") for instruction in instructions)
    if base.is_scratch and not runs:
        return  # an export-only stage: its files are copied out, it is never run
    if runs_unprivileged(base.resolved_image, [str(p) for p in ctx.options.get(OPTION) or ()]):
        return
    image = "scratch" if base.is_scratch else base.image
    who = "root (UID 0)" if base.is_scratch else f"whatever user '{image}' sets: root, unless that image says otherwise"
    span = final.image_span
    assert span is not None
    yield Problem(
        span,
        f"the final stage sets no USER{' (nor do the stages it is built on)' if len(chain) > 1 else ''}, "
        f"so the container runs as {who}",
        hint="create an unprivileged user and end the stage with 'USER 10001:10001'; if the base image "
        f"already sets one, add it to {OPTION}",
    )
