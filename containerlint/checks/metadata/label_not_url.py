"""CL3305 label-not-url: a label typed ``url`` in the label schema does not hold an absolute RFC 3986 URL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.metadata._formats import is_url
from containerlint.checks.metadata._support import SCHEMA_OPTION, check_label_format
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3305",
    name="label-not-url",
    summary="A label typed 'url' in the label schema does not hold an absolute URL",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3052",),
    tags=("dockerfile", "labels", "metadata"),
    options={SCHEMA_OPTION: {}},
)

EXPECTED = "an absolute URL (RFC 3986)"
HINT = "write the full URL with its scheme, like 'https://example.com/project'"


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    yield from check_label_format(dockerfile, ctx, "url", is_url, EXPECTED, HINT)
