"""CL2043 unsafe-proc-mount: a container sets ``securityContext.procMount: Unmasked``, which turns
off the runtime's masking of sensitive ``/proc`` paths (kube-linter ``unsafe-proc-mount``; the
baseline Pod Security Standard allows only ``Default``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._support import container_setting
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2043",
    name="unsafe-proc-mount",
    summary="A container unmasks /proc (procMount: Unmasked)",
    severity=Severity.WARNING,
    aliases=("kube-linter:unsafe-proc-mount",),
    tags=("security", "kubernetes", "pss-baseline", "pss-restricted"),
    default_enabled=False,
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for container in obj.containers:
            value = container_setting(container, "procMount")
            if not isinstance(value, Scalar) or value.is_null or value.value.strip().lower() == "default":
                continue
            what = (
                "exposes /proc unmasked"
                if value.value.strip().lower() == "unmasked"
                else "sets a procMount other than Default, the only value the baseline profile allows"
            )
            yield Problem(
                value.span,
                f"{container.label(obj)} {what} (procMount: {value.value})",
                hint="remove 'procMount' or set it to Default",
            )
