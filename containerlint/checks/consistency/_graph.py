"""Shared pieces of the Kubernetes cross-object rules (CL7010-CL7049): the references a pod spec
makes to other objects, and what a (Cluster)RoleBinding grants."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from containerlint.kubegraph import KubeGraph, Located, compile_patterns, label_selector, mappings, scalars
from containerlint.model import Problem, Related
from containerlint.project import ProjectIndex
from containerlint.registry import Context
from containerlint.syntax.kubernetes import Container, KubeObject
from containerlint.syntax.yamlnodes import Mapping, Scalar

# ConfigMaps and ClusterRoles every cluster has.
BUILTIN_CONFIG_MAPS = frozenset({"kube-root-ca.crt"})
BUILTIN_CLUSTER_ROLES = frozenset({"cluster-admin", "admin", "edit", "view"})


def network_policies(graph: KubeGraph) -> Iterator[tuple[Located, KubeObject, Mapping, str]]:
    """(located, policy, its spec, its namespace) for every NetworkPolicy of the graph that has a spec."""
    for located in graph.of_kind("NetworkPolicy"):
        policy = located.item
        spec = policy.spec
        if spec is not None:
            yield located, policy, spec, graph.namespace(policy)


def related_object(located: Located, message: str) -> Related:
    """A related location pointing at another object (at its name, else its start)."""
    obj = located.item
    node = obj.name_node or obj.node
    return Related(located.path, node.span, message)


# ---------------------------------------------------------------------------------------------
# References from pod specs


@dataclass(frozen=True)
class Reference:
    """A pod spec naming another object: ``kind`` and ``name`` at ``node``, from ``where``."""

    kind: str  # ConfigMap, Secret, PersistentVolumeClaim
    name: str
    node: Scalar
    where: str  # "volume 'cfg'", "container 'app' envFrom", "imagePullSecrets"
    optional: bool


def _optional(node: Mapping) -> bool:
    flag = node.get_scalar("optional")
    return bool(flag is not None and flag.as_bool())


def _reference(kind: str, holder: Mapping | None, key: str, where: str, optional: bool = False) -> Reference | None:
    if holder is None:
        return None
    node = holder.get_scalar(key)
    if node is None or not node.value:
        return None
    return Reference(kind, node.value, node, where, optional or _optional(holder))


def pod_references(obj: KubeObject) -> Iterator[Reference]:
    """ConfigMaps, Secrets and PVCs a pod spec needs: volumes (configMap, secret,
    persistentVolumeClaim, projected sources), containers' envFrom and the imagePullSecrets.
    ``env[].valueFrom`` key references are env-value-from's (CL7017)."""
    spec = obj.pod_spec
    if spec is None:
        return
    for volume in mappings(spec.get("volumes")):
        where = f"volume '{volume.get_str('name') or '?'}'"
        found = [
            _reference("ConfigMap", volume.get_mapping("configMap"), "name", where),
            _reference("Secret", volume.get_mapping("secret"), "secretName", where),
            _reference("PersistentVolumeClaim", volume.get_mapping("persistentVolumeClaim"), "claimName", where),
        ]
        projected = volume.get_mapping("projected")
        for source in mappings(projected.get("sources") if projected is not None else None):
            found.append(_reference("ConfigMap", source.get_mapping("configMap"), "name", where))
            found.append(_reference("Secret", source.get_mapping("secret"), "name", where))
        yield from (ref for ref in found if ref is not None)
    for container in obj.containers:
        where = f"{_container_words(container)} envFrom"
        for source in mappings(container.node.get("envFrom")):
            for kind, key in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
                ref = _reference(kind, source.get_mapping(key), "name", where)
                if ref is not None:
                    yield ref
    for item in mappings(spec.get("imagePullSecrets")):
        ref = _reference("Secret", item, "name", "imagePullSecrets")
        if ref is not None:
            yield ref


def _container_words(container: Container) -> str:
    what = "init container" if container.is_init else "ephemeral container" if container.is_ephemeral else "container"
    return f"{what} '{container.name or f'#{container.index + 1}'}'"


def service_account_node(obj: KubeObject) -> Scalar | None:
    """``serviceAccountName``, else the deprecated ``serviceAccount`` (the API's precedence)."""
    spec = obj.pod_spec
    if spec is None:
        return None
    for key in ("serviceAccountName", "serviceAccount"):
        node = spec.get_scalar(key)
        if node is not None and node.value:
            return node
    return None


# ---------------------------------------------------------------------------------------------
# RBAC


