"""CL4206 unset-cpu-requirements: a container without a CPU request (kube-linter unset-cpu-requirements)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.reliability._support import requirements, unset_requirement
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
    wanted = requirements(ctx.options.get("requirements-type"), "cpu", "request")
    for obj in manifests.objects:
        for container in obj.containers:
            if container.is_ephemeral:
                continue  # the API refuses resources on ephemeral containers
            for requirement in wanted:
                found = unset_requirement(container, requirement)
                if found is not None:
                    span, what = found
                    yield Problem(
                        span,
                        f"{container.label(obj)} {what} CPU {requirement.kind}, so the scheduler cannot place it "
                        "by its needs and it competes for CPU with whatever shares the node",
                        hint=f"set resources.{requirement.section}.cpu (for example '250m')",
                    )
