"""Simple commands found in a shell script, with offsets, built on tree-sitter-bash.

``parse_shell(text)`` returns a ``ShellScript``. The data model is deliberately flat, because
Dockerfile rules ask questions like "is there an ``apt-get install`` without ``-y``":

* ``ShellScript.commands`` lists every simple command anywhere in the script: in ``&&``/``||``/``;``
  lists, pipelines, subshells, ``{ }`` groups, ``$(...)``/backticks, ``<(...)``, if/for/while/case
  bodies and function bodies. They are in source order (an outer command comes before the
  commands of a ``$(...)`` in its arguments). ``Command.index`` is the position in that list.
* A ``Command`` has a ``name`` (``None`` for ``FOO=1`` or a bare redirection), ``args``
  (redirections excluded), ``assignments`` (``FOO=1 cmd``) and ``redirects``. ``nesting`` names
  the enclosing constructs (``("subshell",)``, ``("command_substitution",)``, ...), empty at the
  top level.
* Order within a list: ``Command.previous`` is the simple command that runs just before this one
  in the same list or pipeline and ``Command.connector`` the operator between them (``"&&"``,
  ``"||"``, ``";"``, ``"&"``, ``"\\n"``, ``"|"``, ``"|&"``). After a compound item (``( ... )``,
  ``if``...) ``previous`` is the last simple command inside it.
* ``ShellScript.pipelines`` lists every pipeline; ``Command.pipeline`` / ``pipeline_index`` tell a
  stage command where it sits.
* A ``Word`` has ``raw`` (source text), ``value`` (quotes removed, escapes resolved; expansions kept
  as written), ``start``/``end`` (character offsets into the script text, end exclusive) and
  ``is_static`` (no parameter, command or arithmetic expansion; globs count as static text).

``ShellScript.span_of(item)`` turns any item's offsets into a source ``Span`` using the locator the
caller supplied (the Dockerfile parser maps into the Dockerfile), or lines/columns of the script
text itself. tree-sitter is imported on the first parse only and the parser object is cached.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from containerlint.model import Position, Span

POSIX_SHELLS = frozenset({"sh", "bash", "dash", "ash", "ksh", "mksh", "zsh"})

Locator = Callable[[int, int], Span]

# Deeper nesting than this is almost certainly hostile input; stop descending instead of
# running into Python's recursion limit.
_MAX_DEPTH = 100

_CONNECTORS = frozenset({"&&", "||", ";", "&", ";;", ";&", ";;&", "\n"})
_REDIRECTS = frozenset({"file_redirect", "herestring_redirect", "heredoc_redirect"})
_SUBSTITUTIONS = frozenset({"command_substitution", "process_substitution"})
_BLOCKS = frozenset(
    {
        "subshell",
        "compound_statement",
        "do_group",
        "if_statement",
        "elif_clause",
        "else_clause",
        "while_statement",
        "for_statement",
        "c_style_for_statement",
        "case_statement",
        "case_item",
        "function_definition",
    }
)
_WORDS = frozenset(
    {
        "word",
        "string",
        "raw_string",
        "ansi_c_string",
        "translated_string",
        "number",
        "concatenation",
        "simple_expansion",
        "expansion",
        "command_substitution",
        "process_substitution",
        "arithmetic_expansion",
        "brace_expression",
        "extglob_pattern",
        "test_operator",
        "regex",
        "variable_name",
    }
)
_EXPANSIONS = frozenset(
    {
        "simple_expansion",
        "expansion",
        "command_substitution",
        "process_substitution",
        "arithmetic_expansion",
        "brace_expression",
    }
)
_TEST_BRACKETS = frozenset({"[", "]", "[[", "]]", "(", ")"})

# Programs that run another program given in their arguments, with the options of theirs that
# take a separate value, and how many positional arguments they take before the program.
_WRAPPERS: dict[str, tuple[frozenset[str], int]] = {
    "sudo": (
        frozenset({"-u", "-g", "-h", "-C", "-p", "-r", "-t", "-U", "-D", "--user", "--group"}),
        0,
    ),
    "doas": (frozenset({"-u", "-C"}), 0),
    "env": (frozenset({"-u", "--unset", "-C", "--chdir", "-S"}), 0),
    "exec": (frozenset({"-a"}), 0),
    "nice": (frozenset({"-n", "--adjustment"}), 0),
    "nohup": (frozenset(), 0),
    "time": (frozenset({"-f", "-o", "--format", "--output"}), 0),
    "gosu": (frozenset(), 1),
    "su-exec": (frozenset(), 1),
}


class _computed_once:
    """``functools.cached_property`` without its lock (Python 3.11 takes one on every first
    access, which cost more than the value on large files): the value is stored in the
    instance's ``__dict__``, where later lookups find it before this descriptor."""

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


