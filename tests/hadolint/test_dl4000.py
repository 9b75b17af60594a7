"""hadolint DL4000 -> CL3019 deprecated-maintainer: MAINTAINER is deprecated."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3019"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_maintainer_reported_at_the_keyword() -> None:
    assert found("FROM busybox:1", "MAINTAINER hudu@mail.com") == [(2, 1)]
    assert found("FROM debian:12", "  maintainer Lukas") == [(2, 3)]
    assert found("MAINTAINER Lukas", "FROM debian:12") == [(1, 1)]


def test_no_maintainer_and_onbuild() -> None:
    assert found("FROM debian:12") == []
    assert found("FROM debian:12", "ONBUILD MAINTAINER x") == []


def test_hint_is_the_label() -> None:
    findings = lint_text('FROM a:1\nMAINTAINER "Jane <j@x>"\n', FileKind.DOCKERFILE, select=[CODE])
    assert findings[0].hint == 'LABEL org.opencontainers.image.authors="Jane <j@x>"'
