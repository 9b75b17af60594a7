"""Container image references (``registry:5000/team/app:1.2@sha256:...``), split Docker's way.

``parse_image_ref`` follows the grammar of the distribution reference library that Docker uses:

* the part before the first ``/`` is a registry only if it contains ``.`` or ``:``, is
  ``localhost``, or has upper-case letters (a repository path never does);
* ``registry:5000/app`` therefore has registry ``registry:5000`` and *no* tag;
* a tag follows the last ``:`` of the final path component, a digest follows ``@``.

Nothing is normalised: ``registry`` and ``repository`` are as written (``ubuntu`` stays
``ubuntu``); ``canonical_registry`` / ``canonical_repository`` give the Docker Hub spelling.
Text that is not a valid reference (including text with unexpanded ``$VARS``) gives ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOCKER_HUB = "docker.io"

_ALNUM = r"[a-z0-9]+"
_SEPARATOR = r"(?:[._]|__|-+)"
_PATH_COMPONENT = rf"{_ALNUM}(?:{_SEPARATOR}{_ALNUM})*"
_REPOSITORY_RE = re.compile(rf"{_PATH_COMPONENT}(?:/{_PATH_COMPONENT})*")

_DOMAIN_COMPONENT = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_HOST = rf"(?:{_DOMAIN_COMPONENT}(?:\.{_DOMAIN_COMPONENT})*|\[[a-fA-F0-9:]+\])"
_REGISTRY_RE = re.compile(rf"{_HOST}(?::[0-9]+)?")

_TAG_RE = re.compile(r"[\w][\w.-]{0,127}", re.ASCII)
_DIGEST_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}")

_MAX_NAME_LENGTH = 255


@dataclass(frozen=True)
class ImageRef:
    registry: str | None  # "ghcr.io", "localhost:5000"; None means Docker Hub
    repository: str  # "ubuntu", "library/ubuntu", "team/app" (as written)
    tag: str | None
    digest: str | None  # "sha256:..."
    text: str  # the original reference text

    @property
    def name(self) -> str:
        """Registry and repository as written, without tag or digest."""
        return f"{self.registry}/{self.repository}" if self.registry else self.repository

    @property
    def is_pinned(self) -> bool:
        """True when the reference names a fixed image: a digest, or an explicit non-latest tag."""
        return self.digest is not None or (self.tag is not None and self.tag != "latest")

    @property
    def is_latest(self) -> bool:
        """True for ``app`` and ``app:latest`` (a digest pins the image, so it is never latest)."""
        return self.digest is None and self.tag in (None, "latest")

    @property
    def canonical_registry(self) -> str:
        return self.registry or DOCKER_HUB

    @property
    def canonical_repository(self) -> str:
        """``ubuntu`` -> ``library/ubuntu`` on Docker Hub; other repositories unchanged."""
        if self.canonical_registry == DOCKER_HUB and "/" not in self.repository:
            return f"library/{self.repository}"
        return self.repository


def parse_image_ref(text: str) -> ImageRef | None:
    """Split an image reference into its parts, or ``None`` if Docker would reject it."""
    if not text or len(text) > 4096:
        return None
    remainder, digest = _split_digest(text)
    if remainder is None:
        return None
    name, tag = _split_tag(remainder)
    if tag is not None and not _TAG_RE.fullmatch(tag):
        return None
    if not name or len(name) > _MAX_NAME_LENGTH:
        return None
    registry, repository = _split_registry(name)
    if registry is not None and not _REGISTRY_RE.fullmatch(registry):
        return None
    if not _REPOSITORY_RE.fullmatch(repository):
        return None
    return ImageRef(registry, repository, tag, digest, text)


def _split_digest(text: str) -> tuple[str | None, str | None]:
    if "@" not in text:
        return text, None
    remainder, digest = text.split("@", 1)
    if not _DIGEST_RE.fullmatch(digest):
        return None, None
    return remainder, digest


def _split_tag(text: str) -> tuple[str, str | None]:
    # A colon before the last "/" belongs to a registry port, never to a tag.
    last_slash = text.rfind("/")
    colon = text.rfind(":")
    if colon > last_slash:
        return text[:colon], text[colon + 1 :]
    return text, None


def _split_registry(name: str) -> tuple[str | None, str]:
    first, slash, rest = name.partition("/")
    if not slash:
        return None, name
    looks_like_host = "." in first or ":" in first or first == "localhost"
    if looks_like_host or first != first.lower():
        return first, rest
    return None, name
