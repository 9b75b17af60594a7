"""CL5002 sensitive-arg-or-env: an ARG or ENV whose name says it carries a secret.

Judged by the name alone, as hadolint does: whatever value reaches an ARG or ENV, from the file
or from ``--build-arg``, is kept in the image (``docker history``, ``docker inspect``). Names match
case-insensitively when they contain one of a few telling words (``password``, ``secret``,
``token``, ``private``, ``username``, ``api_key``, ``client_key``) or are one of a few well-known
credential variables that the words miss (``AWS_ACCESS_KEY_ID``, ``DOCKER_EMAIL``, ...). Values
are never shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL5002",
    name="sensitive-arg-or-env",
    summary="An ARG or ENV is named like a secret; its value is stored in the image",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3064",),
    tags=("dockerfile", "security", "secrets"),
)

SENSITIVE_WORDS = ("password", "secret", "token", "private", "username", "api_key", "client_key")
# Well-known credential variables (CI services, cloud and SaaS CLIs) that SENSITIVE_WORDS misses;
# hadolint lists them, so they are flagged for parity with it.
KNOWN_SENSITIVE_NAMES = frozenset(
    {
        "APPLICATION_KEY",
        "AWS_ACCESS_KEY_ID",
        "CI_DEPLOY_USER",
        "DOCKER_EMAIL",
        "FACEBOOK_APP_ID",
        "HEROKU_API_USER",
        "OKTA_AUTHN_GROUPID",
        "OKTA_CLIENT_ORGURL",
        "OKTA_OAUTH2_CLIENTID",
        "STRIPE_DEVICE_NAME",
        "TRAVIS_OS_NAME",
        "TRAVIS_SECURE_ENV_VARS",
        "TRAVIS_SUDO",
    }
)
HINT = (
    "pass secrets at build time with 'RUN --mount=type=secret,id=...' and at run time through the "
    "environment or a secrets store, not through ARG or ENV"
)


def is_sensitive_name(name: str) -> bool:
    lowered = name.lower()
    return name.upper() in KNOWN_SENSITIVE_NAMES or any(word in lowered for word in SENSITIVE_WORDS)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("ARG", "ENV", onbuild=True):
        for pair in instruction.key_values:
            if is_sensitive_name(pair.key):
                yield Problem(
                    pair.key_span,
                    f"{instruction.keyword} {pair.key} looks like it carries a secret, "
                    "and ARG and ENV values are stored in the image",
                    hint=HINT,
                )
