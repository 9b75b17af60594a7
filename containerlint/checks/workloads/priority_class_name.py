"""CL4308 priority-class-name: a workload's priorityClassName is not one of the accepted names
(kube-linter priority-class-name)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import string_list
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4308",
    name="priority-class-name",
    summary="A workload uses a priorityClassName that is not in the accepted list",
    severity=Severity.INFO,
    aliases=("kube-linter:priority-class-name",),
    tags=("kubernetes", "workloads", "scheduling"),
    default_enabled=False,
    options={"accepted-priority-class-names": ["system-cluster-critical", "system-node-critical"]},
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    accepted = string_list(ctx.options.get("accepted-priority-class-names"))
    for obj in manifests.objects:
        if not obj.is_workload or obj.pod_spec is None:
            continue
        value = obj.pod_spec.get_scalar("priorityClassName")
        if value is None or not value.value.strip() or value.value in accepted:
            continue
        listed = ", ".join(f"'{name}'" for name in accepted) or "none"
        yield Problem(
            value.span,
            f"{obj.describe()} uses the priority class '{value.value}', but the only accepted priority class "
            f"names are {listed}",
            hint="use one of the accepted priority classes, or add this one to the rule's "
            "accepted-priority-class-names option",
        )
