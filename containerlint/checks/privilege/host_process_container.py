"""CL2044 host-process-container: a Windows pod or container runs as a HostProcess container
(``securityContext.windowsOptions.hostProcess: true``), with the privileges of the Windows node,
which the baseline Pod Security Standard forbids ("HostProcess").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._support import kube_true
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping, Node

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2044",
    name="host-process-container",
    summary="A Windows container runs as a HostProcess container, with the node's privileges",
    severity=Severity.ERROR,
    tags=("security", "kubernetes", "windows", "pss-baseline", "pss-restricted"),
)

HINT = "remove 'hostProcess: true'; run node-level Windows agents outside the cluster's application namespaces"


def _host_process(context: Mapping | None) -> Node | None:
    options = context.get_mapping("windowsOptions") if context is not None else None
    value = options.get("hostProcess") if options is not None else None
    return value if kube_true(value) else None


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        value = _host_process(obj.pod_security_context)
        if value is not None:
            yield Problem(
                value.span,
                f"{obj.describe()} runs all its containers as HostProcess containers "
                "(securityContext.windowsOptions.hostProcess: true)",
                hint=HINT,
            )
        for container in obj.containers:
            value = _host_process(container.security_context)
            if value is not None:
                yield Problem(
                    value.span,
                    f"{container.label(obj)} runs as a HostProcess container (windowsOptions.hostProcess: true)",
                    hint=HINT,
                )
