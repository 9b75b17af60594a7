"""The vocabulary shared by parsers, rules, the engine and reporters.

Positions are 1-based. A span's end is *exclusive*: ``end`` is the position just after the last
character, the convention SARIF uses for ``endColumn``. A span that covers ``FROM`` at the start of
line 3 is ``Span(Position(3, 1), Position(3, 5))``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that ``a >= b`` means "a is at least as serious as b"."""

    STYLE = 1
    INFO = 2
    WARNING = 3
    ERROR = 4

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            names = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {text!r} (expected one of: {names})") from None

    @property
    def label(self) -> str:
        return self.name.lower()


class FileKind(str, enum.Enum):
    DOCKERFILE = "dockerfile"
    COMPOSE = "compose"
    KUBERNETES = "kubernetes"

    @classmethod
    def parse(cls, text: str) -> FileKind:
        try:
            return cls(text.strip().lower())
        except ValueError:
            names = ", ".join(k.value for k in cls)
            raise ValueError(f"unknown file kind {text!r} (expected one of: {names})") from None


@dataclass(frozen=True, order=True, slots=True)
class Position:
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


@dataclass(frozen=True, order=True, slots=True)
class Span:
    start: Position
    end: Position

    @classmethod
    def at(cls, line: int, column: int, end_line: int | None = None, end_column: int | None = None) -> Span:
        return cls(
            Position(line, column),
            Position(line if end_line is None else end_line, column + 1 if end_column is None else end_column),
        )

    @classmethod
    def whole_line(cls, line: int, text: str) -> Span:
        return cls(Position(line, 1), Position(line, len(text) + 1))

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __str__(self) -> str:
        return f"{self.start}-{self.end}"


FILE_START = Span(Position(1, 1), Position(1, 1))


@dataclass(frozen=True)
class Edit:
    """Replace the text in ``span`` with ``text`` (an insertion when the span is empty)."""

    span: Span
    text: str


@dataclass(frozen=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Related:
    """Another place a finding is about (SARIF ``relatedLocations``): the Dockerfile line a
    Compose service contradicts, the Service a pod template should match."""

    path: str
    span: Span
    message: str


@dataclass(frozen=True)
class Problem:
    """What a rule reports: where and what. The engine adds severity, suppression and order.

    ``path`` is needed only by project-wide checks, which can report on any file; a document check
    leaves it ``None`` and the engine fills in the document's path.
    """

    span: Span
    message: str
    path: str | None = None
    hint: str | None = None
    fix: Fix | None = None
    # When a rule covers several ids of another tool (CL1001 is both hadolint's DL3006 and
    # DL3007), the ones this particular finding corresponds to; empty means all of the rule's.
    aliases: tuple[str, ...] = ()
    # This finding's own severity, for a rule that relays another tool's levels (CL3450 gives
    # ShellCheck's); None means the rule's. A severity configured for the rule still wins.
    severity: Severity | None = None
    related: tuple[Related, ...] = ()


@dataclass(frozen=True)
class Suppression:
    """Why a finding is suppressed: which directive, where, and the reason given with it."""

    kind: str  # "inline", "file", "annotation", "config"
    source: str  # e.g. "containerlint", "hadolint", "kube-linter"
    directive: str  # the directive text as written
    reason: str | None = None
    path: str | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    severity: Severity
    path: str
    span: Span
    message: str
    hint: str | None = None
    fix: Fix | None = None
    suppression: Suppression | None = None
    aliases: tuple[str, ...] = ()  # see Problem.aliases
    related: tuple[Related, ...] = ()  # see Problem.related

    @property
    def suppressed(self) -> bool:
        return self.suppression is not None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.start.line, self.span.start.column, self.code, self.message)


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    rules_run: list[str] = field(default_factory=list)  # codes of the rules that ran

    @property
    def active(self) -> list[Finding]:
        return [f for f in self.findings if not f.suppressed]