@dataclass(eq=False)
class Word:
    raw: str
    value: str
    start: int
    end: int
    is_static: bool = True

    def __str__(self) -> str:
        return self.value


@dataclass(eq=False)
class Assignment:
    """``NAME=value`` (or ``NAME+=value``) before a command or on its own."""

    name: str
    value: Word | None
    start: int
    end: int
    operator: str = "="


@dataclass(eq=False)
class Redirect:
    """``2>&1``, ``> file``, ``<<< word``, ``<<EOF``: ``operator`` without the descriptor."""

    operator: str
    target: Word | None
    start: int
    end: int
    fd: str | None = None


@dataclass(eq=False)
class Pipeline:
    commands: list[Command]  # the stages that are simple commands, in order
    operators: list[str]  # "|" or "|&" between stages
    start: int
    end: int
    stages: int  # number of stages, compound ones included
    negated: bool = False


@dataclass(eq=False)
class Command:
    """A simple command. ``start``/``end`` cover it with its redirections.

    ``previous``/``connector`` link it to the command before it in its list or pipeline (see the
    module docstring); ``index`` is its position in ``ShellScript.commands``.
    """

    name: Word | None
    args: list[Word]
    start: int
    end: int
    assignments: list[Assignment] = field(default_factory=list)
    redirects: list[Redirect] = field(default_factory=list)
    nesting: tuple[str, ...] = ()
    index: int = -1
    pipeline: Pipeline | None = None
    pipeline_index: int = 0
    previous: Command | None = None
    connector: str | None = None

    @_computed_once
    def program(self) -> str | None:
        """The command name without its directory: ``/usr/bin/apt-get`` -> ``apt-get``.

        Computed once (rules ask for it millions of times on a large file); ``name`` is never
        reassigned after parsing (``unwrapped`` makes new commands)."""
        if self.name is None:
            return None
        return self.name.value.rsplit("/", 1)[-1]

    @property
    def in_pipeline(self) -> bool:
        return self.pipeline is not None

    @property
    def arg_values(self) -> list[str]:
        return [word.value for word in self.args]

    @property
    def subcommand(self) -> str | None:
        """The first positional argument (``install`` in ``apt-get -y install curl``)."""
        words = self.positional()
        return words[0].value if words else None

    def is_named(self, *names: str) -> bool:
        """True if the program (or the name as written) is one of ``names``."""
        if self.name is None:
            return False
        return self.program in names or self.name.value in names

    def has_flag(self, *flags: str) -> bool:
        """True if any of ``flags`` is given before ``--``.

        ``--name`` also matches ``--name=value``; a one-letter flag like ``-y`` also matches a
        cluster of short flags such as ``-qy``.
        """
        words = self._option_words()
        return any(_flag_matches(word.value, flag) for word in words for flag in flags)

    def option_value(self, *names: str) -> Word | None:
        """The value of ``--name=value``, ``--name value`` or ``-n value`` (first match)."""
        words = self._option_words()
        for position, word in enumerate(words):
            for name in names:
                if word.value == name and position + 1 < len(words):
                    return words[position + 1]
                if name.startswith("--") and word.value.startswith(name + "="):
                    prefix = len(name) + 1
                    return _sub_word(word, prefix)
        return None

    def positional(self, takes_value: Iterable[str] = ()) -> list[Word]:
        """Arguments that are not options. Options named in ``takes_value`` (``-o``, ``--target``)
        consume the following argument, which is then not positional either."""
        valued = set(takes_value)
        result: list[Word] = []
        skip_next = False
        options_done = False
        for word in self.args:
            if skip_next:
                skip_next = False
                continue
            value = word.value
            if options_done or not value.startswith("-") or value == "-":
                result.append(word)
            elif value == "--":
                options_done = True
            elif value in valued:
                skip_next = True
        return result

    def unwrapped(self) -> Command:
        """The command that a wrapper runs: ``sudo -u x apt-get install`` -> ``apt-get install``.

        Understands sudo, doas, env (with assignments), exec, nice, nohup, time, gosu, su-exec.
        Returns ``self`` when there is no wrapper (or nothing after it).
        """
        current = self
        while current.program in _WRAPPERS and current.name is not None:
            unwrapped = _strip_wrapper(current, *_WRAPPERS[current.program])
            if unwrapped is None:
                break
            current = unwrapped
        return current

    def preceding(self) -> Iterator[Command]:
        """Commands before this one in the same list or pipeline, nearest first."""
        command = self.previous
        while command is not None:
            yield command
            command = command.previous

    def _option_words(self) -> list[Word]:
        for position, word in enumerate(self.args):
            if word.value == "--":
                return self.args[:position]
        return self.args


