"""CL3110 unpinned-yum-package: yum install of a package without ``-<version>``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import YUM, rpm_unpinned
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3110",
    name="unpinned-yum-package",
    summary="yum install of a package without a pinned version",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3033",),
    tags=("dockerfile", "packages", "reproducibility"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for invocation, word, is_module in rpm_unpinned(dockerfile, YUM):
        spec, program = word.value, invocation.program
        if is_module:
            message = f"module '{spec}' has no stream: {program} module install {spec}:<stream>"
            hint = f"name the stream (see `yum module list {spec}`)"
        else:
            message = f"'{spec}' is not pinned: {program} install {spec}-<version>"
            hint = f"pin the version (see `yum list --showduplicates {spec}`)"
        yield Problem(invocation.span_of(word), message, hint=hint)
