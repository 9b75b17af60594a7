"""CL3106 apk-missing-no-cache: ``apk add`` that leaves its package index in the image."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import APK, cache_mounted, invocations
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3106",
    name="apk-missing-no-cache",
    summary="apk add without --no-cache keeps the package index in the image",
    severity=Severity.INFO,
    aliases=("hadolint:DL3019",),
    tags=("dockerfile", "packages", "size"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for invocation in invocations(dockerfile, APK, ("add",)):
        if invocation.command.has_flag("--no-cache"):
            continue
        if cache_mounted(invocation.run.instruction, "/var/cache/apk"):
            continue  # the cache lives in the mount, not in the layer
        yield Problem(
            invocation.head_span,
            "'apk add' without --no-cache leaves the package index in /var/cache/apk in this layer",
            hint="use `apk add --no-cache` (it also makes `apk update`/`--update` unnecessary)",
        )
