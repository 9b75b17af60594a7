"""What the hygiene rules share: whole-context copies, the build context on disk and .dockerignore.

The build context is taken to be the Dockerfile's folder (``docker build .`` next to it, Compose's
default ``context: .``): a lint of one file cannot know the ``docker build -f`` command line.
Rules that read the disk only do so when the Dockerfile itself is a file there, so linting text
from an editor buffer or a test never looks at an unrelated folder.

``.dockerignore`` is read and matched as Docker documents it (and moby's patternmatcher does):
``#`` comment lines, surrounding blanks and empty lines skipped; patterns cleaned like paths (a
leading ``/`` dropped); ``*`` any run of characters except ``/``, ``?`` one such character,
``[...]`` a class, ``\\`` an escape, ``**`` any number of folders (none included); a pattern that
matches a folder excludes everything in it; ``!pattern`` re-includes; the last pattern that
matches decides. ``<Dockerfile name>.dockerignore`` next to the Dockerfile wins over ``.dockerignore``,
as in BuildKit.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from containerlint.dockerignore import IgnorePattern, excluded_by, go_clean, parse_ignore_lines

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction, Token

WHOLE_CONTEXT = frozenset({".", "./", "/", "*", "./*"})


def whole_context_copies(dockerfile: Dockerfile) -> Iterator[tuple[Instruction, Token]]:
    """``COPY . <dest>`` and ``ADD . <dest>`` (sources ``.``, ``./``, ``/``, ``*``) from the build
    context, i.e. without ``--from``; ONBUILD triggers are left out (they copy another build's
    context)."""
    for instruction in dockerfile.iter_instructions("COPY", "ADD"):
        if instruction.flag("from") is not None:
            continue
        for token in instruction.words[:-1]:
            if token.value in WHOLE_CONTEXT:
                yield instruction, token
                break


def dockerfile_on_disk(path: str | None) -> Path | None:
    """The Dockerfile's path when it is a file on disk (else the context cannot be known)."""
    if not path or path == "-":
        return None
    candidate = Path(path)
    return candidate if candidate.is_file() else None


def context_copy_on_disk(dockerfile: Dockerfile, path: str | None) -> tuple[Path, Instruction, Token] | None:
    """The Dockerfile's path on disk and its first whole-context ``COPY``/``ADD`` (instruction and
    source token): what the rules about the build context on disk look at; None when the
    Dockerfile is not a file or copies no whole context."""
    on_disk = dockerfile_on_disk(path)
    if on_disk is None:
        return None
    copy = next(whole_context_copies(dockerfile), None)
    return None if copy is None else (on_disk, *copy)


def dockerignore_path(dockerfile: Path) -> Path | None:
    """``<name>.dockerignore`` next to the Dockerfile, else ``.dockerignore`` in its folder."""
    for candidate in (dockerfile.with_name(dockerfile.name + ".dockerignore"), dockerfile.parent / ".dockerignore"):
        if candidate.is_file():
            return candidate
    return None


# .dockerignore --------------------------------------------------------------------------------


@dataclass
class DockerIgnore:
    """A build context's .dockerignore, matched the way BuildKit matches it (containerlint.dockerignore)."""

    patterns: list[IgnorePattern] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str) -> DockerIgnore:
        return cls(parse_ignore_lines(text.splitlines()) or [])

    @property
    def has_exclusions(self) -> bool:
        return any(pattern.exception for pattern in self.patterns)

    def excludes(self, path: str) -> bool:
        """Is ``path`` (relative to the context, ``/``-separated) left out of the context?"""
        return excluded_by(self.patterns, go_clean(path)) is not None


def load_dockerignore(dockerfile: Path) -> DockerIgnore | None:
    path = dockerignore_path(dockerfile)
    if path is None:
        return None
    try:
        return DockerIgnore.parse(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


# Walking the context -------------------------------------------------------------------------

# Dependency and tool folders: whatever test keys third-party packages ship are not the
# project's secrets (and an un-ignored node_modules is a problem of its own).
SKIPPED_FOLDERS = frozenset(
    {"node_modules", "bower_components", ".venv", "venv", "__pycache__", ".tox", ".nox", ".mypy_cache"}
    | {".pytest_cache", ".ruff_cache", "site-packages", "vendor", ".terraform", ".gradle", ".m2"}
)
MAX_ENTRIES = 50_000


def walk_context(root: Path, ignore: DockerIgnore | None) -> Iterator[tuple[str, bool]]:
    """(relative path, is_folder) of the entries ``COPY .`` would send, without descending into
    excluded folders (when no ``!`` pattern could re-include something inside them), into
    dependency folders or into ``.git``; at most ``MAX_ENTRIES`` entries are looked at."""
    prune_excluded = ignore is not None and not ignore.has_exclusions
    seen = 0
    for folder, folders, files in os.walk(root):
        relative = Path(folder).relative_to(root).as_posix()
        prefix = "" if relative == "." else relative + "/"
        kept = []
        for name in sorted(folders):
            path = prefix + name
            seen += 1
            if name in SKIPPED_FOLDERS or (prune_excluded and ignore is not None and ignore.excludes(path)):
                continue
            if name == ".git":
                yield path, True
                continue
            kept.append(name)
        folders[:] = kept
        for name in sorted(files):
            seen += 1
            yield prefix + name, False
        if seen > MAX_ENTRIES:
            return
