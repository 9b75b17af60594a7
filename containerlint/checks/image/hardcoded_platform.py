"""CL1003 hardcoded-platform: ``FROM --platform`` fixes the platform instead of following the build.

A fixed ``--platform=linux/amd64`` makes the stage ignore ``docker build --platform``: the file can
no longer build a multi-platform image, and on another architecture it silently builds for the
wrong one (or under emulation). Values built from BuildKit's automatic platform variables
(``$BUILDPLATFORM`` for build tools that run on the builder, ``$TARGETPLATFORM``, ``$TARGETOS``,
``$TARGETARCH``, ...) follow the build and are fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.dockerfile import PLATFORM_ARGS

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL1003",
    name="hardcoded-platform",
    summary="FROM --platform sets a platform that does not follow the build's platform",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3029",),
    tags=("dockerfile", "portability"),
)

_VARIABLE_RE = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")
AUTOMATIC_PLATFORM_ARGS = PLATFORM_ARGS - {"TARGETSTAGE"}


def follows_build(platform: str) -> bool:
    """True when the value uses one of BuildKit's automatic platform variables."""
    return any(name in AUTOMATIC_PLATFORM_ARGS for name in _VARIABLE_RE.findall(platform))


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        flag = stage.from_instruction.flag("platform") if stage.from_instruction else None
        if flag is None or not flag.value or follows_build(flag.value):
            continue
        yield Problem(
            flag.span,
            f"FROM --platform={flag.value} pins this stage to one platform, whatever platform is being built",
            hint="drop --platform and pass it to 'docker build', or use $BUILDPLATFORM for a stage of build tools",
        )
