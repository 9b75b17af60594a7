"""CL3303 superfluous-label: with strict labels on, a LABEL sets a label the schema does not name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.metadata._support import SCHEMA_OPTION, label_pairs, label_schema
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

STRICT_OPTION = "strict-labels"

RULE = Rule(
    code="CL3303",
    name="superfluous-label",
    summary="With strict labels, a LABEL sets a label that the label schema does not name",
    severity=Severity.INFO,
    aliases=("hadolint:DL3050",),
    tags=("dockerfile", "labels", "metadata"),
    options={SCHEMA_OPTION: {}, STRICT_OPTION: False},
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    if not ctx.options.get(STRICT_OPTION):
        return
    schema = label_schema(ctx)
    for pair in label_pairs(dockerfile):
        if pair.key not in schema:
            yield Problem(
                pair.key_span,
                f"label '{pair.key}' is not in the label schema, and strict labels allow no others",
                hint=f"remove the label, or add '{pair.key}' to the label-schema option",
            )
