"""CL3103 apt-get-missing-yes: ``apt-get install`` that may stop at a confirmation prompt."""

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
    code="CL3103",
    name="apt-get-missing-yes",
    summary="apt-get install without -y, so it can stop at a confirmation prompt",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3014",),
    tags=("dockerfile", "packages", "reliability"),
)


def quiet_level(command: Command) -> int:
    """apt-get's -q count: `-qq`, `-q -q`, `--quiet --quiet` and `-q=2` are all level 2."""
    level = 0
    for word in command.args:
        value = word.value
        if value == "--":
            break
        name, _, number = value.partition("=")
        if name in ("-q", "--quiet") and number.isdigit():
            level += int(number)
        elif value == "--quiet":
            level += 1
        elif len(value) > 1 and value[0] == "-" and value[1] != "-" and value[1:].isalnum():
            level += value.count("q")
    return level


def assumes_yes(command: Command) -> bool:
    # Quiet level 2 implies --assume-yes (apt-get(8)).
    if command.has_flag("-y", "--yes", "--assume-yes") or quiet_level(command) >= 2:
        return True
    value = apt_config_value(command, "APT::Get::Assume-Yes")
    return value is not None and value.lower() in APT_TRUE


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for invocation in invocations(dockerfile, APT_GET, ("install",)):
        if not assumes_yes(invocation.command):
            yield Problem(
                invocation.head_span,
                "'apt-get install' without -y waits for a confirmation no one can give during a build",
                hint="add -y: apt-get install -y <package>",
            )
