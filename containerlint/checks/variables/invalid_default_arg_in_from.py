"""CL3603 invalid-default-arg-in-from: with the ARG defaults, FROM names no valid image
(BuildKit's InvalidDefaultArgInFrom).

A build without ``--build-arg`` must work: ``ARG TAG`` + ``FROM alpine:${TAG}`` asks for
``alpine:``. The FROM image is expanded as BuildKit does with no build arguments: the platform
ARGs (for a linux/amd64 builder) and the global ARG defaults in order; an ARG without a default
is empty. Only FROM words holding a variable are judged: a literal invalid reference is a build
error, not a question of defaults.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.variables._support import default_global_env, expand
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.imageref import parse_image_ref

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3603",
    name="invalid-default-arg-in-from",
    summary="With the global ARG defaults, the FROM image is empty or not a valid reference",
    severity=Severity.WARNING,
    aliases=("buildkit:InvalidDefaultArgInFrom",),
    tags=("dockerfile", "buildkit", "correctness"),
)

# The distribution reference library refuses a bare image ID as a name.
_IMAGE_ID = re.compile(r"[a-f0-9]{64}")
_DIGEST_LENGTHS = {"sha256": 64, "sha384": 96, "sha512": 128}


def is_valid_reference(text: str) -> bool:
    """What ``reference.ParseNormalizedNamed`` accepts."""
    ref = parse_image_ref(text)
    if ref is None or _IMAGE_ID.fullmatch(text):
        return False
    if ref.digest is not None:
        algorithm, _, hex_digits = ref.digest.partition(":")
        return _DIGEST_LENGTHS.get(algorithm) == len(hex_digits)
    return True


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    env = default_global_env(dockerfile)
    if env is None:
        return  # a global ARG default that cannot be expanded fails the build anyway
    for stage in dockerfile.stages:
        instruction = stage.from_instruction
        if instruction is None or not instruction.tokens or "$" not in instruction.tokens[0].raw:
            continue
        image = instruction.tokens[0]
        expanded = expand(image.raw, env, dockerfile.escape)
        if expanded.text is None:
            return  # BuildKit stops checking at the first FROM it cannot expand
        if is_valid_reference(expanded.text):
            continue
        result = f"'{expanded.text}'" if expanded.text else "empty"
        yield Problem(
            image.span,
            f"with the ARG defaults, '{image.raw}' is {result}, not a valid image reference",
            hint="give the ARG a default that makes a valid reference, or use ${NAME:-default} in FROM",
        )
