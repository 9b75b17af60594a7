"""CL3104 apt-get-installs-recommends: ``apt-get install`` that pulls in recommended packages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import APT_GET, APT_TRUE, apt_config_value, invocations
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.shell import Command

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3104",
    name="apt-get-installs-recommends",
    summary="apt-get install without --no-install-recommends installs recommended packages too",
    severity=Severity.INFO,
    aliases=("hadolint:DL3015",),
    tags=("dockerfile", "packages", "size"),
)


def skips_recommends(command: Command) -> bool:
    if command.has_flag("--no-install-recommends"):
        return True
    # The same switch as a configuration option: -o APT::Install-Recommends=false.
    value = apt_config_value(command, "APT::Install-Recommends")
    return value is not None and value.lower() not in APT_TRUE


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for invocation in invocations(dockerfile, APT_GET, ("install",)):
        if not skips_recommends(invocation.command):
            yield Problem(
                invocation.head_span,
                "'apt-get install' also installs every recommended package, which the image rarely needs",
                hint="add --no-install-recommends and list what is really needed",
            )
