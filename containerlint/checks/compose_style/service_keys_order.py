"""CL4111 service-keys-order: the keys of a service are not in the conventional group order (dclint
style, off by default): core (image, build, container_name), dependencies, data, environment,
networking, runtime, metadata, security, then every other key alphabetically."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from containerlint.checks.compose_style._support import locale_key, written_pairs, written_services
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.compose import ComposeFile

DEFAULT_GROUPS: dict[str, list[str]] = {
    "core": ["image", "build", "container_name"],
    "dependencies": ["depends_on"],
    "data-management": ["volumes", "volumes_from", "configs", "secrets"],
    "environment": ["environment", "env_file"],
    "networking": ["ports", "networks", "network_mode", "extra_hosts"],
    "runtime": ["command", "entrypoint", "working_dir", "restart", "healthcheck"],
    "metadata": ["logging", "labels"],
    "security": ["user", "isolation"],
    "other": [],
}
DEFAULT_GROUP_ORDER = list(DEFAULT_GROUPS)

RULE = Rule(
    code="CL4111",
    name="service-keys-order",
    summary="The keys of a service are not in the conventional order",
    severity=Severity.STYLE,
    aliases=("dclint:service-keys-order",),
    tags=("compose", "style", "ordering"),
    default_enabled=False,
    options={"groups": DEFAULT_GROUPS, "group-order": DEFAULT_GROUP_ORDER},
)


def expected_order(keys: list[str], options: Mapping[str, Any]) -> list[str]:
    """The grouped keys in group order, then the service's other keys alphabetically."""
    groups = {**DEFAULT_GROUPS, **dict(options.get("groups") or {})}
    order = list(options.get("group-order") or DEFAULT_GROUP_ORDER)
    grouped = [str(key) for group in order for key in groups.get(group, [])]
    known = {str(key) for members in groups.values() for key in members}
    rest = sorted((key for key in keys if key not in known), key=locale_key)
    return grouped + rest


@RULE.check(FileKind.COMPOSE)
def check_compose(compose: ComposeFile, ctx: Context) -> Iterator[Problem]:
    for service in written_services(compose):
        if service.node.via_alias:
            continue
        pairs = [pair for pair in written_pairs(service.node) if pair.key_text is not None]
        keys = [pair.key_text or "" for pair in pairs]
        order = expected_order(keys, ctx.options)
        last = -1
        previous = ""
        for pair, key in zip(pairs, keys, strict=True):
            if key not in order:
                continue  # a key of a group that group-order leaves out
            position = order.index(key)
            if position < last:
                yield Problem(
                    pair.key.span,
                    f"service '{service.name}' key '{key}' should come before '{previous}'",
                    hint="order the keys: " + ", ".join(k for k in order if k in keys),
                )
            last, previous = position, key
