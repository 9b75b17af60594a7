"""CL2035 host-ipc: a pod (``hostIPC: true``) or Compose service (``ipc: host``) joins the host's
IPC namespace instead of getting its own.
"""

from __future__ import annotations

from containerlint.checks.privilege._support import register_host_namespace
from containerlint.model import Severity
from containerlint.registry import Rule

RULE = Rule(
    code="CL2035",
    name="host-ipc",
    summary="The container shares the host's IPC namespace",
    severity=Severity.WARNING,
    aliases=("kube-linter:host-ipc", "checkov:CKV_K8S_18"),
    tags=("security", "kubernetes", "compose", "pss-baseline", "pss-restricted"),
)

register_host_namespace(RULE, "hostIPC", "ipc", "IPC")
