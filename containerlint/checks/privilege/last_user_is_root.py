"""CL2001 last-user-is-root: a stage switches to root with USER and never switches back.

Judged per stage, as hadolint does: the last USER of every stage must not be root, so a build
stage that ends as root is reported too (a stage built on it inherits that user). A stage with
no USER at all is not reported: the base image decides, which a Dockerfile lint cannot see.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._users import is_root, user_word
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL2001",
    name="last-user-is-root",
    summary="The last USER of a stage is root, so its processes run as root",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3002", "checkov:CKV_DOCKER_8"),
    tags=("dockerfile", "security"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        users = [instruction for instruction in stage.instructions if instruction.keyword == "USER"]
        word = user_word(users[-1]) if users else None
        if word is None or not is_root(word.value):
            continue
        where = f"stage '{stage.name}'" if stage.name else "this stage"
        yield Problem(
            word.span,
            f"USER {word.value} is the last USER of {where}, so its processes run as root",
            hint="end the stage with an unprivileged user, e.g. 'USER 10001:10001' after creating it",
        )