@dataclass(eq=False)
class ShellScript:
    text: str
    commands: list[Command]
    pipelines: list[Pipeline]
    has_error: bool = False
    error_offset: int | None = None
    tree: Any = None  # the tree_sitter.Tree, for rules that need more than this model
    locate: Locator | None = None

    def span_of(self, item: Any) -> Span:
        """The source span of a Word, Command, Pipeline, Assignment or Redirect of this script."""
        start, end = item.start, item.end
        if self.locate is not None:
            return self.locate(start, end)
        return _locate_in_text(self.text, start, end)

    def error_span(self) -> Span | None:
        """One character at the first place the shell grammar could not read, if any."""
        if self.error_offset is None:
            return None
        end = min(self.error_offset + 1, len(self.text))
        return self.span_of(_Range(self.error_offset, max(end, self.error_offset)))

    def error_excerpt(self, width: int = 30) -> str:
        """The text where the first error is (up to the end of its line), for messages."""
        if self.error_offset is None:
            return ""
        excerpt = self.text[self.error_offset :].split("\n", 1)[0].strip()
        return excerpt if len(excerpt) <= width else excerpt[: width - 3] + "..."

    def commands_named(self, *names: str) -> list[Command]:
        return [command for command in self.commands if command.is_named(*names)]


@dataclass
class _Range:
    start: int
    end: int


def parse_shell(text: str, locate: Locator | None = None) -> ShellScript:
    """Parse ``text`` as a bash script. Never raises; unreadable parts set ``has_error``."""
    data = text.encode("utf-8", "surrogatepass")
    tree = _parser().parse(data)
    builder = _Builder(text, data)
    builder.sequence(tree.root_node.children)
    commands = sorted(builder.commands, key=lambda command: (command.start, -command.end))
    for position, command in enumerate(commands):
        command.index = position
    error = _first_error_byte(tree.root_node)
    return ShellScript(
        text=text,
        commands=commands,
        pipelines=sorted(builder.pipelines, key=lambda pipeline: pipeline.start),
        has_error=error is not None,
        error_offset=None if error is None else builder.char(error),
        tree=tree,
        locate=locate,
    )


_PARSER: Any = None


def _parser() -> Any:
    global _PARSER
    if _PARSER is None:
        import tree_sitter_bash
        from tree_sitter import Language, Parser

        _PARSER = Parser(Language(tree_sitter_bash.language()))
    return _PARSER


def _first_error_byte(root: Any) -> int | None:
    if not root.has_error:
        return None
    best: Any = None
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            if best is None or node.start_byte < best.start_byte:
                best = node
            continue
        if node.has_error:
            stack.extend(node.children)
    return root.start_byte if best is None else _error_start(best)


