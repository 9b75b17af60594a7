"""CL3109 yum-cache-not-cleaned: packages installed with yum while the cache stays in the layer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import YUM, YUM_INSTALLS, rpm_cache_not_cleaned
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3109",
    name="yum-cache-not-cleaned",
    summary="yum install without 'yum clean all' afterwards in the same RUN",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3032",),
    tags=("dockerfile", "packages", "size"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    yield from rpm_cache_not_cleaned(dockerfile, YUM, YUM_INSTALLS)
