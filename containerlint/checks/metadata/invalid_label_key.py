"""CL3301 invalid-label-key: a LABEL key outside Docker's recommended format for label keys.

Docker asks for lower-case reverse-DNS keys: they start with a lower-case letter, end with a
letter or digit, use only ``a-z 0-9 . - _ /``, never repeat ``.`` or ``-``, and leave the
``com.docker.``, ``io.docker.`` and ``org.dockerproject.`` namespaces to Docker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.metadata._support import label_pairs
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3301",
    name="invalid-label-key",
    summary="A LABEL key breaks Docker's key format (case, characters, reserved namespaces)",
    severity=Severity.STYLE,
    aliases=("hadolint:DL3048",),
    tags=("dockerfile", "labels", "metadata"),
)

RESERVED_NAMESPACES = ("com.docker.", "io.docker.", "org.dockerproject.")
_NOT_ALLOWED = re.compile(r"[^a-z0-9._/-]")
HINT = "use a lower-case reverse-DNS key such as 'org.opencontainers.image.source' or 'com.example.team'"


def key_problem(key: str) -> str | None:
    """Why ``key`` is not a valid label key, or None."""
    reserved = next((ns for ns in RESERVED_NAMESPACES if key.startswith(ns)), None)
    if reserved:
        return f"label key '{key}' is in the namespace '{reserved}', which is reserved for Docker"
    if key != key.lower():
        return f"label key '{key}' must be lower-case"
    bad = _NOT_ALLOWED.search(key)
    if bad:
        return f"label key '{key}' contains '{bad.group()}'; only a-z, 0-9, '.', '-', '_' and '/' are allowed"
    if not key[:1].isalpha():
        return f"label key '{key}' must start with a lower-case letter"
    if not key[-1:].isalnum():
        return f"label key '{key}' must end with a lower-case letter or a digit"
    for separator in ("..", "--"):
        if separator in key:
            return f"label key '{key}' repeats a separator ('{separator}')"
    return None


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    # Key validity does not depend on the image, so ONBUILD LABEL triggers are checked too.
    for pair in label_pairs(dockerfile, onbuild=True):
        message = key_problem(pair.key)
        if message:
            yield Problem(pair.key_span, message, hint=HINT)
