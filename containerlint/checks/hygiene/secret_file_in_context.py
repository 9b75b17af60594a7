"""CL3704 secret-file-in-context: ``COPY .`` would copy a credentials file that .dockerignore lets through (opt-in).

Needs the file system: the Dockerfile must be a file on disk, and its folder is taken to be the
build context. The context is walked (dependency folders such as ``node_modules`` and ``vendor``
are skipped, at most 50,000 entries are looked at) and every file whose name says it holds
credentials (the names CL5021 knows: private keys, ``.env`` files, ``.npmrc``, cloud and cluster
credentials) or a ``.git`` folder that ``.dockerignore`` does not exclude is reported, once, at the
source of the first whole-context ``COPY``/``ADD``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.hygiene._support import context_copy_on_disk, load_dockerignore, walk_context
from containerlint.checks.secrets._support import secret_file_kind
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3704",
    name="secret-file-in-context",
    summary="A credentials file in the build context is not excluded by .dockerignore and COPY . copies it",
    severity=Severity.WARNING,
    tags=("dockerfile", "hygiene", "security", "secrets"),
    default_enabled=False,
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    found = context_copy_on_disk(dockerfile, ctx.path)
    if found is None:
        return
    path, instruction, token = found
    ignore = load_dockerignore(path)
    because = ".dockerignore does not exclude it" if ignore is not None else "there is no .dockerignore"
    for relative, is_folder in walk_context(path.parent, ignore):
        kind = secret_file_kind(relative, include_git=True)
        if kind is None or (is_folder and relative.rsplit("/", 1)[-1] != ".git"):
            continue
        probe = relative + "/HEAD" if is_folder else relative  # a .git folder is in if its HEAD is
        if ignore is not None and ignore.excludes(probe):
            continue
        yield Problem(
            token.span,
            f"'{relative}', {kind}, is in the build context and {because}, so "
            f"{instruction.keyword} {token.value} puts it into the image",
            hint=f"add '{relative}' (or a pattern such as '**/{relative.rsplit('/', 1)[-1]}') to .dockerignore",
        )
