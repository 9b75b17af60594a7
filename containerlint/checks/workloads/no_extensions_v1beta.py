"""CL4319 no-extensions-v1beta: an object served from the removed ``extensions/v1beta*`` API group
(kube-linter no-extensions-v1beta)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import kind_anchor
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4319",
    name="no-extensions-v1beta",
    summary="An object uses a deprecated extensions/v1beta* API version",
    severity=Severity.ERROR,
    aliases=("kube-linter:no-extensions-v1beta",),
    tags=("kubernetes", "deprecated", "api-version"),
)

_VERSION = re.compile(r"v1beta.+")
REPLACEMENTS = {
    "Deployment": "apps/v1",
    "DaemonSet": "apps/v1",
    "ReplicaSet": "apps/v1",
    "StatefulSet": "apps/v1",
    "Ingress": "networking.k8s.io/v1",
    "NetworkPolicy": "networking.k8s.io/v1",
}


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        group, _, version = obj.api_version.partition("/")
        if group != "extensions" or not _VERSION.search(version):
            continue
        node = obj.node.get_scalar("apiVersion")
        replacement = REPLACEMENTS.get(obj.kind)
        yield Problem(
            node.span if node is not None else kind_anchor(obj),
            f"{obj.describe()} uses the API version {obj.api_version}, which is deprecated and no longer served "
            "since Kubernetes 1.16 (1.22 for Ingress)",
            hint=f"migrate the object to {replacement or 'its current API group'}",
        )
