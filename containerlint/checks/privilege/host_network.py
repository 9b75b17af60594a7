"""CL2033 host-network: a pod (``hostNetwork: true``) or Compose service (``network_mode: host``) joins the host's
network namespace instead of getting its own.
"""

from __future__ import annotations

from containerlint.checks.privilege._support import register_host_namespace
from containerlint.model import Severity
from containerlint.registry import Rule

RULE = Rule(
    code="CL2033",
    name="host-network",
    summary="The container shares the host's network namespace",
    severity=Severity.WARNING,
    aliases=("kube-linter:host-network", "checkov:CKV_K8S_19"),
    tags=("security", "kubernetes", "compose", "pss-baseline", "pss-restricted"),
)

register_host_namespace(RULE, "hostNetwork", "network_mode", "network")
