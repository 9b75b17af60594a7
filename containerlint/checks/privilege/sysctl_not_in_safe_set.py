"""CL2058 sysctl-not-in-safe-set: the Pod Security Standards baseline control "Sysctls" -- a pod
``securityContext.sysctls`` entry outside the safe set of the configured Kubernetes version
(``[kubernetes] version``; unset means the newest set).

kube-linter's unsafe-sysctls (CL2057) uses a prefix deny-list instead: it flags safe entries such
as ``net.ipv4.ip_local_port_range`` and misses others such as ``vm.swappiness``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import pod_sysctls, version_at_least
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2058",
    name="sysctl-not-in-safe-set",
    summary="A pod sets a sysctl outside the Pod Security Standards safe set",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "sysctls", "pss-baseline", "pss-restricted"),
    default_enabled=False,
)

# The safe set, by the Kubernetes version that added each group.
SAFE_SYSCTLS: tuple[tuple[tuple[int, int], tuple[str, ...]], ...] = (
    (
        (1, 0),
        (
            "kernel.shm_rmid_forced",
            "net.ipv4.ip_local_port_range",
            "net.ipv4.tcp_syncookies",
            "net.ipv4.ping_group_range",
            "net.ipv4.ip_unprivileged_port_start",
        ),
    ),
    ((1, 27), ("net.ipv4.ip_local_reserved_ports",)),
    (
        (1, 29),
        (
            "net.ipv4.tcp_keepalive_time",
            "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl",
            "net.ipv4.tcp_keepalive_probes",
        ),
    ),
    ((1, 32), ("net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem")),
    ((1, 37), ("net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat")),
)


def safe_set(ctx: Context) -> frozenset[str]:
    return frozenset(
        name for (major, minor), names in SAFE_SYSCTLS if version_at_least(ctx, major, minor) for name in names
    )


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    safe = safe_set(ctx)
    for obj in manifests.objects:
        for name in pod_sysctls(obj):
            if name.value not in safe:
                yield Problem(
                    name.span,
                    f"{obj.describe()} sets sysctl '{name.value}', which is not in the Pod Security safe set",
                    hint="remove it, or run the pod under a policy that allows it",
                )
