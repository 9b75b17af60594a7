"""Parse YAML text into positioned trees (see ``yamlnodes``) without ever raising.

Model
-----
``parse_yaml(text)`` returns a ``YamlStream``: one ``YamlDocument`` per document of the stream, in
order, plus every ``SyntaxIssue`` found. A document whose text cannot be parsed, or that is refused
(alias bomb, absurd nesting), is still listed, with ``root=None`` and its issue; the documents
around it parse normally. An empty document (``---`` followed by nothing) has ``root=None`` and no
issue.

Spans are 1-based with an exclusive end. A node's span covers its content, not its properties: in
``image: &img nginx`` the value's span covers ``nginx``. Block scalars end at their last non-blank
line, block collections at the end of their last entry. ``tag`` is the explicit tag as written,
with ``!!x`` shorthands expanded (``tag:yaml.org,2002:str``); it is ``""`` for untagged nodes.

How
---
The libyaml-based C parser from ``ruamel.yaml.clib`` produces parser *events*; this module composes
the events into nodes itself, with an explicit stack. Composing ourselves (instead of
``YAML.compose_all``) is faster, never recurses (the C composer recurses in C and crashes on
~100,000 nested brackets), sees alias positions and anchor names, and tolerates redefined
anchors as YAML 1.2 does. Aliases become shallow copies of the anchored node with ``via_alias`` set;
anchors are registered when their node is complete, so trees are acyclic.

After a syntax error the parser cannot continue. The failed document (from its start to the next
``---`` line) gets a second chance with ruamel's pure-Python parser, which accepts YAML 1.2 that
libyaml rejects (``[8080:80]``, a bare document after ``...``); if that fails too, the document is
reported with the C parser's error. Parsing then goes on after it, one ``---`` chunk at a time.

Hostile input is bounded: alias expansion (``MAX_ALIAS_EXPANSION``), nesting
(``MAX_NESTING_DEPTH``; brackets nested absurdly deep are refused before libyaml sees them, as its
time grows with the square of the depth), characters YAML forbids (reported and replaced), and the
cyclic garbage collector is paused while building, which keeps parse time linear in file size.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ruamel.yaml import events as ev
from ruamel.yaml.error import MarkedYAMLError

from containerlint.model import Position, Span
from containerlint.syntax import SyntaxIssue, gc_paused
from containerlint.syntax.yamlnodes import Mapping, Node, Pair, Scalar, Sequence

try:  # the C parser; the pure-Python one (PyPy, no wheel) produces the same events, slower
    from _ruamel_yaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on the platform
    _CParser = None

# Nodes an alias expansion may add to a document beyond its distinct nodes (billion laughs guard).
MAX_ALIAS_EXPANSION = 1_000_000
# Deeper documents are refused: no real configuration nests this deep, and recursive consumers
# (schema validation, rules) would hit Python's recursion limit on them.
MAX_NESTING_DEPTH = 256

# libyaml's time grows with the square of flow nesting ([[[[...): text whose brackets nest deeper
# than this is refused before parsing.
_FLOW_PRESCAN_LIMIT = 2_000
# Failed documents up to this size get a second chance with the (7x slower) pure-Python parser.
_PURE_RETRY_LIMIT = 1_000_000

SYNTAX_ERROR = "syntax-error"
DUPLICATE_KEY = "duplicate-key"
MERGE_TAG = "tag:yaml.org,2002:merge"

# Characters libyaml refuses (control characters, surrogates, U+FFFE/U+FFFF).
_INVALID_CHAR = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FLOW_BRACKET = re.compile(r"[\[\]{}]")
# Line breaks as libyaml counts them, so our line numbers agree with its marks.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BREAK_CHARS = "\r\n\x85\u2028\u2029"
_PROPERTY_END = " \t,[]{}" + _BREAK_CHARS
_TRAILING = " \t" + _BREAK_CHARS


@dataclass
class YamlDocument:
    root: Node | None
    span: Span
    index: int
    issues: list[SyntaxIssue] = field(default_factory=list)


@dataclass
class YamlStream:
    documents: list[YamlDocument]
    issues: list[SyntaxIssue]  # every issue: each document's and the stream-level ones
    text: str

    @property
    def roots(self) -> list[Node]:
        """The roots of the documents that have one."""
        return [doc.root for doc in self.documents if doc.root is not None]


def parse_yaml(text: str) -> YamlStream:
    """Parse a YAML stream. Never raises: every problem becomes a ``SyntaxIssue``."""
    body = text[1:] if text.startswith("\ufeff") else text  # libyaml does not count the BOM
    try:
        with gc_paused():
            documents, issues = _StreamParser(body).run()
    except Exception as error:  # last resort: a parser bug must not take the linter down
        issue = SyntaxIssue(SYNTAX_ERROR, Span.at(1, 1), f"cannot parse YAML: {error}")
        documents, issues = [], [issue]
    return YamlStream(documents=documents, issues=issues, text=text)


# ---------------------------------------------------------------------------------------------
# Line bookkeeping


class _Lines:
    """Line starts of a text, computed once and only when a slow path needs them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_text(self, line: int) -> str:
        """The 0-based line's text without its line break."""
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip(_BREAK_CHARS)

    def position(self, index: int) -> Position:
        line = bisect_right(self.starts, index) - 1
        return Position(line + 1, index - self.starts[line] + 1)

    @cached_property
    def markers(self) -> list[int]:
        """0-based numbers of the lines that start with a ``---`` marker, ascending."""
        found = []
        for number, start in enumerate(self.starts):
            if self.text.startswith("---", start):
                after = self.text[start + 3 : start + 4]
                if after in ("", " ", "\t") or after in _BREAK_CHARS:
                    found.append(number)
        return found


