"""CL3011 invalid-onbuild-trigger: ONBUILD of ONBUILD, FROM or MAINTAINER (hadolint DL3043)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3011",
    name="invalid-onbuild-trigger",
    summary="ONBUILD triggers ONBUILD, FROM or MAINTAINER, which builders reject",
    severity=Severity.ERROR,
    aliases=("hadolint:DL3043",),
    tags=("dockerfile", "correctness"),
)

FORBIDDEN_TRIGGERS = ("ONBUILD", "FROM", "MAINTAINER")


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("ONBUILD"):
        trigger = instruction.inner
        if trigger is not None and trigger.keyword in FORBIDDEN_TRIGGERS:
            yield Problem(
                trigger.keyword_span,
                f"ONBUILD {trigger.keyword} is not allowed: a trigger cannot be ONBUILD, FROM or MAINTAINER",
                hint="remove it, or write the instruction without ONBUILD",
            )
