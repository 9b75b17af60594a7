"""CL3703 missing-dockerignore: ``COPY .`` sends the whole context and there is no .dockerignore (opt-in).

Needs the file system: the Dockerfile must be a file on disk, and its folder is taken to be the
build context. ``.dockerignore`` there, or ``<Dockerfile name>.dockerignore`` next to the
Dockerfile (BuildKit's per-Dockerfile ignore file), satisfies the rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.hygiene._support import context_copy_on_disk, dockerignore_path
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3703",
    name="missing-dockerignore",
    summary="The whole build context is copied and there is no .dockerignore to leave anything out",
    severity=Severity.INFO,
    tags=("dockerfile", "hygiene", "security", "size"),
    default_enabled=False,
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    found = context_copy_on_disk(dockerfile, ctx.path)
    if found is None or dockerignore_path(found[0]) is not None:
        return
    path, instruction, token = found
    yield Problem(
        token.span,
        f"{instruction.keyword} {token.value} copies the whole build context and there is no .dockerignore "
        f"next to {path.name}: .git, local .env files, dependency and build folders all go into the image",
        hint="add a .dockerignore listing what the image does not need (.git, .env*, node_modules, build output)",
    )