# ---------------------------------------------------------------------------------------------
# The stream: sanitizing, the fast whole-stream pass, recovery after errors


class _StreamParser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.documents: list[YamlDocument] = []
        self.issues: list[SyntaxIssue] = []  # stream-level ones; documents hold their own
        self._lines: _Lines | None = None
        # Set after recovery went in circles: failed chunks then always end after they start.
        self._forward_only = False

    @property
    def lines(self) -> _Lines:
        if self._lines is None:
            self._lines = _Lines(self.text)
        return self._lines

    def run(self) -> tuple[list[YamlDocument], list[SyntaxIssue]]:
        self.text = self._sanitize(self.text)
        try:
            self._parse_all()
        except _Circular:
            # Recovery after an error went round in circles (an error in the ``%`` directive
            # lines before a ``---``): start again, with chunks that always move forward.
            del self.documents[:]
            self._forward_only = True
            self._parse_all()
        issues = self.issues + [issue for doc in self.documents for issue in doc.issues]
        issues.sort(key=lambda issue: (issue.span.start, issue.rule))
        return self.documents, issues

    def _parse_all(self) -> None:
        if _too_deep_flow(self.text, 0, len(self.text)) is None:
            self._parse_from(0, len(self.text))
        else:  # refuse the too deeply nested documents alone
            begins = sorted({0, *(self._chunk_start(line) for line in self.lines.markers)})
            for begin, end in zip(begins, [*begins[1:], len(self.text)]):  # noqa: B905
                if begin < end:
                    self._parse_chunk(begin, end)

    def _sanitize(self, text: str) -> str:
        """Report characters YAML forbids and replace them, so the rest of the file parses."""
        first = _INVALID_CHAR.search(text)
        if first is None:
            return text
        count = len(_INVALID_CHAR.findall(text))
        char = f"U+{ord(first.group()):04X}"
        more = f" ({count} such characters in the file)" if count > 1 else ""
        start = self.lines.position(first.start())
        message = f"character {char} is not allowed in YAML{more}"
        self.issues.append(SyntaxIssue(SYNTAX_ERROR, Span.at(start.line, start.column), message))
        return _INVALID_CHAR.sub("\ufffd", text)

    def _parse_chunk(self, begin: int, end: int) -> None:
        deep = _too_deep_flow(self.text, begin, end)
        if deep is None:
            self._parse_from(begin, end)
            return
        # libyaml takes quadratic time on deep flow nesting: refuse without parsing
        where = self.lines.position(deep)
        message = f"YAML nesting deeper than {MAX_NESTING_DEPTH} levels; document ignored"
        issue = SyntaxIssue(SYNTAX_ERROR, Span.at(where.line, where.column), message)
        self.add_document(None, Span(self.lines.position(begin), where), [issue])

    def _parse_from(self, begin: int, end: int) -> None:
        """Parse ``text[begin:end]``, going on after each document that does not parse.

        The C parser (libyaml, YAML 1.1) rejects some YAML 1.2 that Compose and kubectl accept,
        such as ``ports: [8080:80]``; the text it fails on gets a second chance with the
        pure-Python parser before the error is reported. After an error, the rest is parsed one
        ``---`` chunk at a time: parsing all the rest again after each error would be quadratic.
        """
        stop = end
        seen: set[tuple[int, int]] = set()
        while begin < end:
            if (begin, stop) in seen:  # the same region again: this would never end
                raise _Circular
            seen.add((begin, stop))
            failure = self._parse_region(begin, stop, pure=_CParser is None)
            if failure is None:
                begin = stop
            else:
                chunk_begin, chunk_end = self._failed_chunk(failure, begin, stop)
                if not self._second_chance(chunk_begin, chunk_end):
                    self.add_document(None, failure.span, failure.issues)
                begin = chunk_end
            stop = self._next_chunk_end(begin, end)

    def _next_chunk_end(self, begin: int, end: int) -> int:
        """The start of the ``---`` chunk after the one at ``begin`` (or ``end``)."""
        if begin >= end:
            return end
        line = bisect_right(self.lines.starts, begin) - 1
        markers = self.lines.markers
        following = bisect_right(markers, line)
        while self._forward_only and following < len(markers) and self._chunk_start(markers[following]) <= begin:
            following += 1  # that chunk starts at or before ``begin`` (in its ``%`` lines): not ahead
        return min(end, self._chunk_start(markers[following])) if following < len(markers) else end

    def _second_chance(self, begin: int, end: int) -> bool:
        """Parse a chunk again with the pure-Python parser; keep the result only if it succeeds.

        Documents the C parser already took from the chunk are dropped first: it can emit a wrong
        document before failing (``--- |`` followed by text at column 1).
        """
        if _CParser is None or end - begin > _PURE_RETRY_LIMIT:
            return False
        chunk_start = self.lines.position(begin)
        kept = len(self.documents)
        while kept and self.documents[kept - 1].span.start >= chunk_start:
            kept -= 1
        earlier = self.documents[kept:]
        del self.documents[kept:]
        if self._parse_region(begin, end, pure=True) is None:
            return True
        del self.documents[kept:]
        self.documents.extend(earlier)
        return False

    def _failed_chunk(self, failure: _Failure, begin: int, end: int) -> tuple[int, int]:
        """The text a failure is in, where parsing resumes after it.

        It runs from the ``---`` line its document starts at (or ``begin``) to the next ``---``
        line at or after the error and after that start.
        """
        first, error = failure.span.start.line - 1, failure.span.end.line - 1
        markers = self.lines.markers
        before = bisect_right(markers, first)  # markers[:before] are at or above ``first``
        after = bisect_left(markers, max(error, first + 1))
        start = max(begin, self._chunk_start(markers[before - 1])) if before else begin
        while self._forward_only and after < len(markers) and self._chunk_start(markers[after]) <= start:
            after += 1  # the error is in the ``%`` lines of that chunk: it fails with this one
        stop = min(end, self._chunk_start(markers[after])) if after < len(markers) else end
        return start, max(stop, start + 1)

    def _parse_region(self, start: int, end: int, pure: bool) -> _Failure | None:
        """Parse ``text[start:end]``, recording its documents up to the first error, if any."""
        line_offset = bisect_right(self.lines.starts, start) - 1 if start else 0
        composer = _Composer(self.text, start, line_offset, self)
        try:
            if pure:
                composer.run(_next_or_none(_pure_events(self.text[start:end])))
            else:
                composer.run(_CParser(self.text[start:end]).get_event)
        except Exception as error:  # MarkedYAMLError mostly; anything else is reported the same
            return composer.fail(error)
        return None

    def _chunk_start(self, line: int) -> int:
        """Where the chunk of a (``---``) line begins: ``%`` directives before it belong to it."""
        while line > 0 and self.lines.line_text(line - 1).startswith("%"):
            line -= 1
        return self.lines.starts[line]

    # called by _Composer
    def add_document(self, root: Node | None, span: Span, issues: list[SyntaxIssue]) -> None:
        index = len(self.documents)
        self.documents.append(YamlDocument(root=root, span=span, index=index, issues=issues))


