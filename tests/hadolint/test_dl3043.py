"""hadolint DL3043 -> CL3011 invalid-onbuild-trigger: no ONBUILD, FROM or MAINTAINER triggers."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3011"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


@pytest.mark.parametrize("trigger", ["ONBUILD RUN anything", "FROM debian:12", 'MAINTAINER "Someone"', "from x"])
def test_forbidden_triggers_reported_at_the_trigger_keyword(trigger: str) -> None:
    assert found("FROM a:1", f"ONBUILD {trigger}") == [(2, 9)]


@pytest.mark.parametrize(
    "trigger",
    [
        "ADD anything anywhere",
        "USER anything",
        'LABEL bla="blubb"',
        "STOPSIGNAL SIGTERM",
        "COPY anything anywhere",
        "RUN anything",
        "CMD anything",
        'SHELL ["/bin/bash", "-c"]',
        "WORKDIR anything",
        "EXPOSE 69",
        "VOLUME anything",
        "ENTRYPOINT anything",
        'ENV MYVAR="bla"',
        "ARG anything",
        "HEALTHCHECK NONE",
    ],
)
def test_allowed_triggers(trigger: str) -> None:
    assert found("FROM a:1", f"ONBUILD {trigger}") == []


def test_plain_from_and_maintainer() -> None:
    assert found("FROM debian:12") == []
    assert found('MAINTAINER "Some One"') == []
