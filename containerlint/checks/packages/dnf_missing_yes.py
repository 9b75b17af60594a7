"""CL3115 dnf-missing-yes: ``dnf install`` that may stop at a confirmation prompt."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import DNF, DNF_INSTALLS, rpm_missing_yes
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3115",
    name="dnf-missing-yes",
    summary="dnf or microdnf install without -y, so it can stop at a confirmation prompt",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3038",),
    tags=("dockerfile", "packages", "reliability"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    yield from rpm_missing_yes(dockerfile, DNF, DNF_INSTALLS)
