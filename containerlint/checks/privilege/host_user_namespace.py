"""CL2036 host-user-namespace: a Compose service sets ``userns_mode: host``, which opts it out of the
daemon's user-namespace remapping: root in the container is root on the host again.
"""

from __future__ import annotations

from containerlint.checks.privilege._support import register_host_namespace
from containerlint.model import Severity
from containerlint.registry import Rule

RULE = Rule(
    code="CL2036",
    name="host-user-namespace",
    summary="A Compose service opts out of user-namespace remapping (userns_mode: host)",
    severity=Severity.WARNING,
    tags=("security", "compose"),
)

register_host_namespace(RULE, None, "userns_mode", "user")
