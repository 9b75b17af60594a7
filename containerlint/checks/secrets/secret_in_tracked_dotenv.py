"""CL5031 secret-in-tracked-dotenv: the ``.env`` file Compose reads for interpolation holds a secret
and is tracked by git. An untracked ``.env`` is the recommended practice and is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from containerlint import secrets
from containerlint.checks.secrets._support import describe, git_tracked
from containerlint.checks.secrets.secret_in_env_file import display_path, secrets_in_env_file
from containerlint.compose_model import compose_projects
from containerlint.config import Settings, settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL5031",
    name="secret-in-tracked-dotenv",
    summary="The .env file of a Compose project is tracked by git and holds a secret",
    severity=Severity.ERROR,
    tags=("security", "secrets", "compose"),
    options={"tracked-only": True},
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    tracked_only = bool(ctx.options.get("tracked-only", True))
    settings = settings_of(ctx.settings)
    done: set[str] = set()
    for project in compose_projects(index, settings):
        env_files = {
            display_path(project.directory_of(env_file.node) / env_file.path)
            for service in project.model.services
            for env_file in service.env_file
        }
        for path in _dotenv_files(project.directory, settings):
            if path in done or path in env_files:
                continue  # a service's env_file as well: secret-in-env-file (CL5030) reports it
            done.add(path)
            yield from _check(path, tracked_only)


def _dotenv_files(directory: Path, settings: Settings) -> list[str]:
    """The files a project reads for interpolation: ``[compose] env-files`` (like ``--env-file``,
    relative to the configuration's folder), else ``.env`` in the project directory."""
    if settings.compose.env_files:
        return [display_path(Path(settings.root) / name) for name in settings.compose.env_files]
    return [display_path(directory / ".env")]


def _check(path: str, tracked_only: bool) -> Iterator[Problem]:
    found = secrets_in_env_file(path)
    if not found:
        return
    tracked = git_tracked(Path(path)) is True
    if tracked_only and not tracked:
        return
    state = "is tracked by git and " if tracked else ""
    name = Path(path).name
    for line, reason in found:
        yield Problem(
            line.span,
            f"the project's '{path}' {state}sets {line.name} to {describe(reason)} ('{secrets.mask(line.value)}')",
            path=path,
            hint=f"untrack it ('git rm --cached {name}'), add it to .gitignore, rotate the secret, "
            "and commit a template with placeholders",
        )
