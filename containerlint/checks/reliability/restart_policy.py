"""CL4208 restart-policy: a pod spec whose restartPolicy is not Always or OnFailure, unset included
(kube-linter restart-policy)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.reliability._support import pod_spec_anchor, present
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4208",
    name="restart-policy",
    summary="A pod spec's restartPolicy is not Always or OnFailure (or is not set)",
    severity=Severity.WARNING,
    aliases=("kube-linter:restart-policy",),
    tags=("kubernetes", "reliability"),
    default_enabled=False,
)

ACCEPTED = ("Always", "OnFailure")
HINT = "set restartPolicy: Always (OnFailure for a Job) so failed containers are restarted"


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        if not obj.is_workload:
            continue
        value = present(obj.pod_spec, "restartPolicy")
        if value is None:
            yield Problem(
                pod_spec_anchor(obj),
                f"{obj.describe()} sets no restartPolicy; it should say Always or OnFailure explicitly",
                hint=HINT,
            )
        elif not isinstance(value, Scalar) or value.value not in ACCEPTED:
            shown = value.value if isinstance(value, Scalar) else "a non-string value"
            yield Problem(
                value.span,
                f"{obj.describe()} has restartPolicy '{shown}': a failed container is not restarted",
                hint=HINT,
            )
