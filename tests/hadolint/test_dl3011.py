"""hadolint DL3011 -> CL3003 invalid-exposed-port: EXPOSE ports must be 0-65535."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3003"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize("word", ["70000", "65536", "40000-70000/tcp", "70000-80000", "80000-${LAST}"])
def test_out_of_range_ports(word: str) -> None:
    assert found("FROM a:1", f"EXPOSE 80 {word}") == [(2, 11)]


@pytest.mark.parametrize(
    "word",
    ["0", "65535", "60000", "80/tcp", "53/UDP", "38412/sctp", "40000-60000/tcp", "${PORT}", "40000-${LAST}"],
)
def test_valid_ports_and_variables(word: str) -> None:
    assert found("FROM a:1", f"EXPOSE {word}") == []


@pytest.mark.parametrize("word", ["9000-8000", "80/http", "8080:80", "http", "80-", "-1", "1-2-3"])
def test_malformed_words(word: str) -> None:
    assert found("FROM a:1", f"EXPOSE {word}") == [(2, 8)]


def test_one_finding_per_bad_word_across_lines() -> None:
    assert found("FROM a:1", "EXPOSE 70000 \\", "       80 90000/udp") == [(2, 8), (3, 11)]
