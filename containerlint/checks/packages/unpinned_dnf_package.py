"""CL3117 unpinned-dnf-package: dnf or microdnf install of a package without ``-<version>``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import DNF, rpm_unpinned_problems
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3117",
    name="unpinned-dnf-package",
    summary="dnf or microdnf install of a package without a pinned version",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3041",),
    tags=("dockerfile", "packages", "reproducibility"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    yield from rpm_unpinned_problems(dockerfile, DNF, "dnf")
