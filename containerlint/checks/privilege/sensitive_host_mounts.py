"""CL2038 sensitive-host-mounts: a container mounts a sensitive host system directory (``/``,
``/boot``, ``/dev``, ``/etc``, ``/lib``, ``/proc``, ``/sys``, ``/usr``): Kubernetes hostPath volumes
mounted by a container (kube-linter ``sensitive-host-mounts``), Compose bind mounts. Read-only does
not help much: reading ``/etc`` or ``/proc`` of the host leaks credentials and topology.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._support import (
    compose_services,
    host_path_mounts,
    host_sources,
    mount_node,
    normalize_host_path,
)
from containerlint.model import FileKind, Problem, Related, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2038",
    name="sensitive-host-mounts",
    summary="A container mounts a sensitive host directory such as /, /etc, /proc or /sys",
    severity=Severity.WARNING,
    aliases=("kube-linter:sensitive-host-mounts",),
    tags=("security", "kubernetes", "compose"),
    options={"dirs": ["/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr"], "subdirectories": False},
)

HINT = "mount only the file or directory the workload needs, from a dedicated location (or use a volume)"


def sensitive_dir(path: str | None, ctx: Context) -> str | None:
    """The configured directory ``path`` is (or is under, with ``subdirectories``), or None."""
    path = normalize_host_path(path)
    if path is None:
        return None
    subdirectories = bool(ctx.options.get("subdirectories"))
    for entry in ctx.options.get("dirs") or ():
        directory = normalize_host_path(str(entry))
        if directory is None:
            continue
        if path == directory:
            return directory
        if subdirectories and posixpath.commonpath([path, directory]) == directory:
            return directory
    return None


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for container, mount, volume in host_path_mounts(obj):
            if volume.path is None or sensitive_dir(volume.path.value, ctx) is None:
                continue
            yield Problem(
                mount_node(mount).span,
                f"{container.label(obj)} mounts the host system directory '{volume.path.value}' "
                f"(hostPath volume '{volume.name}')",
                hint=HINT,
                related=(Related(ctx.path, volume.path.span, "the hostPath volume"),) if ctx.path else (),
            )


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project, service in compose_services(index, ctx):
        for volume, path, named in host_sources(project.model, service):
            if sensitive_dir(path, ctx) is None:
                continue
            through = f" through volume '{named}'" if named else ""
            yield project.problem(
                volume.source_node or volume.node,
                f"service '{service.name}' mounts the host system directory '{path}'{through}",
                hint=HINT,
            )
