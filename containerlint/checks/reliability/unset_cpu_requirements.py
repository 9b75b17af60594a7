"""CL4206 unset-cpu-requirements: a container without a CPU request (kube-linter unset-cpu-requirements)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.reliability._support import unset_container_requirements
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4206",
    name="unset-cpu-requirements",
    summary="A container sets no CPU request",
    severity=Severity.WARNING,
    aliases=("kube-linter:unset-cpu-requirements", "checkov:CKV_K8S_10"),
    tags=("kubernetes", "reliability", "resources"),
    options={"requirements-type": "request"},
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj, container, requirement, span, what in unset_container_requirements(manifests, ctx, "cpu", "request"):
        yield Problem(
            span,
            f"{container.label(obj)} {what} CPU {requirement.kind}, so the scheduler cannot place it "
            "by its needs and it competes for CPU with whatever shares the node",
            hint=f"set resources.{requirement.section}.cpu (for example '250m')",
        )
