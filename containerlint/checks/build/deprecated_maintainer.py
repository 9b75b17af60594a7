"""CL3019 deprecated-maintainer: the MAINTAINER instruction (hadolint DL4000)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3019",
    name="deprecated-maintainer",
    summary="MAINTAINER is deprecated; set the org.opencontainers.image.authors label instead",
    severity=Severity.ERROR,
    aliases=("hadolint:DL4000", "checkov:CKV_DOCKER_6", "buildkit:MaintainerDeprecated"),
    tags=("dockerfile", "metadata", "buildkit"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    # ONBUILD MAINTAINER is invalid-onbuild-trigger's business.
    for instruction in dockerfile.iter_instructions("MAINTAINER"):
        author = instruction.args.strip().strip("\"'").replace('"', '\\"')
        yield Problem(
            instruction.keyword_span,
            "MAINTAINER is deprecated: its value ends up in the image's Author field only",
            hint=f'LABEL org.opencontainers.image.authors="{author}"',
        )
