"""CL7015 non-existent-service-account: a pod spec runs as a ServiceAccount that is not in the
linted manifests (in the pod's namespace) and not declared external. ``default`` always exists."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.consistency._graph import service_account_node
from containerlint.config import settings_of
from containerlint.kubegraph import externals_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7015",
    name="non-existent-service-account",
    summary="A pod runs as a ServiceAccount that is not in the linted manifests",
    severity=Severity.WARNING,
    tags=("correctness", "kubernetes", "cross-object"),
    aliases=("kube-linter:non-existent-service-account",),
)


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    graph = project.kubernetes_graph
    external = externals_of(settings_of(ctx.settings))
    for located in graph.pods.objects:
        obj = located.item
        node = service_account_node(obj)
        if node is None or node.value == "default":
            continue
        namespace = graph.namespace(obj)
        if graph.resolves("ServiceAccount", namespace, node.value, external):
            continue
        yield Problem(
            node.span,
            f"{obj.describe()} runs as ServiceAccount '{node.value}', which is not in the linted manifests "
            f"(namespace '{namespace}')",
            path=located.path,
            hint="add the ServiceAccount, fix the name, or declare it in [kubernetes] external "
            f'("ServiceAccount/{namespace}/{node.value}")',
        )
