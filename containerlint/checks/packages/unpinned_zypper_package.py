"""CL3114 unpinned-zypper-package: ``zypper install`` of a package without a version."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import ZYPPER, ZYPPER_INSTALLS, invocations
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3114",
    name="unpinned-zypper-package",
    summary="zypper install of a package without a pinned version",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3037",),
    tags=("dockerfile", "packages", "reproducibility"),
)


def is_pinned(spec: str) -> bool:
    # `pkg=1.2`, `pkg>=1.2`, `pkg<2` (quoted or escaped in the shell); a .rpm file is versioned.
    return any(operator in spec for operator in "=<>") or spec.endswith(".rpm")


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for invocation in invocations(dockerfile, ZYPPER, ZYPPER_INSTALLS):
        kind = invocation.command.option_value("-t", "--type")
        if kind is not None and kind.value != "package":
            continue  # patterns, patches and products have no version to pin
        for word in invocation.operands:
            if not is_pinned(word.value):
                yield Problem(
                    invocation.span_of(word),
                    f"'{word.value}' is not pinned: zypper install {word.value}=<version>",
                    hint="pin the version (see `zypper search --details <package>`); quote `>=`/`<` constraints",
                )