def _error_start(error: Any) -> int:
    """Where an ERROR node goes wrong: tree-sitter often starts it at complete statements that
    precede the problem, so skip children that are whole, error-free statements."""
    node = error
    for _ in range(_MAX_DEPTH):
        culprit = next((child for child in node.children if child.has_error or not _is_whole(child)), None)
        if culprit is None:
            return node.start_byte
        if culprit.is_error and culprit.child_count:
            node = culprit
            continue
        return culprit.start_byte
    return node.start_byte


def _is_whole(node: Any) -> bool:
    return node.is_named and not node.is_missing and node.type in _STATEMENTS


_STATEMENTS = frozenset(
    {"command", "list", "pipeline", "redirected_statement", "declaration_command"}
    | {"unset_command", "test_command", "variable_assignment", "variable_assignments"}
    | {"negated_command", "comment"}
    | _BLOCKS
)


class _Builder:
    """Walks the tree-sitter tree once, collecting commands and pipelines."""

    def __init__(self, text: str, data: bytes) -> None:
        self.text = text
        self.byte_to_char = None if len(data) == len(text) else _byte_to_char_table(text)
        self.commands: list[Command] = []
        self.pipelines: list[Pipeline] = []
        self.nesting: tuple[str, ...] = ()
        self.depth = 0

    def char(self, byte_offset: int) -> int:
        return byte_offset if self.byte_to_char is None else self.byte_to_char[byte_offset]

    def range_of(self, node: Any) -> tuple[int, int]:
        table = self.byte_to_char
        if table is None:
            return node.start_byte, node.end_byte
        return table[node.start_byte], table[node.end_byte]

    def text_of(self, node: Any) -> str:
        table = self.byte_to_char
        if table is None:
            return self.text[node.start_byte : node.end_byte]
        return self.text[table[node.start_byte] : table[node.end_byte]]

    # Lists -----------------------------------------------------------------------------

    def sequence(self, children: Iterable[Any]) -> tuple[Command | None, Command | None]:
        """Statements joined by operators. Returns the first item's entry command and the
        last command, so that an enclosing list can link across."""
        first: Command | None = None
        last: Command | None = None
        connector: str | None = None
        for child in _flatten_lists(children):
            if not child.is_named:
                if child.type in _CONNECTORS:
                    connector = child.type
                continue
            kind = child.type
            if kind == "comment":
                continue
            entry: Command | None
            item_last: Command | None
            if kind == "command" and self.depth < _MAX_DEPTH:  # statement(), inlined for most items
                self.depth += 1
                entry = item_last = self.command(child)
                self.depth -= 1
            else:
                entry, item_last = self.statement(child)
            if entry is not None:
                if last is not None and entry.previous is None:
                    entry.previous, entry.connector = last, connector or "\n"
                if first is None and last is None:
                    first = entry
            if item_last is not None:
                last = item_last
            connector = None
        return first, last

    def block(self, node: Any) -> tuple[Command | None, Command | None]:
        """A construct with its own list inside (subshell, if, $(...)...)."""
        saved = self.nesting
        self.nesting = (*saved, node.type)
        try:
            _, last = self.sequence(node.children)
        finally:
            self.nesting = saved
        return None, last

    def statement(self, node: Any) -> tuple[Command | None, Command | None]:
        if self.depth >= _MAX_DEPTH:
            return None, None
        self.depth += 1
        try:
            return self.statement_at_depth(node)
        finally:
            self.depth -= 1

    def statement_at_depth(self, node: Any) -> tuple[Command | None, Command | None]:
        kind = node.type
        if kind == "command":
            command = self.command(node)
            return command, command
        if kind in ("declaration_command", "unset_command"):
            command = self.declaration(node)
            return command, command
        if kind == "test_command":
            command = self.test_command(node)
            return command, command
        if kind in ("variable_assignment", "variable_assignments"):
            command = self.assignment_only(node)
            return command, command
        if kind == "list":
            return self.sequence([node])
        if kind == "pipeline":
            return self.pipeline(node)
        if kind == "negated_command":
            return self.sequence(node.children)
        if kind == "redirected_statement":
            return self.redirected(node)
        if kind in _BLOCKS or kind in _SUBSTITUTIONS:
            return self.block(node)
        if kind in _WORDS:
            self.substitutions(node)
            return None, None
        # ERROR nodes and constructs this walker does not model: look inside for statements.
        return self.sequence(node.children)

    def pipeline(self, node: Any) -> tuple[Command | None, Command | None]:
        start, end = self.range_of(node)
        pipeline = Pipeline([], [], start, end, 0)
        first: Command | None = None
        last: Command | None = None
        operator = "|"
        for child in node.children:
            if not child.is_named:
                if child.type in ("|", "|&"):
                    operator = child.type
                    pipeline.operators.append(operator)
                continue
            if pipeline.stages == 0 and child.type == "negated_command":
                pipeline.negated = True
            entry, stage_last = self.statement(child)
            if entry is not None:
                if last is not None:
                    entry.previous, entry.connector = last, operator
                if child.type in ("command", "declaration_command", "redirected_statement"):
                    entry.pipeline, entry.pipeline_index = pipeline, pipeline.stages
                    pipeline.commands.append(entry)
                if pipeline.stages == 0:
                    first = entry
            pipeline.stages += 1
            last = stage_last or last
        if pipeline.stages > 1:
            self.pipelines.append(pipeline)
        else:  # e.g. "! cmd" parses as a one-stage pipeline: not a real pipe
            for command in pipeline.commands:
                command.pipeline = None
        return first, last

    def redirected(self, node: Any) -> tuple[Command | None, Command | None]:
        body = node.child_by_field_name("body")
        redirects: list[Redirect] = []
        extra_args: list[Word] = []
        for child in node.children:
            if child.type in _REDIRECTS:
                self.redirect(child, redirects, extra_args)
        if body is None:  # "> file" on its own
            start, end = self.range_of(node)
            command = self.add_command(None, extra_args, start, end, redirects=redirects)
            return command, command
        entry, last = self.statement(body)
        # tree-sitter hangs "a && b > f" on the whole list; the redirection belongs to "b".
        owner = entry if body.type in ("command", "declaration_command") else last
        if owner is not None and body.type not in _BLOCKS:
            owner.redirects.extend(redirects)
            owner.args.extend(extra_args)
            owner.end = max(owner.end, self.char(node.end_byte))
        return entry, last

    # Simple commands --------------------------------------------------------------------

    def command(self, node: Any) -> Command:
        name: Word | None = None
        args: list[Word] = []
        assignments: list[Assignment] = []
        redirects: list[Redirect] = []
        word = self.word
        table, text = self.byte_to_char, self.text
        for child in node.children:
            kind = child.type
            if kind == "word":  # most arguments: word(), inlined
                if table is None:
                    start, end = child.start_byte, child.end_byte
                else:
                    start, end = table[child.start_byte], table[child.end_byte]
                raw = text[start:end]
                args.append(Word(raw, _unescape_unquoted(raw), start, end, True))
            elif kind == "variable_assignment":
                assignments.append(self.assignment(child))
            elif kind == "command_name":
                inner = child.named_children[0] if child.named_child_count else child
                name = word(inner)
            elif kind in _REDIRECTS:
                self.redirect(child, redirects, args)
            elif child.is_named and kind != "comment":
                args.append(word(child))
        start, end = self.range_of(node)
        command = Command(name, args, start, end, assignments, redirects, nesting=self.nesting)
        self.commands.append(command)
        return command

    def declaration(self, node: Any) -> Command:
        """``export A=1 B``, ``local x``, ``unset X``: the keyword is the name."""
        name: Word | None = None
        args: list[Word] = []
        for child in node.children:
            if name is None and not child.is_named:
                name = self.word(child)
            elif child.is_named and child.type != "comment":
                args.append(self.word(child))
        start, end = self.range_of(node)
        return self.add_command(name, args, start, end)

    def test_command(self, node: Any) -> Command:
        """``[ -f x ]`` / ``[[ ... ]]`` become a command named ``[`` / ``[[``."""
        name = self.word(node.children[0]) if node.child_count else None
        args: list[Word] = []
        self.flatten_test(node, args)
        start, end = self.range_of(node)
        return self.add_command(name, args, start, end)

    def flatten_test(self, node: Any, into: list[Word]) -> None:
        for child in node.children:
            if child.type in _WORDS or (not child.is_named and child.type not in _TEST_BRACKETS):
                into.append(self.word(child))
            elif child.is_named and self.depth < _MAX_DEPTH:
                self.depth += 1
                self.flatten_test(child, into)
                self.depth -= 1

    def assignment_only(self, node: Any) -> Command:
        if node.type == "variable_assignment":
            assignments = [self.assignment(node)]
        else:
            assignments = [self.assignment(child) for child in node.named_children]
        start, end = self.range_of(node)
        return self.add_command(None, [], start, end, assignments)

    def add_command(
        self,
        name: Word | None,
        args: list[Word],
        start: int,
        end: int,
        assignments: list[Assignment] | None = None,
        redirects: list[Redirect] | None = None,
    ) -> Command:
        command = Command(name, args, start, end, assignments or [], redirects or [], nesting=self.nesting)
        self.commands.append(command)
        return command

    def assignment(self, node: Any) -> Assignment:
        name = ""
        operator = "="
        value: Word | None = None
        for child in node.children:
            if child.type == "variable_name" and not name:
                name = self.text_of(child)
            elif child.type in ("=", "+="):
                operator = child.type
            elif child.is_named:
                value = self.word(child)
        start, end = self.range_of(node)
        return Assignment(name, value, start, end, operator)

    def redirect(self, node: Any, redirects: list[Redirect], extra_args: list[Word]) -> None:
        """Append the redirection(s) in ``node``; words tree-sitter hung on a redirection
        (``echo > f x``) are really arguments of the command and go to ``extra_args``."""
        fd: str | None = None
        operator = ""
        target: Word | None = None
        start, end = self.range_of(node)
        position = len(redirects)  # a heredoc's own redirects come after it
        for child in node.children:
            kind = child.type
            if kind == "file_descriptor":
                fd = self.text_of(child)
            elif not child.is_named:
                operator = operator or kind
            elif kind in _REDIRECTS:
                self.redirect(child, redirects, extra_args)
            elif kind == "heredoc_start":
                target = self.word(child)
            elif kind == "heredoc_body":
                self.substitutions(child)
            elif kind in ("heredoc_end", "comment"):
                continue
            elif target is None:
                target = self.word(child)
            else:
                extra_args.append(self.word(child))
        redirects.insert(position, Redirect(operator, target, start, end, fd))

    # Words ------------------------------------------------------------------------------

    def word(self, node: Any) -> Word:
        table = self.byte_to_char
        if table is None:
            start, end = node.start_byte, node.end_byte
        else:
            start, end = table[node.start_byte], table[node.end_byte]
        raw = self.text[start:end]
        if node.type == "word":  # most words: value_of inlined
            return Word(raw, _unescape_unquoted(raw), start, end, True)
        value, static = self.value_of(node, raw)
        if not static:
            self.substitutions(node)
        return Word(raw, value, start, end, static)

    def value_of(self, node: Any, raw: str | None = None) -> tuple[str, bool]:
        kind = node.type
        if raw is None:
            raw = self.text_of(node)
        if kind == "word":
            return _unescape_unquoted(raw), True
        if kind == "raw_string":
            return raw[1:-1] if len(raw) >= 2 and raw.endswith("'") else raw[1:], True
        if kind == "string":
            return self.double_quoted_value(node)
        if kind == "ansi_c_string":
            return _unescape_ansi_c(raw[2:-1] if raw.endswith("'") else raw[2:]), True
        if kind in ("concatenation", "translated_string"):
            parts = [self.value_of(child) for child in node.named_children]
            return "".join(part for part, _ in parts), all(static for _, static in parts)
        if kind in _EXPANSIONS or node.is_error:
            return raw, False
        return raw, not _contains_expansion(node)

    def double_quoted_value(self, node: Any) -> tuple[str, bool]:
        parts: list[str] = []
        static = True
        for child in node.children:
            if child.type == '"':
                continue
            if child.type == "string_content":
                parts.append(_unescape_double_quoted(self.text_of(child)))
            else:
                parts.append(self.text_of(child))
                static = static and child.type not in _EXPANSIONS
        return "".join(parts), static

    def substitutions(self, node: Any) -> None:
        """Record the commands of every ``$(...)``/``<(...)`` inside ``node``."""
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type in _SUBSTITUTIONS:
                self.block(current)
            else:
                stack.extend(reversed(current.children))


