"""CL7004 copy-ignored-file: COPY or ADD of a file that .dockerignore leaves out of the build
context (BuildKit's CopyIgnoredFile).

The build context is taken to be the Dockerfile's folder, and its ignore file is
``<Dockerfile>.dockerignore`` next to it, else ``.dockerignore`` there. A Dockerfile read from
standard input has no folder: it is checked only when the ``dockerignore`` option gives the lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from containerlint.checks.build._support import copy_operands
from containerlint.dockerignore import (
    IgnorePattern,
    excluded_by,
    go_clean,
    parse_ignore_lines,
    read_ignore_file,
)
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction, Token

RULE = Rule(
    code="CL7004",
    name="copy-ignored-file",
    summary="COPY or ADD names a file that .dockerignore leaves out of the build context",
    severity=Severity.ERROR,
    aliases=("buildkit:CopyIgnoredFile",),
    tags=("dockerfile", "buildkit", "correctness"),
    options={"dockerignore": None},
)

# Patterns that leave out the whole context, so that even "COPY . ." copies nothing (BuildKit).
_EVERYTHING = frozenset({"*", "**", "**/*"})
_REMOTE_PREFIXES = ("http://", "https://", "git@", "git://", "ssh://")


def _ignore_patterns(ctx: Context) -> tuple[str, list[IgnorePattern]] | None:
    lines = ctx.options.get("dockerignore")
    if lines is not None:
        patterns = parse_ignore_lines([str(line) for line in lines])
        return ("the 'dockerignore' option", patterns) if patterns is not None else None
    if not ctx.path or ctx.path == "-":
        return None  # standard input: no folder, no build context
    return read_ignore_file(Path(ctx.path))


def _context_path(token: Token, instruction: Instruction) -> str | None:
    """The source as a cleaned path in the context, or None when it is not a plain local path."""
    if token.start in {heredoc.start for heredoc in instruction.heredocs}:
        return None  # a here-document is the file's content, not a path
    source = token.value
    if not source or "$" in token.raw or "\\" in source or source.startswith(_REMOTE_PREFIXES):
        return None  # variables are expanded by the build; "\\" is a Windows path or an escape
    path = go_clean(source.lstrip("/") or ".")  # "/src" is "src" of the context
    return None if path == ".." or path.startswith("../") else path


def _hides(patterns: list[IgnorePattern], path: str, context: Path | None) -> IgnorePattern | None:
    """The pattern that leaves ``path`` out, when it is sure to be left out as a whole."""
    if path == "." and not any(p.text in _EVERYTHING for p in patterns if not p.exception):
        return None
    found = excluded_by(patterns, path)
    exceptions = [p for p in patterns if p.exception]
    if found is None or not exceptions:
        return found
    # An exception may take back a file inside a folder that is left out (BuildKit then skips
    # the check altogether); only a plain file, or a folder no exception reaches into, is sure.
    if any(char in path for char in "*?["):
        return None
    if context is not None and (context / path).is_file():
        return found
    return None if any(p.could_match_below(path) for p in exceptions) else found


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    # ONBUILD triggers copy from the context of a later build: not this one. COPY --from copies
    # from a stage, an image or a named context.
    copies = [i for i in dockerfile.iter_instructions("COPY", "ADD") if i.flag("from") is None]
    ignore = _ignore_patterns(ctx) if copies else None
    if ignore is None:
        return
    name, patterns = ignore
    context = Path(ctx.path).parent if ctx.path and ctx.path != "-" else None
    for instruction in copies:
        for token in copy_operands(instruction)[0]:
            path = _context_path(token, instruction)
            pattern = _hides(patterns, path, context) if path is not None else None
            if pattern is None:
                continue
            where = f"'{pattern.text}'" if name.startswith("the ") else f"line {pattern.line}: '{pattern.text}'"
            yield Problem(
                token.span,
                f"{instruction.keyword} source '{token.value}' is excluded by {name} ({where}): "
                "the build context does not have it",
                hint=f"stop copying it, or take it back in with a '!{path}' line after '{pattern.text}'",
            )
