"""CL5020 credential-in-arg-or-env: an ARG default or ENV value is a credential written into the file.

Two signals (``containerlint.secrets``): the value has the shape of a known credential (cloud
keys, GitHub/GitLab/Slack/npm tokens, private key blocks, URLs with a password), whatever the
name; or the name says it holds a secret (``DB_PASSWORD``, ``apiKey``) and the value looks random
enough to be a real one: at least ``min-length`` characters and ``min-entropy`` bits of Shannon
entropy per character, so that stand-ins such as ``changeme`` or ``postgres`` are left to CL5002.
Values are never shown: messages keep at most their first three characters.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint import secrets
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL5020",
    name="credential-in-arg-or-env",
    summary="An ARG default or ENV value is a credential committed in the Dockerfile",
    severity=Severity.ERROR,
    tags=("dockerfile", "security", "secrets"),
    options={"min-length": 12, "min-entropy": 3.3},
)

HINT = (
    "remove the value and rotate the credential; pass it to the build with 'RUN --mount=type=secret' "
    "and to the container through its environment or a secrets store"
)


def entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values()) if value else 0.0


def looks_random(value: str, min_length: int, min_entropy: float) -> bool:
    stripped = value.strip()
    return len(stripped) >= min_length and entropy(stripped) >= min_entropy


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    min_length = int(ctx.options.get("min-length", 12))
    min_entropy = float(ctx.options.get("min-entropy", 3.3))
    for instruction in dockerfile.iter_instructions("ARG", "ENV", onbuild=True):
        for pair in instruction.key_values:
            if not pair.value:
                continue
            verdict = secrets.judge(pair.key, pair.value)
            if verdict is None:
                continue
            if verdict.reason == "name":
                if not looks_random(pair.value, min_length, min_entropy):
                    continue
                what = "what looks like a real secret"
            else:
                what = f"{_article(verdict.reason)} {verdict.reason}"
            yield Problem(
                pair.value_span or pair.key_span,
                f"{instruction.keyword} {pair.key} holds {what} ('{secrets.mask(pair.value)}'), committed in "
                "the Dockerfile and kept in the image's configuration and history",
                hint=HINT,
            )


def _article(noun: str) -> str:
    """an AWS access key id, an npm token, a URL with a password, a GitHub token."""
    return "an" if noun.lower().startswith(("a", "e", "i", "o", "npm")) else "a"
