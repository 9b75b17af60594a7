"""CL2022 sudo-installed: a package manager installs sudo (or doas) into the image.

A container does not need sudo: the Dockerfile switches users with ``USER``, and an entrypoint
that must drop privileges uses ``gosu``/``su-exec``/``setpriv``. Installed, sudo is a setuid root
binary plus a sudoers policy that turns any compromise of the unprivileged user into root.
Checked: ``apt-get``/``apt``/``aptitude install``, ``apk add``, ``yum``/``dnf``/``microdnf install``
and ``zypper install`` of ``sudo``, ``sudo-ldap``, ``sudo-rs``, ``doas`` or ``opendoas``, with or
without a version. Using sudo in RUN is CL2002's business.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import (
    APK,
    APT_FAMILY,
    DNF,
    DNF_INSTALLS,
    YUM,
    YUM_INSTALLS,
    ZYPPER,
    ZYPPER_INSTALLS,
    Invocation,
    invocations,
)
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL2022",
    name="sudo-installed",
    summary="A package manager installs sudo or doas into the image",
    severity=Severity.WARNING,
    tags=("dockerfile", "security"),
)

PACKAGES = frozenset({"sudo", "sudo-ldap", "sudo-rs", "doas", "opendoas"})
# apt/apk spell a version with =, ~ or comparisons; rpm-based managers append -<version>.
_APT_APK_NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9.+_-]*?)(?:[=<>~].*)?$")
_RPM_NAME = re.compile(r"^(.+?)(?:-[0-9][^/]*)?$")


def package_name(spec: str, rpm: bool) -> str:
    match = (_RPM_NAME if rpm else _APT_APK_NAME).match(spec)
    name = match.group(1) if match else spec
    return name.split(":", 1)[0] if not rpm else name  # apt architecture qualifier: sudo:amd64


def _installs(dockerfile: Dockerfile) -> Iterator[tuple[Invocation, bool]]:
    yield from ((invocation, False) for invocation in invocations(dockerfile, APT_FAMILY, ("install",)))
    yield from ((invocation, False) for invocation in invocations(dockerfile, APK, ("add",)))
    yield from ((invocation, True) for invocation in invocations(dockerfile, YUM, YUM_INSTALLS))
    yield from ((invocation, True) for invocation in invocations(dockerfile, DNF, DNF_INSTALLS))
    yield from ((invocation, True) for invocation in invocations(dockerfile, ZYPPER, ZYPPER_INSTALLS))


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    if "sudo" not in dockerfile.text and "doas" not in dockerfile.text:
        return  # most files never mention either: skip parsing every package manager call
    found: list[Problem] = []
    for invocation, rpm in _installs(dockerfile):
        for word in invocation.operands:
            name = package_name(word.value, rpm)
            if name not in PACKAGES:
                continue
            found.append(
                Problem(
                    invocation.span_of(word),
                    f"'{invocation.program} {invocation.operation}' installs '{name}': a setuid root binary "
                    "that lets the image's unprivileged user become root",
                    hint="switch users with USER in the Dockerfile, and drop privileges at run time with "
                    "gosu, su-exec or setpriv",
                )
            )
    yield from sorted(found, key=lambda problem: problem.span.start)
