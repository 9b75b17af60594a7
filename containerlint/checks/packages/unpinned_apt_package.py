"""CL3101 unpinned-apt-package: ``apt-get install`` of a package without ``=<version>``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import APT_GET, invocations
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3101",
    name="unpinned-apt-package",
    summary="apt-get install of a package without a pinned version",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3008",),
    tags=("dockerfile", "packages", "reproducibility"),
)


def is_pinned(spec: str) -> bool:
    # `pkg=1.2` pins a version, `pkg/bookworm-backports` a release; a path is a local .deb file.
    return "=" in spec or "/" in spec or spec.endswith(".deb")


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for invocation in invocations(dockerfile, APT_GET, ("install",)):
        for word in invocation.operands:
            if not is_pinned(word.value):
                yield Problem(
                    invocation.span_of(word),
                    f"'{word.value}' is not pinned: apt-get install {word.value}=<version>",
                    hint="pin the version the distribution ships (see `apt-cache policy <package>`)",
                )
