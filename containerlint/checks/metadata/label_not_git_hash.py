"""CL3308 label-not-git-hash: a label typed ``hash`` in the label schema does not hold a git commit hash.

As hadolint accepts: a short (7) or full (40) SHA-1 in lower-case hex.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.metadata._formats import is_git_hash
from containerlint.checks.metadata._support import SCHEMA_OPTION, check_label_format
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3308",
    name="label-not-git-hash",
    summary="A label typed 'hash' in the label schema does not hold a git commit hash",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3055",),
    tags=("dockerfile", "labels", "metadata"),
    options={SCHEMA_OPTION: {}},
)

EXPECTED = "a git commit hash (7 or 40 lower-case hex digits)"
HINT = "use the output of 'git rev-parse HEAD' or 'git rev-parse --short=7 HEAD'"


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    yield from check_label_format(dockerfile, ctx, "hash", is_git_hash, EXPECTED, HINT)
