"""Compose projects: the files ``docker compose`` would load together, as one merged model.

This is the interface rules program against; the loader lives in ``containerlint.compose``
(``loader.py``: file selection, ``.env``, interpolation, ``include``, ``extends``; ``merge.py``:
Compose's merge rules; ``envfile.py``: the ``.env`` format). ``docs/compose-projects.md`` describes
how a project is assembled.

- ``ComposeProject.model`` is a ``ComposeFile`` view over the merged, interpolated model. Its nodes
  are the nodes of the files as written, interpolated copies that keep the written spans, or merged
  collections with the span of the node they were merged onto, so a rule reports on
  ``project.problem(node, ...)`` and the finding lands in the file and line that introduced it.
- ``ComposeProject.origin(node)`` is the display path of the file a node was written in (base,
  override, extended or included file).
- ``ComposeProject.raw(node)`` is the text as written of an interpolated scalar (its own value
  otherwise); ``is_unresolved(node)`` tells a scalar kept as written because a variable is unset
  (or its syntax is wrong); ``directory_of(node)`` is the folder its relative paths resolve
  against (the project directory for the project's own files, an extended file's folder, an
  included project's directory).
- ``ComposeProject.load_problems``: ``(code, Problem)`` pairs found while loading (CL4001-CL4005).
- ``ComposeProject.profiles_enabling(service)``: the profiles that enable a service (empty: always on).
- ``compose_projects(index, settings)`` builds the projects once per run (cached on the index).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from containerlint.model import Problem, Related, Span
from containerlint.syntax.yamlnodes import Node, Scalar

if TYPE_CHECKING:
    from containerlint.compose.merge import Tracker
    from containerlint.config import Settings
    from containerlint.project import ProjectIndex
    from containerlint.syntax.compose import ComposeFile, Service


@dataclass(eq=False)
class ComposeProject:
    name: str
    directory: Path  # the project directory: relative paths of the project's files resolve against it
    files: list[str]  # display paths of the Compose files, in load order
    model: ComposeFile  # the merged, interpolated model
    views: dict[str, ComposeFile] = field(default_factory=dict)  # display path -> that file as written
    # the variables used for interpolation: the environment and env files (Compose adds
    # COMPOSE_PROJECT_NAME, which is not listed here: it is only set when the user sets it)
    environment: Mapping[str, str] = field(default_factory=dict)
    profiles: tuple[str, ...] | None = None  # active profiles; None: every profile is considered
    _origins: dict[int, str] = field(default_factory=dict, repr=False)  # node id -> file, before the tracker
    load_problems: list[tuple[str, Problem]] = field(default_factory=list, repr=False)
    _raw: dict[int, str] = field(default_factory=dict, repr=False)
    _directories: dict[str, str] = field(default_factory=dict, repr=False)  # display path -> folder
    components: tuple[str, ...] = ()  # absolute paths of the files it extends or includes

    _tracker: Tracker | None = field(default=None, repr=False)

    def origin(self, node: Node) -> str:
        """The display path of the file ``node`` was written in (the first file if unknown)."""
        found = self._origins.get(id(node))
        if found is None and self._tracker is not None:
            found = self._tracker.origin(node)
        return found if found is not None else self.files[0]

    def raw(self, node: Node) -> str | None:
        """The text as written of a scalar of the model (before interpolation); None for collections."""
        if id(node) in self._raw:
            return self._raw[id(node)]
        return node.value if isinstance(node, Scalar) else None

    def is_unresolved(self, node: Node) -> bool:
        """A scalar kept as written because its interpolation needs an unset variable or failed."""
        return self._tracker is not None and id(node) in self._tracker.unresolved

    def problem(
        self,
        node: Node,
        message: str,
        *,
        span: Span | None = None,
        hint: str | None = None,
        aliases: tuple[str, ...] = (),
        related: tuple[Related, ...] = (),
        **extra: Any,
    ) -> Problem:
        """A finding at ``node`` (or ``span`` inside it) in the file that node came from."""
        return Problem(
            span or node.span,
            message,
            path=self.origin(node),
            hint=hint,
            aliases=aliases,
            related=related,
            **extra,
        )

    def directory_of(self, node: Node) -> Path:
        """The folder relative paths written at ``node`` resolve against."""
        origin = self.origin(node)
        folder = self._directories.get(origin)
        if folder is None:
            return Path(origin).parent
        return _shown(folder)

    def services_for_profiles(self) -> list[Service]:
        """Services enabled by the active profiles (all services when every profile is considered)."""
        services = self.model.services
        if self.profiles is None:
            return services
        active = set(self.profiles)
        return [s for s in services if not s.profiles or any(p.value in active for p in s.profiles)]

    def profiles_enabling(self, service: Service) -> frozenset[str]:
        """The profiles that enable ``service``; empty when it is always enabled."""
        return frozenset(p.value for p in service.profiles)

    def problems_of(self, code: str) -> list[Problem]:
        """The loading problems reported by rule ``code``."""
        return [problem for found, problem in self.load_problems if found == code]


def compose_projects(index: ProjectIndex, settings: Settings | None = None) -> list[ComposeProject]:
    """The run's Compose projects, built once per project index."""
    cache = index.__dict__.setdefault("_compose_projects", {})
    key = id(settings)
    if key not in cache:
        cache[key] = load_compose_projects(index, settings)
    projects: list[ComposeProject] = cache[key]
    return projects


def load_compose_projects(index: ProjectIndex, settings: Settings | None) -> list[ComposeProject]:
    from containerlint.compose.loader import FileSource, is_default_name, load_project, select_projects, wrap_model
    from containerlint.config import settings_of

    settings = settings_of(settings)
    source = FileSource(index)
    loaded = [load_project(spec, source, settings) for spec in select_projects(source, settings)]
    components = {path for project in loaded for path in project.components - set(project.spec.files)}
    projects = []
    for project in loaded:
        spec = project.spec
        if (
            not spec.explicit
            and len(spec.files) == 1
            and spec.files[0] in components
            and not is_default_name(spec.files[0])
        ):
            continue  # a file other projects extend or include is not also a project of its own
        profiles = spec.profiles if spec.profiles is not None else settings.compose.profiles
        if profiles is None and project.environment.get("COMPOSE_PROFILES"):  # the environment or .env
            profiles = tuple(p.strip() for p in project.environment["COMPOSE_PROFILES"].split(",") if p.strip())
        model = wrap_model(project.root)
        projects.append(
            ComposeProject(
                name=project.name,
                directory=_shown(project.directory),
                files=project.displays,
                model=model,
                views=project.views,
                environment=project.environment,
                profiles=profiles,
                _tracker=project.tracker,
                load_problems=project.problems,
                _raw=project.tracker.raw,
                _directories=project.directories,
                components=tuple(sorted(project.components)),
            )
        )
    return projects


def _shown(folder: str) -> Path:
    """A folder as paths are shown: relative to the working directory when below it."""
    relative = os.path.relpath(folder)
    return Path(folder) if relative.startswith("..") else Path(relative)