def _too_deep_flow(text: str, begin: int, end: int) -> int | None:
    """Where flow brackets nest too deeply to hand the text to libyaml, roughly, or None.

    Brackets in strings and comments count too, so the threshold is far above any real nesting;
    the composer enforces ``MAX_NESTING_DEPTH`` exactly on everything below it.
    """
    if text.count("[", begin, end) + text.count("{", begin, end) <= _FLOW_PRESCAN_LIMIT:
        return None
    depth, first_deep = 0, None
    for match in _FLOW_BRACKET.finditer(text, begin, end):
        if match.group() in "[{":
            depth += 1
            if depth > MAX_NESTING_DEPTH and first_deep is None:
                first_deep = match.start()
            if depth > _FLOW_PRESCAN_LIMIT:
                return first_deep
        elif depth:
            depth -= 1
            if depth <= MAX_NESTING_DEPTH:
                first_deep = None
    return None


def _pure_events(text: str) -> Iterator[ev.Event]:
    from ruamel.yaml import YAML

    yield from YAML(typ="safe", pure=True).parse(text)


def _next_or_none(events: Iterator[ev.Event]) -> Any:
    """A ``get_event`` for an iterator of events: the next one, None at the end."""
    iterator = iter(events)
    return lambda: next(iterator, None)


