"""CL1002 untrusted-registry: an image is pulled from a registry that is not in ``trusted-registries``.

Inactive until ``trusted-registries`` lists something. Entries match a registry host (with its
port, if any) exactly, ``*.example.com`` matches any registry ending in ``.example.com``,
``registry.*`` any registry starting with ``registry.``, and ``*`` every registry. An image without
a registry comes from Docker Hub, which ``docker.io`` (or ``hub.docker.com``) trusts. Checked: the
images of ``FROM``, ``COPY --from=<image>`` and ``RUN --mount=from=<image>``; ``scratch`` and
earlier stages are not images. Registry hosts compare case-insensitively, as DNS names do.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from containerlint.checks.supplychain._support import pulled_images
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.imageref import DOCKER_HUB, parse_image_ref

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

OPTION = "trusted-registries"
DOCKER_HUB_NAMES = (DOCKER_HUB, "hub.docker.com")

RULE = Rule(
    code="CL1002",
    name="untrusted-registry",
    summary="An image comes from a registry that is not in the trusted-registries list",
    severity=Severity.ERROR,
    aliases=("hadolint:DL3026",),
    tags=("dockerfile", "supply-chain", "security"),
    options={OPTION: []},
)


def matches(pattern: str, registry: str) -> bool:
    """hadolint's matching: ``*`` alone, a ``*`` prefix, a ``*`` suffix, or equality."""
    if pattern == "*":
        return True
    if pattern.startswith("*"):
        return registry.endswith(pattern[1:])
    if pattern.endswith("*"):
        return registry.startswith(pattern[:-1])
    return registry == pattern


def untrusted_source(image: str, trusted: Sequence[str]) -> str | None:
    """Where ``image`` comes from ("'ghcr.io'", "Docker Hub") when ``trusted`` does not allow it."""
    ref = parse_image_ref(image)
    if ref is None or image.lower() == "scratch":
        return None  # not a reference we can judge (or not an image at all)
    candidates = (ref.registry.lower(),) if ref.registry else DOCKER_HUB_NAMES
    if any(matches(pattern, registry) for pattern in trusted for registry in candidates):
        return None
    return f"'{ref.registry}'" if ref.registry else f"Docker Hub ({DOCKER_HUB})"


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    trusted = [str(entry).strip().lower() for entry in ctx.options.get(OPTION) or () if str(entry).strip()]
    if not trusted:
        return
    for image, written, span in pulled_images(dockerfile):
        source = untrusted_source(image, trusted)
        if source is None:
            continue
        yield Problem(
            span,
            f"image '{written}' comes from {source}, which is not a trusted registry",
            hint=f"use an image from a trusted registry ({', '.join(trusted)}), or add the registry to {OPTION}",
        )