def _flatten_lists(children: Iterable[Any]) -> Iterator[Any]:
    """The children with nested ``list`` nodes spliced in, without recursion: tree-sitter nests
    ``a && b && c`` to the left, one level per operator."""
    stack = [iter(children)]
    while stack:
        for child in stack[-1]:
            if child.type == "list":
                stack.append(iter(child.children))
                break
            yield child
        else:
            stack.pop()


def _contains_expansion(node: Any) -> bool:
    stack = list(node.children)
    while stack:
        current = stack.pop()
        if current.type in _EXPANSIONS:
            return True
        stack.extend(current.children)
    return False


_UNQUOTED_ESCAPE = re.compile(r"\\(\n|.)", re.DOTALL)
_DOUBLE_QUOTED_ESCAPE = re.compile(r"\\([\\\"$`\n])")
_ANSI_C_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ANSI_C_CHARS = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "e": "\x1b",
    "E": "\x1b",
    "\\": "\\",
    "'": "'",
    '"': '"',
    "?": "?",
}


def _unescape_unquoted(raw: str) -> str:
    if "\\" not in raw:
        return raw
    return _UNQUOTED_ESCAPE.sub(lambda m: "" if m.group(1) == "\n" else m.group(1), raw)


def _unescape_double_quoted(raw: str) -> str:
    if "\\" not in raw:
        return raw
    return _DOUBLE_QUOTED_ESCAPE.sub(lambda m: "" if m.group(1) == "\n" else m.group(1), raw)


