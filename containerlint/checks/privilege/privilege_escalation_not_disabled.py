"""CL2032 privilege-escalation-not-disabled: the Pod Security Standards' restricted profile wants
every container to set ``allowPrivilegeEscalation: false`` explicitly (the default allows it).
An explicit ``true`` is CL2031's finding; this rule reports the containers that leave it unset.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubeObject, KubernetesFile

RULE = Rule(
    code="CL2032",
    name="privilege-escalation-not-disabled",
    summary="A container does not set allowPrivilegeEscalation: false, which the restricted profile requires",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "pss-restricted"),
    default_enabled=False,
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        if _is_windows(obj):
            continue  # the restricted profile exempts Windows pods from this control
        for container in obj.containers:
            context = container.security_context
            pair = context.pair("allowPrivilegeEscalation") if context is not None else None
            if pair is not None and isinstance(pair.value, Scalar) and pair.value.as_bool() is not None:
                continue  # false is what we want; true is CL2031's finding
            context_pair = container.node.pair("securityContext")
            node = pair.key if pair else context_pair.key if context_pair else container.name_node or container.node
            yield Problem(
                node.span,
                f"{container.label(obj)} does not set allowPrivilegeEscalation: false",
                hint="add 'allowPrivilegeEscalation: false' to the container's securityContext",
            )


def _is_windows(obj: KubeObject) -> bool:
    spec = obj.pod_spec
    os_node = spec.get_mapping("os") if spec is not None else None
    return os_node is not None and os_node.get_str("name") == "windows"
