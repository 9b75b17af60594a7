"""CL4306 pdb-max-unavailable: a PodDisruptionBudget whose maxUnavailable is zero, so no pod it
covers may ever be evicted (kube-linter pdb-max-unavailable)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import present
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4306",
    name="pdb-max-unavailable",
    summary="A PodDisruptionBudget sets maxUnavailable to 0, which blocks every voluntary eviction",
    severity=Severity.WARNING,
    aliases=("kube-linter:pdb-max-unavailable",),
    tags=("kubernetes", "workloads", "availability", "disruption-budget"),
)

_PERCENT = re.compile(r"^(\d+)%$")


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        if obj.kind != "PodDisruptionBudget" or obj.api_group != "policy":
            continue
        value = present(obj.spec, "maxUnavailable")
        if not isinstance(value, Scalar):
            continue  # not set (minAvailable governs), or a wrong shape for schema validation
        number = value.as_int()
        percent = _PERCENT.match(value.value.strip()) if number is None else None
        if number is None and percent is None:
            yield Problem(
                value.span,
                f"{obj.describe()} has an invalid maxUnavailable '{value.value}': it must be a number or a percentage",
                hint="write maxUnavailable as a whole number (1) or a percentage ('25%')",
            )
            continue
        amount = number if number is not None else int(percent.group(1)) if percent is not None else 1
        if amount == 0:
            yield Problem(
                value.span,
                f"{obj.describe()} sets maxUnavailable to {value.value}: no pod it covers can ever be evicted, "
                "so node drains and cluster upgrades block",
                hint="set maxUnavailable to 1 or more (or a percentage above 0%)",
            )
