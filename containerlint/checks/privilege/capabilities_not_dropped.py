"""CL2052 capabilities-not-dropped: the Pod Security Standards restricted control "Capabilities":
every container drops ``ALL`` and adds nothing but ``NET_BIND_SERVICE``.

Names are compared exactly, as Pod Security admission does (``drop: [all]`` does not count).
Added capabilities outside the baseline set are CL2051's findings (dangerous-capability, also in
the restricted group); this rule reports the baseline ones the restricted profile still refuses
(``CHOWN``, ``SETUID`` ...). Windows pods (``spec.os.name: windows``) are exempt, as in admission.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import (
    PSS_BASELINE_CAPABILITIES,
    anchor,
    capabilities_of,
    is_windows_pod,
)
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2052",
    name="capabilities-not-dropped",
    summary="A container does not drop ALL capabilities, or adds one other than NET_BIND_SERVICE (PSS restricted)",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "capabilities", "pss-restricted"),
    default_enabled=False,
)

DROP_HINT = 'set securityContext.capabilities.drop: ["ALL"] and add back only NET_BIND_SERVICE if needed'


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        if is_windows_pod(obj):
            continue
        for container in obj.containers:
            label = container.label(obj)
            caps = capabilities_of(container)
            drops = [item.value.strip() for item in caps.drop] if caps is not None else []
            if "ALL" not in drops:
                where = anchor(container) if caps is None else (caps.drop_key or caps.key)
                spelled = next((d for d in drops if d.upper() in ("ALL", "CAP_ALL")), None)
                note = f" ('{spelled}' is not the exact value 'ALL')" if spelled else ""
                yield Problem(where.span, f"{label} does not drop ALL capabilities{note}", hint=DROP_HINT)
            for item in caps.add if caps is not None else ():
                name = item.value.strip()
                if name != "NET_BIND_SERVICE" and name in PSS_BASELINE_CAPABILITIES:
                    yield Problem(
                        item.span,
                        f"{label} adds capability '{name}': the restricted profile allows adding only NET_BIND_SERVICE",
                        hint="remove it from securityContext.capabilities.add",
                    )
