"""CL7001 undefined-compose-resource: a service uses a named volume, network, secret or config
that the file's top level does not declare. ``docker compose`` refuses to start such a project.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity, Span
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile

RULE = Rule(
    code="CL7001",
    name="undefined-compose-resource",
    summary="A service references a named volume, network, secret or config that is not declared",
    severity=Severity.ERROR,
    tags=("correctness", "compose"),
)

BUILTIN_NETWORKS = frozenset({"default"})


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    for service in compose.services:
        for volume in service.volumes:
            if volume.type == "volume" and volume.source and volume.source not in compose.declared_volumes:
                yield _undeclared("volume", volume.source, service.name, volume.source_span, "volumes")
        for network in service.networks:
            if network.name not in compose.declared_networks and network.name not in BUILTIN_NETWORKS:
                yield _undeclared("network", network.name, service.name, network.span, "networks")
        for secret in service.secrets:
            if secret.name not in compose.declared_secrets:
                yield _undeclared("secret", secret.name, service.name, secret.span, "secrets")
        for config in service.configs:
            if config.name not in compose.declared_configs:
                yield _undeclared("config", config.name, service.name, config.span, "configs")


def _undeclared(what: str, name: str, service: str, span: Span, section: str) -> Problem:
    return Problem(
        span,
        f"service '{service}' uses {what} '{name}', which the top-level '{section}:' does not declare",
        hint=f"declare it under the top-level '{section}:' key (use 'external: true' if it is managed elsewhere)",
    )
