"""CL3307 label-not-spdx: a label typed ``spdx`` in the label schema does not hold an SPDX license expression."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.metadata._formats import is_spdx
from containerlint.checks.metadata._support import SCHEMA_OPTION, check_label_format
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3307",
    name="label-not-spdx",
    summary="A label typed 'spdx' in the label schema does not hold an SPDX license expression",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3054",),
    tags=("dockerfile", "labels", "metadata"),
    options={SCHEMA_OPTION: {}},
)

EXPECTED = "an SPDX license expression"
HINT = "use SPDX license identifiers, like 'Apache-2.0' or 'MIT OR Apache-2.0' (see https://spdx.org/licenses/)"


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    yield from check_label_format(dockerfile, ctx, "spdx", is_spdx, EXPECTED, HINT)
