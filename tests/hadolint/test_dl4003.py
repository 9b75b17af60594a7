"""hadolint DL4003 -> CL3020 multiple-cmds: one CMD per stage."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3020"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_many_cmds_in_one_stage() -> None:
    assert found("FROM debian:12", "CMD bash", "RUN foo", "CMD another") == [(4, 1)]


def test_one_cmd_per_stage() -> None:
    assert found("FROM debian:12 AS one", "CMD bash", "RUN foo", "FROM debian:12 AS two", "CMD another") == []
    assert found("CMD /bin/true") == []


def test_many_cmds_then_another_stage() -> None:
    assert found(
        "FROM debian:12 AS one",
        "CMD bash",
        "RUN foo",
        "CMD another",
        "FROM debian:12 AS two",
        "CMD another",
    ) == [(4, 1)]


def test_every_repeat_and_fragments() -> None:
    assert found("CMD a", "CMD b", "cmd c") == [(2, 1), (3, 1)]
    assert found("FROM a:1", "CMD a", "ONBUILD CMD b") == []
