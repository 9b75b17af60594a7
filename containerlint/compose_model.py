"""Compose projects: the files ``docker compose`` would load together, as one merged model.

THIS IS THE INTERFACE RULES PROGRAM AGAINST. The first version below treats every Compose file as
a project of its own (no override files, no interpolation, no extends/include); the full loader
replaces ``load_compose_projects`` without changing the API:

- ``ComposeProject.model`` is a ``ComposeFile`` view over the merged, interpolated model. Its nodes
  are the nodes of the files as written (or copies that keep their spans), so a rule reports on
  ``project.problem(node, ...)`` and the finding lands in the file and line that introduced it.
- ``ComposeProject.origin(node)`` is the display path of the file a node was written in.
- ``compose_projects(index, settings)`` builds the projects once per run (cached on the index).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from containerlint.model import Problem, Related, Span
from containerlint.syntax.yamlnodes import Node

if TYPE_CHECKING:
    from containerlint.config import Settings
    from containerlint.project import ProjectIndex
    from containerlint.syntax.compose import ComposeFile, Service


@dataclass(eq=False)
class ComposeProject:
    name: str
    directory: Path  # the project directory: relative paths of the first file resolve against it
    files: list[str]  # display paths of the Compose files, in load order
    model: ComposeFile  # the merged, interpolated model
    views: dict[str, ComposeFile] = field(default_factory=dict)  # display path -> that file as written
    environment: Mapping[str, str] = field(default_factory=dict)  # variables used for interpolation
    profiles: tuple[str, ...] | None = None  # active profiles; None: every profile is considered
    _origins: dict[int, str] = field(default_factory=dict, repr=False)

    def origin(self, node: Node) -> str:
        """The display path of the file ``node`` was written in (the first file if unknown)."""
        return self._origins.get(id(node), self.files[0])

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
        """The folder relative paths written at ``node`` resolve against (its file's folder)."""
        return Path(self.origin(node)).parent

    def services_for_profiles(self) -> list[Service]:
        """Services enabled by the active profiles (all services when every profile is considered)."""
        services = self.model.services
        if self.profiles is None:
            return services
        active = set(self.profiles)
        return [s for s in services if not s.profiles or any(p.value in active for p in s.profiles)]


def compose_projects(index: ProjectIndex, settings: Settings | None = None) -> list[ComposeProject]:
    """The run's Compose projects, built once per project index."""
    cache = index.__dict__.setdefault("_compose_projects", {})
    key = id(settings)
    if key not in cache:
        cache[key] = load_compose_projects(index, settings)
    projects: list[ComposeProject] = cache[key]
    return projects


def load_compose_projects(index: ProjectIndex, settings: Settings | None) -> list[ComposeProject]:
    projects = []
    for located in index.compose_files:
        compose: ComposeFile = located.item
        origins: dict[int, str] = {}
        _index_origins(compose, located.path, origins)
        projects.append(
            ComposeProject(
                name=Path(located.path).resolve().parent.name,
                directory=Path(located.path).parent,
                files=[located.path],
                model=compose,
                views={located.path: compose},
                _origins=origins,
            )
        )
    return projects


def _index_origins(compose: ComposeFile, path: str, origins: dict[int, str]) -> None:
    from containerlint.syntax.yamlnodes import Mapping as YamlMapping
    from containerlint.syntax.yamlnodes import Sequence as YamlSequence

    stack: list[Node] = [compose.root] if compose.root is not None else []
    while stack:
        node = stack.pop()
        origins[id(node)] = path
        if isinstance(node, YamlMapping):
            for pair in node.pairs:
                stack.append(pair.key)
                stack.append(pair.value)
        elif isinstance(node, YamlSequence):
            stack.extend(node.items)
