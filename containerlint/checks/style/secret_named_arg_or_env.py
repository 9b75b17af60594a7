"""CL3511 secret-named-arg-or-env: an ARG or ENV named like a secret, by BuildKit's word list
(its SecretsUsedInArgOrEnv check).

BuildKit looks for whole words of the name (separated by ``_``), not for substrings: ``key``,
``auth``, ``token``, ``password``... count, unless the name also has ``public``, ``file`` or
``version`` as a word (``PUBLIC_KEY``, ``PASSWORD_FILE``). CL5002 (hadolint's DL3064) judges
names by substrings with another list, so this rule is off by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3511",
    name="secret-named-arg-or-env",
    summary="An ARG or ENV name has a word that marks a secret; its value is stored in the image",
    severity=Severity.WARNING,
    aliases=("buildkit:SecretsUsedInArgOrEnv",),
    tags=("dockerfile", "buildkit", "security", "secrets"),
    default_enabled=False,
)

_WORDS = ("apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token")
SECRET_WORD = re.compile(r"(?:_|^)(?:" + "|".join(_WORDS) + r")(?:_|$)", re.I)
ALLOWED_WORD = re.compile(r"(?:_|^)(?:public|file|version)(?:_|$)", re.I)


def is_secret_name(name: str) -> bool:
    return SECRET_WORD.search(name) is not None and ALLOWED_WORD.search(name) is None


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    # Stage instructions only, as in BuildKit: ARGs before the first FROM and ONBUILD triggers
    # are not checked there.
    for stage in dockerfile.stages:
        for instruction in stage.instructions:
            if instruction.keyword not in ("ARG", "ENV"):
                continue
            for pair in instruction.key_values:
                if is_secret_name(pair.key):
                    yield Problem(
                        pair.key_span,
                        f"{instruction.keyword} {pair.key} is named like a secret, "
                        "and ARG and ENV values are stored in the image",
                        hint="pass secrets with 'RUN --mount=type=secret,id=...' instead of ARG or ENV",
                    )
