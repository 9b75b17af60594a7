"""CL4309 required-annotation-email: a workload without an ``email`` annotation holding an e-mail
address (kube-linter required-annotation-email)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import workloads_missing_metadata
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
    key = str(ctx.options.get("key") or "")
    for obj, where, what in workloads_missing_metadata(manifests, ctx, "annotations"):
        yield Problem(
            where,
            f"{obj.describe()} {what}: nobody can be reached about it",
            hint=f"add the annotation '{key}' with the e-mail address of the object's owner",
        )
