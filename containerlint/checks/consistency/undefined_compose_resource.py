"""CL7001 undefined-compose-resource: a service uses a named volume, network, secret or config
that the project's top level does not declare. ``docker compose`` refuses to load such a project.

Checked on the merged project (override files, ``include``d files, ``extends``), so a volume declared
in the base file and used in the override is declared; the finding lands where the use is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.compose_model import ComposeProject, compose_projects
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.yamlnodes import Node

RULE = Rule(
    code="CL7001",
    name="undefined-compose-resource",
    summary="A service references a named volume, network, secret or config that is not declared",
    severity=Severity.ERROR,
    tags=("correctness", "compose"),
)

BUILTIN_NETWORKS = frozenset({"default"})


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project in compose_projects(index, settings_of(ctx.settings)):
        yield from _check(project)


def _check(project: ComposeProject) -> Iterator[Problem]:
    compose = project.model
    for service in project.services_for_profiles():  # the services the active profiles enable
        for volume in service.volumes:
            if volume.type == "volume" and volume.source and volume.source not in compose.declared_volumes:
                node = volume.source_node or volume.node
                yield _undeclared(project, "volume", volume.source, service.name, node, "volumes")
        for network in service.networks:
            if network.name not in compose.declared_networks and network.name not in BUILTIN_NETWORKS:
                yield _undeclared(project, "network", network.name, service.name, network.key, "networks")
        for secret in service.secrets:
            if secret.name not in compose.declared_secrets:
                yield _undeclared(project, "secret", secret.name, service.name, secret.source_node, "secrets")
        for config in service.configs:
            if config.name not in compose.declared_configs:
                yield _undeclared(project, "config", config.name, service.name, config.source_node, "configs")


def _undeclared(project: ComposeProject, what: str, name: str, service: str, node: Node, section: str) -> Problem:
    return project.problem(
        node,
        f"service '{service}' uses {what} '{name}', which the top-level '{section}:' does not declare",
        hint=f"declare it under the top-level '{section}:' key (use 'external: true' if it is managed elsewhere)",
    )
