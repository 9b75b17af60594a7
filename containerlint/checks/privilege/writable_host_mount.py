"""CL2039 writable-host-mount: a container can write to a directory of the host: a Kubernetes
volumeMount of a hostPath volume without ``readOnly: true`` (kube-linter ``writable-host-mount``), a
Compose bind mount without ``:ro`` / ``read_only: true``. Off by default, as in kube-linter.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._support import compose_services, host_path_mounts, kube_true, mount_node
from containerlint.model import FileKind, Problem, Related, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2039",
    name="writable-host-mount",
    summary="A container mounts a host path writable",
    severity=Severity.WARNING,
    aliases=("kube-linter:writable-host-mount",),
    tags=("security", "kubernetes", "compose"),
    default_enabled=False,
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for container, mount, volume in host_path_mounts(obj):
            read_only = mount.get("readOnly")
            if kube_true(read_only):
                continue
            shown = f"'{volume.path.value}'" if volume.path is not None else f"of volume '{volume.name}'"
            yield Problem(
                (read_only or mount_node(mount)).span,
                f"{container.label(obj)} mounts the host path {shown} writable",
                hint="add 'readOnly: true' to the volumeMount",
                related=(Related(ctx.path, volume.path.span, "the hostPath volume"),)
                if ctx.path and volume.path is not None
                else (),
            )


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project, service in compose_services(index, ctx):
        for volume in service.volumes:
            if not volume.is_bind or volume.read_only:
                continue
            fix = "append ':ro'" if volume.short else "add 'read_only: true'"
            yield project.problem(
                volume.source_node or volume.node,
                f"service '{service.name}' mounts the host path '{volume.source}' writable",
                hint=f"{fix} to the volume entry",
            )
