"""CL4311 use-namespace: a workload or Service in the default namespace, explicitly or by leaving the
namespace out (kube-linter use-namespace, checkov CKV_K8S_21)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import missing_anchor
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4311",
    name="use-namespace",
    summary="A workload or Service is deployed to the default namespace",
    severity=Severity.WARNING,
    aliases=("kube-linter:use-namespace", "checkov:CKV_K8S_21"),
    tags=("kubernetes", "workloads", "isolation"),
    default_enabled=False,
)

HINT = "set metadata.namespace to a namespace of the application's own"


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        if not (obj.is_workload or obj.kind == "Service"):
            continue
        node = obj.namespace_node
        if node is None or not node.value.strip():
            yield Problem(
                missing_anchor(obj, ("metadata", "namespace")),
                f"{obj.describe()} sets no namespace, so it lands in the default namespace (or whichever the "
                "deploying context uses) with no administrative boundary around it",
                hint=HINT,
            )
        elif node.value.lower() == "default":
            yield Problem(
                node.span,
                f"{obj.describe()} is in the default namespace, which gives it no administrative boundary",
                hint=HINT,
            )
