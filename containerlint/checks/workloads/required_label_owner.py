"""CL4310 required-label-owner: a workload without an ``owner`` label (kube-linter
required-label-owner)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import workloads_missing_metadata
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4310",
    name="required-label-owner",
    summary="A workload has no owner label",
    severity=Severity.INFO,
    aliases=("kube-linter:required-label-owner",),
    tags=("kubernetes", "workloads", "ownership"),
    default_enabled=False,
    options={"key": "owner", "value": ""},
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    key = str(ctx.options.get("key") or "")
    for obj, where, what in workloads_missing_metadata(manifests, ctx, "labels"):
        yield Problem(
            where,
            f"{obj.describe()} {what}: nobody is recorded as responsible for it",
            hint=f"add the label '{key}' naming the team or person that owns the object",
        )
