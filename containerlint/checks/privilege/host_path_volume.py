"""CL2040 host-path-volume: a pod declares a ``hostPath`` volume, which the baseline Pod Security
Standard forbids ("HostPath Volumes"). Off by default: select it, or ``pss-baseline``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2040",
    name="host-path-volume",
    summary="A pod uses a hostPath volume, which the baseline Pod Security Standard forbids",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "pss-baseline", "pss-restricted"),
    default_enabled=False,
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for volume in obj.host_path_volumes:
            shown = f" '{volume.path.value}'" if volume.path is not None else ""
            yield Problem(
                volume.key.span,
                f"{obj.describe()} volume '{volume.name}' mounts the host path{shown}",
                hint="use a persistentVolumeClaim, emptyDir, configMap or CSI volume instead of hostPath",
            )
