"""CL4210 missing-restart-policy: a long-running Compose service with no restart policy.

Long-running means: not a one-shot. A service is taken to be a one-shot (and left alone) when
another service waits for it with ``condition: service_completed_successfully``, when it runs as a
job (``deploy.mode: replicated-job`` / ``global-job``), when it is not started at all
(``scale: 0`` / ``deploy.replicas: 0``), or, unless the ``profiled-services`` option is on, when
it only runs under a profile (tools, migrations and debug helpers are usually put there).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.reliability._support import compose_services, deploy_mapping
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.compose_model import ComposeProject
    from containerlint.project import ProjectIndex
    from containerlint.syntax.compose import Service

RULE = Rule(
    code="CL4210",
    name="missing-restart-policy",
    summary="A long-running Compose service has no restart policy",
    severity=Severity.INFO,
    tags=("compose", "reliability"),
    default_enabled=False,
    options={"profiled-services": False},
)

JOB_MODES = frozenset({"replicated-job", "global-job"})


@RULE.check_project(FileKind.COMPOSE)
def check_compose(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    profiled = bool(ctx.options.get("profiled-services", False))
    one_shots: dict[int, set[str]] = {}
    for compose, service in compose_services(project, ctx):
        if id(compose) not in one_shots:
            one_shots[id(compose)] = _completed_dependencies(compose)
        if service.name in one_shots[id(compose)] or _has_restart_policy(service) or _not_long_running(service):
            continue
        if service.profiles and not profiled:
            continue
        yield compose.problem(
            service.key,
            f"service '{service.name}' has no restart policy: when its process exits or the Docker daemon "
            "restarts, it stays down",
            hint="add 'restart: unless-stopped' (or 'restart: \"no\"' to make the choice explicit)",
        )


def _completed_dependencies(compose: ComposeProject) -> set[str]:
    """Services another service waits for with ``condition: service_completed_successfully``."""
    return {
        dependency.name
        for service in compose.model.services
        for dependency in service.depends_on
        if dependency.condition == "service_completed_successfully"
    }


def _has_restart_policy(service: Service) -> bool:
    # `restart` (any value, "no" included: an explicit choice), or deploy.restart_policy, which
    # `docker compose` applies as the container's restart policy when `restart` is not set.
    return service.scalar("restart") is not None or deploy_mapping(service, "restart_policy") is not None


def _not_long_running(service: Service) -> bool:
    deploy = deploy_mapping(service)
    mode = deploy.get_str("mode") if deploy is not None else None
    if mode in JOB_MODES:
        return True
    replicas = deploy.get_scalar("replicas") if deploy is not None else None
    scale = service.scalar("scale")
    return any(node is not None and node.as_int() == 0 for node in (replicas, scale))
