"""CL3403 useradd-lastlog-bloat: ``useradd -u 123456`` without ``-l`` bloats the image.

useradd records the new user in /var/log/lastlog and /var/log/faillog, files indexed by UID.
They are sparse on disk, but image layers store them in full: a UID in the hundreds of
thousands adds tens or hundreds of megabytes. ``-l`` (``--no-log-init``) skips the records.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.shell_commands import run_commands
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile
    from containerlint.syntax.shell import Command

RULE = Rule(
    code="CL3403",
    name="useradd-lastlog-bloat",
    summary="useradd with a high UID and without -l (--no-log-init) bloats the image",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3046",),
    tags=("dockerfile", "size"),
)

# hadolint's threshold: a UID of six digits or more.
HIGH_UID = 100_000


def uid_of(command: Command) -> int | None:
    """The UID given with -u/--uid (also ``-u1234``), when it is a literal number."""
    word = command.option_value("-u", "--uid")
    value = word.value if word is not None and word.is_static else None
    if value is None:
        attached = next((w for w in command.args if w.value.startswith("-u") and w.value[2:].isdigit()), None)
        value = attached.value[2:] if attached is not None else None
    return int(value) if value is not None and value.isdigit() else None


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for run in run_commands(dockerfile, "useradd"):
        command = run.command
        uid = uid_of(command)
        if command.name is None or uid is None or uid < HIGH_UID or command.has_flag("-l", "--no-log-init"):
            continue
        yield Problem(
            run.span_of(command.name),
            f"'useradd' with UID {uid} and without -l writes lastlog/faillog records that grow the image by its UID",
            hint="add -l (--no-log-init)",
        )
