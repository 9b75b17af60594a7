"""CL3105 unpinned-apk-package: ``apk add`` of a package without a version constraint."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import APK, invocations
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3105",
    name="unpinned-apk-package",
    summary="apk add of a package without a pinned version",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3018",),
    tags=("dockerfile", "packages", "reproducibility"),
)


def is_pinned(spec: str) -> bool:
    # apk constraints: `pkg=1.2-r0`, `pkg~1.2` (fuzzy), `pkg>=1.2`, `pkg<2`; a .apk file is versioned.
    return any(operator in spec for operator in "=~<>") or spec.endswith(".apk")


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for invocation in invocations(dockerfile, APK, ("add",)):
        for word in invocation.operands:
            if not is_pinned(word.value):
                yield Problem(
                    invocation.span_of(word),
                    f"'{word.value}' is not pinned: apk add {word.value}=<version>",
                    hint="pin the version of the Alpine branch you build on (`apk policy <package>`), "
                    "or `~<major.minor>` to follow its patch releases",
                )
