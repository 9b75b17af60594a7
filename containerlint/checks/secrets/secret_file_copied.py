"""CL5021 secret-file-copied: COPY or ADD puts a credentials file into an image layer.

Judged by the source's name (see ``_support.secret_file_kind``): private keys (``id_rsa``,
``*.pem``, ``*.key``, keystores), ``.env`` files, ``.npmrc``/``.pypirc``/``.netrc``, cloud and
cluster credentials (``.aws/credentials``, Google service-account keys, ``.docker/config.json``,
``.kube/config``) and folders such as ``.ssh``. Deleting the file in a later instruction does not
help: every layer is part of the image. Sources from another stage or image (``--from``) count
too, since the file lands in this stage's layer all the same. URLs and heredocs are not judged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.secrets._support import secret_file_kind
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL5021",
    name="secret-file-copied",
    summary="COPY or ADD puts a private key or credentials file into an image layer",
    severity=Severity.ERROR,
    tags=("dockerfile", "security", "secrets"),
)

HINT = (
    "mount it only for the RUN that needs it: 'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc ...' "
    "(or --mount=type=ssh for SSH keys), and keep it out of the context with .dockerignore"
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("COPY", "ADD", onbuild=True):
        for token in instruction.words[:-1]:  # the last word is the destination
            source = token.value
            if source.startswith("<<") or "://" in source or source.startswith("git@") or "$" in source:
                continue
            kind = secret_file_kind(source)
            if kind is None:
                continue
            yield Problem(
                token.span,
                f"{instruction.keyword} puts '{source}', {kind}, into an image layer, where anyone who "
                "can pull the image can read it",
                hint=HINT,
            )
