"""CL7003 selector-template-mismatch: a workload's ``spec.selector`` does not match the labels of
its own pod template. The API server rejects it (apps/v1), or the controller never sees its pods.
A Deployment, StatefulSet, DaemonSet, ReplicaSet or DeploymentConfig without a selector (or with an
empty one) is reported too, as kube-linter's mismatching-selector does; Jobs and CronJobs get one
generated.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.kubegraph import anchor, key_node
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL7003",
    name="selector-template-mismatch",
    summary="A workload's selector does not match its own pod template labels",
    severity=Severity.ERROR,
    tags=("correctness", "kubernetes"),
    aliases=("kube-linter:mismatching-selector",),
)


# Kinds that must state their selector (the others have none, or get one generated).
SELECTOR_REQUIRED = frozenset({"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "DeploymentConfig"})


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        selector = obj.selector
        if obj.kind in SELECTOR_REQUIRED and (selector is None or selector.is_empty):
            where = selector.node if selector is not None else key_node(obj.spec, "selector")
            where = where or key_node(obj.node, "spec") or anchor(obj)
            yield Problem(
                where.span,
                f"{obj.kind} '{obj.name}' has no selector, so it cannot tell which pods are its own",
                hint="set spec.selector (matchLabels) to labels of spec.template.metadata.labels",
            )
            continue
        if selector is None or obj.kind == "Pod":
            continue
        labels = {key: node.value for key, node in (obj.pod_template_labels or {}).items()}
        for key, value_node in selector.match_labels.items():
            if labels.get(key) != value_node.value:
                found = f"'{labels[key]}'" if key in labels else "no such label"
                yield Problem(
                    value_node.span,
                    f"{obj.kind} '{obj.name}' selects {key}={value_node.value}, but its pod template has {found}",
                    hint="make spec.selector and spec.template.metadata.labels agree",
                )
        for expression in selector.match_expressions:
            if not expression.matches(labels):
                yield Problem(
                    expression.node.span,
                    f"{obj.kind} '{obj.name}' selector expression '{expression.describe()}' does not match "
                    "its pod template labels",
                    hint="make spec.selector and spec.template.metadata.labels agree",
                )
