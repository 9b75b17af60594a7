"""hadolint DL3025 -> CL3010 shell-form-command: JSON form for CMD, ENTRYPOINT, HEALTHCHECK CMD."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3010"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_shell_form_entrypoint_and_cmd_reported_at_the_command() -> None:
    assert found("FROM node:20 AS foo", "ENTRYPOINT run-me") == [(2, 12)]
    assert found("FROM node:20 AS foo", "CMD run-me --now") == [(2, 5)]


def test_json_form_with_or_without_spaces() -> None:
    assert found("FROM scratch", 'ENTRYPOINT ["foo", "bar"]') == []
    assert found("FROM scratch", 'CMD ["foo", "bar"]', 'CMD [ "foo", "bar" ]') == []


def test_healthcheck_cmd() -> None:
    assert found("HEALTHCHECK --interval=5s CMD probe") == [(1, 31)]
    assert found('HEALTHCHECK CMD [ "probe" ]') == []
    assert found("HEALTHCHECK NONE") == []


def test_json_array_split_over_continuation_lines() -> None:
    assert (
        found(
            'CMD [ "/bin/sh", "-c", \\',
            '      "echo one && \\',
            '       echo two" \\',
            "    ]",
        )
        == []
    )


def test_invalid_json_is_the_shell_form() -> None:
    findings = lint_text("CMD ['nginx', '-g']\n", FileKind.DOCKERFILE, select=[CODE])
    assert [(f.span.start.line, f.span.start.column) for f in findings] == [(1, 5)]
    assert "not valid JSON" in findings[0].message


def test_a_non_posix_shell_still_wraps_the_command() -> None:
    assert found("FROM a:1", 'SHELL ["pwsh", "-Command"]', "CMD Start-App") == [(3, 5)]


def test_onbuild_triggers_and_other_instructions() -> None:
    assert found("FROM a:1", "ONBUILD CMD run-me", "RUN echo hi") == []
