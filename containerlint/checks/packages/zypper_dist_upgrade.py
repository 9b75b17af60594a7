"""CL3112 zypper-dist-upgrade: ``zypper dist-upgrade`` in an image build."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import ZYPPER, invocations
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3112",
    name="zypper-dist-upgrade",
    summary="zypper dist-upgrade in a build upgrades the whole distribution",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3035",),
    tags=("dockerfile", "packages", "reproducibility"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for invocation in invocations(dockerfile, ZYPPER, ("dist-upgrade", "dup")):
        yield Problem(
            invocation.run.span,
            f"'zypper {invocation.operation}' upgrades the whole distribution to whatever the "
            "repositories hold at build time, possibly to a new release",
            hint="build from a newer base image, or update only what you need with `zypper update <package>`",
        )
