"""CL2037 docker-sock: a container gets the container runtime's API socket (Docker, containerd,
CRI-O, Podman) from the host, which is full control of the host. Kubernetes: a hostPath volume
whose path ends in one of the socket names, mounted by a container (kube-linter's ``docker-sock``
matches ``docker.sock$``). Compose: a bind mount of such a socket, in any syntax, read-only or not
(a read-only bind still lets the process talk to the API), and the Windows ``docker_engine`` pipe.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from containerlint.checks.privilege._support import compose_services, host_path_mounts, host_sources, mount_node
from containerlint.model import FileKind, Problem, Related, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2037",
    name="docker-sock",
    summary="A container mounts the container runtime socket (docker.sock and friends), which controls the host",
    severity=Severity.ERROR,
    aliases=("kube-linter:docker-sock", "checkov:CKV_K8S_27"),
    tags=("security", "kubernetes", "compose"),
    options={"sockets": ["docker.sock", "containerd.sock", "crio.sock", "podman.sock", "cri-dockerd.sock"]},
)

HINT = (
    "remove the mount; if the workload must drive containers, give it a narrowly scoped API proxy "
    "or a rootless builder instead"
)
WINDOWS_PIPE = "/pipe/docker_engine"


def socket_in(path: str | None, sockets: Sequence[str]) -> bool:
    """Whether a host path names one of the sockets (it ends in the socket's name)."""
    if not path:
        return False
    text = path.replace("\\", "/").rstrip("/")
    return any(text.endswith(name) for name in sockets if name) or text.lower().endswith(WINDOWS_PIPE)


def _sockets(ctx: Context) -> list[str]:
    return [str(name) for name in ctx.options.get("sockets") or ()]


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    sockets = _sockets(ctx)
    for obj in manifests.objects:
        for container, mount, volume in host_path_mounts(obj):
            if volume.path is None or not socket_in(volume.path.value, sockets):
                continue
            yield Problem(
                mount_node(mount).span,
                f"{container.label(obj)} mounts the runtime socket '{volume.path.value}' from the host "
                f"(hostPath volume '{volume.name}')",
                hint=HINT,
                related=(Related(ctx.path, volume.path.span, "the hostPath volume"),) if ctx.path else (),
            )


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    sockets = _sockets(ctx)
    for project, service in compose_services(index, ctx):
        for volume, path, named in host_sources(project.model, service):
            if not socket_in(path, sockets):
                continue
            through = f" through volume '{named}'" if named else ""
            read_only = " (read-only still gives full control)" if volume.read_only else ""
            yield project.problem(
                volume.source_node or volume.node,
                f"service '{service.name}' mounts the runtime socket '{path}' from the host{through}{read_only}",
                hint=HINT,
            )
