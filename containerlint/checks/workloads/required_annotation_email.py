"""CL4309 required-annotation-email: a workload without an ``email`` annotation holding an e-mail
address (kube-linter required-annotation-email)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import missing_metadata_entry
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4309",
    name="required-annotation-email",
    summary="A workload has no email annotation with the owner's e-mail address",
    severity=Severity.INFO,
    aliases=("kube-linter:required-annotation-email",),
    tags=("kubernetes", "workloads", "ownership"),
    default_enabled=False,
    options={"key": "email", "value": r"[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+"},
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    key, value = str(ctx.options.get("key") or ""), str(ctx.options.get("value") or "")
    for obj in manifests.objects:
        if not obj.is_workload:
            continue
        found = missing_metadata_entry(obj, "annotations", key, value)
        if found is not None:
            yield Problem(
                found[0],
                f"{obj.describe()} {found[1]}: nobody can be reached about it",
                hint=f"add the annotation '{key}' with the e-mail address of the object's owner",
            )
