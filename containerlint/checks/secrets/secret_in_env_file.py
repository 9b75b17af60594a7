"""CL5030 secret-in-env-file: a credential in an ``env_file`` that a Compose service reads. The
finding is in the env file itself, at the value, even when that file is not among the linted files.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from containerlint import secrets
from containerlint.checks.secrets._support import EnvLine, describe, env_file_lines, git_tracked, services_phrase
from containerlint.compose_model import compose_projects
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL5030",
    name="secret-in-env-file",
    summary="An env_file read by a Compose service holds a secret",
    severity=Severity.ERROR,
    tags=("security", "secrets", "compose"),
)

MAX_ENV_FILE_BYTES = 1024 * 1024


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    readers: dict[str, list[str]] = {}  # env file display path -> services that read it
    for project in compose_projects(index, settings_of(ctx.settings)):
        for service in project.model.services:
            for env_file in service.env_file:
                if not env_file.path or "$" in env_file.path:
                    continue
                path = display_path(project.directory_of(env_file.node) / os.path.expanduser(env_file.path))
                names = readers.setdefault(path, [])
                if service.name not in names:
                    names.append(service.name)
    for path, services in readers.items():
        for line, verdict in secrets_in_env_file(path):
            who = services_phrase(services)
            yield Problem(
                line.span,
                f"env file '{path}' (read by {who}) sets {line.name} to {describe(verdict)} "
                f"('{secrets.mask(line.value)}')",
                path=path,
                hint="keep the file out of git (.gitignore) and commit a template with placeholders, "
                "or use a Compose secret",
            )


def display_path(path: Path) -> str:
    """How a file is shown: relative to the working directory when an absolute path is below it."""
    normal = os.path.normpath(path)
    if os.path.isabs(normal):
        relative = os.path.relpath(normal)
        if not relative.startswith(".."):
            normal = relative
    return Path(normal).as_posix()


def secrets_in_env_file(path: str) -> list[tuple[EnvLine, str]]:
    """The (line, reason) of each secret in the env file at ``path``: nothing when the file is
    missing, too large, or known to git as untracked (not committed: the recommended practice)."""
    try:
        if not os.path.isfile(path) or os.path.getsize(path) > MAX_ENV_FILE_BYTES:
            return []
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    found = []
    for line in env_file_lines(text):
        verdict = secrets.judge(line.name, line.value)
        if verdict is not None:
            found.append((line, verdict.reason))
    if found and git_tracked(Path(path)) is False:
        return []
    return found
