"""CL3310 label-not-email: a label typed ``email`` in the label schema does not hold an RFC 5322 email address."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.metadata._formats import is_email
from containerlint.checks.metadata._support import SCHEMA_OPTION, check_label_format
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3310",
    name="label-not-email",
    summary="A label typed 'email' in the label schema does not hold an email address",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3058",),
    tags=("dockerfile", "labels", "metadata"),
    options={SCHEMA_OPTION: {}},
)

EXPECTED = "an email address (RFC 5322)"
HINT = "write the bare address, like 'team@example.com', without a display name"


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    yield from check_label_format(dockerfile, ctx, "email", is_email, EXPECTED, HINT)
