""".dockerignore files, read and matched as BuildKit does (moby/patternmatcher).

Lines starting with ``#`` are comments; the rest are trimmed and cleaned like Go's
``filepath.Clean``, a leading ``/`` is dropped, and ``!`` makes a line an exception that takes
paths back in. A pattern matches a path or any of its parent folders; the last pattern that
matches decides. ``*`` and ``?`` stay within one path component, ``**`` spans any number of
them, ``[...]`` is a character class and ``\\`` escapes the next character.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

# Characters that mean something in a regular expression but nothing in a pattern.
_LITERAL_SPECIALS = frozenset(".+()|{}$")


def go_clean(path: str) -> str:
    """Go's ``path.Clean``: POSIX ``normpath``, except that ``//x`` is ``/x`` there too."""
    cleaned = posixpath.normpath(path) if path else "."
    return "/" + cleaned.lstrip("/") if cleaned.startswith("//") else cleaned


@dataclass(frozen=True)
class IgnorePattern:
    text: str  # cleaned, without the "!"
    line: int  # 1-based line in the ignore file
    exception: bool  # "!pattern": takes matching paths back in
    kind: str  # "exact", "prefix", "suffix" or "regex"
    regex: re.Pattern[str] | None

    def matches(self, path: str) -> bool:
        if self.kind == "exact":
            return path == self.text
        if self.kind == "prefix":
            return path.startswith(self.text[:-2])
        if self.kind == "suffix":
            suffix = self.text[2:]
            return path.endswith(suffix) or (suffix.startswith("/") and path == suffix[1:])
        return self.regex is not None and self.regex.fullmatch(path) is not None

    def could_match_below(self, folder: str) -> bool:
        """Whether the pattern may match something inside ``folder`` (a cleaned relative path,
        "." for the root) that it does not match through ``folder`` itself. Without ``**`` or a
        character class, a pattern of n components only matches paths of n components."""
        if "**" in self.text or "[" in self.text:
            return True
        parts = [] if folder == "." else folder.split("/")
        components = self.text.split("/")
        if len(components) <= len(parts):
            return False
        return all(_compile(component)[1].fullmatch(part) for component, part in zip(components, parts, strict=False))


def _compile(pattern: str) -> tuple[str, re.Pattern[str]]:
    """patternmatcher's translation of a pattern: (kind, regular expression)."""
    regex, kind, index = "", "exact", 0
    while index < len(pattern):
        char = pattern[index]
        index += 1
        if char == "*" and pattern[index : index + 1] == "*":
            leading = index == 1
            index += 1 + (pattern[index + 1 : index + 2] == "/")  # "**/" is "**"
            at_end = index >= len(pattern)
            if at_end and kind == "exact":
                kind = "prefix"
            else:
                regex, kind = regex + (".*" if at_end else "(.*/)?"), "regex"
            if leading:
                kind = "suffix"  # "**/name": compared as a suffix unless more wildcards follow
        elif char == "*":
            regex, kind = regex + "[^/]*", "regex"
        elif char == "?":
            regex, kind = regex + "[^/]", "regex"
        elif char in _LITERAL_SPECIALS:
            regex += "\\" + char
        elif char == "\\" and index < len(pattern):
            regex, kind, index = regex + re.escape(pattern[index]), "regex", index + 1
        elif char in "[]":
            regex, kind = regex + char, "regex"
        else:
            regex += char
    return kind, re.compile(regex, re.DOTALL)


def parse_ignore_lines(lines: list[str]) -> list[IgnorePattern] | None:
    """The patterns of an ignore file's lines; None when BuildKit would refuse the file."""
    patterns = []
    for number, raw in enumerate(lines, start=1):
        line = raw.removeprefix("\ufeff") if number == 1 else raw
        if line.startswith("#"):
            continue
        line = line.strip()
        exception = line.startswith("!")
        if exception:
            line = line[1:].strip()
        if not line:
            if exception:
                return None  # a lone "!" is an error for BuildKit
            continue
        line = go_clean(line)
        if len(line) > 1 and line.startswith("/"):
            line = line[1:]
        try:
            kind, regex = _compile(line)
        except re.error:
            return None  # a malformed pattern fails the build
        patterns.append(IgnorePattern(line, number, exception, kind, regex if kind == "regex" else None))
    return patterns


def read_ignore_file(dockerfile: Path) -> tuple[str, list[IgnorePattern]] | None:
    """(file name, patterns) of the ignore file a build of ``dockerfile`` uses, with its folder
    as the build context: ``<Dockerfile>.dockerignore`` next to it, else the context's
    ``.dockerignore``. None when there is none, or it cannot be read or used."""
    for candidate in (dockerfile.with_name(dockerfile.name + ".dockerignore"), dockerfile.with_name(".dockerignore")):
        try:
            text = candidate.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        patterns = parse_ignore_lines(text.splitlines())
        return (candidate.name, patterns) if patterns is not None else None
    return None


def excluded_by(patterns: list[IgnorePattern], path: str) -> IgnorePattern | None:
    """The pattern that leaves ``path`` (cleaned, relative) out of the context, or None when
    the path is in it: the last pattern matching the path or one of its parent folders."""
    parents = path.split("/")[:-1]
    decided: IgnorePattern | None = None
    for pattern in patterns:
        if pattern.exception != (decided is not None):
            continue  # only a match that would change the verdict matters
        if pattern.matches(path) or any(pattern.matches("/".join(parents[: i + 1])) for i in range(len(parents))):
            decided = None if pattern.exception else pattern
    return decided
