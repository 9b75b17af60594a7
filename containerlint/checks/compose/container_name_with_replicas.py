"""CL4016 container-name-with-replicas: a fixed ``container_name`` on a service that runs more than
one container (``deploy.replicas`` or ``scale`` above 1). Container names are unique, so Compose
refuses the project.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.compose._references import projects
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.compose import Service
from containerlint.syntax.yamlnodes import Mapping, Scalar

RULE = Rule(
    code="CL4016",
    name="container-name-with-replicas",
    summary="A service with a fixed container_name runs more than one replica",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "references"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project in projects(index, ctx):
        for service in project.services_for_profiles():
            name = service.container_name
            if name is None:
                continue
            for key, count in _replicas(service):
                if count is None or count <= 1:
                    continue
                yield project.problem(
                    name,
                    f"service '{service.name}' sets container_name '{name.value}' but runs {count} replicas "
                    f"({key}); container names must be unique",
                    hint="remove container_name (Compose names each replica), or run one replica",
                )
                break


def _replicas(service: Service) -> list[tuple[str, int | None]]:
    found = []
    deploy = service.get("deploy")
    if isinstance(deploy, Mapping):
        found.append(("deploy.replicas", _count(deploy.get("replicas"))))
    found.append(("scale", _count(service.get("scale"))))
    return found


def _count(node: object) -> int | None:
    if not isinstance(node, Scalar) or node.is_null:
        return None
    text = node.value.strip()
    return int(text) if text.isdigit() else None
