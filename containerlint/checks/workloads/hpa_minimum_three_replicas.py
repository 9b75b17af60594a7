"""CL4302 hpa-minimum-three-replicas: a HorizontalPodAutoscaler may scale below the minimum
(kube-linter hpa-minimum-three-replicas)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import missing_anchor, plural, present
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4302",
    name="hpa-minimum-three-replicas",
    summary="A HorizontalPodAutoscaler's minReplicas is below the configured minimum (3)",
    severity=Severity.WARNING,
    aliases=("kube-linter:hpa-minimum-three-replicas",),
    tags=("kubernetes", "workloads", "availability", "autoscaling"),
    default_enabled=False,
    options={"min-replicas": 3},
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    minimum = int(ctx.options.get("min-replicas", 3))
    for obj in manifests.objects:
        if obj.kind != "HorizontalPodAutoscaler" or obj.api_group != "autoscaling":
            continue
        value = present(obj.spec, "minReplicas")
        if value is None:
            count, node = 1, None  # the API server's default
        elif isinstance(value, Scalar) and value.as_int() is not None:
            count, node = value.as_int() or 0, value
        else:
            continue  # not a number (a template placeholder): nothing to judge
        if count >= minimum:
            continue
        written = "" if node is not None else " (minReplicas is not set and defaults to 1)"
        yield Problem(
            node.span if node is not None else missing_anchor(obj, ("spec", "minReplicas")),
            f"{obj.describe()} may scale down to {plural(count, 'replica')}{written} but at least {minimum} "
            "are required",
            hint=f"set spec.minReplicas to {minimum} or more",
        )
