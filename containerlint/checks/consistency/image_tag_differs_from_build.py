"""CL7058 image-tag-differs-from-build: a manifest references an image this repository builds
with another tag than the one the repository builds it with (the ``image:`` of the Compose
service that builds it, or a tagged ``[images]`` key): the cluster runs a different build than
Compose does, often a stale one.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.builds import built_containers
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.imageref import parse_image_ref

RULE = Rule(
    code="CL7058",
    name="image-tag-differs-from-build",
    summary="A manifest uses an image this repository builds with another tag than the build gives it",
    severity=Severity.INFO,
    tags=("consistency", "kubernetes", "cross-file", "image"),
    options={"images": {}},
)


@RULE.check_project(FileKind.KUBERNETES)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for found in built_containers(index, settings_of(ctx.settings), ctx.options.get("images")):
        ref = parse_image_ref(found.image.value.strip())
        if ref is None or ref.digest is not None:
            continue  # a digest names one build exactly: nothing to compare a tag with
        tagged = [entry for entry in found.entries if entry.tag is not None]
        if not tagged or any(entry.tag == (ref.tag or "latest") for entry in tagged):
            continue
        entry = tagged[0]
        used = f"tag '{ref.tag}'" if ref.tag else "no tag (latest)"
        yield Problem(
            found.image.span,
            f"{found.container.label(found.obj)} uses image '{ref.name}' with {used}, but {entry.origin} "
            f"builds it as '{ref.name}:{entry.tag}'",
            path=found.path,
            hint=f"use tag '{entry.tag}', or build the tag the manifest deploys",
        )
