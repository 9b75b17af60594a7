"""CL5001 secret-in-environment: a credential written into a Compose service's ``environment``.

Whatever is in a Compose file is in the repository, in every clone and in ``docker inspect``.
The value itself is never printed: messages show at most its first characters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint import secrets
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile

RULE = Rule(
    code="CL5001",
    name="secret-in-environment",
    summary="A secret is committed as a literal environment value",
    severity=Severity.ERROR,
    tags=("security", "secrets"),
)


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    for service in compose.services:
        for variable in service.environment:
            if variable.value is None:
                continue
            verdict = secrets.judge(variable.name, variable.value)
            if verdict is None:
                continue
            what = "a secret" if verdict.reason == "name" else f"{_article(verdict.reason)} {verdict.reason}"
            yield Problem(
                variable.value_span or variable.name_span,
                f"service '{service.name}' sets {variable.name} to {what} committed in the file "
                f"('{secrets.mask(variable.value)}')",
                hint=f"use a Compose secret, or '{variable.name}: ${{{variable.name}}}' from the environment",
            )


def _article(noun: str) -> str:
    """The article for a credential format: an AWS access key id, an npm token, a URL with a password."""
    return "an" if noun.lower().startswith(("a", "e", "i", "o", "npm")) else "a"
