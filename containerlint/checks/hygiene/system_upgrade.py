"""CL3701 system-upgrade: a RUN upgrades every installed package of the base image (opt-in).

``apt-get upgrade``/``dist-upgrade``/``full-upgrade`` (and ``apt``/``aptitude``), ``apk upgrade``,
``yum``/``dnf``/``microdnf`` ``upgrade``/``update``/``distro-sync`` and ``zypper
update``/``patch`` without package names, ``pacman -Syu``. Upgrading a named package
(``apk upgrade openssl``, ``yum update curl``) is a targeted fix and is not reported; ``zypper
dist-upgrade`` is CL3112's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import APK, APT_FAMILY, DNF, YUM, ZYPPER, Invocation, invocations
from containerlint.checks.shell_commands import run_commands
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3701",
    name="system-upgrade",
    summary="A RUN upgrades all packages of the base image instead of using a newer base image",
    severity=Severity.INFO,
    tags=("dockerfile", "hygiene", "reproducibility"),
    default_enabled=False,
)

HINT = "rebuild from a newer (or regularly rebuilt) base image, or upgrade only the packages you need"
_RPM_UPGRADES = ("upgrade", "update", "up", "distro-sync", "dsync", "upgrade-minimal", "up-min")


def _whole_system(dockerfile: Dockerfile) -> Iterator[Invocation]:
    yield from invocations(dockerfile, APT_FAMILY, ("upgrade", "dist-upgrade", "full-upgrade", "safe-upgrade"))
    for invocation in invocations(dockerfile, APK, ("upgrade",)):
        if not invocation.operands:
            yield invocation
    for manager in (YUM, DNF):
        for invocation in invocations(dockerfile, manager, _RPM_UPGRADES):
            if not invocation.operands:
                yield invocation
    for invocation in invocations(dockerfile, ZYPPER, ("update", "up", "patch")):
        if not invocation.operands:
            yield invocation


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    found: list[Problem] = []
    for invocation in _whole_system(dockerfile):
        operation = invocation.operation_words[-1]
        found.append(
            Problem(
                invocation.span_of(operation),
                f"'{invocation.program} {invocation.operation}' upgrades every package of the base image to "
                "whatever the mirrors hold on the day of the build",
                hint=HINT,
            )
        )
    for run in run_commands(dockerfile, "pacman"):
        word = next((w for w in run.command.args if _pacman_upgrade(w.value)), None)
        if word is not None:
            found.append(
                Problem(
                    run.span_of(word),
                    f"'pacman {word.value}' upgrades every package of the base image to whatever the mirrors "
                    "hold on the day of the build",
                    hint=HINT,
                )
            )
    yield from sorted(found, key=lambda problem: problem.span.start)


def _pacman_upgrade(value: str) -> bool:
    """``-Syu``, ``-Su``, ``--sysupgrade``."""
    if value == "--sysupgrade":
        return True
    return value.startswith("-S") and not value.startswith("--") and "u" in value[2:]
