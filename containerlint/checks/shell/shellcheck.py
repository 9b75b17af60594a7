"""CL3450 shellcheck: ShellCheck's findings on the shell scripts of RUN, where they are.

As hadolint does it: the shell form of every RUN and ONBUILD RUN (and here also each heredoc
body a POSIX shell runs) is checked by ShellCheck in the dialect of the shell that runs it (the
stage's SHELL, inherited from the stage it builds on; ``# hadolint shell=`` pragmas included),
with the ARG and ENV names in scope declared so that they are not "referenced but not assigned".
PowerShell, cmd and other non-POSIX shells are skipped, and so is zsh, which ShellCheck cannot
read. Each finding carries ShellCheck's code as the alias ``shellcheck:SC2086`` (so
``# hadolint ignore=SC2086`` suppresses exactly that code) and ShellCheck's level as severity.

Every script of every Dockerfile of the run goes to one ShellCheck process (a project check),
each as a file that starts with a header of two lines: the ``# shellcheck shell=`` directive and
the ``export NAME=1 ...`` line declaring the names (``=1``, as hadolint does: a declared name
holds a plain word, so ShellCheck does not ask to quote it). Positions come back through the
script's offsets: the command line keeps its offsets into ``Instruction.args`` (what precedes
the command and the heredoc operators are blanked out), a heredoc body its offsets into
``Heredoc.body``, and both map to the source across continuation lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from containerlint.model import Edit, FileKind, Fix, Problem, Severity, Span
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.shellcheck_runner import Comment
    from containerlint.syntax.dockerfile import Dockerfile, Heredoc, Instruction

RULE = Rule(
    code="CL3450",
    name="shellcheck",
    summary="ShellCheck reports a problem in the shell script of a RUN",
    severity=Severity.WARNING,
    tags=("dockerfile", "correctness"),
    default_enabled=False,
    # hadolint always leaves out SC1090 and SC1091 (a sourced file is not in the Dockerfile).
    options={"include": [], "exclude": ["SC1090", "SC1091"], "shell": "sh"},
    sub_codes=r"shellcheck:SC\d+",
)

# Variables the builder passes to RUN without an ARG (Docker's predefined proxy ARGs).
PREDEFINED = frozenset(
    {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy"}
    | {"NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"}
)
# The dialect ShellCheck checks each POSIX shell in; "sh" is the ``shell`` option (what /bin/sh
# is in the image). ShellCheck reads ash as dash; it cannot read zsh, which is skipped.
DIALECTS = {"bash": "bash", "dash": "dash", "ash": "dash", "ksh": "ksh", "mksh": "ksh"}
SHELL_OPTION_VALUES = ("sh", "bash", "dash", "ksh", "busybox")
LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "style": Severity.STYLE}
HEADER_LINES = 2
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CODE = re.compile(r"(?:shellcheck:)?(?:SC)?(\d+)", re.I)


@dataclass(frozen=True)
class Body:
    """One script to check and how to map its offsets back: into ``instruction.args`` or into
    ``heredoc.body``."""

    path: str
    text: str  # the script, without the header
    dialect: str
    names: frozenset[str]
    instruction: Instruction
    heredoc: Heredoc | None = None

    def script(self) -> str:
        exports = " ".join(f"{name}=1" for name in sorted(self.names))
        return f"# shellcheck shell={self.dialect}\nexport {exports}\n{self.text}\n"

    def span_of(self, start: int, end: int) -> Span:
        target = self.heredoc or self.instruction
        return target.span_of(start, end)


@RULE.check_project(FileKind.DOCKERFILE)
def check(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    from containerlint.shellcheck_runner import run_shellcheck

    include, exclude = _codes(ctx.options, "include"), _codes(ctx.options, "exclude")
    sh_dialect = _shell_option(ctx.options)
    # Bodies with the same script (the same RUN in several Dockerfiles) are checked once.
    by_script: dict[str, list[Body]] = {}
    for located in project.dockerfiles:
        for body in bodies_of(located.path, located.item, sh_dialect):
            by_script.setdefault(body.script(), []).append(body)
    scripts = list(by_script)
    for comment in run_shellcheck(scripts):
        if (include and comment.code not in include) or comment.code in exclude:
            continue
        for body in by_script[scripts[comment.script]]:
            yield _problem(body, comment)


# Which scripts, in which dialect, with which names ------------------------------------------


def bodies_of(path: str, dockerfile: Dockerfile, sh_dialect: str = "sh") -> Iterator[Body]:
    for instruction, names in runs_with_names(dockerfile):
        dialect = dialect_of(instruction.shell_command[0] if instruction.shell_command else "", sh_dialect)
        text = command_line(instruction)
        if dialect is not None and text is not None and text.strip():
            yield Body(path, text, dialect, names, instruction)
        for heredoc in instruction.heredocs:
            dialect = dialect_of(heredoc.interpreter or "", sh_dialect)
            if dialect is not None and heredoc.runs_in_shell and heredoc.body.strip():
                yield Body(path, _without_shebang(heredoc.body), dialect, names, instruction, heredoc)


def runs_with_names(dockerfile: Dockerfile) -> Iterator[tuple[Instruction, frozenset[str]]]:
    """Every RUN and ONBUILD RUN with the variable names it can read.

    A RUN reads the ARGs declared earlier in its stage and the ENVs set earlier in it or in the
    stages it builds on (ENV is kept in the image; an ARG ends with its stage, and a global ARG
    must be declared again inside the stage). An ONBUILD RUN runs in a later build on this image:
    it reads every ENV of the stage and the ARG and ENV triggers before it.
    """
    final_env: dict[int, set[str]] = {}
    for stage in dockerfile.stages:
        inherited = final_env.get(stage.base_stage, set()) if stage.base_stage is not None else set()
        env, args, triggers = set(inherited), set(), set()
        every_env = inherited | {name for i in stage.instructions if i.keyword == "ENV" for name in _keys(i)}
        for instruction in stage.instructions:
            trigger = instruction.inner
            if instruction.keyword == "ARG":
                args |= _keys(instruction)
            elif instruction.keyword == "ENV":
                env |= _keys(instruction)
            elif instruction.keyword == "RUN":
                yield instruction, frozenset({*PREDEFINED, *env, *args})
            elif trigger is not None and trigger.keyword in ("ARG", "ENV"):
                triggers |= _keys(trigger)
            elif trigger is not None and trigger.keyword == "RUN":
                yield trigger, frozenset({*PREDEFINED, *every_env, *triggers})
        final_env[stage.index] = env


def _keys(instruction: Instruction) -> set[str]:
    return {pair.key for pair in instruction.key_values if _NAME.fullmatch(pair.key)}


def dialect_of(program: str, sh_dialect: str) -> str | None:
    """ShellCheck's dialect for the shell ``program`` (``/bin/bash`` -> bash), None if it has none."""
    name = program.replace("\\", "/").rsplit("/", 1)[-1]
    return sh_dialect if name == "sh" else DIALECTS.get(name)


