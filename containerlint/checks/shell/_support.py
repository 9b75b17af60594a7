"""Helpers shared by the CL34xx rules: option spellings of the commands they look at."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from containerlint.syntax.dockerfile import Dockerfile
from containerlint.syntax.shell import Word


def option_words(words: Sequence[Word]) -> list[Word]:
    """The words before ``--``: after it nothing is an option."""
    values = [word.value for word in words]
    return list(words[: values.index("--")]) if "--" in values else list(words)


def gives_option(words: Sequence[Word], long: Iterable[str] = (), short: str = "") -> bool:
    """True if an option is given: a long one by name (``--quiet``, ``--progress=bar``), or a
    one-letter one from ``short`` alone or inside a cluster (``-q``, ``-qO-``)."""
    long_names = tuple(long)
    for word in option_words(words):
        value = word.value
        if value.startswith("--"):
            name = value[2:].split("=", 1)[0]
            if name in long_names:
                return True
        elif value.startswith("-") and any(letter in value[1:] for letter in short):
            return True
    return False


def onbuild_triggers(dockerfile: Dockerfile) -> set[int]:
    """Ids of the instructions ONBUILD holds (``run_commands`` yields them like plain RUNs)."""
    return {id(instruction.inner) for instruction in dockerfile.instructions if instruction.inner is not None}
