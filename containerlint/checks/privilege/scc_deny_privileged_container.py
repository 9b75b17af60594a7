"""CL2042 scc-deny-privileged-container: an OpenShift SecurityContextConstraints object sets
``allowPrivilegedContainer: true``, so every pod it admits may run privileged containers
(kube-linter ``scc-deny-privileged-container``, off by default there and here).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2042",
    name="scc-deny-privileged-container",
    summary="An OpenShift SecurityContextConstraints allows privileged containers",
    severity=Severity.WARNING,
    aliases=("kube-linter:scc-deny-privileged-container",),
    tags=("security", "kubernetes", "openshift"),
    default_enabled=False,
    options={"allow-privileged-container": True},
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    flagged = bool(ctx.options.get("allow-privileged-container", True))
    for obj in manifests.of_kind("SecurityContextConstraints"):
        pair = obj.node.pair("allowPrivilegedContainer")
        value = pair.value if pair is not None else None
        state = isinstance(value, Scalar) and value.as_bool() is True  # absent or null reads as false
        if state is not flagged:
            continue
        node = value if value is not None and not (isinstance(value, Scalar) and value.is_null) else None
        yield Problem(
            (node or (pair.key if pair else None) or obj.kind_node or obj.node).span,
            f"{obj.describe()} has allowPrivilegedContainer set to {str(state).lower()}",
            hint="set 'allowPrivilegedContainer: false' and grant specific capabilities with allowedCapabilities"
            if state
            else "review the SCC: this check is configured to flag allowPrivilegedContainer: false",
        )