def command_line(instruction: Instruction) -> str | None:
    """The shell form command with its offsets into ``args``: what precedes it (flags) and the
    heredoc operators blanked out. None for the exec form."""
    if instruction.command_offset is None or instruction.is_exec_form or not instruction.runs_posix_shell:
        return None
    text = list(" " * instruction.command_offset + instruction.args[instruction.command_offset :])
    for heredoc in instruction.heredocs:
        text[heredoc.start : heredoc.end] = " " * (heredoc.end - heredoc.start)
    return "".join(text)


def _without_shebang(body: str) -> str:
    """The body with its ``#!`` line made a plain comment of the same length: the header's
    directive gives the dialect, and the line is no longer the first."""
    return "# " + body[2:] if body.startswith("#!") else body


# Options ---------------------------------------------------------------------------------------


def _codes(options: Any, key: str) -> frozenset[int]:
    values = options.get(key) or []
    codes = set()
    for value in values:
        match = _CODE.fullmatch(str(value).strip())
        if match is None:
            raise ValueError(f"option {key!r}: {value!r} is not a ShellCheck code like SC2086")
        codes.add(int(match.group(1)))
    return frozenset(codes)


def _shell_option(options: Any) -> str:
    value = str(options.get("shell", "sh")).strip().lower()
    if value not in SHELL_OPTION_VALUES:
        raise ValueError(f"option 'shell': {value!r} is not one of {', '.join(SHELL_OPTION_VALUES)}")
    return value


# Findings ------------------------------------------------------------------------------------


def _problem(body: Body, comment: Comment) -> Problem:
    code = f"SC{comment.code}"
    return Problem(
        _span(body, comment.line, comment.column, comment.end_line, comment.end_column),
        f"{code}: {comment.message}",
        path=body.path,
        hint=f"see https://www.shellcheck.net/wiki/{code}",
        fix=_fix(body, comment),
        aliases=(f"shellcheck:{code}",),
        severity=LEVELS.get(comment.level, Severity.WARNING),
    )


def _offset(lines: Sequence[int], length: int, line: int, column: int) -> int:
    """The offset in the body of ShellCheck's (line, column); header lines count as its start."""
    index = line - HEADER_LINES - 1
    if index < 0:
        return 0
    if index >= len(lines):
        return length
    return min(lines[index] + column - 1, length)


def _line_starts(text: str) -> list[int]:
    return [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]


def _span(body: Body, line: int, column: int, end_line: int, end_column: int) -> Span:
    starts = _line_starts(body.text)
    start = _offset(starts, len(body.text), line, column)
    end = max(_offset(starts, len(body.text), end_line, end_column), start)
    return body.span_of(start, end)


def _fix(body: Body, comment: Comment) -> Fix | None:
    """ShellCheck's fix as edits of the Dockerfile; None unless every edit maps onto one unbroken
    stretch of a source line (a continuation in between would be edited away)."""
    if not comment.fix:
        return None
    starts = _line_starts(body.text)
    edits = []
    for replacement in comment.fix:
        start = _offset(starts, len(body.text), replacement.line, replacement.column)
        end = _offset(starts, len(body.text), replacement.end_line, replacement.end_column)
        if replacement.line <= HEADER_LINES or end < start:
            return None
        span = body.span_of(start, start) if end == start else body.span_of(start, end)
        if span.start.line != span.end.line or span.end.column - span.start.column != end - start:
            return None
        edits.append(Edit(span, replacement.text))
    return Fix(f"ShellCheck's fix for SC{comment.code}", tuple(edits))
