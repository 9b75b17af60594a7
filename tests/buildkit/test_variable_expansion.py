"""The expansion behind the variable checks, following BuildKit's lexer."""

from __future__ import annotations

import pytest

from containerlint.checks.variables._support import expand, references, suggestion


def names(text: str, **kwargs: object) -> list[str]:
    return [reference.name for reference in references(text, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "env", "result"),
    [
        ("a$X-b", {"X": "1"}, "a1-b"),
        ("${X}", {}, ""),
        ("${X:-d}", {"X": ""}, "d"),
        ("${X-d}", {"X": ""}, ""),
        ("${X-d}", {}, "d"),
        ("${X:+w}", {"X": "v"}, "w"),
        ("${X+w}", {"X": ""}, "w"),
        ("${X:+w}", {"X": ""}, ""),
        ("${X%.*}", {"X": "a.b.c"}, "a.b"),
        ("${X%%.*}", {"X": "a.b.c"}, "a"),
        ("${X#*.}", {"X": "a.b.c"}, "b.c"),
        ("${X##*.}", {"X": "a.b.c"}, "c"),
        ("${X/b/B}", {"X": "abab"}, "aBab"),
        ("${X//b/B}", {"X": "abab"}, "aBaB"),
        ("'$X' \"$X\" \\$X", {"X": "1"}, "$X 1 $X"),
        ("$ $. $", {}, "$ $. $"),
        ("${X/[!a]/y}", {"X": "abc"}, "ayc"),
        ("${X%[b-c]}", {"X": "abc"}, "ab"),
    ],
)
def test_expansion(text: str, env: dict[str, str], result: str) -> None:
    assert expand(text, env).text == result


@pytest.mark.parametrize(
    "text", ["${}", "${:x}", "${X", "${X:=y}", "${X=y}", "'open", '"open', "${X:?}", "${X:%y}", "${X/[z-a]/y}"]
)
def test_malformed_expansions_fail(text: str) -> None:
    assert expand(text, {}).text is None


def test_every_name_is_recorded_with_its_position() -> None:
    found = references("a${A:-$B}c$D", base=10)
    assert [(r.name, r.start, r.end) for r in found] == [("B", 16, 18), ("A", 11, 19), ("D", 20, 22)]


def test_special_parameters_and_digits_are_names_for_buildkit() -> None:
    assert names("$1 $12 $@ ${#}") == ["1", "12", "@", "#"]


def test_quotes_off_keeps_single_quotes_literal() -> None:
    assert names("'$A'", quotes=False) == ["A"]
    assert names("'$A'") == []


def test_backtick_escape() -> None:
    assert names("`$A $B", escape="`") == ["B"]


def test_suggestion_within_two_edits() -> None:
    assert suggestion("PAHT", ["HOME", "PATH"]) == "PATH"
    assert suggestion("PATH", ["PATH", "PAT"]) is None
    assert suggestion("COMPLETELY", ["PATH"]) is None
