"""What the repository builds: which Dockerfile (and stage) a Compose service's ``build`` uses.

Cross-file rules start here: ``compose_builds(index, settings)`` lists every Compose service that
builds an image, with the Dockerfile path its ``build`` section resolves to (``context``
relative to the Compose file that wrote it, ``dockerfile`` relative to the context) and the
``target`` stage it names.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from containerlint.compose_model import ComposeProject
    from containerlint.config import Settings
    from containerlint.project import ProjectIndex
    from containerlint.syntax.compose import BuildConfig, Service

DEFAULT_DOCKERFILE = "Dockerfile"


@dataclass(frozen=True)
class ComposeBuild:
    project: ComposeProject
    service: Service
    build: BuildConfig
    context: Path | None  # None: a remote context (git URL) or an unresolved variable
    dockerfile: Path | None  # None: dockerfile_inline, a remote context, or unresolved

    @property
    def target(self) -> str | None:
        return self.build.target.value if self.build.target is not None else None


def compose_builds(index: ProjectIndex, settings: Settings | None = None) -> list[ComposeBuild]:
    """Every service of every Compose project that has a ``build`` section."""
    from containerlint.compose_model import compose_projects

    cache = index.__dict__.setdefault("_compose_builds", {})
    key = id(settings)
    if key not in cache:
        cache[key] = [
            _resolve(project, service)
            for project in compose_projects(index, settings)
            for service in project.model.services
            if service.build is not None
        ]
    builds: list[ComposeBuild] = cache[key]
    return builds


def _resolve(project: ComposeProject, service: Service) -> ComposeBuild:
    build = service.build
    assert build is not None
    context_text = build.context.value if build.context is not None else "."
    if _is_remote(context_text) or "$" in context_text:
        return ComposeBuild(project, service, build, None, None)
    written_at = build.context if build.context is not None else build.node
    context = (project.directory_of(written_at) / context_text).resolve()
    if build.dockerfile_inline is not None:
        return ComposeBuild(project, service, build, context, None)
    name = build.dockerfile.value if build.dockerfile is not None else DEFAULT_DOCKERFILE
    if "$" in name:
        return ComposeBuild(project, service, build, context, None)
    return ComposeBuild(project, service, build, context, (context / name).resolve())


def _is_remote(context: str) -> bool:
    return "://" in context or context.startswith(("git@", "github.com/")) or context.endswith(".git")


def targets_by_dockerfile(index: ProjectIndex, settings: Settings | None = None) -> dict[Path, set[str]]:
    """Resolved Dockerfile path -> the stages Compose services build with ``target:``."""
    targets: dict[Path, set[str]] = {}
    for found in compose_builds(index, settings):
        if found.dockerfile is not None and found.target:
            targets.setdefault(found.dockerfile, set()).add(found.target.lower())
    return targets
