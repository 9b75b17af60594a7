"""CL7010 dangling-horizontalpodautoscaler: an HPA whose ``scaleTargetRef`` names no object in the
linted manifests (same kind, name and namespace; the apiVersion must agree when both give one)."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.consistency._graph import related_object
from containerlint.config import settings_of
from containerlint.kubegraph import externals_of, scale_target
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7010",
    name="dangling-horizontalpodautoscaler",
    summary="A HorizontalPodAutoscaler scales an object that is not in the linted manifests",
    severity=Severity.WARNING,
    tags=("correctness", "kubernetes", "cross-object"),
    aliases=("kube-linter:dangling-horizontalpodautoscaler",),
    default_enabled=False,
)


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    graph = project.kubernetes_graph
    external = externals_of(settings_of(ctx.settings))
    for located in graph.of_kind("HorizontalPodAutoscaler"):
        hpa = located.item
        target = scale_target(hpa)
        name = target.get_scalar("name") if target is not None else None
        kind = target.get_str("kind") if target is not None else None
        if target is None or name is None or not kind:
            continue  # a schema error, not a dangling reference
        namespace = graph.namespace(hpa)
        candidates = graph.get(kind, namespace, name.value)
        api_version = target.get_str("apiVersion")
        if api_version and candidates:
            same = [c for c in candidates if c.item.api_version == api_version]
            if not same:
                other = candidates[0]
                yield Problem(
                    name.span,
                    f"{hpa.describe()} scales {api_version} {kind} '{name.value}', but {other.item.kind} "
                    f"'{name.value}' is {other.item.api_version}",
                    path=located.path,
                    hint=f"set scaleTargetRef.apiVersion to {other.item.api_version}",
                    related=(related_object(other, f"{kind} '{name.value}'"),),
                )
            continue
        if candidates or external.matches(kind, graph.scope_of(kind, namespace), name.value):
            continue
        yield Problem(
            name.span,
            f"{hpa.describe()} scales {kind} '{name.value}', which is not in the linted manifests "
            f"(namespace '{namespace}')",
            path=located.path,
            hint="fix scaleTargetRef (kind, name), or declare the target in [kubernetes] external",
        )
