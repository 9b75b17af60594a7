"""CL1024 image-without-digest: an image the build pulls is not pinned by digest (opt-in).

A tag is a movable name: ``python:3.12-slim`` is rebuilt and re-pushed many times. Only a digest
(``@sha256:...``) names fixed content. Untagged and ``latest`` references are left to CL1001
(unpinned-image), which reports them by default, so that one image is not reported twice.

Off by default: digest pinning needs a tool (Renovate, Dependabot) to keep digests current, or
images stop receiving security fixes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.supplychain._support import pulled_images
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.imageref import parse_image_ref

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL1024",
    name="image-without-digest",
    summary="An image is referenced by tag only, not pinned by digest",
    severity=Severity.WARNING,
    tags=("dockerfile", "supply-chain", "reproducibility"),
    default_enabled=False,
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for image, written, span in pulled_images(dockerfile):
        ref = parse_image_ref(image)
        if ref is None or ref.digest is not None or ref.is_latest:
            continue  # pinned, or untagged/latest, which CL1001 unpinned-image reports
        shown = f"'{written}'" if written == image else f"'{written}' (resolved to '{image}')"
        yield Problem(
            span,
            f"image {shown} is not pinned by digest: the tag can be moved to different content",
            hint=f"append the digest, e.g. '{ref.name}:{ref.tag}@sha256:<digest>', and let a tool "
            "such as Renovate keep it current",
        )
