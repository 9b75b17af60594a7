"""CL1001 unpinned-image: an image on ``latest`` or with no tag at all, in every file kind.

One concept, three places: Dockerfile ``FROM``, Compose ``image:``, Kubernetes container images.
The reference is judged after what can be resolved statically (``ARG`` defaults before ``FROM``,
Compose ``${VAR:-default}``); a reference that still holds an unknown variable is not guessed at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity, Span
from containerlint.registry import Context, Rule
from containerlint.syntax.imageref import ImageRef, parse_image_ref

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile
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
)


def problem_for(ref: ImageRef, written: str) -> str | None:
    """The message for an unpinned reference, or None when it is pinned."""
    if ref.is_pinned:
        return None
    shown = f"'{written}'" if written == ref.text else f"'{written}' (resolved to '{ref.text}')"
    if ref.tag is None:
        return f"image {shown} has no tag, so it floats with whatever 'latest' is when pulled"
    return f"image {shown} uses the 'latest' tag, which changes without notice"


HINT = "pin a version tag (e.g. ':1.27.3') or a digest ('@sha256:...')"


def _check(resolved: str, written: str, span: Span, kind: FileKind) -> Iterator[Problem]:
    ref = parse_image_ref(resolved)
    message = problem_for(ref, written) if ref else None
    if ref and message:
        yield Problem(span, message, hint=HINT, aliases=_variant_aliases(ref, kind))


def _variant_aliases(ref: ImageRef, kind: FileKind) -> tuple[str, ...]:
    """hadolint splits this rule in two: DL3006 (no tag) and DL3007 (latest)."""
    if kind is not FileKind.DOCKERFILE:
        return ()
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
        yield from _check(image, stage.image, span, FileKind.DOCKERFILE)


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    from containerlint.syntax.compose import interpolate

    seen: set[Span] = set()
    for service in compose.services:
        image = service.image
        if image is None or service.build is not None:
            continue  # with `build:`, `image:` names the image being built, not one pulled
        if image.span in seen:
            continue  # one anchored value used through aliases: report it once, where it is written
        seen.add(image.span)
        resolved = interpolate(image.value, {})
        if resolved.text is None:
            continue
        yield from _check(resolved.text, image.value, image.span, FileKind.COMPOSE)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    seen: set[Span] = set()
    for obj in manifests.objects:
        for container in obj.containers:
            image = container.image
            if image is None or "$" in image.value or image.span in seen:
                continue  # an aliased image is reported once, at its anchored value
            seen.add(image.span)
            yield from _check(image.value, image.value, image.span, FileKind.KUBERNETES)
