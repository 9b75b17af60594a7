"""CL4207 unset-memory-requirements: a container without a memory limit (kube-linter
unset-memory-requirements), and, opt-in, a Compose service without one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.reliability._support import (
    Requirement,
    compose_services,
    deploy_mapping,
    present,
    quantity_is_zero,
    requirements,
    unset_container_requirements,
)
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.compose_model import ComposeProject
    from containerlint.project import ProjectIndex
    from containerlint.syntax.compose import Service
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4207",
    name="unset-memory-requirements",
    summary="A container or Compose service sets no memory limit",
    severity=Severity.WARNING,
    aliases=("kube-linter:unset-memory-requirements", "checkov:CKV_K8S_13"),
    tags=("kubernetes", "compose", "reliability", "resources"),
    options={"requirements-type": "limit", "compose": False},
)

# The Compose fields that set each kind of memory requirement: the service's own, then deploy's.
COMPOSE_FIELDS = {"limits": ("mem_limit", "limits"), "requests": ("mem_reservation", "reservations")}


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj, container, requirement, span, what in unset_container_requirements(manifests, ctx, "memory", "limit"):
        yield Problem(
            span,
            f"{container.label(obj)} {what} memory {requirement.kind}"
            + (", so it can use up the node's memory" if requirement.kind == "limit" else ""),
            hint=f"set resources.{requirement.section}.memory (for example '256Mi')",
        )


@RULE.check_project(FileKind.COMPOSE)
def check_compose(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    if not ctx.options.get("compose", False):
        return
    wanted = requirements(ctx.options.get("requirements-type"), "memory", "limit")
    for compose, service in compose_services(project, ctx):
        for requirement in wanted:
            yield from _compose_requirement(compose, service, requirement)


def _compose_requirement(compose: ComposeProject, service: Service, requirement: Requirement) -> Iterator[Problem]:
    own_key, deploy_key = COMPOSE_FIELDS[requirement.section]
    resources = deploy_mapping(service, "resources", deploy_key)
    values = [value for value in (service.scalar(own_key), present(resources, "memory")) if value is not None]
    shown = f"'{own_key}' or 'deploy.resources.{deploy_key}.memory'"
    if not values:
        yield compose.problem(
            service.key,
            f"service '{service.name}' sets no memory {requirement.kind} ({shown})"
            + (", so it can use up the host's memory" if requirement.kind == "limit" else ""),
            hint=f"set {shown}, for example '512m'",
        )
        return
    if all(quantity_is_zero(value) for value in values):
        yield compose.problem(
            values[0],
            f"service '{service.name}' sets a zero memory {requirement.kind}, "
            f"which Docker reads as no {requirement.kind}",
            hint=f"set {shown} to the memory the service needs, for example '512m'",
        )
