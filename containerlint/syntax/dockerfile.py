"""A positioned Dockerfile syntax tree (``parse_dockerfile``), following BuildKit's parser.

Data model (every ``Span`` is 1-based, end exclusive; columns count characters):

* ``Dockerfile``: ``directives`` (``# syntax=``/``# escape=``/``# check=`` at the very top),
  ``instructions`` (flat, source order; ONBUILD triggers hang off their ONBUILD as ``inner``),
  ``stages``, ``global_args`` (ARGs before the first FROM), ``comments`` (every comment line,
  including those inside line continuations), ``lines`` (the source lines without line ends),
  ``escape`` and ``issues``.
* ``Instruction``: ``keyword`` (upper-case) and ``keyword_span``; ``span`` covers every physical
  line, continuations and heredoc bodies included. ``args`` is the *logical* text after the
  keyword: continuation lines joined as BuildKit joins them (escape + newline removed, comment and
  blank lines inside the continuation dropped). Offsets into ``args`` map back to the source with
  ``position_at(offset)`` / ``span_of(start, end)``, exactly, across continuations.
  ``flags`` come first in ``args``; ``body`` (= ``args[body_offset:]``) is the rest. ``tokens`` are
  the words of the body; ``exec_args`` is set for the JSON (exec) form; ``key_values`` for
  ENV/LABEL/ARG; ``heredocs`` for RUN/COPY/ADD (only these take heredocs, as in BuildKit).
* Shell bodies: ``Instruction.shell`` parses the shell form of RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD
  lazily (tree-sitter is imported then, not before); its word offsets are offsets into ``args``,
  and ``script.span_of(word)`` gives the source span. ``Heredoc.shell`` does the same for heredoc
  bodies run by a POSIX shell; ``Instruction.scripts()`` returns all of them.
* ``Stage``: one per FROM. Instructions before the first FROM other than ARG are kept in an
  implicit stage with ``index == -1`` at ``stages[0]`` (a fragment of a Dockerfile); the real
  stages follow with indexes 0, 1, ... A ``syntax-error`` issue reports the missing FROM.

The parser never raises. What BuildKit would reject becomes a ``SyntaxIssue(rule="syntax-error")``
with the best position available, and parsing continues. ``Dockerfile.issues`` also parses every
shell body (once, cached) and adds one ``unparsable-shell`` issue per body tree-sitter cannot read;
``Dockerfile.syntax_issues`` holds only the structural issues and needs no shell parsing.
"""

from __future__ import annotations

import bisect
import difflib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from containerlint.model import FILE_START, Position, Span
from containerlint.syntax import SyntaxIssue
from containerlint.syntax.imageref import ImageRef, parse_image_ref
from containerlint.syntax.shell import POSIX_SHELLS, ShellScript, parse_shell

INSTRUCTIONS = frozenset(
    {"ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL"}
    | {"MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"}
)

# Flags BuildKit knows per instruction. The parser does not report other flags (new frontends
# add flags faster than a linter can follow); a rule can use this table to do so.
KNOWN_FLAGS: dict[str, frozenset[str]] = {
    "FROM": frozenset({"platform"}),
    "RUN": frozenset({"mount", "network", "security", "device"}),
    "COPY": frozenset({"from", "chown", "chmod", "link", "parents", "exclude"}),
    "ADD": frozenset({"chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack"}),
    "HEALTHCHECK": frozenset({"interval", "timeout", "start-period", "start-interval", "retries"}),
}

DEFAULT_SHELL: tuple[str, ...] = ("/bin/sh", "-c")
# "# escape=`" is the Windows convention (a backslash is a path separator there), and the default
# shell on Windows is cmd: such RUN lines are not parsed as POSIX shell unless SHELL says so.
WINDOWS_DEFAULT_SHELL: tuple[str, ...] = ("cmd", "/S", "/C")
HEREDOC_INSTRUCTIONS = frozenset({"RUN", "COPY", "ADD"})
SHELL_FORM_INSTRUCTIONS = frozenset({"RUN", "CMD", "ENTRYPOINT", "HEALTHCHECK"})
# ARGs BuildKit defines for every build; their values depend on the build, never on the file.
PLATFORM_ARGS = frozenset(
    {"BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETSTAGE"}
    | {"TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT"}
)

_WHITESPACE = " \t\v\f\r"
_DIRECTIVE_RE = re.compile(r"#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$")
_DIRECTIVES = frozenset({"syntax", "escape", "check"})
_KEYWORD_RE = re.compile(r"[^ \t\v\f\r]+")
_SPACES_RE = re.compile(r"[ \t\v\f\r]*")
_HEREDOC_RE = re.compile(r"(\d*)<<(-?)\s*([^<]+)", re.DOTALL)
_BARE_HEREDOC_OPERATOR_RE = re.compile(r"\d*<<-?")
_JSON_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_STAGE_NAME_RE = re.compile(r"[a-z][a-z0-9-_.]*")
_VARIABLE_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BRACED_VARIABLE_RE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])(.*))?", re.DOTALL)
_ASSIGNMENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
_COMMAND_SEPARATOR_RE = re.compile(r"&&|\|\||[;|&(]")


# Source maps --------------------------------------------------------------------------------


