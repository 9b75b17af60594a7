"""hadolint DL3063 -> CL3017 reserved-stage-name: no stages named scratch or context."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3017"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize("name", ["scratch", "context", "Scratch", "CONTEXT"])
def test_reserved_names_reported_at_the_name(name: str) -> None:
    assert found(f"FROM foo:bar AS {name}") == [(1, 17)]


@pytest.mark.parametrize("line", ["FROM foo:bar AS foobar", "FROM scratch", "FROM foo:bar AS scratchpad"])
def test_other_names(line: str) -> None:
    assert found(line) == []
