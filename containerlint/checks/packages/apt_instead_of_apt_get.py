"""CL3107 apt-instead-of-apt-get: ``apt`` (the interactive front end) in a build script."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.shell_commands import run_commands
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3107",
    name="apt-instead-of-apt-get",
    summary="apt is meant for interactive use; scripts should use apt-get or apt-cache",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3027", "checkov:CKV_DOCKER_9"),
    tags=("dockerfile", "packages", "reliability"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for run in run_commands(dockerfile, "apt"):  # the commands whose is_named("apt") is true
        name = run.command.name
        if name is not None:
            yield Problem(
                run.span_of(name),
                "'apt' is an interactive front end whose output and behaviour may change between "
                "versions; it warns that it has no stable command-line interface",
                hint="use apt-get (install, update, ...) or apt-cache (search, policy, ...)",
            )
