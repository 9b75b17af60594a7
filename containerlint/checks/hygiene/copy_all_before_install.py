"""CL3702 copy-all-before-install: ``COPY . .`` comes before the dependency install of its stage (opt-in).

The layer cache is invalidated by any change to the files a COPY brings in. When the whole
context is copied before ``npm ci`` or ``pip install -r requirements.txt``, editing one source
file re-downloads and rebuilds every dependency. Copying the manifests first (``package.json``
and its lock file, ``requirements.txt``, ``go.mod``/``go.sum``, ``Gemfile.lock``...), installing,
then copying the rest keeps that layer cached.

Reported at the whole-context source of the first ``COPY .``/``ADD .`` of a stage when a later RUN
of the stage installs dependencies from the copied files and no install of the same ecosystem
ran earlier in the stage (then the later one installs the project itself, which is fine).
Recognised installs: pip (``-r``, ``-e``, a local path), ``uv sync``/``uv pip install``,
``poetry``/``pipenv``/``pdm install``, ``npm ci``/``npm install`` (no package names), ``yarn``
(``install``), ``pnpm``/``bun install``, ``bundle install``, ``go mod download``, ``composer
install``, ``cargo fetch``, ``mvn dependency:go-offline``, ``dotnet restore``, ``mix deps.get``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.hygiene._support import WHOLE_CONTEXT
from containerlint.checks.shell_commands import run_instructions
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.checks.shell_commands import RunCommand
    from containerlint.syntax.dockerfile import Dockerfile, Instruction, Stage, Token
    from containerlint.syntax.shell import Command

RULE = Rule(
    code="CL3702",
    name="copy-all-before-install",
    summary="The whole context is copied before dependencies are installed, defeating the layer cache",
    severity=Severity.INFO,
    tags=("dockerfile", "hygiene", "performance"),
    default_enabled=False,
)

_PIP = re.compile(r"^pip[0-9.]*$")
_PYTHON = re.compile(r"^python[0-9.]*$")
_MAVEN_RESOLVE = ("dependency:go-offline", "dependency:resolve")


def dependency_install(command: Command) -> str | None:
    """The ecosystem whose dependencies ``command`` installs from the project's files, or None."""
    program = command.program or ""
    words = [word.value for word in command.positional()]
    first = words[0] if words else None
    if _PIP.match(program) or (_PYTHON.match(program) and _pip_module(command)):
        return "python" if "install" in words and _pip_from_files(command) else None
    if program == "uv":
        if first == "sync" or (words[:2] == ["pip", "install"] and _pip_from_files(command)):
            return "python"
        return None
    if program in ("poetry", "pipenv", "pdm") and first in ("install", "sync"):
        return "python" if program != "pipenv" or len(words) == 1 else None
    if program in ("npm", "pnpm", "bun") and first in ("ci", "install", "i"):
        return "node" if len(words) == 1 else None
    if program == "yarn" and (first is None or first == "install"):
        return "node"
    if program == "bundle" and first == "install":
        return "ruby"
    if program == "go" and words[:2] == ["mod", "download"]:
        return "go"
    if program == "composer" and first == "install":
        return "php"
    if program == "cargo" and first == "fetch":
        return "rust"
    if program in ("mvn", "mvnw") and any(w.startswith(_MAVEN_RESOLVE) for w in words):
        return "java"
    if program == "dotnet" and first == "restore":
        return "dotnet"
    if program == "mix" and first == "deps.get":
        return "elixir"
    return None


def _pip_module(command: Command) -> bool:
    values = command.arg_values
    return any(value == "-m" and values[index + 1 : index + 2] == ["pip"] for index, value in enumerate(values))


def _pip_from_files(command: Command) -> bool:
    """``-r requirements.txt``, ``-e .``, ``.`` or another local path: not just named packages."""
    if command.has_flag("-r", "--requirement", "-e", "--editable"):
        return True
    return any(word.value.startswith((".", "/")) for word in command.positional(takes_value=("-m",)))


def _context_copy(instruction: Instruction) -> Token | None:
    if instruction.keyword not in ("COPY", "ADD") or instruction.flag("from") is not None:
        return None
    return next((token for token in instruction.words[:-1] if token.value in WHOLE_CONTEXT), None)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    commands_of = {id(instruction): commands for instruction, commands in run_instructions(dockerfile)}
    for stage in dockerfile.stages:
        problem = _stage_problem(stage, commands_of)
        if problem is not None:
            yield problem


def _stage_problem(stage: Stage, commands_of: dict[int, list[RunCommand]]) -> Problem | None:
    """The stage's first whole-context copy, if a later install of a new ecosystem follows it."""
    installed: set[str] = set()
    copy: tuple[Instruction, Token] | None = None
    for instruction in stage.instructions:
        token = _context_copy(instruction)
        if token is not None and copy is None:
            copy = (instruction, token)
            continue
        for run in commands_of.get(id(instruction), ()):
            ecosystem = dependency_install(run.command)
            if ecosystem is None:
                continue
            if copy is not None and ecosystem not in installed:
                return _problem(copy, run.command, instruction)
            installed.add(ecosystem)
    return None


def _problem(copy: tuple[Instruction, Token], command: Command, run: Instruction) -> Problem:
    instruction, token = copy
    shown = " ".join([command.name.value if command.name else "", *command.arg_values[:2]]).strip()
    return Problem(
        token.span,
        f"{instruction.keyword} {token.value} copies the whole context before '{shown}' (line {run.line}): "
        "any change to any file re-runs the dependency install",
        hint="copy the dependency manifests and lock files first, install, then copy the rest",
    )
