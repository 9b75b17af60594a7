"""CL4012 healthy-condition-without-healthcheck: ``depends_on`` waits for ``service_healthy`` on a
service that has no healthcheck. ``docker compose up`` then fails ("container ... has no
healthcheck configured") instead of waiting.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.builds import built_stage
from containerlint.checks.compose._references import active_edges
from containerlint.compose_model import ComposeProject
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.compose import Service
from containerlint.syntax.yamlnodes import Scalar, Sequence

RULE = Rule(
    code="CL4012",
    name="healthy-condition-without-healthcheck",
    summary="depends_on waits for service_healthy on a service without a healthcheck",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "references"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project, defined, edge in active_edges(index, ctx):
        if edge.via != "depends_on" or edge.condition != "service_healthy":
            continue
        dependency = defined.get(edge.target)
        if dependency is None or has_healthcheck(index, project, dependency):
            continue
        yield project.problem(
            edge.node,
            f"service '{edge.service.name}' waits for '{edge.target}' to be healthy, but '{edge.target}' "
            f"{_why(dependency)}",
            hint=f"give '{edge.target}' a healthcheck, or use 'condition: service_started'",
        )


def _why(service: Service) -> str:
    node = service.healthcheck
    if node is not None and _disabled(node):
        return "disables its healthcheck"
    if service.build is not None:
        return "has no healthcheck, and the Dockerfile it builds has no HEALTHCHECK"
    return "has no healthcheck"


def has_healthcheck(index: ProjectIndex, project: ComposeProject, service: Service) -> bool:
    """A healthcheck in the service; else, for a service that builds a Dockerfile, a HEALTHCHECK in
    the built stage (or a stage it is built on); True when that cannot be known (no Dockerfile
    found, linted or on disk; a remote context). An image's own HEALTHCHECK is not known, so a
    service that only names an image counts as having none, like one built from a Dockerfile
    without HEALTHCHECK."""
    node = service.healthcheck
    if node is not None:
        return not _disabled(node)
    if service.build is None:
        return False
    built = built_stage(index, project, service)
    if built is None or built.path is None:  # dockerfile_inline is given the benefit of the doubt
        return True
    check = built.healthcheck  # the last HEALTHCHECK of the stage or the stages it builds on
    return check is not None and check.healthcheck_type != "NONE"


def _disabled(node: object) -> bool:
    from containerlint.syntax.yamlnodes import Mapping

    if not isinstance(node, Mapping):
        return False
    disable = node.get_scalar("disable")
    if disable is not None and disable.as_bool():
        return True
    test = node.get("test")
    if isinstance(test, Sequence):
        first = test.items[0] if test.items else None
        return isinstance(first, Scalar) and first.value == "NONE"
    return isinstance(test, Scalar) and test.value == "NONE"
