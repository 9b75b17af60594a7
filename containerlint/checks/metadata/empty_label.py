"""CL3304 empty-label: a label of the label schema is set to the empty string."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.metadata._support import SCHEMA_OPTION, label_pairs, label_schema
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3304",
    name="empty-label",
    summary="A label of the label schema is set to an empty value",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3051",),
    tags=("dockerfile", "labels", "metadata"),
    options={SCHEMA_OPTION: {}},
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    schema = label_schema(ctx)
    if not schema:
        return
    for pair in label_pairs(dockerfile):
        if pair.key in schema and not pair.value:
            yield Problem(
                pair.key_span,
                f"label '{pair.key}' is empty",
                hint=f"give '{pair.key}' a value, or remove the LABEL",
            )
