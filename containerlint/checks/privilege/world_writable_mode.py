"""CL2021 world-writable-mode: files or folders are made writable by every user.

Checked: the mode of ``chmod`` (octal such as ``777``/``0666``, symbolic such as ``o+w``,
``a=rwx``, ``ugo+rw``), of ``mkdir -m``/``install -m``, and ``COPY --chmod``/``ADD --chmod``.
A mode with the sticky bit (``1777``, ``+t``) is the standard shared scratch folder (``/tmp``:
everyone may create files, nobody may remove another user's) and is accepted. ``chmod +w``
without a ``who`` is limited by the umask and is not judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.shell_commands import run_commands
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL2021",
    name="world-writable-mode",
    summary="chmod or --chmod makes files writable by every user",
    severity=Severity.WARNING,
    tags=("dockerfile", "security"),
)

_OCTAL = re.compile(r"^[0-7]{1,5}$")
_CLAUSE = re.compile(r"^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$")
HINT = (
    "give write access to the owner (and group) only, e.g. 'chown app:app' with 755 or 775; "
    "a shared scratch folder needs the sticky bit (1777)"
)


def world_writable(mode: str) -> bool:
    """True when ``mode`` grants write to others without the sticky bit."""
    if _OCTAL.match(mode):
        bits = int(mode, 8)
        return bool(bits & 0o002) and not bits & 0o1000
    clauses = mode.split(",")
    grants = sticky = False
    for clause in clauses:
        match = _CLAUSE.match(clause)
        if match is None:
            return False  # not a mode we can read (a variable, a typo): do not guess
        who, actions = match.groups()
        for action in re.findall(r"[-+=][rwxXstugo]*", actions):
            operator, permissions = action[0], action[1:]
            if operator in "+=" and "t" in permissions:
                sticky = True
            if operator in "+=" and "w" in permissions and who and ("o" in who or "a" in who):
                grants = True
    return grants and not sticky


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    found: list[Problem] = []
    for instruction in dockerfile.iter_instructions("COPY", "ADD", onbuild=True):
        flag = instruction.flag("chmod")
        if flag is not None and flag.value and world_writable(flag.value):
            found.append(
                Problem(
                    flag.value_span or flag.span,
                    f"{instruction.keyword} --chmod={flag.value} makes the copied files writable by every user",
                    hint=HINT,
                )
            )
    for run in run_commands(dockerfile, "chmod", "mkdir", "install"):
        command = run.command
        if command.is_named("chmod"):
            if any(word.value.startswith("--reference") for word in command.args):
                continue
            words = command.positional()
            mode, targets = (words[0], words[1:]) if words else (None, [])
        else:
            mode, targets = command.option_value("-m", "--mode"), command.positional(takes_value=("-m", "--mode"))
            if command.is_named("install") and not command.has_flag("-d", "--directory"):
                targets = targets[-1:]  # install SOURCE... DEST: only the destination gets the mode
        if mode is None or not world_writable(mode.value):
            continue
        shown = ", ".join(f"'{word.value}'" for word in targets[:3]) or "the files"
        found.append(
            Problem(
                run.span_of(mode),
                f"{command.program} mode {mode.value} makes {shown} writable by every user: any process in the "
                "container can change them",
                hint=HINT,
            )
        )
    yield from sorted(found, key=lambda problem: problem.span.start)
