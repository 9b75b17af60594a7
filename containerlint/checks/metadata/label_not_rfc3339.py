"""CL3306 label-not-rfc3339: a label typed ``rfc3339`` in the label schema does not hold an RFC 3339 date-time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.metadata._formats import is_rfc3339
from containerlint.checks.metadata._support import SCHEMA_OPTION, check_label_format
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3306",
    name="label-not-rfc3339",
    summary="A label typed 'rfc3339' in the label schema does not hold an RFC 3339 date-time",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3053",),
    tags=("dockerfile", "labels", "metadata"),
    options={SCHEMA_OPTION: {}},
)

EXPECTED = "an RFC 3339 date-time"
HINT = "use a full timestamp with a time zone, like '2024-05-01T12:00:00Z' (date -u +%Y-%m-%dT%H:%M:%SZ)"


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    yield from check_label_format(dockerfile, ctx, "rfc3339", is_rfc3339, EXPECTED, HINT)
