"""CL2057 unsafe-sysctls: kube-linter's check of the same name -- a pod ``securityContext.sysctls``
entry whose name starts with one of the configured prefixes (by default kube-linter's: kernel.msg,
kernel.sem, kernel.shm, fs.mqueue., net.). One finding per offending sysctl, at its name.

The Pod Security Standards sysctl control (an allow-list, which differs) is CL2058.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import pod_sysctls
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2057",
    name="unsafe-sysctls",
    summary="A pod sets a sysctl with an unsafe prefix (kernel.msg, kernel.sem, kernel.shm, fs.mqueue., net.)",
    severity=Severity.WARNING,
    aliases=("kube-linter:unsafe-sysctls",),
    tags=("security", "kubernetes", "sysctls"),
    options={"unsafe-sysctls": ["kernel.msg", "kernel.sem", "kernel.shm", "fs.mqueue.", "net."]},
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    prefixes = tuple(str(prefix) for prefix in ctx.options.get("unsafe-sysctls") or () if str(prefix))
    for obj in manifests.objects:
        for name in pod_sysctls(obj):
            if name.value.startswith(prefixes):
                yield Problem(
                    name.span,
                    f"{obj.describe()} sets unsafe sysctl '{name.value}'",
                    hint="remove it: it can affect other pods on the node or be refused by the kubelet",
                )