class SourceMap:
    """Maps offsets in a logical text, glued together from pieces of physical lines, back to
    source positions. Each piece is a segment: its logical start, line and column."""

    __slots__ = ("columns", "length", "lines", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.lines: list[int] = []
        self.columns: list[int] = []
        self.length = 0

    def add(self, line: int, column: int, length: int) -> None:
        if self.starts and self.starts[-1] == self.length:
            if length == 0:
                return
            # The previous segment is empty: it only served as an anchor, replace it.
            self.starts.pop()
            self.lines.pop()
            self.columns.pop()
        self.starts.append(self.length)
        self.lines.append(line)
        self.columns.append(column)
        self.length += length

    def position_at(self, offset: int) -> Position:
        starts = self.starts
        if not starts:
            return FILE_START.start
        if offset < 0:
            offset = 0
        elif offset > self.length:
            offset = self.length
        segment = 0 if len(starts) == 1 else bisect.bisect_right(starts, offset) - 1
        return Position(self.lines[segment], self.columns[segment] + offset - starts[segment])

    def span_of(self, start: int, end: int) -> Span:
        starts = self.starts
        if len(starts) == 1:  # one physical line (most instructions): no search, no clamping twice
            length = self.length
            line, column = self.lines[0], self.columns[0] - starts[0]
            first = Position(line, column + (0 if start < 0 else length if start > length else start))
            if end <= start:
                return Span(first, first)
            last = end - 1
            return Span(first, Position(line, column + 1 + (0 if last < 0 else length if last > length else last)))
        if not starts:
            first = FILE_START.start
            return Span(first, first if end <= start else Position(first.line, first.column + 1))
        length, lines, columns = self.length, self.lines, self.columns
        offset = 0 if start < 0 else length if start > length else start
        segment = bisect.bisect_right(starts, offset) - 1
        first = Position(lines[segment], columns[segment] + offset - starts[segment])
        if end <= start:
            return Span(first, first)
        last = end - 1
        offset = 0 if last < 0 else length if last > length else last
        segment = bisect.bisect_right(starts, offset) - 1
        return Span(first, Position(lines[segment], columns[segment] + offset - starts[segment] + 1))


class _ArgsLocator:
    """Spans of offsets into one instruction's ``args``: what its tokens, flags, pairs and shell
    script keep to compute their spans. They keep this, not the instruction, so that a tree
    holds no reference cycles and is freed as soon as it is dropped (no work for the cyclic GC)."""

    __slots__ = ("base", "map")

    def __init__(self, source: SourceMap, base: int) -> None:
        self.map = source
        self.base = base

    def span_of(self, start: int, end: int) -> Span:
        base = self.base
        return self.map.span_of(base + start, base + end)


# Data model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Directive:
    name: str  # lower-case: "syntax", "escape" or "check"
    value: str
    span: Span  # the whole comment line
    value_span: Span

    def options(self) -> dict[str, str]:
        """``# check=skip=A,B;error=true`` -> ``{"skip": "A,B", "error": "true"}``."""
        result: dict[str, str] = {}
        for part in self.value.split(";"):
            key, _, value = part.partition("=")
            if key.strip():
                result[key.strip().lower()] = value.strip()
        return result


@dataclass(frozen=True)
class Comment:
    line: int
    column: int  # where the "#" is
    text: str  # from the "#" to the end of the line

    @property
    def body(self) -> str:
        """The text after ``#``, stripped: ``hadolint ignore=DL3008``."""
        return self.text[1:].strip()

    @property
    def span(self) -> Span:
        end = Position(self.line, self.column + len(self.text))
        return Span(Position(self.line, self.column), end)


# Tokens, flags and pairs keep offsets into ``Instruction.args`` and compute their spans on
# demand: most are never reported on, and positions are the expensive part of parsing. They
# compute them with the instruction's locator, not the instruction: no reference cycles.


@dataclass(eq=False)
class Token:
    """A word of an instruction. ``start``/``end`` are offsets into ``Instruction.args``."""

    raw: str  # as written, quotes included
    value: str  # quotes removed, escapes resolved; variables are not expanded
    start: int
    end: int
    _locator: _ArgsLocator = field(repr=False)

    @property
    def span(self) -> Span:
        return self._locator.span_of(self.start, self.end)


class _OffsetSpans:
    """Spans of a piece of an instruction, from offsets into the instruction's ``args``.

    Computed on demand: most pieces are never reported, so most spans are never needed.
    """

    start: int
    end: int
    value_start: int | None
    _locator: _ArgsLocator

    @property
    def span(self) -> Span:
        return self._locator.span_of(self.start, self.end)

    @property
    def value_span(self) -> Span | None:
        if self.value_start is None:
            return None
        return self._locator.span_of(self.value_start, self.end)


@dataclass(eq=False)
class FlagOption(_OffsetSpans):
    """One ``key=value`` (or bare ``key``) of a ``--mount=...`` flag.

    When the flag has quotes or escapes, offsets inside it are not exact and the option's
    offsets are those of the whole flag value."""

    key: str  # lower-case
    value: str | None
    start: int
    end: int
    value_start: int | None
    _locator: _ArgsLocator = field(repr=False)


@dataclass(eq=False)
class Flag(_OffsetSpans):
    name: str  # without the dashes: "mount", "from", "chmod"
    value: str | None  # None for a bare boolean flag (--link)
    start: int  # offsets of the whole "--name=value" word in Instruction.args
    end: int
    value_start: int | None
    _locator: _ArgsLocator = field(repr=False)
    options: dict[str, FlagOption] = field(default_factory=dict)  # parsed for --mount only

    @property
    def mount_type(self) -> str | None:
        """For ``--mount``: its type, ``bind`` when not given."""
        if self.name != "mount":
            return None
        option = self.options.get("type")
        return option.value if option and option.value else "bind"


@dataclass(eq=False)
class KeyValue(_OffsetSpans):
    """A pair of ENV, LABEL or ARG. ``value`` is None for ``ARG NAME`` without a default."""

    key: str
    value: str | None
    start: int  # offsets into Instruction.args
    end: int
    key_end: int
    value_start: int | None
    _locator: _ArgsLocator = field(repr=False)
    legacy: bool = False  # the old ``ENV key value`` form

    @property
    def key_span(self) -> Span:
        return self._locator.span_of(self.start, self.key_end)


@dataclass(eq=False)
class Heredoc:
    delimiter: str
    body: str  # the content; every line ends with "\n"; leading tabs removed for <<-
    body_span: Span  # the body lines, without the terminator line
    quoted: bool  # <<"EOF" / <<'EOF': no variable expansion in the body
    strip_tabs: bool  # <<-EOF
    start: int  # offsets of the "<<EOF" word in Instruction.args
    end: int
    span: Span  # of the "<<EOF" word
    terminated: bool = True
    # For RUN: the program the body is fed to ("python3", "/bin/sh"); None for COPY/ADD.
    interpreter: str | None = None
    _map: SourceMap = field(default_factory=SourceMap, repr=False)
    _shell: ShellScript | None = field(default=None, repr=False)
    _shell_done: bool = field(default=False, repr=False)

    @property
    def expands(self) -> bool:
        return not self.quoted

    @property
    def interpreter_name(self) -> str | None:
        return None if self.interpreter is None else self.interpreter.rsplit("/", 1)[-1]

    @property
    def runs_in_shell(self) -> bool:
        return self.interpreter_name in POSIX_SHELLS

    def position_at(self, offset: int) -> Position:
        """The source position of ``body[offset]``."""
        return self._map.position_at(offset)

    def span_of(self, start: int, end: int) -> Span:
        return self._map.span_of(start, end)

    @property
    def shell(self) -> ShellScript | None:
        """The body parsed as a shell script, when a POSIX shell runs it (RUN only)."""
        if not self._shell_done:
            self._shell_done = True
            if self.runs_in_shell:
                self._shell = parse_shell(self.body, locate=self._map.span_of)
        return self._shell


@dataclass(eq=False)
class Instruction:
    keyword: str  # upper-case
    keyword_span: Span
    span: Span
    args: str  # logical text after the keyword (continuations joined), trailing space removed
    flags: list[Flag] = field(default_factory=list)
    body_offset: int = 0  # where the arguments after the flags start in ``args``
    exec_args: list[Token] | None = None  # the JSON array of the exec form
    command_offset: int | None = None  # where the command starts (RUN/CMD/ENTRYPOINT/HEALTHCHECK)
    key_values: list[KeyValue] = field(default_factory=list)  # ENV, LABEL, ARG
    heredocs: list[Heredoc] = field(default_factory=list)
    inner: Instruction | None = None  # the trigger of ONBUILD
    healthcheck_type: str | None = None  # "CMD" or "NONE"
    stage_index: int | None = None  # None for global ARGs, -1 for the implicit stage
    shell_command: tuple[str, ...] = DEFAULT_SHELL  # the SHELL in effect
    _map: SourceMap = field(default_factory=SourceMap, repr=False)
    _args_start: int = field(default=0, repr=False)  # where ``args`` starts in the map's text
    _escape: str = field(default="\\", repr=False)
    _bad_json: bool = field(default=False, repr=False)  # a JSON array of non-strings
    _tokens: list[Token] | None = field(default=None, repr=False)
    _shell: ShellScript | None = field(default=None, repr=False)
    _shell_done: bool = field(default=False, repr=False)
    _locator: _ArgsLocator = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._locator = _ArgsLocator(self._map, self._args_start)

    # Positions ------------------------------------------------------------------------------

    def position_at(self, offset: int) -> Position:
        """The source position of ``args[offset]`` (``len(args)``: just after the last char)."""
        return self._map.position_at(self._args_start + offset)

    def span_of(self, start: int, end: int) -> Span:
        """The source span of ``args[start:end]``; may cover several physical lines."""
        return self._map.span_of(self._args_start + start, self._args_start + end)

    @property
    def line(self) -> int:
        return self.keyword_span.start.line

    # Arguments ------------------------------------------------------------------------------

    @property
    def body(self) -> str:
        return self.args[self.body_offset :]

    @property
    def is_exec_form(self) -> bool:
        return self.exec_args is not None

    @property
    def tokens(self) -> list[Token]:
        """The whitespace-separated words after the flags (quote-aware)."""
        if self._tokens is None:
            self._tokens = _tokenize(self, self.body_offset, len(self.args))
        return self._tokens

    @property
    def words(self) -> list[Token]:
        """``exec_args`` for the exec form, else ``tokens``: COPY sources and destination etc."""
        return self.exec_args if self.exec_args is not None else self.tokens

    @property
    def command_text(self) -> str | None:
        """The command of RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD, exec or shell form."""
        return None if self.command_offset is None else self.args[self.command_offset :]

    def flag(self, name: str) -> Flag | None:
        """The last ``--name`` flag (the one that wins), or None."""
        found = [flag for flag in self.flags if flag.name == name]
        return found[-1] if found else None

    def flags_named(self, name: str) -> list[Flag]:
        return [flag for flag in self.flags if flag.name == name]

    # Shell ----------------------------------------------------------------------------------

    @property
    def runs_posix_shell(self) -> bool:
        program = self.shell_command[0] if self.shell_command else ""
        return program.rsplit("/", 1)[-1] in POSIX_SHELLS

    @property
    def shell(self) -> ShellScript | None:
        """The shell form command parsed by the shell; offsets are offsets into ``args``.

        None for the exec form, for instructions without a shell form and when SHELL selects a
        non-POSIX shell. For ONBUILD it is the trigger's shell.
        """
        if self.inner is not None:
            return self.inner.shell
        if not self._shell_done:
            self._shell_done = True
            text = self._shell_source()
            if text is not None:
                self._shell = parse_shell(text, locate=self._locator.span_of)
        return self._shell

    def scripts(self) -> list[ShellScript]:
        """Every shell script of this instruction: the command line and heredoc bodies run by a
        POSIX shell. Report on a script's items with ``script.span_of(item)``."""
        target = self.inner or self
        shell = target.shell
        found = [] if shell is None else [shell]
        if target.heredocs:
            found.extend(doc.shell for doc in target.heredocs if doc.shell is not None)
        return found

    def shell_issues(self) -> list[SyntaxIssue]:
        """One ``unparsable-shell`` issue per shell body tree-sitter cannot read."""
        target = self.inner or self
        issues = []
        script = target.shell
        if script is not None and script.has_error:
            issues.extend(_unparsable(script, f"{target.keyword} command"))
        for doc in target.heredocs:
            script = doc.shell
            if script is not None and script.has_error:
                issues.extend(_unparsable(script, f"{target.keyword} heredoc <<{doc.delimiter}"))
        return issues

    def _shell_source(self) -> str | None:
        if self.keyword not in SHELL_FORM_INSTRUCTIONS or self.command_offset is None:
            return None
        if self.exec_args is not None or self._bad_json or not self.runs_posix_shell:
            return None
        # Blank out what precedes the command so that shell offsets are offsets into ``args``,
        # and the heredoc operators, whose bodies are not part of the command line.
        text = " " * self.command_offset + self.args[self.command_offset :]
        for doc in self.heredocs:
            start, end = max(doc.start, 0), min(doc.end, len(text))
            if start < end:
                text = text[:start] + " " * (end - start) + text[end:]
        return text


def _unparsable(script: ShellScript, what: str) -> list[SyntaxIssue]:
    span = script.error_span()
    if span is None:
        return []
    excerpt = script.error_excerpt()
    near = f" near {excerpt!r}" if excerpt else " at its end"
    return [SyntaxIssue("unparsable-shell", span, f"the shell cannot parse this {what}{near}")]


@dataclass(eq=False)
class Stage:
    index: int  # 0, 1, ... in FROM order; -1 for instructions before any FROM
    name: str | None  # lower-case, as BuildKit compares stage names
    name_span: Span | None
    from_instruction: Instruction | None
    image: str  # the image word as written ("python:${PY}-slim"); "" for the implicit stage
    image_span: Span | None
    resolved_image: str | None  # variables replaced by global ARG defaults; None if unknown
    base_stage: int | None = None  # index of the earlier stage this one builds on
    platform: str | None = None
    instructions: list[Instruction] = field(default_factory=list)  # FROM first

    @property
    def is_implicit(self) -> bool:
        return self.index < 0

    @property
    def image_ref(self) -> ImageRef | None:
        """The resolved image as an ImageRef (None if unresolved, invalid or another stage)."""
        if self.resolved_image is None or self.base_stage is not None:
            return None
        return parse_image_ref(self.resolved_image)

    @property
    def is_scratch(self) -> bool:
        return self.resolved_image is not None and self.resolved_image.lower() == "scratch"


@dataclass(eq=False)
class Dockerfile:
    text: str
    lines: list[str]
    directives: list[Directive]
    instructions: list[Instruction]
    stages: list[Stage]
    global_args: list[KeyValue]
    comments: list[Comment]
    escape: str
    syntax_issues: list[SyntaxIssue]
    # ``--build-arg NAME=VALUE`` values the build is run with: they replace the defaults of the
    # global ARGs they name (an ARG that is not declared is not set, as in ``docker build``).
    build_args: Mapping[str, str] = field(default_factory=dict)
    _issues: list[SyntaxIssue] | None = field(default=None, repr=False)
    # (number of stages, first stage by index, first real stage by name), built on first use:
    # rules look stages up for every instruction, and a file can have thousands of stages.
    _stage_tables: tuple[int, dict[int, Stage], dict[str, Stage]] | None = field(default=None, repr=False)

    @property
    def issues(self) -> list[SyntaxIssue]:
        """Structural issues plus one ``unparsable-shell`` issue per unreadable shell body
        (the first access parses every shell body), sorted by position."""
        if self._issues is None:
            found = list(self.syntax_issues)
            for instruction in self.instructions:
                found.extend(instruction.shell_issues())
            self._issues = sorted(found, key=lambda issue: issue.span.start)
        return self._issues

    @property
    def arg_defaults(self) -> dict[str, str | None]:
        """Global ARG defaults with earlier ARGs expanded; None when not known statically."""
        return _global_arg_values(self.global_args, self.escape, self.build_args)

    def directive(self, name: str) -> Directive | None:
        return next((d for d in self.directives if d.name == name.lower()), None)

    def stage_named(self, name: str) -> Stage | None:
        return self._tables()[2].get(name.lower())

    def stage_of(self, instruction: Instruction) -> Stage | None:
        if instruction.stage_index is None:
            return None
        return self._tables()[1].get(instruction.stage_index)

    def _tables(self) -> tuple[int, dict[int, Stage], dict[str, Stage]]:
        tables = self._stage_tables
        if tables is None or tables[0] != len(self.stages):
            by_index: dict[int, Stage] = {}
            by_name: dict[str, Stage] = {}
            for stage in self.stages:
                by_index.setdefault(stage.index, stage)
                if stage.index >= 0 and stage.name is not None:
                    by_name.setdefault(stage.name, stage)
            tables = self._stage_tables = (len(self.stages), by_index, by_name)
        return tables

    def iter_instructions(self, *keywords: str, onbuild: bool = False) -> Iterator[Instruction]:
        """Instructions with one of ``keywords`` (all if none); ``onbuild=True`` also yields
        ONBUILD triggers."""
        wanted = {keyword.upper() for keyword in keywords}
        if not onbuild:  # dozens of rules ask, for every file: no generator frame per item
            if not wanted:
                return iter(self.instructions)
            return iter([instruction for instruction in self.instructions if instruction.keyword in wanted])
        return self._with_triggers(wanted)

    def _with_triggers(self, wanted: set[str]) -> Iterator[Instruction]:
        for instruction in self.instructions:
            if not wanted or instruction.keyword in wanted:
                yield instruction
            inner = instruction.inner
            if inner is not None and (not wanted or inner.keyword in wanted):
                yield inner


# Entry point --------------------------------------------------------------------------------


def parse_dockerfile(text: str, build_args: Mapping[str, str] | None = None) -> Dockerfile:
    """Parse Dockerfile text. Never raises: problems are reported in ``issues``.

    ``build_args`` are the ``--build-arg`` values of the build: global ARGs resolve to them."""
    try:
        return _Parser(text, build_args or {}).run()
    except Exception as error:  # a bug must not take the linter down; report it instead
        lines = _split_lines(text)
        issue = SyntaxIssue("syntax-error", FILE_START, f"internal parser error: {error!r}")
        return Dockerfile(text, lines, [], [], [], [], [], "\\", [issue])


def _split_lines(text: str) -> list[str]:
    # Only "\n" ends a line (as in BuildKit's scanner); a "\r" before it is part of the ending.
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    return lines


class _Parser:
    def __init__(self, text: str, build_args: Mapping[str, str]) -> None:
        self.text = text
        self.build_args = build_args
        self.lines = _split_lines(text)
        self.escape = "\\"
        self.issues: list[SyntaxIssue] = []
        self.comments: list[Comment] = []
        self.directives: list[Directive] = []
        self.instructions: list[Instruction] = []

    def run(self) -> Dockerfile:
        self.read_directives()
        index = 0
        lines = self.lines
        count = len(lines)
        while index < count:
            # read_line, inlined: most lines are one-line instructions, comments or blank
            stripped = lines[index].lstrip(_WHITESPACE)
            if not stripped:
                index += 1
            elif stripped[0] == "#":
                self.add_comment(index + 1, lines[index])
                index += 1
            else:
                index = self.read_instruction(index)
        stages, global_args = _assemble_stages(self.instructions, self.issues, self.escape, self.build_args)
        if not self.instructions:
            self.issues.append(SyntaxIssue("syntax-error", FILE_START, "no instructions found"))
        return Dockerfile(
            text=self.text,
            lines=self.lines,
            directives=self.directives,
            instructions=self.instructions,
            stages=stages,
            global_args=global_args,
            comments=self.comments,
            escape=self.escape,
            syntax_issues=self.issues,
            build_args=self.build_args,
        )

    def issue(self, span: Span, message: str) -> None:
        self.issues.append(SyntaxIssue("syntax-error", span, message))

    # Directives -----------------------------------------------------------------------------

    def read_directives(self) -> None:
        """Parser directives: only in the leading comment lines, until anything else."""
        for number, line in enumerate(self.lines, start=1):
            match = _DIRECTIVE_RE.match(line)
            if match is None or match.group(1).lower() not in _DIRECTIVES:
                return
            name, value = match.group(1).lower(), match.group(2)
            span = Span.whole_line(number, line)
            value_span = Span.at(number, match.start(2) + 1, number, match.end(2) + 1)
            if any(d.name == name for d in self.directives):
                self.issue(span, f"only one {name} parser directive can be used")
                continue
            if name == "escape":
                if value not in ("\\", "`"):
                    self.issue(value_span, f"invalid escape {value!r}: must be ` or \\")
                    continue
                self.escape = value
            self.directives.append(Directive(name, value, span, value_span))

    # Lines ----------------------------------------------------------------------------------

    def read_line(self, index: int) -> int:
        """Read what starts at ``lines[index]``; return the index of the next unread line."""
        line = self.lines[index]
        stripped = line.lstrip(_WHITESPACE)
        if not stripped:
            return index + 1
        if stripped.startswith("#"):
            self.add_comment(index + 1, line)
            return index + 1
        return self.read_instruction(index)

    def add_comment(self, number: int, text: str) -> None:
        column = len(text) - len(text.lstrip(_WHITESPACE)) + 1
        self.comments.append(Comment(number, column, text[column - 1 :]))

    def trim_continuation(self, text: str) -> tuple[bool, str]:
        """Remove a trailing escape (plus trailing blanks); tell whether the line continues."""
        trimmed = text.rstrip(" \t")
        if trimmed.endswith(self.escape):
            return True, trimmed[: -len(self.escape)]
        return False, text

    def read_instruction(self, index: int) -> int:
        lines = self.lines
        escape = self.escape
        source = SourceMap()
        line = lines[index]
        content = line.lstrip(_WHITESPACE)
        indent = len(line) - len(content)
        # trim_continuation, inlined for the first line
        trimmed = content.rstrip(" \t")
        continues = trimmed.endswith(escape)
        if continues:
            content = trimmed[: -len(escape)]
        source.add(index + 1, indent + 1, len(content))
        last_line = index + 1
        index += 1
        if continues:
            pieces = [content]
            count = len(lines)
            add = source.add
            while continues and index < count:
                raw = lines[index]
                index += 1
                stripped = raw.lstrip(_WHITESPACE)
                if not stripped:
                    continue
                if stripped[0] == "#":
                    self.add_comment(index, raw)
                    continue
                # trim_continuation, inlined
                trimmed = raw.rstrip(" \t")
                continues = trimmed.endswith(escape)
                content = trimmed[: -len(escape)] if continues else raw
                add(index, 1, len(content))
                pieces.append(content)
                last_line = index
            logical = "".join(pieces)
        else:
            logical = content
        if not logical.strip(_WHITESPACE):  # only escapes and blanks: nothing to build
            return index
        instruction = _build_instruction(logical, 0, source, escape, self.issues)
        end = Position(last_line, len(lines[last_line - 1]) + 1)
        instruction.span = Span(instruction.keyword_span.start, end)
        if instruction.inner is not None:
            instruction.inner.span = Span(instruction.inner.keyword_span.start, end)
        self.instructions.append(instruction)
        if "<<" not in logical:  # no heredoc can open (read_heredoc_bodies would find none)
            return index
        return self.read_heredoc_bodies(instruction, index)

    # Heredocs -------------------------------------------------------------------------------

    def read_heredoc_bodies(self, instruction: Instruction, index: int) -> int:
        target = instruction.inner or instruction
        if target.keyword not in HEREDOC_INSTRUCTIONS or target.exec_args is not None:
            return index
        if "<<" not in target.args:
            return index
        for start, word in _heredoc_words(target.tokens, target.args):
            opener = _heredoc_opener(word, start, self.escape)
            if opener is None:
                continue
            heredoc, index = self.read_heredoc_body(target, opener, index)
            target.heredocs.append(heredoc)
            end_line = min(index, len(self.lines))
            if end_line >= 1:
                end = Position(end_line, len(self.lines[end_line - 1]) + 1)
                instruction.span = Span(instruction.span.start, max(end, instruction.span.end))
            if target is not instruction:
                target.span = Span(target.span.start, instruction.span.end)
            if not heredoc.terminated:
                break
        if target.keyword == "RUN":
            for heredoc in target.heredocs:
                heredoc.interpreter = _heredoc_program(target, heredoc)
        return index

    def read_heredoc_body(self, target: Instruction, opener: _HeredocOpener, index: int) -> tuple[Heredoc, int]:
        body_map = SourceMap()
        body: list[str] = []
        first_line = index + 1  # may be past the end of the file
        terminated = False
        while index < len(self.lines):
            raw = self.lines[index]
            index += 1
            content = raw.lstrip("\t") if opener.strip_tabs else raw
            if content == opener.delimiter:
                terminated = True
                break
            body_map.add(index, 1 + len(raw) - len(content), len(content) + 1)
            body.append(content + "\n")
        if body:
            last_line = first_line + len(body) - 1
            end = Position(last_line, len(self.lines[last_line - 1]) + 1)
            body_span = Span(Position(first_line, 1), end)
        else:
            # Empty: at the start of the terminator line, or at the end of the file.
            last = len(self.lines)
            at = Position(first_line, 1) if terminated else Position(last, len(self.lines[-1]) + 1)
            body_span = Span(at, at)
            body_map.add(at.line, at.column, 0)
        start, end_offset = opener.start, opener.end
        heredoc = Heredoc(
            delimiter=opener.delimiter,
            body="".join(body),
            body_span=body_span,
            quoted=opener.quoted,
            strip_tabs=opener.strip_tabs,
            start=start,
            end=end_offset,
            span=target.span_of(start, end_offset),
            terminated=terminated,
            _map=body_map,
        )
        if not terminated:
            message = f"unterminated heredoc: no line {opener.delimiter!r} before the end of file"
            self.issue(heredoc.span, message)
        return heredoc, index


@dataclass
class _HeredocOpener:
    delimiter: str
    quoted: bool
    strip_tabs: bool
    start: int  # offsets in Instruction.args of "<<-'EOF'" (without fd digits)
    end: int


def _heredoc_words(tokens: list[Token], args: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of the words that may open a heredoc. Like BuildKit's lexer, a ``<<``
    followed by blanks takes the next word along: ``<<  EOF`` is one heredoc word."""
    position = 0
    while position < len(tokens):
        token = tokens[position]
        position += 1
        if _BARE_HEREDOC_OPERATOR_RE.fullmatch(token.raw) and position < len(tokens):
            following = tokens[position]
            position += 1
            yield token.start, args[token.start : following.end]
        else:
            yield token.start, token.raw


def _heredoc_opener(word: str, start: int, escape: str) -> _HeredocOpener | None:
    """``<<EOF``, ``<<-EOF``, ``<<"EOF"``, ``2<<EOF``, ``<< EOF`` -> the heredoc it opens.

    As in BuildKit, the delimiter is the whole rest of the word, unquoted (``<<EOF>f`` waits
    for a line ``EOF>f``), and it is quoted if quoting removed any quote character."""
    match = _HEREDOC_RE.fullmatch(word)
    if match is None:
        return None
    rest = match.group(3)
    delimiter = _unquote(rest, escape)
    if not delimiter:
        return None
    quote_count = rest.count("'") + rest.count('"')
    quoted = delimiter.count("'") + delimiter.count('"') != quote_count
    operator_start = start + len(match.group(1))
    return _HeredocOpener(delimiter, quoted, bool(match.group(2)), operator_start, start + len(word))


def _heredoc_program(instruction: Instruction, heredoc: Heredoc) -> str | None:
    """The program a RUN heredoc is fed to, from the command it is attached to; None when the
    heredoc stands alone (then the stage's shell or the body's ``#!`` line runs it)."""
    before = instruction.args[instruction.body_offset : heredoc.start]
    segment = _COMMAND_SEPARATOR_RE.split(before)[-1]
    words = [_unquote(word, instruction._escape) for word in segment.split()]
    words = [word for word in words if not _ASSIGNMENT_RE.match(word) and "<<" not in word]
    while words and words[0].rsplit("/", 1)[-1] in ("env", "sudo", "exec"):
        words = [word for word in words[1:] if not word.startswith("-")]
        words = [word for word in words if not _ASSIGNMENT_RE.match(word)]
    return words[0] if words else None


def _shebang_program(body: str) -> str | None:
    if not body.startswith("#!"):
        return None
    words = body[2:].split("\n", 1)[0].split()
    if words and words[0].rsplit("/", 1)[-1] == "env":
        words = [word for word in words[1:] if not word.startswith("-") and "=" not in word]
    return words[0] if words else None


# Building instructions ----------------------------------------------------------------------


def _build_instruction(text: str, base: int, source: SourceMap, escape: str, issues: list[SyntaxIssue]) -> Instruction:
    """Build the instruction ``text``, which starts at offset ``base`` of ``source``."""
    match = _KEYWORD_RE.match(text)
    keyword_end = match.end() if match else 0
    args_start = _SPACES_RE.match(text, keyword_end).end()  # type: ignore[union-attr]
    keyword_span = source.span_of(base, base + keyword_end)
    instruction = Instruction(
        keyword=text[:keyword_end].upper(),
        keyword_span=keyword_span,
        span=keyword_span,  # the caller knows the physical lines and sets the full span
        args=text[args_start:].rstrip(_WHITESPACE),
        _map=source,
        _args_start=base + args_start,
        _escape=escape,
    )
    if instruction.keyword not in INSTRUCTIONS:
        issues.append(_unknown_instruction(instruction, text[:keyword_end]))
        return instruction
    _read_flags(instruction)
    _note_unknown_flags(instruction, issues)
    _ANALYSERS.get(instruction.keyword, _analyse_plain)(instruction, issues)
    return instruction


def _unknown_instruction(instruction: Instruction, word: str) -> SyntaxIssue:
    """A misspelt instruction is an error the builder stops at; any other unknown word may be
    syntax newer than this parser (a future frontend's instruction): noted, not guessed at."""
    if not instruction.keyword.isalpha():  # not a word at all: garbage, not newer syntax
        return SyntaxIssue("syntax-error", instruction.keyword_span, f"unknown instruction: {word[:40]}")
    close = difflib.get_close_matches(instruction.keyword, INSTRUCTIONS, n=1, cutoff=0.75)
    if close:
        message = f"unknown instruction: {word[:40]} (did you mean {close[0]}?)"
        return SyntaxIssue("syntax-error", instruction.keyword_span, message)
    message = f"unknown instruction {word[:40]!r}: newer than containerlint, or a typo; it is not checked"
    return SyntaxIssue("unknown-syntax", instruction.keyword_span, message)


def _note_unknown_flags(instruction: Instruction, issues: list[SyntaxIssue]) -> None:
    known = KNOWN_FLAGS.get(instruction.keyword)
    if known is None:
        return
    for flag in instruction.flags:
        if flag.name not in known:
            message = f"{instruction.keyword}: unknown flag --{flag.name}: newer than containerlint, or a typo"
            issues.append(SyntaxIssue("unknown-syntax", flag.span, message))


def _report(instruction: Instruction, issues: list[SyntaxIssue], message: str, span: Span) -> None:
    issues.append(SyntaxIssue("syntax-error", span, f"{instruction.keyword}: {message}"))


def _whole_args_span(instruction: Instruction) -> Span:
    if not instruction.args:
        return instruction.keyword_span
    return instruction.span_of(0, len(instruction.args))


def _require_arguments(instruction: Instruction, issues: list[SyntaxIssue]) -> bool:
    if instruction.body.strip(_WHITESPACE):
        return True
    _report(instruction, issues, "requires at least one argument", instruction.keyword_span)
    return False


def _analyse_plain(instruction: Instruction, issues: list[SyntaxIssue]) -> None:
    _require_arguments(instruction, issues)


def _analyse_command(instruction: Instruction, issues: list[SyntaxIssue]) -> None:
    """RUN, CMD, ENTRYPOINT: exec form if the body is a JSON array of strings, else shell."""
    instruction.command_offset = instruction.body_offset
    if instruction.keyword == "RUN":
        _require_arguments(instruction, issues)
    _read_exec_form(instruction, instruction.body_offset, issues)


def _analyse_shell(instruction: Instruction, issues: list[SyntaxIssue]) -> None:
    instruction.command_offset = instruction.body_offset
    if not _require_arguments(instruction, issues):
        return
    _read_exec_form(instruction, instruction.body_offset, issues)
    if instruction.exec_args is None:
        message = 'requires the arguments in JSON form, e.g. SHELL ["/bin/sh", "-c"]'
        _report(instruction, issues, message, _whole_args_span(instruction))
    elif not instruction.exec_args:
        _report(instruction, issues, "needs at least one element", _whole_args_span(instruction))


def _analyse_copy(instruction: Instruction, issues: list[SyntaxIssue]) -> None:
    """COPY, ADD: JSON array or whitespace-separated words; sources then destination."""
    _read_exec_form(instruction, instruction.body_offset, issues)
    if len(instruction.words) < 2:
        span = instruction.words[0].span if instruction.words else instruction.keyword_span
        _report(instruction, issues, "requires at least two arguments (source, destination)", span)


def _analyse_volume(instruction: Instruction, issues: list[SyntaxIssue]) -> None:
    if _require_arguments(instruction, issues):
        _read_exec_form(instruction, instruction.body_offset, issues)
        if instruction.exec_args == []:
            _report(instruction, issues, "requires at least one argument", instruction.keyword_span)


def _analyse_healthcheck(instruction: Instruction, issues: list[SyntaxIssue]) -> None:
    """``HEALTHCHECK [flags] CMD command`` or ``HEALTHCHECK NONE``."""
    if not _require_arguments(instruction, issues):
        return
    kind = instruction.tokens[0]
    instruction.healthcheck_type = kind.value.upper()
    if instruction.healthcheck_type == "NONE":
        if len(instruction.tokens) > 1:
            span = instruction.span_of(instruction.tokens[1].start, len(instruction.args))
            _report(instruction, issues, "HEALTHCHECK NONE takes no arguments", span)
        return
    if instruction.healthcheck_type != "CMD":
        _report(instruction, issues, f"unknown type {kind.value!r} (try CMD or NONE)", kind.span)
        return
    command_offset = _SPACES_RE.match(instruction.args, kind.end).end()  # type: ignore[union-attr]
    instruction.command_offset = command_offset
    if command_offset >= len(instruction.args):
        _report(instruction, issues, "missing command after HEALTHCHECK CMD", kind.span)
        return
    _read_exec_form(instruction, command_offset, issues)


def _analyse_from(instruction: Instruction, issues: list[SyntaxIssue]) -> None:
    tokens = instruction.tokens
    if len(tokens) == 3 and tokens[1].value.lower() == "as":
        name = tokens[2].value.lower()
        if not _STAGE_NAME_RE.fullmatch(name):
            _report(instruction, issues, f"invalid stage name {tokens[2].value!r}", tokens[2].span)
    elif len(tokens) != 1:
        message = "requires either one or three arguments (FROM image [AS name])"
        _report(instruction, issues, message, _whole_args_span(instruction))


def _analyse_key_values(instruction: Instruction, issues: list[SyntaxIssue]) -> None:
    """ENV and LABEL: ``key=value ...`` or the legacy ``key value`` (value = rest of line)."""
    tokens = instruction.tokens
    if not _require_arguments(instruction, issues):
        return
    if "=" not in tokens[0].raw:
        _read_legacy_pair(instruction, issues)
        return
    for token in tokens:
        if "=" not in token.raw:
            message = f"can't find = in {token.raw!r}; must be of the form name=value"
            _report(instruction, issues, message, token.span)
            continue
        instruction.key_values.append(_key_value(instruction, token))


def _read_legacy_pair(instruction: Instruction, issues: list[SyntaxIssue]) -> None:
    key = instruction.tokens[0]
    value_start = _SPACES_RE.match(instruction.args, key.end).end()  # type: ignore[union-attr]
    if value_start >= len(instruction.args):
        _report(instruction, issues, "must have two arguments (key value)", key.span)
        return
    value_end = len(instruction.args)
    raw_value = instruction.args[value_start:value_end]
    value = _unquote(raw_value, instruction._escape)
    pair = KeyValue(key.value, value, key.start, value_end, key.end, value_start, instruction._locator, True)
    instruction.key_values.append(pair)


def _analyse_arg(instruction: Instruction, issues: list[SyntaxIssue]) -> None:
    if not _require_arguments(instruction, issues):
        return
    for token in instruction.tokens:
        if "=" in token.raw:
            instruction.key_values.append(_key_value(instruction, token))
        else:
            pair = KeyValue(token.value, None, token.start, token.end, token.end, None, instruction._locator)
            instruction.key_values.append(pair)


def _key_value(instruction: Instruction, token: Token) -> KeyValue:
    equals = token.start + token.raw.index("=")
    escape = instruction._escape
    return KeyValue(
        key=_unquote(token.raw[: equals - token.start], escape),
        value=_unquote(token.raw[equals - token.start + 1 :], escape),
        start=token.start,
        end=token.end,
        key_end=equals,
        value_start=equals + 1,
        _locator=instruction._locator,
    )


def _analyse_onbuild(instruction: Instruction, issues: list[SyntaxIssue]) -> None:
    if not _require_arguments(instruction, issues):
        return
    start = instruction._args_start + instruction.body_offset
    inner = _build_instruction(instruction.body, start, instruction._map, instruction._escape, issues)
    if inner.keyword in ("ONBUILD", "FROM", "MAINTAINER"):
        message = f"{inner.keyword} isn't allowed as a trigger"
        _report(instruction, issues, message, inner.keyword_span)
    instruction.inner = inner


_ANALYSERS = {
    "RUN": _analyse_command,
    "CMD": _analyse_command,
    "ENTRYPOINT": _analyse_command,
    "SHELL": _analyse_shell,
    "COPY": _analyse_copy,
    "ADD": _analyse_copy,
    "VOLUME": _analyse_volume,
    "HEALTHCHECK": _analyse_healthcheck,
    "FROM": _analyse_from,
    "ENV": _analyse_key_values,
    "LABEL": _analyse_key_values,
    "ARG": _analyse_arg,
    "ONBUILD": _analyse_onbuild,
}


# Words, flags and the exec form -------------------------------------------------------------

_WORD_RES: dict[str, re.Pattern[str]] = {}


def _word_re(escape: str) -> re.Pattern[str]:
    """A word: unquoted characters, escaped characters and (possibly unclosed) quotes."""
    pattern = _WORD_RES.get(escape)
    if pattern is None:
        e = re.escape(escape)
        pattern = re.compile(
            rf"""(?:[^\s"'{e}]|{e}.|{e}$|"(?:[^"{e}]|{e}.|{e}$)*(?:"|$)|'[^']*(?:'|$))+""",
            re.DOTALL,
        )
        _WORD_RES[escape] = pattern
    return pattern


def _tokenize(instruction: Instruction, start: int, end: int) -> list[Token]:
    escape = instruction._escape
    locator = instruction._locator
    return [
        Token(raw, _unquote(raw, escape), match.start(), match.end(), locator)
        for match in _word_re(escape).finditer(instruction.args, start, end)
        for raw in (match.group(),)
    ]


def _unquote(raw: str, escape: str) -> str:
    """Remove quotes and resolve escapes the way BuildKit's word processing does."""
    if escape not in raw:
        single, double = "'" in raw, '"' in raw
        if not single:  # only double quotes, no escapes: each quote just opens or closes
            return raw.replace('"', "") if double else raw
        if not double:  # only single quotes: the same
            return raw.replace("'", "")
    out: list[str] = []
    quote = ""
    position = 0
    while position < len(raw):
        char = raw[position]
        following = raw[position + 1] if position + 1 < len(raw) else ""
        if quote == "'":
            if char == "'":
                quote = ""
            else:
                out.append(char)
        elif quote == '"' and char == '"':
            quote = ""
        elif quote == '"' and char == escape:
            if following in ('"', "$", escape) and following:
                out.append(following)
                position += 1
            else:
                out.append(char)
        elif quote == '"':
            out.append(char)
        elif char in "'\"":
            quote = char
        elif char == escape:
            out.append(following)
            position += 1
        else:
            out.append(char)
        position += 1
    return "".join(out)


def _read_flags(instruction: Instruction) -> None:
    """Leading ``--name[=value]`` words; ``--`` alone ends them. Sets ``body_offset``."""
    args = instruction.args
    if args and args[0] != "-" and not args[0].isspace():
        instruction.body_offset = 0  # the first word starts at 0 and is no flag
        return
    offset = 0
    for match in _word_re(instruction._escape).finditer(args):
        raw = match.group()
        if not raw.startswith("--"):
            instruction.body_offset = match.start()
            return
        offset = _SPACES_RE.match(args, match.end()).end()  # type: ignore[union-attr]
        if raw == "--":
            instruction.body_offset = offset
            return
        instruction.flags.append(_flag(instruction, raw, match.start(), match.end()))
    instruction.body_offset = offset if instruction.flags else len(args)


def _flag(instruction: Instruction, raw: str, start: int, end: int) -> Flag:
    raw_name, equals, raw_value = raw[2:].partition("=")
    name = _unquote(raw_name, instruction._escape)
    if not equals:
        return Flag(name, None, start, end, None, instruction._locator)
    value_start = start + 2 + len(raw_name) + 1
    value = _unquote(raw_value, instruction._escape)
    flag = Flag(name, value, start, end, value_start, instruction._locator)
    if name == "mount":
        flag.options = _mount_options(instruction, flag, exact=value == raw_value)
    return flag


def _mount_options(instruction: Instruction, flag: Flag, exact: bool) -> dict[str, FlagOption]:
    """``type=cache,target=/x,ro,z`` -> ordered options; bare words get value None."""
    options: dict[str, FlagOption] = {}
    value_start = flag.value_start or 0
    position = 0
    for part in (flag.value or "").split(","):
        part_start, position = position, position + len(part) + 1
        key, equals, value = part.partition("=")
        if not key.strip():
            continue
        if exact:
            start, end = value_start + part_start, value_start + part_start + len(part)
            option_value_start = start + len(key) + 1
        else:  # quotes or escapes in the flag: offsets inside it are not exact
            start, end, option_value_start = value_start, flag.end, value_start
        normalized = key.strip().lower()
        options[normalized] = FlagOption(
            key=normalized,
            value=value if equals else None,
            start=start,
            end=end,
            value_start=option_value_start if equals else None,
            _locator=instruction._locator,
        )
    return options


def _read_exec_form(instruction: Instruction, offset: int, issues: list[SyntaxIssue]) -> None:
    """Set ``exec_args`` if ``args[offset:]`` is a JSON array of strings.

    Like BuildKit: text that is not valid JSON is the shell form; a valid JSON array with
    non-string elements is an error.
    """
    text = instruction.args[offset:]
    if not text.startswith("["):
        return
    try:
        parsed = json.loads(text)
    except (ValueError, RecursionError):
        return
    if not isinstance(parsed, list) or not all(isinstance(item, str) for item in parsed):
        message = "a JSON array must contain only strings"
        instruction._bad_json = True
        _report(instruction, issues, message, instruction.span_of(offset, len(instruction.args)))
        return
    tokens = []
    locator = instruction._locator
    for match, value in zip(_JSON_STRING_RE.finditer(text), parsed, strict=False):
        start, end = offset + match.start(), offset + match.end()
        tokens.append(Token(match.group(), value, start, end, locator))
    instruction.exec_args = tokens


# Stages and ARG expansion -------------------------------------------------------------------


def _assemble_stages(
    instructions: list[Instruction], issues: list[SyntaxIssue], escape: str, build_args: Mapping[str, str]
) -> tuple[list[Stage], list[KeyValue]]:
    stages: list[Stage] = []
    global_args: list[KeyValue] = []
    implicit: Stage | None = None
    current: Stage | None = None
    final_shells: dict[int, tuple[str, ...]] = {}
    default_shell = WINDOWS_DEFAULT_SHELL if escape == "`" else DEFAULT_SHELL
    shell = default_shell
    # The global ARGs are all read by the first FROM; their values serve every FROM after it.
    values: dict[str, str | None] | None = None
    named = _StageNames()  # the real stages so far, by name: no rescan per FROM
    for instruction in instructions:
        if instruction.keyword == "FROM":
            if values is None:
                values = _global_arg_values(global_args, escape, build_args)
            current = _new_stage(instruction, named, values, issues)
            stages.append(current)
            shell = final_shells.get(current.base_stage, default_shell)  # type: ignore[arg-type]
        elif current is None and instruction.keyword == "ARG":
            global_args.extend(instruction.key_values)
            continue
        elif current is None and implicit is None:
            implicit = Stage(-1, None, None, None, "", None, None)
            stages.insert(0, implicit)
            message = f"{instruction.keyword} before the first FROM: only ARG may come first"
            issues.append(SyntaxIssue("syntax-error", instruction.keyword_span, message))
        stage = current or implicit
        assert stage is not None
        stage.instructions.append(instruction)
        shell = _apply_stage_context(instruction, stage.index, shell)
        final_shells[stage.index] = shell
    return stages, global_args


def _apply_stage_context(instruction: Instruction, stage_index: int, shell: tuple[str, ...]) -> tuple[str, ...]:
    """Record the stage and SHELL on the instruction; return the SHELL for the next one."""
    for target in (instruction, instruction.inner):
        if target is None:
            continue
        target.stage_index = stage_index
        target.shell_command = shell
        for heredoc in target.heredocs:
            if target.keyword == "RUN" and heredoc.interpreter is None:
                heredoc.interpreter = _shebang_program(heredoc.body) or shell[0]
    if instruction.keyword == "SHELL" and instruction.exec_args:
        return tuple(token.value for token in instruction.exec_args)
    return shell


class _StageNames:
    """The real stages read so far: how many, and the index of the first one with each name."""

    def __init__(self) -> None:
        self.count = 0
        self.first: dict[str, int] = {}

    def add(self, stage: Stage) -> None:
        self.count += 1
        if stage.name:
            self.first.setdefault(stage.name, stage.index)


def _new_stage(
    instruction: Instruction,
    earlier: _StageNames,
    arg_values: dict[str, str | None],
    issues: list[SyntaxIssue],
) -> Stage:
    tokens = instruction.tokens
    image_token = tokens[0] if tokens else None
    name_token = tokens[2] if len(tokens) == 3 and tokens[1].value.lower() == "as" else None
    image = image_token.raw if image_token else ""
    resolved = _expand(image, arg_values, instruction._escape) if image else None
    platform = instruction.flag("platform")
    stage = Stage(
        index=earlier.count,
        name=name_token.value.lower() if name_token else None,
        name_span=name_token.span if name_token else None,
        from_instruction=instruction,
        image=image,
        image_span=image_token.span if image_token else None,
        resolved_image=resolved,
        platform=platform.value if platform else None,
    )
    reference = (resolved or image).lower()
    stage.base_stage = earlier.first.get(reference) if reference else None
    if stage.name and stage.name in earlier.first:
        message = f"FROM: duplicate stage name {stage.name!r}"
        issues.append(SyntaxIssue("syntax-error", stage.name_span or instruction.span, message))
    earlier.add(stage)
    return stage


def _global_arg_values(
    global_args: list[KeyValue], escape: str, build_args: Mapping[str, str] | None = None
) -> dict[str, str | None]:
    """Name -> value of the global ARGs: the build's ``--build-arg`` value, else the default
    (earlier ARGs expanded); None if unknown."""
    values: dict[str, str | None] = {}
    for pair in global_args:
        if build_args and pair.key in build_args:
            values[pair.key] = build_args[pair.key]
        elif pair.value is None:
            values.setdefault(pair.key, None)
        else:
            values[pair.key] = _expand(pair.value, values, escape, quoted=False)
    return values


def _expand(text: str, values: dict[str, str | None], escape: str, quoted: bool = True) -> str | None:
    """Replace ``$VAR``/``${VAR...}`` with known values; None if any value is unknown.

    ``quoted`` says whether ``text`` still has its quotes (FROM words) or had them removed
    (ARG values)."""
    out: list[str] = []
    position = 0
    single_quoted = False
    while position < len(text):
        char = text[position]
        if quoted and char == "'":
            single_quoted = not single_quoted
        elif single_quoted or (quoted and char == '"'):
            out.append(char if single_quoted else "")
        elif char == escape and position + 1 < len(text):
            position += 1
            out.append(text[position])
        elif char == "$" and text.startswith("{", position + 1):
            close = _closing_brace(text, position + 2)
            inner = text[position + 2 : close]
            value = None if close < 0 else _expand_braced(inner, values, escape)
            if value is None:
                return None
            out.append(value)
            position = close
        elif char == "$" and (match := _VARIABLE_NAME_RE.match(text, position + 1)):
            value = _known_value(match.group(), values)
            if value is None:
                return None
            out.append(value)
            position = match.end() - 1
        else:
            out.append(char)
        position += 1
    return "".join(out)


def _closing_brace(text: str, start: int) -> int:
    depth = 1
    for position in range(start, len(text)):
        if text[position] == "{":
            depth += 1
        elif text[position] == "}":
            depth -= 1
            if depth == 0:
                return position
    return -1


def _known_value(name: str, values: dict[str, str | None]) -> str | None:
    # Undeclared names and the platform ARGs have no value the file determines.
    if name in PLATFORM_ARGS:
        return None
    return values.get(name)


def _expand_braced(inner: str, values: dict[str, str | None], escape: str) -> str | None:
    match = _BRACED_VARIABLE_RE.fullmatch(inner)
    if match is None:  # ${#x}, ${x%y} and friends: not resolved statically
        return None
    name, operator, word = match.groups()
    value = _known_value(name, values)
    if value is None and operator in (":-", "-") and name not in PLATFORM_ARGS:
        # No value in the file: the default is what a plain build uses (as Compose's
        # ${TAG:-latest} resolves to its default), so `${TAG:-latest}` is judged as `latest`.
        return _expand(word, values, escape, quoted=False)
    if operator is None or value is None:
        return value
    if operator == ":-":
        return value or _expand(word, values, escape, quoted=False)
    if operator == "-":
        return value
    if operator == ":+":
        return _expand(word, values, escape, quoted=False) if value else ""
    if operator == "+":
        return _expand(word, values, escape, quoted=False)
    return value or None  # ":?" / "?": an error when empty, so not a usable value
