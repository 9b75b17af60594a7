"""CL1001 unpinned-image: an image on ``latest`` or with no tag at all, in every file kind.

One concept, three places: Dockerfile ``FROM``, Compose ``image:``, Kubernetes container images.
The reference is judged after what can be resolved statically (``ARG`` defaults before ``FROM``,
Compose variables, from the project's environment and ``.env``, on the merged project model); a
reference that still holds an unknown variable is not guessed at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity, Span
from containerlint.registry import Context, Rule
from containerlint.syntax.imageref import ImageRef, parse_image_ref

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.dockerfile import Dockerfile
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL1001",
    name="unpinned-image",
    summary="Image reference has no pinned tag or digest (untagged or 'latest')",
    severity=Severity.WARNING,
    tags=("supply-chain", "reproducibility"),
    aliases=(
        "hadolint:DL3006",
        "hadolint:DL3007",
        "kube-linter:latest-tag",
        "dclint:service-image-require-explicit-tag",
        "checkov:CKV_K8S_14",
        "checkov:CKV_DOCKER_7",
    ),
    # Tags that float like 'latest' does. dclint's service-image-require-explicit-tag uses
    # latest, stable, edge, test, nightly, dev, beta, canary, lts; hadolint and kube-linter only
    # 'latest', which stays the default (the page shows how to get dclint's list).
    options={"prohibited-tags": ["latest"]},
)


def problem_for(ref: ImageRef, written: str, prohibited: frozenset[str] = frozenset({"latest"})) -> str | None:
    """The message for an unpinned reference, or None when it is pinned. ``prohibited``: the
    floating tags, lower case."""
    if ref.digest is not None or (ref.tag is not None and ref.tag.lower() not in prohibited):
        return None
    shown = f"'{written}'" if written == ref.text else f"'{written}' (resolved to '{ref.text}')"
    if ref.tag is None:
        return f"image {shown} has no tag, so it floats with whatever 'latest' is when pulled"
    return f"image {shown} uses the '{ref.tag}' tag, which changes without notice"


def _prohibited(ctx: Context) -> frozenset[str]:
    return frozenset(str(tag).lower() for tag in ctx.options.get("prohibited-tags", ["latest"]))


HINT = "pin a version tag (e.g. ':1.27.3') or a digest ('@sha256:...')"


def _check(resolved: str, written: str, span: Span, kind: FileKind, ctx: Context) -> Iterator[Problem]:
    ref = parse_image_ref(resolved)
    message = problem_for(ref, written, _prohibited(ctx)) if ref else None
    if ref and message:
        yield Problem(span, message, hint=HINT, aliases=_variant_aliases(ref, kind))


def _variant_aliases(ref: ImageRef, kind: FileKind) -> tuple[str, ...]:
    """hadolint splits this rule in two: DL3006 (no tag) and DL3007 (latest)."""
    if kind is not FileKind.DOCKERFILE:
        return ()
    if ref.tag is not None and ref.tag.lower() != "latest":
        return ("checkov:CKV_DOCKER_7",)  # a floating tag from prohibited-tags: hadolint has no rule for it
    hadolint = "hadolint:DL3006" if ref.tag is None else "hadolint:DL3007"
    return (hadolint, "checkov:CKV_DOCKER_7")


@RULE.check(FileKind.DOCKERFILE)
def check_dockerfile(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        image, span = stage.resolved_image, stage.image_span
        if stage.image is None or image is None or span is None or stage.base_stage is not None:
            continue  # no image, an unresolvable variable, or a reference to an earlier stage
        if image.lower() == "scratch":
            continue
        yield from _check(image, stage.image, span, FileKind.DOCKERFILE, ctx)


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    """Judged on each Compose project's merged model, after interpolation with the project's
    variables (environment, ``.env``): ``image: app:${TAG:-latest}`` is ``app:latest`` unless TAG
    is set. A reference that needs an unset variable is not judged (CL4001 reports the variable)."""
    from containerlint.compose_model import compose_projects
    from containerlint.config import settings_of

    seen: set[tuple[str, Span]] = set()
    for project in compose_projects(index, settings_of(ctx.settings)):
        for service in project.model.services:
            image = service.image
            if image is None or service.build is not None:
                continue  # with `build:`, `image:` names the image being built, not one pulled
            place = (project.origin(image), image.span)
            if place in seen:
                continue  # one anchored value used through aliases: report it once, where it is written
            seen.add(place)
            if project.is_unresolved(image):
                continue  # an unset variable: nothing to judge
            written = project.raw(image) or image.value
            ref = parse_image_ref(image.value)
            message = problem_for(ref, written, _prohibited(ctx)) if ref else None
            if ref and message:
                yield project.problem(image, message, hint=HINT, aliases=_variant_aliases(ref, FileKind.COMPOSE))


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    seen: set[Span] = set()
    for obj in manifests.objects:
        for container in obj.containers:
            image = container.image
            if image is None or "$" in image.value or image.span in seen:
                continue  # an aliased image is reported once, at its anchored value
            seen.add(image.span)
            yield from _check(image.value, image.value, image.span, FileKind.KUBERNETES, ctx)
