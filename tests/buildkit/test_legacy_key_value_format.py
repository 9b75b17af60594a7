"""BuildKit's LegacyKeyValueFormat (CL3504): ``ENV key value`` and ``LABEL key value``."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text


def found(text: str) -> list[tuple[int, int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=["CL3504"])
    return [(f.span.start.line, f.span.start.column, f.span.end.column) for f in findings if f.code == "CL3504"]


def test_env_and_label_in_the_whitespace_form() -> None:
    text = "FROM scratch\nENV testkey value\nLABEL key value\n"
    assert found(text) == [(2, 5, 12), (3, 7, 10)]
    findings = lint_text(text, FileKind.DOCKERFILE, select=["CL3504"])
    assert findings[0].message == "'ENV testkey <value>' uses the legacy form: use \"ENV key=value\""


def test_equals_form_is_fine() -> None:
    assert found("FROM scratch\nENV testkey=value\nLABEL key=value a=b\n") == []


def test_multi_line_legacy_value() -> None:
    text = "FROM alpine\nENV DEPS \\\n    curl \\\n    git\n"
    assert found(text) == [(2, 5, 9)]


def test_arg_with_two_names_is_not_the_legacy_form() -> None:
    assert found("FROM alpine\nARG foo bar\n") == []


def test_stages_that_are_not_the_target_are_checked_too() -> None:
    text = "FROM scratch AS a\n\nFROM a AS b\nENV testkey value\nLABEL key value\n\nFROM a AS c\n"
    assert found(text) == [(4, 5, 12), (5, 7, 10)]


def test_lowercase_keywords() -> None:
    assert found("from scratch\nenv k v\n") == [(2, 5, 6)]
