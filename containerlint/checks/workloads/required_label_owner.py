"""CL4310 required-label-owner: a workload without an ``owner`` label (kube-linter
required-label-owner)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import missing_metadata_entry
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
    key, value = str(ctx.options.get("key") or ""), str(ctx.options.get("value") or "")
    for obj in manifests.objects:
        if not obj.is_workload:
            continue
        found = missing_metadata_entry(obj, "labels", key, value)
        if found is not None:
            yield Problem(
                found[0],
                f"{obj.describe()} {found[1]}: nobody is recorded as responsible for it",
                hint=f"add the label '{key}' naming the team or person that owns the object",
            )
