"""CL3504 legacy-key-value-format: ``ENV key value`` / ``LABEL key value`` (BuildKit's
LegacyKeyValueFormat).

The whitespace form sets one variable to the whole rest of the line, quotes and all, which
reads like several words and surprises whoever adds a second pair. BuildKit checks ENV and LABEL
(``ARG a b`` declares two ARGs, it is not this form).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3504",
    name="legacy-key-value-format",
    summary="ENV or LABEL uses the legacy whitespace-separated 'key value' form",
    severity=Severity.WARNING,
    aliases=("buildkit:LegacyKeyValueFormat",),
    tags=("dockerfile", "style", "buildkit", "deprecated"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("ENV", "LABEL"):
        for pair in instruction.key_values:
            if pair.legacy:
                keyword = instruction.keyword
                yield Problem(
                    pair.key_span,
                    f"'{keyword} {pair.key} <value>' uses the legacy form: use \"{keyword} key=value\"",
                    hint=f'write {keyword} {pair.key}="<value>" (the legacy value is the rest of the line)',
                )