def _unescape_ansi_c(raw: str) -> str:
    return _ANSI_C_ESCAPE.sub(lambda m: _ANSI_C_CHARS.get(m.group(1), m.group(0)), raw)


def _flag_matches(value: str, flag: str) -> bool:
    if value == flag:
        return True
    if flag.startswith("--"):
        return value.startswith(flag + "=")
    if len(flag) == 2 and flag[0] == "-" and _is_short_flag_cluster(value):
        return flag[1] in value[1:]
    return False


def _is_short_flag_cluster(value: str) -> bool:
    return len(value) > 2 and value[0] == "-" and value[1] != "-" and value[1:].isalnum()


def _sub_word(word: Word, prefix: int) -> Word:
    """The part of ``--name=value`` after the ``=`` (offsets exact when the word is unquoted)."""
    raw_prefix = prefix if word.raw.startswith(word.value[:prefix]) else 0
    start = word.start + raw_prefix
    return Word(word.raw[raw_prefix:], word.value[prefix:], start, word.end, word.is_static)


def _strip_wrapper(command: Command, valued: frozenset[str], positionals: int) -> Command | None:
    args = command.args
    position = 0
    while position < len(args):
        value = args[position].value
        if value == "--":
            position += 1
            break
        if value.startswith("-") and value != "-":
            position += 2 if value in valued else 1
        elif command.program == "env" and "=" in value:
            position += 1
        else:
            break
    position += positionals
    if position >= len(args):
        return None
    return replace(command, name=args[position], args=args[position + 1 :])


def _byte_to_char_table(text: str) -> list[int]:
    table: list[int] = []
    for index, char in enumerate(text):
        code = ord(char)
        width = 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
        table.extend([index] * width)
    table.append(len(text))
    return table


def _locate_in_text(text: str, start: int, end: int) -> Span:
    def position(offset: int) -> Position:
        line = text.count("\n", 0, offset) + 1
        line_start = text.rfind("\n", 0, offset) + 1
        return Position(line, offset - line_start + 1)

    return Span(position(start), position(end))
