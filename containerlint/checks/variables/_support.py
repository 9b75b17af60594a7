"""Variable expansion the way BuildKit's Dockerfile frontend does it, with positions.

BuildKit expands ``$NAME`` and ``${NAME...}`` in the arguments of some instructions (not in the
shell bodies of RUN/CMD/ENTRYPOINT, where the shell does it). Its lexer records every name it
looks up, found or not; the variable checks are built on that list. :func:`expand` follows the
lexer: quotes (unless ``quotes=False``), the escape character, ``${NAME:-word}`` and the other
modifiers, whose word is expanded *before* the name is looked up, so every name written is
recorded whatever the values are. A malformed expression stops the expansion
(:class:`ExpansionError`), as it fails the build.

Also here: BuildKit's predefined ARGs, its "did you mean" suggestion, and the global scope that
FROM is expanded in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction

# ARGs BuildKit defines in the global scope of every build (values for a linux/amd64 builder).
# Inside a stage they exist only once the stage declares them with ARG.
PLATFORM_ARG_DEFAULTS: dict[str, str] = {
    "BUILDPLATFORM": "linux/amd64",
    "BUILDOS": "linux",
    "BUILDOSVERSION": "",
    "BUILDARCH": "amd64",
    "BUILDVARIANT": "",
    "TARGETPLATFORM": "linux/amd64",
    "TARGETOS": "linux",
    "TARGETOSVERSION": "",
    "TARGETARCH": "amd64",
    "TARGETVARIANT": "",
    "TARGETSTAGE": "default",
}

# BuildKit never reports these as undefined: they configure SBOM scanning, not the build.
NON_ENV_ARGS = frozenset({"BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"})

_SPECIAL_PARAMETERS = "@*#?-$!0"


class ExpansionError(ValueError):
    """The text is not a valid expansion (``${}``, an unclosed quote, ``${X:?}`` unset...)."""


@dataclass(frozen=True)
class Reference:
    """A variable reference: ``name``, and where ``$...`` is (offsets, base included)."""

    name: str
    start: int
    end: int
    found: bool


@dataclass
class Expansion:
    text: str | None  # None when the expansion failed
    references: list[Reference] = field(default_factory=list)


def expand(
    text: str,
    env: Mapping[str, str],
    escape: str = "\\",
    *,
    quotes: bool = True,
    base: int = 0,
) -> Expansion:
    """Expand ``text`` with ``env``; reference offsets are ``base`` + offsets into ``text``."""
    lexer = _Lexer(text, env, escape, quotes, base)
    try:
        result: str | None = lexer.word(None, raw_escapes=False)
    except ExpansionError:
        result = None
    return Expansion(result, lexer.references)


def references(text: str, escape: str = "\\", *, quotes: bool = True, base: int = 0) -> list[Reference]:
    """Every name ``text`` refers to (``found`` is False for all: no environment is given)."""
    return expand(text, {}, escape, quotes=quotes, base=base).references


_SPECIALS: dict[str, re.Pattern[str]] = {}


class _Lexer:
    def __init__(self, text: str, env: Mapping[str, str], escape: str, quotes: bool, base: int) -> None:
        self.text = text
        self.env = env
        self.escape = escape
        self.quotes = quotes
        self.base = base
        self.pos = 0
        self.references: list[Reference] = []

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def next(self) -> str:
        char = self.peek()
        self.pos += 1 if char else 0
        return char

    def word(self, stop: str | None, raw_escapes: bool) -> str:
        out: list[str] = []
        while self.pos < len(self.text):
            char = self.peek()
            if stop is not None and char == stop:
                self.pos += 1
                return "".join(out)
            if char == "$":
                out.append(self.dollar())
            elif self.quotes and char == "'":
                out.append(self.single_quoted())
            elif self.quotes and char == '"':
                out.append(self.double_quoted(raw_escapes))
            elif char != self.escape:
                plain = self._plain_run(stop)  # the common case: copy up to the next special char
                out.append(self.text[self.pos : plain])
                self.pos = plain
            else:
                self.pos += 1
                if char == self.escape:
                    if raw_escapes:
                        out.append(char)
                    if self.pos >= len(self.text):
                        break
                    char = self.next()
                out.append(char)
        if stop is not None:
            raise ExpansionError(f"missing {stop!r}")
        return "".join(out)

    def _plain_run(self, stop: str | None) -> int:
        """The index of the next character ``word`` must look at (or the end of the text)."""
        specials = "$" + self.escape + ("'\"" if self.quotes else "") + (stop or "")
        pattern = _SPECIALS.get(specials)
        if pattern is None:
            pattern = _SPECIALS[specials] = re.compile(f"[{re.escape(specials)}]")
        found = pattern.search(self.text, self.pos + 1)
        return found.start() if found else len(self.text)

    def single_quoted(self) -> str:
        self.pos += 1
        end = self.text.find("'", self.pos)
        if end < 0:
            raise ExpansionError("unclosed single quote")
        content, self.pos = self.text[self.pos : end], end + 1
        return content

    def double_quoted(self, raw_escapes: bool) -> str:
        self.pos += 1
        out: list[str] = []
        while True:
            char = self.peek()
            if not char:
                raise ExpansionError("unclosed double quote")
            if char == '"':
                self.pos += 1
                return "".join(out)
            if char == "$":
                out.append(self.dollar())
                continue
            self.pos += 1
            if char == self.escape:
                if raw_escapes:
                    out.append(char)
                following = self.peek()
                if not following:
                    continue
                if following in ('"', "$", self.escape):
                    char = self.next()
            out.append(char)

    def name(self) -> str:
        start = self.pos
        char = self.peek()
        if char.isdigit():
            while self.peek().isdigit():
                self.pos += 1
            return self.text[start : self.pos]
        if char and char in _SPECIAL_PARAMETERS:
            self.pos += 1
            return char
        while self.peek() and (self.peek().isalnum() or self.peek() == "_"):
            self.pos += 1
        return self.text[start : self.pos]

    def lookup(self, name: str, start: int) -> tuple[str, bool]:
        found = name in self.env
        self.references.append(Reference(name, self.base + start, self.base + self.pos, found))
        return self.env.get(name, ""), found

    def dollar(self) -> str:
        start = self.pos
        self.pos += 1
        if self.peek() != "{":
            name = self.name()
            return self.lookup(name, start)[0] if name else "$"
        self.pos += 1
        if self.peek() in ("", "{", "}", ":"):
            raise ExpansionError("bad substitution")
        name = self.name()
        operator = self.next()
        if operator == "}":
            return self.lookup(name, start)[0]
        if operator == "/":
            return self.replace(name, start)
        null_is_unset = operator == ":"
        if null_is_unset:
            operator = self.next()
        elif operator not in ("-", "+", "?", "#", "%"):
            raise ExpansionError(f"unsupported modifier in ${{{name}...}}")
        if null_is_unset and operator in ("#", "%"):
            raise ExpansionError(f"unsupported modifier :{operator}")
        word = self.word("}", raw_escapes=operator in ("#", "%"))
        value, is_set = self.lookup(name, start)
        if operator not in ("-", "+", "?", "#", "%"):  # ${X:=y}: looked up, then rejected
            raise ExpansionError(f"unsupported modifier :{operator}")
        usable = is_set and not (null_is_unset and value == "")
        if operator == "-":
            return value if usable else word
        if operator == "+":
            return word if usable else ""
        if operator == "?":
            if not usable:
                raise ExpansionError(f"{name}: {word or 'is not allowed to be unset or empty'}")
            return value
        greedy = word[:1] == operator
        return _trim(value, word[1:] if greedy else word, suffix=operator == "%", greedy=greedy)

    def replace(self, name: str, start: int) -> str:
        replace_all = self.peek() == "/"
        if replace_all:
            self.pos += 1
        pattern = self.word("/", raw_escapes=True)
        replacement = self.word("}", raw_escapes=True)
        value = self.lookup(name, start)[0]
        regex = _compile(pattern)
        return regex.sub(lambda _: replacement, value, count=0 if replace_all else 1)


def _pattern_regex(pattern: str) -> str:
    """A shell glob (``*``, ``?``, ``[...]``, ``\\x``) as an unanchored regular expression."""
    out: list[str] = []
    position = 0
    while position < len(pattern):
        char = pattern[position]
        if char == "*":
            out.append(".*")
        elif char == "?":
            out.append(".")
        elif char == "\\" and position + 1 < len(pattern):
            position += 1
            out.append(re.escape(pattern[position]))
        elif char == "[" and (close := pattern.find("]", position + 2)) > 0:
            body = pattern[position + 1 : close]
            negate = body[:1] in ("!", "^")
            escaped = "".join("\\" + member if member in "\\[]^" else member for member in body[negate:])
            out.append(f"[{'^' if negate else ''}{escaped}]")
            position = close
        else:
            out.append(re.escape(char))
        position += 1
    return "".join(out)


def _compile(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(_pattern_regex(pattern), re.DOTALL)
    except re.error as error:  # e.g. a reversed range [z-a]: the build rejects it too
        raise ExpansionError(f"invalid pattern {pattern!r}") from error


def _trim(value: str, pattern: str, suffix: bool, greedy: bool) -> str:
    regex = _compile(pattern)
    cuts = range(len(value) + 1)
    if suffix:  # remove a matching suffix: the shortest starts last
        order = cuts if greedy else reversed(cuts)
        cut = next((i for i in order if regex.fullmatch(value[i:])), None)
        return value if cut is None else value[:cut]
    order = reversed(cuts) if greedy else cuts
    cut = next((i for i in order if regex.fullmatch(value[:i])), None)
    return value if cut is None else value[cut:]


def suggestion(name: str, options: Iterable[str]) -> str | None:
    """The closest option within edit distance 2 (BuildKit's rule), or None."""
    best, best_distance = None, 3
    for option in options:
        if option == name:
            return None
        if abs(len(option) - len(name)) >= best_distance:
            continue  # the distance is at least the difference in length: cannot be closer
        distance = _levenshtein(name, option)
        if distance < best_distance:
            best, best_distance = option, distance
    return best


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def did_you_mean(name: str, options: Iterable[str], prefix: str = "") -> str:
    match = suggestion(name, options)
    return f" (did you mean {prefix}{match}?)" if match else ""


# FROM and the global scope ------------------------------------------------------------------


@dataclass(frozen=True)
class FromWord:
    """A part of FROM that BuildKit expands with the global ARGs: the image or ``--platform``."""

    raw: str  # as written, quotes included
    start: int  # offset of ``raw`` in the FROM instruction's args


def from_words(instruction: Instruction) -> list[FromWord]:
    words = []
    if instruction.tokens:
        image = instruction.tokens[0]
        words.append(FromWord(image.raw, image.start))
    platform = instruction.flag("platform")
    if platform is not None and platform.value_start is not None:
        words.append(FromWord(instruction.args[platform.value_start : platform.end], platform.value_start))
    return words


def default_global_env(dockerfile: Dockerfile) -> dict[str, str] | None:
    """The global scope of a build given no ``--build-arg``: BuildKit's platform ARGs, then the
    global ARG defaults in order (an ARG without a default adds nothing). None if a default
    cannot be expanded (the build fails on it)."""
    env = dict(PLATFORM_ARG_DEFAULTS)
    real = [stage for stage in dockerfile.stages if not stage.is_implicit]
    env["TARGETSTAGE"] = (real[-1].name if real else None) or "default"
    for instruction in global_arg_instructions(dockerfile):
        for pair in instruction.key_values:
            if pair.value_start is None:
                continue
            expanded = expand(instruction.args[pair.value_start : pair.end], env, dockerfile.escape)
            if expanded.text is None:
                return None
            env[pair.key] = expanded.text
    return env


def global_arg_instructions(dockerfile: Dockerfile) -> list[Instruction]:
    """The ARG instructions before the first FROM."""
    return [i for i in dockerfile.instructions if i.keyword == "ARG" and i.stage_index is None]
