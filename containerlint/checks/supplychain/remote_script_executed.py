"""CL1021 remote-script-executed: a script fetched with curl or wget runs without being verified.

Two shapes are recognised:

* a pipeline whose downloader writes to standard output and a later stage is an interpreter that
  reads its program from standard input: ``curl -fsSL URL | sh``, ``wget -qO- URL | sudo bash -s --``,
  ``curl URL | python3 -``;
* an interpreter whose program is the output of a downloader: ``sh -c "$(curl -fsSL URL)"``,
  ``bash <(curl URL)``, ``eval "$(wget -O- URL)"``, ``source <(curl URL)``.

An interpreter given its program another way (``python3 -c '...'``, ``python -m json.tool``,
``sh script.sh``) only reads data from the pipe and is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.shell_commands import run_instructions
from containerlint.checks.supplychain._support import DOWNLOADERS, downloads_to_stdout, url_word
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.shell import POSIX_SHELLS

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile
    from containerlint.syntax.shell import Command, ShellScript, Word

RULE = Rule(
    code="CL1021",
    name="remote-script-executed",
    summary="A script downloaded with curl or wget is run directly, without verifying it",
    severity=Severity.WARNING,
    tags=("dockerfile", "supply-chain", "security"),
)

SHELLS = frozenset(POSIX_SHELLS | {"fish"})
_PYTHON = re.compile(r"^python[0-9.]*$")


# How each interpreter is told its program: options that take the program from an argument,
# options that consume the next word, and options that make it read the program from stdin.
def _program_options(program: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    if program in SHELLS:
        return frozenset({"-c"}), frozenset({"-o", "+o", "-O", "+O", "--rcfile", "--init-file"}), frozenset({"-s"})
    if _PYTHON.match(program) or program in ("pypy", "pypy3"):
        return frozenset({"-c", "-m"}), frozenset({"-W", "-X", "-Q"}), frozenset()
    if program in ("perl",):
        return frozenset({"-e", "-E"}), frozenset({"-I", "-M", "-m"}), frozenset()
    if program in ("ruby",):
        return frozenset({"-e"}), frozenset({"-I", "-r", "-C", "-E"}), frozenset()
    if program in ("node", "nodejs", "deno", "bun"):
        return frozenset({"-e", "--eval", "-p", "--print"}), frozenset({"-r", "--require"}), frozenset()
    if program in ("php",):
        return frozenset({"-r", "-f", "-B", "-R", "-E"}), frozenset({"-c", "-d", "-z"}), frozenset()
    return None


def _program_argument(command: Command) -> tuple[str, Word | None] | None:
    """How an interpreter gets its program: ("stdin", None), ("argument", word) with the word
    holding the program text or file, or None when it is not an interpreter."""
    program = command.program or ""
    if program == "eval":
        return ("argument", command.args[0]) if command.args else None
    if program in ("source", "."):
        return ("argument", command.args[0]) if command.args else None
    options = _program_options(program)
    if options is None:
        return None
    from_argument, valued, from_stdin = options
    words = command.args
    position = 0
    while position < len(words):
        value = words[position].value
        if value == "--":
            position += 1
            break
        if not value.startswith(("-", "+")) or value in ("-", "+"):
            break
        if value in from_stdin or (program in SHELLS and _short_cluster_has(value, "s")):
            return ("stdin", None)
        if value in from_argument or (program in SHELLS and _short_cluster_has(value, "c")):
            following = words[position + 1] if position + 1 < len(words) else None
            return ("argument", following)
        position += 2 if value in valued else 1
    if position >= len(words) or words[position].value == "-":
        return ("stdin", None)
    return ("argument", words[position])


def _short_cluster_has(value: str, letter: str) -> bool:
    return value.startswith("-") and not value.startswith("--") and letter in value[1:] and value[1:].isalpha()


def _downloader_inside(script: ShellScript, word: Word) -> Command | None:
    """A downloader writing to stdout inside ``$(...)``/``<(...)`` of ``word``."""
    for command in script.commands:
        if command.start >= word.start and command.end <= word.end and command.nesting:
            inner = command.unwrapped()
            if inner.is_named(*DOWNLOADERS) and downloads_to_stdout(inner):
                return inner
    return None


def _problem(script: ShellScript, downloader: Command, interpreter: Command, how: str) -> Problem:
    url = url_word(downloader)
    target = url or downloader.name
    assert target is not None
    shown = f"'{url.value}'" if url else f"{downloader.program} output"
    runner = interpreter.program or "the shell"
    return Problem(
        script.span_of(target),
        f"{shown} is {how} '{runner}' without being verified: whoever controls the server (or the "
        "network) decides what runs in the build",
        hint="download to a file, check it (e.g. `echo '<sha256>  install.sh' | sha256sum -c -`), then run it",
    )


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    if not any(downloader in dockerfile.text for downloader in DOWNLOADERS):
        return
    for _, commands in run_instructions(dockerfile):
        reported: set[int] = set()
        for run in commands:
            command, script = run.command, run.script
            if command.is_named(*DOWNLOADERS) and command.pipeline is not None and id(command.pipeline) not in reported:
                interpreter = _stdin_interpreter_after(command)
                if interpreter is not None and downloads_to_stdout(command):
                    reported.add(id(command.pipeline))
                    yield _problem(script, command, interpreter, "piped into")
                continue
            how = _program_argument(command)
            if how is None or how[1] is None:
                continue
            downloader = _downloader_inside(script, how[1])
            if downloader is not None:
                yield _problem(script, downloader, command, "run by")


def _stdin_interpreter_after(downloader: Command) -> Command | None:
    pipeline = downloader.pipeline
    assert pipeline is not None
    stages = pipeline.commands
    later = [stage for stage in stages if stage.start > downloader.start]
    for stage in later:
        inner = stage.unwrapped()
        how = _program_argument(inner)
        if how is not None and how[0] == "stdin" and inner.program not in ("eval", "source", "."):
            return inner
    return None
