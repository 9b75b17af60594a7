"""Reading ``USER user[:group]`` for the privilege rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Instruction, Token


def user_word(instruction: Instruction) -> Token | None:
    """The ``user[:group]`` word of a USER instruction (quotes removed in its ``value``)."""
    words = instruction.words
    return words[0] if words else None


def user_part(value: str) -> str:
    """``app:staff`` -> ``app``."""
    return value.split(":", 1)[0]


def is_root(value: str) -> bool:
    """``root``, ``0``, ``root:<group>``, ``0:<group>`` (a UID is a number: ``00`` is root too)."""
    user = user_part(value)
    return user == "root" or (user.isdigit() and int(user) == 0)
