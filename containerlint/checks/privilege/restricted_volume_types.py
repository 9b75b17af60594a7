"""CL2062 restricted-volume-types: the Pod Security Standards restricted control "Volume Types":
a pod volume of a type other than configMap, csi, downwardAPI, emptyDir, ephemeral, image,
persistentVolumeClaim, projected or secret (nfs, iscsi, gitRepo, cephfs, ...).

``hostPath`` is left to host-path-volume (the baseline control, also in the restricted group), so
a hostPath volume is reported once. A volume that names no type is an emptyDir (the API default).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2062",
    name="restricted-volume-types",
    summary="A pod uses a volume type the Pod Security restricted profile does not allow (nfs, gitRepo ...)",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "volumes", "pss-restricted"),
    default_enabled=False,
)

ALLOWED = frozenset(
    {
        "configMap",
        "csi",
        "downwardAPI",
        "emptyDir",
        "ephemeral",
        "image",
        "persistentVolumeClaim",
        "projected",
        "secret",
    }
)
NOT_A_TYPE = frozenset({"name", "hostPath"})


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for name, volume in obj.pod_volumes.items():
            for pair in volume.pairs:
                key = pair.key_text
                if key is None or key in ALLOWED or key in NOT_A_TYPE:
                    continue
                yield Problem(
                    pair.key.span,
                    f"{obj.describe()} volume '{name}' is of type '{key}', which the restricted profile does not allow",
                    hint="use a PersistentVolumeClaim (the cluster admin defines the PersistentVolume) or a core type",
                )
