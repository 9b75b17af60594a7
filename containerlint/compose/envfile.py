"""``.env`` files as Compose reads them (``--env-file``, the project's ``.env``, ``include.env_file``).

The format (Compose specification, ``env_file`` format): ``NAME=value`` or ``NAME: value`` lines, an
optional ``export`` prefix, ``#`` comment lines, blank lines. Unquoted values run to the end of the
line, lose an inline comment that starts with `` #`` and trailing blanks, and are interpolated.
Single-quoted values are literal and may span lines. Double-quoted values may span lines, turn
``\\n``, ``\\t``, ``\\"``, ``\\\\``, ``\\$`` ... into the characters, and are interpolated. A line
with just a name (``NAME``) takes the value from the environment, if set there.

Interpolation inside the file looks a name up in the environment first, then among the names the
file (and earlier files) defined before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from containerlint.syntax.compose import interpolate

_EXPORT = re.compile(r"export[ \t]+")
_ESCAPES = re.compile(r"\\(?:[abcfnrtv$\"\\]|0[0-7]{0,3})")
_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "c": "\\c", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_SPACE = " \t\v\f\r\x85\xa0"


@dataclass
class EnvFileResult:
    values: dict[str, str] = field(default_factory=dict)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message)


def parse_env_text(text: str, environment: Mapping[str, str] | None = None) -> EnvFileResult:
    """Parse ``.env`` text. ``environment`` answers lookups first (and fills ``NAME`` lines)."""
    env = environment or {}
    result = EnvFileResult()
    values = result.values
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    index, length = 0, len(text)
    while index < length:
        while index < length and (text[index] in _SPACE or text[index] == "\n"):
            index += 1
        if index >= length:
            break
        line = text.count("\n", 0, index) + 1
        if text[index] == "#":
            newline = text.find("\n", index)
            index = length if newline < 0 else newline + 1
            continue
        export = _EXPORT.match(text, index)
        if export:
            index = export.end()
        name_start = index
        while index < length and text[index] not in "=:\n":
            index += 1
        name = text[name_start:index].rstrip(_SPACE)
        if not name or not re.fullmatch(r"[\w.\-\[\]]+", name):
            result.errors.append((line, f"invalid variable name {name!r}"))
            newline = text.find("\n", index)
            index = length if newline < 0 else newline + 1
            continue
        if index >= length or text[index] == "\n":  # a bare name: inherited from the environment
            if name in env:
                values[name] = env[name]
            index += 1
            continue
        index += 1
        while index < length and text[index] in _SPACE:
            index += 1
        quote = text[index] if index < length and text[index] in "'\"" else ""
        if not quote:
            newline = text.find("\n", index)
            end = length if newline < 0 else newline
            raw = text[index:end].split(" #", 1)[0].rstrip(_SPACE)
            values[name] = _expand(raw, values, env, result, line)
            index = end + 1
            continue
        value, index, closed = _quoted(text, index + 1, quote)
        if not closed:
            result.errors.append((line, f"unterminated quoted value for {name!r}"))
            break
        if quote == '"':
            value = _expand(_unescape(value), values, env, result, line)
        values[name] = value
    return result


def _quoted(text: str, index: int, quote: str) -> tuple[str, int, bool]:
    """The body of a quoted value starting at ``index``; backslashes kept except before the quote."""
    chars: list[str] = []
    escaped = False
    while index < len(text):
        char = text[index]
        index += 1
        if char != quote:
            if not escaped and char == "\\":
                escaped = True
                continue
            if escaped:
                escaped = False
                chars.append("\\")
            chars.append(char)
            continue
        if escaped:
            escaped = False
            chars.append(char)
            continue
        return "".join(chars), index, True
    return "".join(chars), index, False


def _unescape(value: str) -> str:
    def replace(match: re.Match[str]) -> str:
        body = match.group()[1:]
        if body == "$":
            return "$$"  # a literal dollar: kept from interpolation
        if body[0] == "0":
            return chr(int(body[1:] or "0", 8))
        return _SIMPLE_ESCAPES.get(body, body)

    return _ESCAPES.sub(replace, value)


def _expand(value: str, values: dict[str, str], env: Mapping[str, str], result: EnvFileResult, line: int) -> str:
    lookup = _Lookup(env, values)
    expanded = interpolate(value, lookup)
    if expanded.errors:
        result.errors.extend((line, error) for error in expanded.errors)
    if expanded.text is not None:
        return expanded.text
    # Compose replaces an unset variable by "" here; do the same so later values stay usable.
    return interpolate(value, _Lookup(env, values, default="")).text or ""


class _Lookup(Mapping[str, str]):
    """The environment first, then the names defined so far; ``default`` for the rest, if given."""

    def __init__(self, env: Mapping[str, str], defined: Mapping[str, str], default: str | None = None) -> None:
        self.env, self.defined, self.default = env, defined, default

    def __getitem__(self, key: str) -> str:
        if key in self.env:
            return self.env[key]
        if key in self.defined:
            return self.defined[key]
        if self.default is not None:
            return self.default
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter({**self.defined, **self.env})

    def __len__(self) -> int:
        return len({**self.defined, **self.env})
