"""Shared helpers of the runtime isolation rules (CL2030-CL2049): reading booleans the way each
tool reads them, walking the services of the Compose projects, host paths of Compose bind mounts,
and the hostPath volumes Kubernetes containers mount.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeGuard

from containerlint.compose_model import compose_projects
from containerlint.config import settings_of
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar

if TYPE_CHECKING:
    from containerlint.compose_model import ComposeProject
    from containerlint.project import ProjectIndex
    from containerlint.registry import Context, Rule
    from containerlint.syntax.compose import ComposeFile, Service, ServiceVolume
    from containerlint.syntax.kubernetes import Container, HostPathVolume, KubeObject, KubernetesFile

# What Compose accepts for a boolean written as a string (after interpolation): YAML 1.1 words.
_COMPOSE_TRUE = frozenset({"y", "yes", "true", "on"})


def compose_true(node: Node | None) -> TypeGuard[Scalar]:
    """A Compose boolean that is true: ``true``, or a string Compose converts to true (``"true"``,
    ``yes``, ``on``); quoted strings count because the Compose schema takes booleans as strings."""
    return isinstance(node, Scalar) and node.value.strip().lower() in _COMPOSE_TRUE


def kube_true(node: Node | None) -> TypeGuard[Scalar]:
    """A Kubernetes boolean that is true: a plain ``true`` (a quoted "true" is a schema error the
    API server refuses, which schema validation reports)."""
    return isinstance(node, Scalar) and node.as_bool() is True


def compose_services(index: ProjectIndex, ctx: Context) -> Iterator[tuple[ComposeProject, Service]]:
    """Every service of every Compose project (merged model), for the active profiles."""
    for project in compose_projects(index, settings_of(ctx.settings)):
        for service in project.services_for_profiles():
            yield project, service


def normalize_host_path(text: str | None) -> str | None:
    """An absolute POSIX host path without ``.``/``..``, repeated or trailing slashes; None for a
    relative, Windows or empty path (or one that still holds a variable)."""
    if not text or not text.startswith("/") or "$" in text:
        return None
    if text.startswith(("//./", "//?/")):  # a Windows named pipe or device path
        return None
    return posixpath.normpath("/" + text.lstrip("/"))


def host_sources(model: ComposeFile, service: Service) -> Iterator[tuple[ServiceVolume, str, str | None]]:
    """(volume entry, host path, named volume) for every volume of a service that mounts a host path:
    bind mounts (named volume None), and named volumes the local driver binds to a host directory
    (``driver_opts: {type: none, o: bind, device: /path}``)."""
    for volume in service.volumes:
        if volume.type in ("bind", "npipe") and volume.source:
            yield volume, volume.source, None
        elif volume.is_named and volume.source and (device := bound_device(model, volume.source)):
            yield volume, device, volume.source


def bound_device(model: ComposeFile, name: str) -> str | None:
    """The host path a top-level named volume binds with the local driver's options, or None."""
    declared = model.get("volumes")
    volume = declared.get_mapping(name) if isinstance(declared, Mapping) else None
    if volume is None or (volume.get_str("driver") or "local") != "local":
        return None
    options = volume.get_mapping("driver_opts")
    if options is None:
        return None
    flags = [flag.strip() for flag in (options.get_str("o") or "").split(",")]
    if "bind" not in flags and "rbind" not in flags:
        return None
    return options.get_str("device")


def host_path_mounts(obj: KubeObject) -> Iterator[tuple[Container, Mapping, HostPathVolume]]:
    """(container, volumeMount, volume) for every mount of a hostPath volume, in container order."""
    volumes = obj.host_path_volumes
    if not volumes:
        return
    for container in obj.containers:
        for volume in volumes:
            for mount in container.mounts_of(volume.name):
                yield container, mount, volume


def mount_node(mount: Mapping) -> Node:
    """Where a finding about a volumeMount goes: its ``mountPath`` (else its ``name``, else the entry)."""
    return mount.get("mountPath") or mount.get("name") or mount


def container_setting(container: Container, key: str) -> Node | None:
    """A container's own ``securityContext.<key>`` (these fields have no pod-level default)."""
    context = container.security_context
    return context.get(key) if context is not None else None


def added_capabilities(container: Container) -> list[Scalar]:
    """The ``securityContext.capabilities.add`` entries of a container, as written."""
    context = container.security_context
    capabilities = context.get_mapping("capabilities") if context is not None else None
    added = capabilities.get_sequence("add") if capabilities is not None else None
    if added is None:
        return []
    return [item for item in added if isinstance(item, Scalar) and not item.is_null]


def register_host_namespace(rule: Rule, pod_field: str | None, compose_key: str, namespace: str) -> None:
    """Register the checks of a host-namespace rule: the pod spec's ``pod_field: true`` and the
    Compose service's ``compose_key: host`` (``namespace`` names it in messages: "network")."""
    from containerlint.model import FileKind, Problem

    def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
        for obj in manifests.objects:
            spec = obj.pod_spec
            value = spec.get(pod_field) if spec is not None and pod_field else None
            if kube_true(value):
                yield Problem(
                    value.span,
                    f"{obj.describe()} shares the host's {namespace} namespace ({pod_field}: true)",
                    hint=f"remove '{pod_field}: true' (or set it to false)",
                )

    def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
        for project, service in compose_services(index, ctx):
            value = service.scalar(compose_key)
            if value is not None and value.value.strip() == "host":
                yield project.problem(
                    value,
                    f"service '{service.name}' shares the host's {namespace} namespace ({compose_key}: host)",
                    hint=f"remove '{compose_key}: host'",
                )

    if pod_field is not None:
        rule.check(FileKind.KUBERNETES)(check_kubernetes)
    rule.check_project(FileKind.COMPOSE)(check_compose)
