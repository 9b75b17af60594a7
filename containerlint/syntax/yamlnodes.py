"""The node types of a positioned YAML tree (see ``yamltree.parse_yaml``).

Every node has a 1-based ``span`` (end exclusive). A node reached through an alias (``*ref``) is a
shallow copy of the anchored node: its ``span`` still points at the anchored value, and ``via_alias``
holds the alias name, so a rule can tell the two apart and a finding lands on the value itself.
Merge keys (``<<: *base``) are resolved into the mapping's ``items``; merged pairs keep the spans of
the anchored mapping they came from and have ``merged=True`` on the pair.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from containerlint.model import Position, Span


@dataclass(eq=False, slots=True)
class Node:
    # The span, or until it is first asked for, its ``(line, column, end_line, end_column)``:
    # most nodes are never reported on, and their positions were most of the parse time.
    _span: Span | tuple[int, int, int, int]
    tag: str = ""
    anchor: str | None = None
    via_alias: str | None = None

    @property
    def span(self) -> Span:
        span = self._span
        if type(span) is tuple:
            line, column, end_line, end_column = span
            span = self._span = Span(Position(line, column), Position(end_line, end_column))
        return span  # type: ignore[return-value]

    @span.setter
    def span(self, span: Span) -> None:
        self._span = span

    def aliased(self, name: str) -> Node:
        return replace(self, via_alias=name)


@dataclass(eq=False, slots=True)
class Scalar(Node):
    value: str = ""
    style: str = ""  # "" plain, "'" single, '"' double, "|" literal, ">" folded

    @property
    def is_null(self) -> bool:
        return self.style == "" and self.value in ("", "~", "null", "Null", "NULL")

    @property
    def is_plain(self) -> bool:
        return self.style == ""

    def as_bool(self) -> bool | None:
        if self.style:
            return None
        low = self.value.lower()
        if low in ("true", "yes", "on"):
            return True
        if low in ("false", "no", "off"):
            return False
        return None

    def as_int(self) -> int | None:
        if self.style:
            return None
        try:
            return int(self.value.replace("_", ""), 0)
        except ValueError:
            return None


@dataclass(eq=False, slots=True)
class Pair:
    key: Scalar | Node
    value: Node
    merged: bool = False  # came in through a ``<<`` merge key

    @property
    def key_text(self) -> str | None:
        return self.key.value if isinstance(self.key, Scalar) else None


@dataclass(eq=False, slots=True)
class Mapping(Node):
    pairs: list[Pair] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        """The value of the last pair with this key (YAML loaders keep the last one)."""
        pair = self.pair(key)
        return pair.value if pair else None

    def pair(self, key: str) -> Pair | None:
        found = None
        for pair in self.pairs:
            if pair.key_text == key and (found is None or found.merged or not pair.merged):
                found = pair
        return found

    def get_mapping(self, key: str) -> Mapping | None:
        value = self.get(key)
        return value if isinstance(value, Mapping) else None

    def get_sequence(self, key: str) -> Sequence | None:
        value = self.get(key)
        return value if isinstance(value, Sequence) else None

    def get_scalar(self, key: str) -> Scalar | None:
        value = self.get(key)
        return value if isinstance(value, Scalar) and not value.is_null else None

    def get_str(self, key: str) -> str | None:
        scalar = self.get_scalar(key)
        return scalar.value if scalar else None

    def keys(self) -> list[str]:
        seen: dict[str, None] = {}
        for pair in self.pairs:
            if pair.key_text is not None:
                seen.setdefault(pair.key_text)
        return list(seen)

    def items(self) -> Iterator[tuple[str, Node]]:
        """Each key once, with its effective value, in first-appearance order."""
        for key in self.keys():
            pair = self.pair(key)
            if pair is not None:
                yield key, pair.value

    def __contains__(self, key: str) -> bool:
        return self.pair(key) is not None


@dataclass(eq=False, slots=True)
class Sequence(Node):
    items: list[Node] = field(default_factory=list)

    def __iter__(self) -> Iterator[Node]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