# ---------------------------------------------------------------------------------------------
# Composing events into nodes


_SCALAR, _ALIAS = ev.ScalarEvent, ev.AliasEvent
_MAPPING_START, _MAPPING_END = ev.MappingStartEvent, ev.MappingEndEvent
_SEQUENCE_START, _SEQUENCE_END = ev.SequenceStartEvent, ev.SequenceEndEvent
_DOCUMENT_START, _DOCUMENT_END = ev.DocumentStartEvent, ev.DocumentEndEvent
_STREAM_END = ev.StreamEndEvent


class _Frame:
    """A collection under construction."""

    __slots__ = ("column", "end_column", "end_line", "entries", "flow", "key", "line", "merges", "node", "seen", "size")

    def __init__(self, node: Mapping | Sequence, line: int, column: int, flow: bool) -> None:
        self.node = node
        self.flow = flow
        self.line, self.column = line, column  # where the collection's content starts
        self.key: Node | None = None  # a mapping key waiting for its value
        self.size = 1  # expanded node count (aliases count their whole target)
        self.end_line, self.end_column = line, column  # end of the last entry, in text order
        # ``seen`` is None exactly for sequences; ``entries`` is the node's pairs or items list.
        if isinstance(node, Mapping):
            self.seen: dict[str, Scalar] | None = {}
            self.entries: list[Any] = node.pairs
        else:
            self.seen = None
            self.entries = node.items
        # (index in pairs, key, value) of each ``<<``; a list only once there is one
        self.merges: list[tuple[int, Scalar, Node]] | None = None


@dataclass
class _Failure:
    """A document the parser gave up on: its span (start to error) and issues."""

    span: Span
    issues: list[SyntaxIssue]


class _Circular(Exception):
    """Recovery after a syntax error came back to a region it had parsed (see ``run``)."""


class _Refused(Exception):
    """The current document is given up (bomb, depth); ``issue`` says why."""

    def __init__(self, issue: SyntaxIssue) -> None:
        super().__init__(issue.message)
        self.issue = issue


