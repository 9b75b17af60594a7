"""CL7024 missing-referenced-object: a pod spec or role binding names a ConfigMap, Secret,
PersistentVolumeClaim, ServiceAccount or Role that is not in the linted manifests and not
declared external."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.consistency._graph import BUILTIN_CLUSTER_ROLES, BUILTIN_CONFIG_MAPS, pod_references, role_ref
from containerlint.config import settings_of
from containerlint.kubegraph import ExternalObjects, KubeGraph, Located, externals_of, mappings
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL7024",
    name="missing-referenced-object",
    summary="A pod or role binding references a ConfigMap, Secret, PVC, ServiceAccount or Role that is not "
    "in the linted manifests",
    severity=Severity.WARNING,
    tags=("correctness", "kubernetes", "cross-object"),
    default_enabled=False,
)

HINT = "add the {kind}, fix the name, mark the reference optional, or declare it in [kubernetes] external"


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    graph = project.kubernetes_graph
    external = externals_of(settings_of(ctx.settings))
    for located in graph.pods.objects:
        obj = located.item
        namespace = graph.namespace(obj)
        for ref in pod_references(obj):
            if ref.optional or (ref.kind == "ConfigMap" and ref.name in BUILTIN_CONFIG_MAPS):
                continue
            if graph.resolves(ref.kind, namespace, ref.name, external):
                continue
            yield Problem(
                ref.node.span,
                f"{obj.describe()} {ref.where} references {ref.kind} '{ref.name}', which is not in the linted "
                f"manifests (namespace '{namespace}')",
                path=located.path,
                hint=HINT.format(kind=ref.kind),
            )
    for located in graph.of_kind("RoleBinding", "ClusterRoleBinding"):
        yield from _binding(graph, located, external)


def _binding(graph: KubeGraph, located: Located, external: ExternalObjects) -> Iterator[Problem]:
    binding = located.item
    namespace = graph.namespace(binding)
    kind, name = role_ref(binding)
    builtin = (
        kind == "ClusterRole"
        and name is not None
        and (name.value in BUILTIN_CLUSTER_ROLES or name.value.startswith("system:"))
    )
    if (
        kind in ("Role", "ClusterRole")
        and name is not None
        and not builtin
        and not graph.resolves(kind, namespace, name.value, external)
    ):
        where = "" if kind == "ClusterRole" else f" (namespace '{namespace}')"
        yield Problem(
            name.span,
            f"{binding.describe()} binds {kind} '{name.value}', which is not in the linted manifests{where}",
            path=located.path,
            hint=HINT.format(kind=kind).replace(", mark the reference optional", ""),
        )
    for subject in mappings(binding.node.get("subjects")):
        if subject.get_str("kind") != "ServiceAccount":
            continue  # users and groups live outside the cluster
        account = subject.get_scalar("name")
        subject_namespace = subject.get_str("namespace") or (namespace if binding.kind == "RoleBinding" else None)
        if account is None or account.value == "default" or subject_namespace is None:
            continue
        if graph.resolves("ServiceAccount", subject_namespace, account.value, external):
            continue
        yield Problem(
            account.span,
            f"{binding.describe()} binds ServiceAccount '{account.value}', which is not in the linted manifests "
            f"(namespace '{subject_namespace}')",
            path=located.path,
            hint=HINT.format(kind="ServiceAccount").replace(", mark the reference optional", ""),
        )
