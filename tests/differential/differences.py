"""What the differential tests share: two tools' findings compared against a reasoned list.

Each test reduces both tools' findings to keys (file, place, code) and keeps, in a TOML file, the
disagreements it understands, each with a reason. ``compare`` splits the findings into agreements
and disagreements and names the disagreements no entry explains and the entries that no longer
match anything (stale): the tests fail on either.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

OURS = "only-containerlint"

K = TypeVar("K", bound=tuple[Hashable, ...])


class Known(Protocol):
    reason: str

    def matches(self, key: Any, side: str) -> bool: ...


@dataclass
class Comparison(Generic[K]):
    agreements: set[K]
    disagreements: dict[K, str]  # key -> side ("only-<tool>" or "only-containerlint")
    unexplained: dict[K, str]
    stale: list[Any]  # the Known entries that match no disagreement

    def per_code(self) -> dict[str, tuple[int, int]]:
        """The other tool's code (the key's last part) -> (agreements, disagreements)."""
        agree = Counter(key[-1] for key in self.agreements)
        disagree = Counter(key[-1] for key in self.disagreements)
        return {code: (agree[code], disagree[code]) for code in sorted(set(agree) | set(disagree))}

    def by_reason(self, known: Sequence[Known]) -> Counter[str]:
        """How many disagreements each known reason explains (the first matching entry)."""
        counts: Counter[str] = Counter()
        for key, side in self.disagreements.items():
            entry = next((k for k in known if k.matches(key, side)), None)
            counts[entry.reason if entry else "UNEXPLAINED"] += 1
        return counts


def compare(theirs: set[K], ours: set[K], known: Sequence[Known], their_side: str) -> Comparison[K]:
    disagreements = {key: their_side for key in theirs - ours}
    disagreements.update({key: OURS for key in ours - theirs})
    unexplained = {key: side for key, side in disagreements.items() if not any(k.matches(key, side) for k in known)}
    stale = [k for k in known if not any(k.matches(key, side) for key, side in disagreements.items())]
    return Comparison(theirs & ours, disagreements, unexplained, stale)


def load_entries(path: Path, required: Sequence[str], sides: Sequence[str]) -> list[dict[str, Any]]:
    """The ``[[difference]]`` tables of ``path``, each checked: the ``required`` keys are there,
    ``side`` is one of ``sides``, and the reason is not a TODO."""
    document = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    entries = document.get("difference", [])
    for number, item in enumerate(entries, start=1):
        problem = _entry_problem(item, required, sides)
        assert problem is None, f"{path.name}: difference #{number}: {problem}"
    return entries


def _entry_problem(item: dict[str, Any], required: Sequence[str], sides: Sequence[str]) -> str | None:
    missing = [key for key in (*required, "side", "reason") if not item.get(key)]
    if missing:
        return f"missing {', '.join(missing)}"
    if item["side"] not in sides:
        return f"side must be one of {tuple(sides)}"
    if str(item["reason"]).strip() == "TODO":
        return "reason is TODO"
    if "line" in item and not isinstance(item["line"], int):
        return "line must be an integer"
    return None
