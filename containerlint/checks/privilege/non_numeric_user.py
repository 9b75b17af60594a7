"""CL2003 non-numeric-user: USER names the user instead of giving a numeric UID.

Platforms that enforce "run as non-root" (Kubernetes ``runAsNonRoot``, OpenShift) check the
numeric UID in the image config; they cannot resolve a user name, so ``USER app`` fails that
check even when ``app`` is unprivileged. A numeric UID also means the same thing on the host and
in volumes. A UID taken from a declared ``ARG`` (``USER ${APP_UID}``) is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._users import user_part, user_word
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL2003",
    name="non-numeric-user",
    summary="USER names a user instead of a numeric UID, which the platform may not resolve",
    severity=Severity.INFO,
    aliases=("hadolint:DL3066",),
    tags=("dockerfile", "security", "portability"),
)

_VARIABLE_RE = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    declared: set[str] = set()  # every ARG so far, global or in any stage, as hadolint counts them
    for instruction in dockerfile.instructions:
        if instruction.keyword == "ARG":
            declared.update(pair.key for pair in instruction.key_values)
            continue
        word = user_word(instruction) if instruction.keyword == "USER" else None
        if word is None:
            continue
        user = user_part(word.value)
        if user.isdigit() or not user or declared.intersection(_VARIABLE_RE.findall(word.value)):
            continue
        yield Problem(
            word.span,
            f"USER {word.value} names the user '{user}'; a platform checking for non-root needs a numeric UID",
            hint=f"use the numeric UID (and GID) of '{user}', e.g. 'USER 10001:10001'",
        )
