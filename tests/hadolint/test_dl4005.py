"""hadolint DL4005 -> CL3406 ln-over-bin-sh: choose RUN's shell with SHELL, not by relinking /bin/sh."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3406"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def run(command: str) -> list[tuple[int, int]]:
    return found(f"FROM debian:12\nRUN {command}\n")


@pytest.mark.parametrize(
    "command",
    [
        "ln -sfv /bin/bash /bin/sh",
        "ln -sf bash /bin/sh",
        "ln -s -f /bin/bash /usr/bin/sh",
    ],
)
def test_relinks_bin_sh(command: str) -> None:
    assert run(command) == [(2, 5)]


@pytest.mark.parametrize(
    "command",
    [
        "ln -sf /bin/true /sbin/initctl",
        "ln -s /usr/share/zoneinfo/UTC /etc/localtime && update-alternatives --help && echo /bin/sh",
        # /bin/sh as the source of a link does not change /bin/sh (hadolint reports it)
        "ln -s /bin/sh /usr/local/bin/sh",
        "ln -s -t /usr/local/bin /bin/sh",
    ],
)
def test_other_links(command: str) -> None:
    assert run(command) == []


def test_reported_at_the_ln_command() -> None:
    assert run("apt-get install -y bash && ln -sf bash /bin/sh") == [(2, 32)]


def test_onbuild() -> None:
    assert found("FROM debian:12\nONBUILD RUN ln -sf /bin/bash /bin/sh\n") == [(2, 13)]
