"""CL2054 seccomp-profile-not-set: the Pod Security Standards restricted control "Seccomp": a
container has no seccomp profile, neither its own ``securityContext.seccompProfile`` nor the pod's.

A profile set to a bad value is CL2053's finding (seccomp-unconfined), not this rule's. The
deprecated seccomp annotations do not count (admission's restricted check reads only the fields),
and Windows pods are exempt, as in Pod Security admission.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import anchor, is_windows_pod, own_setting, pod_setting
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2054",
    name="seccomp-profile-not-set",
    summary="Neither the container nor its pod sets a seccomp profile (PSS restricted)",
    severity=Severity.WARNING,
    aliases=("checkov:CKV_K8S_31",),
    tags=("security", "kubernetes", "seccomp", "pss-restricted"),
    default_enabled=False,
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        if not obj.is_workload or is_windows_pod(obj) or pod_setting(obj, "seccompProfile") is not None:
            continue
        for container in obj.containers:
            if own_setting(container, "seccompProfile") is None:
                yield Problem(
                    anchor(container).span,
                    f"{container.label(obj)} has no seccomp profile: neither it nor its pod sets "
                    "securityContext.seccompProfile",
                    hint="set the pod's securityContext.seccompProfile.type: RuntimeDefault",
                )
