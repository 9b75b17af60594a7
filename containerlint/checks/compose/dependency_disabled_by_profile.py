"""CL4013 dependency-disabled-by-profile: a service can be enabled by a set of profiles under which
a service it needs is disabled, so ``docker compose`` refuses to start it ("depends on undefined
service"). ``depends_on`` entries with ``required: false`` are exempt: Compose skips them.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.compose._references import edges, enabled, profile_names, projects, services_by_name
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.compose import Service

RULE = Rule(
    code="CL4013",
    name="dependency-disabled-by-profile",
    summary="A service depends on a service that its profiles do not enable",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "references", "profiles"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project in projects(index, ctx):
        active = frozenset(project.profiles) if project.profiles is not None else None
        defined = services_by_name(project)
        for service in project.model.services:
            for edge in edges(service):
                dependency = defined.get(edge.target)
                if dependency is None or not edge.required:
                    continue
                when = _disabled_when(service, dependency, active)
                if when is None:
                    continue
                wanted = ", ".join(sorted(profile_names(dependency)))
                yield project.problem(
                    edge.node,
                    f"service '{service.name}' needs '{dependency.name}' ({edge.via}), but {when} "
                    f"'{dependency.name}' is disabled (its profiles: {wanted})",
                    hint=f"give '{service.name}' only profiles that also enable '{dependency.name}', "
                    "or mark the dependency 'required: false'",
                )


def _disabled_when(service: Service, dependency: Service, active: frozenset[str] | None) -> str | None:
    """A description of a profile set that enables ``service`` and not ``dependency``, or None."""
    if active is not None:
        if enabled(service, active) and not enabled(dependency, active):
            shown = ", ".join(sorted(active)) or "none"
            return f"with the active profiles ({shown})"
        return None
    theirs = profile_names(dependency)
    if not theirs:
        return None
    ours = profile_names(service)
    if not ours:
        return "without profiles"
    outside = sorted(ours - theirs)
    if not outside:
        return None
    return f"with profile '{outside[0]}'"
