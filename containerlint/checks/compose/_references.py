"""Shared by the Compose reference rules (CL4010-CL4016): which services a project defines, which
profiles enable them, and the dependencies between services (the Dockerfile a service builds:
``containerlint.builds``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from containerlint.compose_model import ComposeProject, compose_projects
from containerlint.config import settings_of
from containerlint.registry import Context
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.compose import Service


def projects(index: ProjectIndex, ctx: Context) -> list[ComposeProject]:
    return compose_projects(index, settings_of(ctx.settings))


def services_by_name(project: ComposeProject) -> dict[str, Service]:
    return {service.name: service for service in project.model.services}


def profile_names(service: Service) -> frozenset[str]:
    return frozenset(profile.value for profile in service.profiles)


def enabled(service: Service, active: frozenset[str] | None) -> bool:
    """Is ``service`` enabled when exactly the ``active`` profiles are (None: any)?"""
    own = profile_names(service)
    return not own or active is None or bool(own & active)


def service_reference(text: str) -> str | None:
    """The service named by ``service:NAME`` (network_mode, ipc, pid), else None."""
    kind, colon, name = text.partition(":")
    return name if colon and kind == "service" and name else None


def volumes_from_service(text: str) -> str | None:
    """The service a ``volumes_from`` entry names: ``svc``, ``svc:ro``; None for ``container:x``."""
    first, _, _ = text.partition(":")
    if first == "container":
        return None
    return first or None


# ---------------------------------------------------------------------------------------------
# Dependencies between services


@dataclass(frozen=True, eq=False)
class Edge:
    """One service needing another: a ``depends_on`` entry, or the implicit dependency of
    ``links``, ``network_mode``/``ipc``/``pid: service:x`` and ``volumes_from``."""

    service: Service
    target: str
    node: Node  # where the reference is written
    via: str  # "depends_on", "links", "network_mode", "ipc", "pid", "volumes_from"
    required: bool = True  # depends_on ``required: false``
    condition: str | None = None

    @property
    def written(self) -> str:
        return f"{self.via}: service:{self.target}" if self.via in SERVICE_MODES else f"{self.via} '{self.target}'"


SERVICE_MODES = ("network_mode", "ipc", "pid")


def edges(service: Service) -> list[Edge]:
    found = []
    for dependency in service.depends_on:
        settings = dependency.node if isinstance(dependency.node, Mapping) else None
        required = settings.get_scalar("required") if settings is not None else None
        optional = required is not None and required.as_bool() is False
        found.append(Edge(service, dependency.name, dependency.key, "depends_on", not optional, dependency.condition))
    for item in _scalar_items(service.get("links")):
        if link := item.value.partition(":")[0]:
            found.append(Edge(service, link, item, "links"))
    for key in SERVICE_MODES:
        value = service.scalar(key)
        if value is not None and (mode := service_reference(value.value)):
            found.append(Edge(service, mode, value, key))
    for item in _scalar_items(service.get("volumes_from")):
        if source := volumes_from_service(item.value):
            found.append(Edge(service, source, item, "volumes_from"))
    return found


def _scalar_items(node: Node | None) -> list[Scalar]:
    if not isinstance(node, Sequence):
        return []
    return [item for item in node.items if isinstance(item, Scalar) and not item.is_null]


def active_edges(index: ProjectIndex, ctx: Context) -> Iterator[tuple[ComposeProject, dict[str, Service], Edge]]:
    """(project, the services it defines by name, edge) for every reference a service makes, over
    the services the active profiles enable in every Compose project (the edge's ``service``)."""
    for project in projects(index, ctx):
        defined = services_by_name(project)
        for service in project.services_for_profiles():
            for edge in edges(service):
                yield project, defined, edge


def did_you_mean(name: str, defined: Iterable[str]) -> str | None:
    """A "did you mean 'x'?" hint naming the defined service closest to ``name``, or None."""
    close = difflib.get_close_matches(name, list(defined), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
