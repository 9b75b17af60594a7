"""hadolint DL3035 -> CL3112 zypper-dist-upgrade: no zypper dist-upgrade in builds."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3112"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_dist_upgrade_and_dup() -> None:
    text = "FROM opensuse/leap:15.6\nRUN zypper dist-upgrade\nRUN zypper -n dup && zypper clean\n"
    assert found(text) == [(2, 5), (3, 5)]


def test_onbuild() -> None:
    assert found("FROM opensuse/leap:15.6\nONBUILD RUN zypper dup\n") == [(2, 13)]


def test_update_and_patch_are_fine() -> None:
    assert found("FROM opensuse/leap:15.6\nRUN zypper -n update && zypper -n patch && echo dup\n") == []