class _Composer:
    """Turns the events of one region of the text into documents, without recursion."""

    def __init__(self, text: str, index_offset: int, line_offset: int, sink: _StreamParser):
        self.text = text
        self.index_offset = index_offset
        self.line_offset = line_offset
        self.sink = sink
        self.in_document = False
        self.last_end = Position(line_offset + 1, 1)  # where the last complete document ended
        self._reset_document(None)

    def _reset_document(self, start: Position | None) -> None:
        self.doc_start = start
        self.doc_explicit = False
        self.frames: list[_Frame] = []
        self.root: Node | None = None
        self.root_size = 0
        self.anchors: dict[str, tuple[Node, int]] = {}  # name -> (node, expanded size)
        self.open_anchors: dict[str, int] = {}  # anchors of collections still being built
        self.distinct = 0
        self.merged_pairs = 0
        self.doc_issues: list[SyntaxIssue] = []
        self.refused: SyntaxIssue | None = None

    # --- positions -----------------------------------------------------------------------

    def position(self, mark: Any) -> Position:  # a ruamel Mark, C or pure
        return Position(mark.line + 1 + self.line_offset, mark.column + 1)

    def content_start(self, event: ev.NodeEvent, collection: bool = False) -> Position:
        """The start of a node after its anchor and tag (and any comment or break after them)."""
        mark = event.start_mark
        if event.anchor is None and event.tag is None:  # type: ignore[attr-defined]
            return self.position(mark)
        text, index = self.text, mark.index + self.index_offset
        end = event.end_mark.index + self.index_offset
        line, column = mark.line, mark.column
        while index < end:
            char = text[index]
            if char in "&!":
                stop = index
                while stop < end and text[stop] not in _PROPERTY_END:
                    stop += 1
                column += stop - index
                index = stop
            elif char in " \t":
                index, column = index + 1, column + 1
            elif char == "#":
                while index < end and text[index] not in _BREAK_CHARS:
                    index, column = index + 1, column + 1
            elif char in _BREAK_CHARS:
                step = 2 if text.startswith("\r\n", index) else 1
                index, line, column = index + step, line + 1, 0
            else:
                break
        if index >= end and not collection:  # a scalar with nothing but properties
            return self.position(mark)
        return Position(line + 1 + self.line_offset, column + 1)

    def block_scalar_end(self, event: ev.ScalarEvent) -> Position:
        """libyaml ends a block scalar after its trailing line breaks; end at its last text."""
        end = self.position(event.end_mark)
        text = self.text
        first = event.start_mark.index + self.index_offset
        stop = event.end_mark.index + self.index_offset
        index = stop
        while index > first and text[index - 1] in _TRAILING:
            index -= 1
        if index == stop:
            return end
        breaks = len(_LINE_BREAK.findall(text, index, stop))
        # search back only within the scalar, so a file of many block scalars stays linear
        last_break = max(text.rfind(char, first, index) for char in _BREAK_CHARS)
        if last_break < 0:  # no content lines: the scalar ends on its header line
            return Position(end.line - breaks, event.start_mark.column + index - first + 1)
        return Position(end.line - breaks, index - last_break)

    # --- events --------------------------------------------------------------------------

    def feed(self, event: ev.Event) -> None:
        """Compose one event (``run`` does the same for a whole stream of events, faster)."""
        kind = type(event)
        if self.refused is not None and kind is not _DOCUMENT_END:
            return
        try:
            if kind is _SCALAR:
                self.on_scalar(event)  # type: ignore[arg-type]
            elif kind is _MAPPING_START or kind is _SEQUENCE_START:
                self.on_collection_start(event)  # type: ignore[arg-type]
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                self.on_collection_end(event)
            elif kind is _ALIAS:
                self.on_alias(event)  # type: ignore[arg-type]
            elif kind is _DOCUMENT_START:
                self.on_document_start(event)  # type: ignore[arg-type]
            elif kind is _DOCUMENT_END:
                self.on_document_end(event)  # type: ignore[arg-type]
        except _Refused as refusal:
            self.refused = refusal.issue
            self.frames = []

    def run(self, next_event: Any) -> None:
        """Compose every event ``next_event()`` returns until it returns None or the stream ends.

        The same as calling ``feed`` on each event; the common events (scalars, the ends of
        collections) are handled inline, which halves the time per event.
        """
        line_offset = self.line_offset + 1
        feed = self.feed
        while True:
            event = next_event()
            if event is None:
                return
            kind = type(event)
            if kind is not _SCALAR or self.refused is not None:
                if kind is _STREAM_END:
                    return
                if self.refused is not None:
                    feed(event)
                    continue
                try:
                    if kind is _MAPPING_END or kind is _SEQUENCE_END:
                        self.on_collection_end(event)
                    elif kind is _MAPPING_START or kind is _SEQUENCE_START:
                        self.on_collection_start(event)
                    else:
                        feed(event)
                except _Refused as refusal:
                    self.refused = refusal.issue
                    self.frames = []
                continue
            # on_scalar and attach, inlined (attach refuses nothing for one scalar)
            anchor = event.anchor
            ctag = event.ctag
            if anchor is None and ctag is None:
                mark = event.start_mark
                line, column = mark.line + line_offset, mark.column + 1
                tag = ""
            else:
                start = self.content_start(event)
                line, column = start.line, start.column
                tag = "" if ctag is None else (str(ctag) or "")
            style = event.style or ""
            if style == "|" or style == ">":
                end = self.block_scalar_end(event)
                end_line, end_column = end.line, end.column
            else:
                mark = event.end_mark
                end_line, end_column = mark.line + line_offset, mark.column + 1
            node = Scalar((line, column, end_line, end_column), tag, anchor, None, event.value, style)
            self.distinct += 1
            if anchor is not None:
                self.anchors[anchor] = (node, 1)
            frames = self.frames
            if not frames:
                self.root, self.root_size = node, 1
                continue
            frame = frames[-1]
            frame.size += 1
            frame.end_line, frame.end_column = end_line, end_column
            if frame.seen is None:
                frame.entries.append(node)
                continue
            key = frame.key
            if key is None:
                frame.key = node
                continue
            frame.key = None
            if type(key) is not Scalar:
                self.add_pair(frame, key, node)
                continue
            # add_pair, inlined for a scalar key
            text = key.value
            first = frame.seen.get(text)
            if first is None:
                frame.seen[text] = key
            else:
                message = f"duplicate key {text!r}: first defined on line {first.span.start.line}"
                self.issue(DUPLICATE_KEY, key.span, message)
            if key.tag == MERGE_TAG or (text == "<<" and key.style == "" and not key.tag):
                if frame.merges is None:
                    frame.merges = []
                frame.merges.append((len(frame.entries), key, node))
                continue
            frame.entries.append(Pair(key, node))

    def on_document_start(self, event: ev.DocumentStartEvent) -> None:
        self._reset_document(self.position(event.start_mark))
        self.doc_explicit = bool(event.explicit)
        self.in_document = True

    def on_document_end(self, event: ev.DocumentEndEvent) -> None:
        root = self.root
        if isinstance(root, Scalar) and _is_empty_scalar(root):
            root = None
        start = self.doc_start or self.position(event.start_mark)
        if root is not None and not self.doc_explicit:
            start = root.span.start
        if event.explicit:
            end = self.position(event.end_mark)
        elif root is not None:
            end = root.span.end
        else:
            end = Position(start.line, start.column + 3 if self.doc_explicit else start.column)
        issues = self.doc_issues
        if self.refused is not None:
            root, end = None, self.position(event.end_mark)
            issues = [*issues, self.refused]
        self.sink.add_document(root, Span(start, max(start, end)), issues)
        self.in_document = False
        self.last_end = self.position(event.end_mark)
        self._reset_document(None)

    def on_scalar(self, event: ev.ScalarEvent) -> None:
        start = self.content_start(event)
        style = event.style or ""
        block = style in ("|", ">")
        end = self.block_scalar_end(event) if block else self.position(event.end_mark)
        node = Scalar(
            (start.line, start.column, end.line, end.column),
            tag=event.tag or "",
            anchor=event.anchor,
            value=event.value,
            style=style,
        )
        self.distinct += 1
        if event.anchor is not None:
            self.anchors[event.anchor] = (node, 1)
        self.attach(node, 1, end.line, end.column)

    def on_alias(self, event: ev.AliasEvent) -> None:
        name = event.anchor
        start, end = self.position(event.start_mark), self.position(event.end_mark)
        target = self.anchors.get(name)
        if target is None:
            problem = (
                "refers to a node that contains it" if name in self.open_anchors else "is not defined before this point"
            )
            self.issue(SYNTAX_ERROR, Span(start, end), f"alias *{name} {problem}")
            placeholder = Scalar(Span(start, end), via_alias=name)
            self.attach(placeholder, 1, end.line, end.column)
            return
        node, size = target
        self.attach(node.aliased(name), size, end.line, end.column)

    def on_collection_start(self, event: ev.CollectionStartEvent) -> None:
        anchor, ctag = event.anchor, event.ctag
        if anchor is None and ctag is None:  # content_start without properties to skip
            mark = event.start_mark
            line, column = mark.line + 1 + self.line_offset, mark.column + 1
        else:
            start = self.content_start(event, collection=True)
            line, column = start.line, start.column
        if len(self.frames) >= MAX_NESTING_DEPTH:
            message = f"YAML nesting deeper than {MAX_NESTING_DEPTH} levels; document ignored"
            raise _Refused(SyntaxIssue(SYNTAX_ERROR, Span.at(line, column), message))
        tag = "" if ctag is None else (str(ctag) or "")
        # The span is set when the collection ends; until then nothing can see the node.
        if type(event) is _MAPPING_START:
            node: Mapping | Sequence = Mapping(None, tag, anchor)  # type: ignore[arg-type]
        else:
            node = Sequence(None, tag, anchor)  # type: ignore[arg-type]
        if anchor is not None:
            self.open_anchors[anchor] = self.open_anchors.get(anchor, 0) + 1
        self.distinct += 1
        self.frames.append(_Frame(node, line, column, bool(event.flow_style)))

    def on_collection_end(self, event: ev.Event) -> None:
        frame = self.frames.pop()
        node = frame.node
        if frame.flow:
            mark = event.end_mark
            end_line, end_column = mark.line + 1 + self.line_offset, mark.column + 1
        else:
            end_line, end_column = frame.end_line, frame.end_column
        node._span = (frame.line, frame.column, end_line, end_column)
        if frame.merges:
            self.apply_merges(node, frame.merges)  # type: ignore[arg-type]
        anchor = node.anchor
        if anchor is not None:
            self.open_anchors[anchor] -= 1
            if not self.open_anchors[anchor]:
                del self.open_anchors[anchor]
            self.anchors[anchor] = (node, frame.size)
        self.attach(node, frame.size, end_line, end_column)

    # --- building ------------------------------------------------------------------------

    def attach(self, node: Node, size: int, end_line: int, end_column: int) -> None:
        """Hang a finished node into its parent (or make it the root); it ends at the position given."""
        if size - self.distinct > MAX_ALIAS_EXPANSION:
            self.refuse_expansion(size)
        frames = self.frames
        if not frames:
            self.root, self.root_size = node, size
            return
        frame = frames[-1]
        frame.size += size
        frame.end_line, frame.end_column = end_line, end_column
        if frame.seen is None:  # a sequence
            frame.entries.append(node)
        elif frame.key is None:
            frame.key = node
        else:
            key, frame.key = frame.key, None
            self.add_pair(frame, key, node)

    def add_pair(self, frame: _Frame, key: Node, value: Node) -> None:
        seen = frame.seen
        assert seen is not None
        if isinstance(key, Scalar):
            text = key.value
            first = seen.get(text)
            if first is None:
                seen[text] = key
            else:
                message = f"duplicate key {text!r}: first defined on line {first.span.start.line}"
                self.issue(DUPLICATE_KEY, key.span, message)
            if _is_merge_key(key):
                if frame.merges is None:
                    frame.merges = []
                frame.merges.append((len(frame.entries), key, value))
                return
        frame.entries.append(Pair(key, value))

    def apply_merges(self, mapping: Mapping, merges: list[tuple[int, Scalar, Node]]) -> None:
        """Resolve ``<<`` entries: explicit keys win, then earlier merge sources over later ones."""
        taken = {pair.key_text for pair in mapping.pairs if pair.key_text is not None}
        inserts: list[tuple[int, list[Pair]]] = []
        for index, key, value in merges:
            sources = self.merge_sources(value)
            if sources is None:  # not mergeable: keep it as an ordinary pair
                inserts.append((index, [Pair(key=key, value=value)]))
                continue
            added = []
            for source in sources:
                for name, pair in effective_pairs(source).items():
                    if name not in taken:
                        taken.add(name)
                        added.append(Pair(key=pair.key, value=pair.value, merged=True))
            self.merged_pairs += len(added)
            inserts.append((index, added))
        if self.merged_pairs > MAX_ALIAS_EXPANSION:
            self.refuse_expansion(self.merged_pairs)
        for index, added in reversed(inserts):
            mapping.pairs[index:index] = added

    def merge_sources(self, value: Node) -> list[Mapping] | None:
        if isinstance(value, Mapping):
            return [value]
        if isinstance(value, Sequence) and all(isinstance(item, Mapping) for item in value.items):
            return [item for item in value.items if isinstance(item, Mapping)]
        message = "the merge key << needs a mapping or a list of mappings"
        self.issue(SYNTAX_ERROR, value.span, message)
        return None

    def refuse_expansion(self, size: int) -> None:
        start = self.doc_start or Position(self.line_offset + 1, 1)
        message = (
            f"alias expansion of {size:,} nodes exceeds the limit of {MAX_ALIAS_EXPANSION:,}; "
            'document ignored (a "billion laughs" alias bomb?)'
        )
        raise _Refused(SyntaxIssue(SYNTAX_ERROR, Span.at(start.line, start.column), message))

    def issue(self, rule: str, span: Span, message: str) -> None:
        self.doc_issues.append(SyntaxIssue(rule, span, message))

    # --- errors --------------------------------------------------------------------------

    def fail(self, error: Exception) -> _Failure:
        """Describe the document the error broke (the caller decides whether to record it)."""
        mark = getattr(error, "problem_mark", None)
        where = self.position(mark) if mark is not None else self.last_end
        issue = SyntaxIssue(SYNTAX_ERROR, Span.at(where.line, where.column), self.describe(error))
        if self.in_document and self.doc_start is not None:
            start = min(self.doc_start, where)
        else:  # the parser had not started the document yet: it begins after the previous one
            start = min(self.last_end, where)
        return _Failure(Span(start, where), [*self.doc_issues, issue])

    def describe(self, error: Exception) -> str:
        if isinstance(error, MarkedYAMLError):
            problem = error.problem or "invalid YAML"
            context, context_mark = error.context, error.context_mark
            if not context:
                return problem
            where = self.position(context_mark) if context_mark is not None else None
            if where is None or where == self.position(error.problem_mark):
                return f"{problem} ({context})"
            return f"{problem} ({context}, which started at {where.line}:{where.column})"
        if isinstance(error, RecursionError):
            return "YAML nested too deeply to parse"
        return f"invalid YAML: {error}"