@dataclass(frozen=True)
class Grant:
    """One rule of a role that matches the wanted resources and verbs."""

    role: Located
    rule: Mapping
    resources: tuple[str, ...]
    verbs: tuple[str, ...]
    via_aggregation: bool


def role_ref(binding: KubeObject) -> tuple[str | None, Scalar | None]:
    """(roleRef.kind, roleRef.name node) of a (Cluster)RoleBinding."""
    ref = binding.node.get_mapping("roleRef")
    if ref is None:
        return None, None
    return ref.get_str("kind"), ref.get_scalar("name")


def bound_roles(graph: KubeGraph, binding: KubeObject) -> list[Located]:
    """The Role or ClusterRole a binding's roleRef names (a RoleBinding may bind a ClusterRole)."""
    kind, name = role_ref(binding)
    if name is None or kind not in ("Role", "ClusterRole"):
        return []
    if binding.kind == "ClusterRoleBinding" and kind != "ClusterRole":
        return []
    return graph.get(kind, graph.namespace(binding), name.value)


def _matches(patterns: Sequence[re.Pattern[str]], value: str) -> bool:
    return value == "*" or any(pattern.search(value) for pattern in patterns)


def grants(
    graph: KubeGraph, binding: KubeObject, resources: Sequence[re.Pattern[str]], verbs: Sequence[re.Pattern[str]]
) -> list[Grant]:
    """Rules of the bound role (and of the ClusterRoles it aggregates) granting a wanted verb on a
    wanted resource; ``*`` matches everything, as the API server reads it."""
    found: list[Grant] = []
    for role in bound_roles(graph, binding):
        found.extend(_rule_grants(role, resources, verbs, via_aggregation=False))
        aggregation = role.item.node.get_mapping("aggregationRule")
        if role.item.kind != "ClusterRole" or aggregation is None:
            continue
        for term in mappings(aggregation.get("clusterRoleSelectors")):
            selector = label_selector(term)
            if selector is None or selector.is_empty:
                continue
            for other in graph.cluster_roles.select("", selector):
                if other.item is not role.item:
                    found.extend(_rule_grants(other, resources, verbs, via_aggregation=True))
    return found


def _rule_grants(
    role: Located, resources: Sequence[re.Pattern[str]], verbs: Sequence[re.Pattern[str]], via_aggregation: bool
) -> Iterator[Grant]:
    for rule in mappings(role.item.node.get("rules")):
        wanted_resources = tuple(s.value for s in scalars(rule.get("resources")) if _matches(resources, s.value))
        wanted_verbs = tuple(s.value for s in scalars(rule.get("verbs")) if _matches(verbs, s.value))
        if wanted_resources and wanted_verbs:
            yield Grant(role, rule, wanted_resources, wanted_verbs, via_aggregation)


def access_findings(project: ProjectIndex, ctx: Context, what: str) -> Iterator[Problem]:
    """access-to-create-pods / access-to-secrets: a binding whose role grants ``what``."""
    graph = project.kubernetes_graph
    resources = compile_patterns(ctx.options.get("resources", ()))
    verbs = compile_patterns(ctx.options.get("verbs", ()))
    flag_missing = bool(ctx.options.get("flag-roles-not-found", False))
    for located in graph.of_kind("RoleBinding", "ClusterRoleBinding"):
        binding = located.item
        kind, name = role_ref(binding)
        if name is None:
            continue
        found = grants(graph, binding, resources, verbs)
        if not found:
            if flag_missing and not bound_roles(graph, binding) and name.value not in BUILTIN_CLUSTER_ROLES:
                yield Problem(
                    name.span,
                    f"{binding.describe()} binds {kind} '{name.value}', which is not in the linted manifests",
                    path=located.path,
                    hint="lint the role together with its binding, or fix roleRef",
                )
            continue
        accesses = "; ".join(
            f"{'/'.join(g.verbs)} on {'/'.join(g.resources)}"
            + (f" (aggregated from ClusterRole '{g.role.item.name}')" if g.via_aggregation else "")
            for g in found
        )
        yield Problem(
            name.span,
            f"{binding.describe()} binds {kind} '{name.value}', which grants {what}: {accesses}",
            path=located.path,
            hint=f"bind a role without {what}, or narrow the role's verbs and resources",
            related=tuple(
                Related(g.role.path, g.rule.span, f"{g.role.item.kind} '{g.role.item.name}' rule granting {what}")
                for g in found
            ),
        )
