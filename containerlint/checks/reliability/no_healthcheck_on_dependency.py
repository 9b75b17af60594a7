"""CL4211 no-healthcheck-on-dependency: other Compose services depend on a service that has no
healthcheck (none in Compose, and no HEALTHCHECK in the Dockerfile stage it builds), so they can
only wait for its container to start, not for it to be ready.

Only plain dependencies count (a list entry, or ``condition: service_started``): a
``service_completed_successfully`` dependency waits for a one-shot job, and ``service_healthy``
on a service without a healthcheck is a reference error that its own rule reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.builds import built_stage
from containerlint.checks.reliability._support import compose_services, healthcheck_state
from containerlint.model import FileKind, Problem, Related, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.compose_model import ComposeProject
    from containerlint.project import ProjectIndex
    from containerlint.syntax.compose import Dependency, Service

RULE = Rule(
    code="CL4211",
    name="no-healthcheck-on-dependency",
    summary="Compose services depend on a service that has no healthcheck",
    severity=Severity.INFO,
    tags=("compose", "reliability"),
    default_enabled=False,
)

PLAIN_CONDITIONS = (None, "service_started")


@RULE.check_project(FileKind.COMPOSE)
def check_compose(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    dependents: dict[int, dict[str, list[tuple[Service, Dependency]]]] = {}
    for compose, service in compose_services(project, ctx):
        if id(compose) not in dependents:
            dependents[id(compose)] = _dependents(compose)
        waiting = dependents[id(compose)].get(service.name, [])
        if not waiting or any(dependency.condition not in PLAIN_CONDITIONS for _, dependency in waiting):
            continue  # nobody depends on it, or someone waits for its health or its completion
        if _has_healthcheck(project, compose, service):
            continue
        names = ", ".join(f"'{dependent.name}'" for dependent, _ in waiting)
        yield compose.problem(
            service.key,
            f"service '{service.name}' has no healthcheck, but {names} depend"
            f"{'s' if len(waiting) == 1 else ''} on it: they start once its container starts, "
            "not once it is ready",
            hint=f"add a healthcheck to '{service.name}' and depend on it with 'condition: service_healthy'",
            related=tuple(
                Related(
                    compose.origin(dependency.key),
                    dependency.key.span,
                    f"service '{dependent.name}' depends on '{service.name}' here",
                )
                for dependent, dependency in waiting
            ),
        )


def _dependents(compose: ComposeProject) -> dict[str, list[tuple[Service, Dependency]]]:
    found: dict[str, list[tuple[Service, Dependency]]] = {}
    for service in compose.model.services:
        for dependency in service.depends_on:
            if dependency.name != service.name:
                found.setdefault(dependency.name, []).append((service, dependency))
    return found


def _has_healthcheck(project: ProjectIndex, compose: ComposeProject, service: Service) -> bool:
    """True unless it is certain there is none: a Compose healthcheck (or a deliberate
    ``disable``), a HEALTHCHECK in the built stage, or a built stage that cannot be found.
    Healthcheck settings without a ``test`` rely on the image's HEALTHCHECK: for a built image the
    Dockerfile decides, a pulled image is given the benefit of the doubt."""
    state = healthcheck_state(service)
    if state in ("defined", "disabled"):
        return True
    if service.build is None:
        return state == "inherited"  # a pulled image's own HEALTHCHECK is invisible (documented)
    built = built_stage(project, compose, service)
    return built is None or built.healthcheck is not None  # HEALTHCHECK NONE: deliberately none