def _is_empty_scalar(node: Scalar) -> bool:
    return node.value == "" and node.style == "" and not node.tag and node.anchor is None


def _is_merge_key(key: Scalar) -> bool:
    if key.tag == MERGE_TAG:
        return True
    return key.value == "<<" and key.style == "" and not key.tag


def effective_pairs(mapping: Mapping) -> dict[str, Pair]:
    """Each scalar key's effective pair, in first-appearance order, in one pass.

    The same choice as ``Mapping.pair`` (the last explicit pair wins over merged ones), but linear:
    ``Mapping.items()`` looks every key up again and is quadratic on large mappings.
    """
    result: dict[str, Pair] = {}
    for pair in mapping.pairs:
        key = pair.key_text
        if key is None:
            continue
        current = result.get(key)
        if current is None or current.merged or not pair.merged:
            result[key] = pair
    return result


# ---------------------------------------------------------------------------------------------
# Comments


def iter_comments(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (line, column, text) of each real ``#`` comment; 1-based, text starts with ``#``.

    A cheap line scan rather than a parse, so it also works on files that do not parse. A ``#``
    starts a comment at the start of a line or after whitespace, outside quoted scalars (followed
    across lines) and outside block scalar (``|`` / ``>``) content.
    """
    body = text[1:] if text.startswith("\ufeff") else text
    quote = ""  # the quote character of a quoted scalar still open at the end of a line
    block_indent: int | None = None  # lines indented deeper than this are block scalar content
    special = _COMMENT_SCAN_SPECIAL.search
    for number, line in enumerate(_LINE_BREAK.split(body), start=1):
        if block_indent is not None:
            stripped = line.lstrip(" ")
            if not stripped.strip() or len(line) - len(stripped) > block_indent:
                continue
            block_indent = None
        if not quote and special(line) is None:
            continue  # no quote, comment or block scalar indicator: nothing on this line matters
        column, quote = _find_comment(line, quote)
        code = line if column is None else line[:column]
        if not quote:
            block_indent = _block_scalar_indent(code)
        if column is not None:
            yield number, column + 1, line[column:].rstrip()


# The characters that can start a quoted scalar, a comment or a block scalar on a line.
_COMMENT_SCAN_SPECIAL = re.compile(r"[#'\"|>]")

# A quoted scalar (its closing quote captured when it is on the line) or a comment. Quotes open a
# scalar only where a scalar can start, so the apostrophe in ``it's`` does not.
_QUOTED_OR_COMMENT = re.compile(
    r"""(?:^|(?<=[\s\[{,]))(?:'(?:[^']|'')*(?P<single>')?|"(?:[^"\\]|\\.)*(?P<double>")?)"""
    r"""|(?:^|(?<=\s))\#"""
)
_QUOTE_REST = {"'": re.compile(r"(?:[^']|'')*'"), '"': re.compile(r'(?:[^"\\]|\\.)*"')}


def _find_comment(line: str, quote: str) -> tuple[int | None, str]:
    """0-based column of the comment on a line (or None), and the quote still open at its end."""
    position = 0
    if quote:
        closing = _QUOTE_REST[quote].match(line)
        if closing is None:
            return None, quote
        position = closing.end()
    if "#" not in line and "'" not in line and '"' not in line:
        return None, ""
    for match in _QUOTED_OR_COMMENT.finditer(line, position):
        token = match.group()
        if token == "#":
            return match.start(), ""
        if match.group("single") is None and match.group("double") is None:
            return None, token[0]  # the quote runs on past the end of the line
    return None, ""


_BLOCK_HEADER = re.compile(r"(?:^|[\s:?])[|>][0-9+-]{0,2}$")
_SEQUENCE_DASHES = re.compile(r"(?:-[ \t]+)+")


def _block_scalar_indent(code: str) -> int | None:
    """If a line opens a block scalar, the indentation its content must exceed."""
    stripped = code.rstrip()
    if not stripped or stripped[-1] not in "|>+-0123456789" or not _BLOCK_HEADER.search(stripped):
        return None
    indent = len(code) - len(code.lstrip(" "))
    dashes = _SEQUENCE_DASHES.match(code, indent)
    if dashes is None:
        return indent
    after = code[dashes.end() :]
    if after[:1] in "|>":  # the sequence entry itself is the block scalar
        return dashes.end() - len(dashes.group().split("-")[-1]) - 1
    return dashes.end()  # a mapping inside a sequence entry
