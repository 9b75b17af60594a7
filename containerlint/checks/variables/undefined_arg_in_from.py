"""CL3601 undefined-arg-in-from: FROM uses a variable no global ARG declares (BuildKit's
UndefinedArgInFrom).

FROM (its image and its ``--platform``) sees only the global scope: the ARGs declared before the
first FROM, with or without a default, and the platform ARGs BuildKit predefines
(``BUILDPLATFORM``, ``TARGETARCH``, ...). Any other name expands to an empty string, which is
usually a typo (``$BULIDPLATFORM``) or an ARG declared inside a stage instead of before FROM.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.variables._support import (
    PLATFORM_ARG_DEFAULTS,
    did_you_mean,
    from_words,
    global_arg_instructions,
    references,
)
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3601",
    name="undefined-arg-in-from",
    summary="FROM uses a variable that no global ARG declares",
    severity=Severity.WARNING,
    aliases=("buildkit:UndefinedArgInFrom",),
    tags=("dockerfile", "buildkit", "correctness"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    declared = [pair.key for i in global_arg_instructions(dockerfile) for pair in i.key_values]
    known = list(dict.fromkeys([*declared, *PLATFORM_ARG_DEFAULTS]))
    for instruction in dockerfile.iter_instructions("FROM"):
        reported: set[str] = set()
        for word in from_words(instruction):
            for reference in references(word.raw, dockerfile.escape, base=word.start):
                if reference.name in known or reference.name in reported:
                    continue
                reported.add(reference.name)
                yield Problem(
                    instruction.span_of(reference.start, reference.end),
                    f"FROM argument '{reference.name}' is not declared{did_you_mean(reference.name, known)}",
                    hint=f"declare it before the first FROM (ARG {reference.name}=<default>)",
                )
