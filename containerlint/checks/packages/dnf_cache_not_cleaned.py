"""CL3116 dnf-cache-not-cleaned: dnf or microdnf installs while the cache stays in the layer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import DNF, DNF_DOWNLOADS, rpm_cache_not_cleaned
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3116",
    name="dnf-cache-not-cleaned",
    summary="dnf or microdnf install without 'dnf clean all' afterwards in the same RUN",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3040",),
    tags=("dockerfile", "packages", "size"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    yield from rpm_cache_not_cleaned(dockerfile, DNF, DNF_DOWNLOADS)
