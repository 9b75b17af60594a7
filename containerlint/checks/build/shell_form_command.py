"""CL3010 shell-form-command: CMD, ENTRYPOINT or HEALTHCHECK CMD in the shell form (hadolint DL3025)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction

RULE = Rule(
    code="CL3010",
    name="shell-form-command",
    summary="CMD, ENTRYPOINT or HEALTHCHECK CMD uses the shell form instead of a JSON array",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3025", "buildkit:JSONArgsRecommended"),
    tags=("dockerfile", "reliability", "buildkit"),
)


def _is_json_array(text: str) -> bool:
    """A JSON array that is not one of strings is a syntax error, reported as such."""
    try:
        return isinstance(json.loads(text), list)
    except (ValueError, RecursionError):
        return False


def _message(instruction: Instruction, text: str) -> str:
    what = "HEALTHCHECK CMD" if instruction.keyword == "HEALTHCHECK" else instruction.keyword
    shell = " ".join(instruction.shell_command)
    if text.startswith("["):
        return (
            f"{what} looks like a JSON array but is not valid JSON (strings need double quotes), "
            f"so it runs through '{shell}'"
        )
    if instruction.keyword == "HEALTHCHECK":
        return f"{what} uses the shell form: it runs through '{shell}', which the image must contain"
    return (
        f"{what} uses the shell form: it runs as a child of '{shell}', which does not pass on signals such as SIGTERM"
    )


def _hint(instruction: Instruction) -> str:
    if instruction.keyword == "HEALTHCHECK":
        return 'write it as a JSON array: HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]'
    example = '["nginx", "-g", "daemon off;"]'
    return (
        f"write it as a JSON array: {instruction.keyword} {example}; "
        "a command that needs the shell can start with 'exec'"
    )


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    # ONBUILD triggers are left alone, as hadolint does: they run in another image's build.
    for instruction in dockerfile.iter_instructions("CMD", "ENTRYPOINT", "HEALTHCHECK"):
        text = instruction.command_text
        if not text or instruction.is_exec_form or _is_json_array(text):
            continue
        yield Problem(
            instruction.span_of(instruction.command_offset or 0, len(instruction.args)),
            _message(instruction, text),
            hint=_hint(instruction),
        )
