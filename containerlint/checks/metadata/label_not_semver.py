"""CL3309 label-not-semver: a label typed ``semver`` in the label schema is not a semantic version.

Semantic versioning 2.0.0 (semver.org): MAJOR.MINOR.PATCH, no leading zeros, no "v" prefix.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.metadata._formats import is_semver
from containerlint.checks.metadata._support import SCHEMA_OPTION, check_label_format
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3309",
    name="label-not-semver",
    summary="A label typed 'semver' in the label schema does not hold a semantic version",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3056",),
    tags=("dockerfile", "labels", "metadata"),
    options={SCHEMA_OPTION: {}},
)

EXPECTED = "a semantic version (MAJOR.MINOR.PATCH)"
HINT = "use MAJOR.MINOR.PATCH with optional -prerelease and +build, like '1.4.2' or '2.0.0-rc.1'"


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    yield from check_label_format(dockerfile, ctx, "semver", is_semver, EXPECTED, HINT)
