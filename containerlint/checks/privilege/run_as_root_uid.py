"""CL2060 run-as-root-uid: the Pod Security Standards restricted control "Running as Non-root
user": ``runAsUser: 0`` set explicitly, for the pod or a container. Pods with ``hostUsers: false``
(their own user namespace) are exempt from Kubernetes 1.35, as in Pod Security admission.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import in_user_namespace, own_setting, pod_setting, version_at_least
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile
    from containerlint.syntax.yamlnodes import Node

RULE = Rule(
    code="CL2060",
    name="run-as-root-uid",
    summary="A pod or container sets runAsUser: 0 (PSS restricted)",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "users", "pss-restricted"),
    default_enabled=False,
)

HINT = "set runAsUser to a non-zero UID"


def _is_zero(node: Node | None) -> bool:
    return isinstance(node, Scalar) and node.as_int() == 0


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        if in_user_namespace(obj) and version_at_least(ctx, 1, 35):
            continue
        pod_user = pod_setting(obj, "runAsUser")
        if pod_user is not None and _is_zero(pod_user):
            yield Problem(pod_user.span, f"{obj.describe()} sets runAsUser: 0 for its pod", hint=HINT)
        for container in obj.containers:
            own = own_setting(container, "runAsUser")
            if own is not None and _is_zero(own):
                yield Problem(own.span, f"{container.label(obj)} sets runAsUser: 0", hint=HINT)
