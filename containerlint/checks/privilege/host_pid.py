"""CL2034 host-pid: a pod (``hostPID: true``) or Compose service (``pid: host``) joins the host's
process namespace instead of getting its own.
"""

from __future__ import annotations

from containerlint.checks.privilege._support import register_host_namespace
from containerlint.model import Severity
from containerlint.registry import Rule

RULE = Rule(
    code="CL2034",
    name="host-pid",
    summary="The container shares the host's process (PID) namespace",
    severity=Severity.WARNING,
    aliases=("kube-linter:host-pid", "checkov:CKV_K8S_17"),
    tags=("security", "kubernetes", "compose", "pss-baseline", "pss-restricted"),
)

register_host_namespace(RULE, "hostPID", "pid", "process")
