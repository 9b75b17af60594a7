"""CL7017 env-value-from: an env var read from a Secret or ConfigMap key (``secretKeyRef`` /
``configMapKeyRef``) whose object or key is not in the linted manifests."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.consistency._graph import related_object
from containerlint.config import settings_of
from containerlint.kubegraph import compile_patterns, externals_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.kubernetes import KubeObject

RULE = Rule(
    code="CL7017",
    name="env-value-from",
    summary="An env var reads a Secret or ConfigMap key that is not in the linted manifests",
    severity=Severity.WARNING,
    tags=("correctness", "kubernetes", "cross-object"),
    aliases=("kube-linter:env-value-from",),
    default_enabled=False,
    options={"ignored-secrets": [], "ignored-config-maps": []},
)

# kind -> (valueFrom key, option, the fields that hold its keys)
REFERENCES = {
    "Secret": ("secretKeyRef", "ignored-secrets", ("data", "stringData")),
    "ConfigMap": ("configMapKeyRef", "ignored-config-maps", ("data", "binaryData")),
}


def keys_of(obj: KubeObject, fields: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    for field in fields:
        data = obj.node.get_mapping(field)
        if data is not None:
            found.update(data.keys())
    return found


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    graph = project.kubernetes_graph
    external = externals_of(settings_of(ctx.settings))
    ignored = {kind: compile_patterns(ctx.options.get(option, ())) for kind, (_, option, _) in REFERENCES.items()}
    for located in graph.pods.objects:
        obj = located.item
        namespace = graph.namespace(obj)
        for container in obj.containers:
            for env in container.env:
                if env.value_from is None:
                    continue
                for kind, (field, _, fields) in REFERENCES.items():
                    ref = env.value_from.get_mapping(field)
                    name = ref.get_scalar("name") if ref is not None else None
                    if ref is None or name is None:
                        continue
                    optional = ref.get_scalar("optional")
                    if optional is not None and optional.as_bool():
                        continue
                    if any(p.search(name.value) for p in ignored[kind]):
                        continue
                    if external.matches(kind, namespace, name.value):
                        continue
                    variable = f"env '{env.name}'" if env.name else "an env var"
                    targets = graph.get(kind, namespace, name.value)
                    if not targets:
                        yield Problem(
                            name.span,
                            f"{container.label(obj)} {variable} reads {kind} '{name.value}', which is not in "
                            f"the linted manifests (namespace '{namespace}')",
                            path=located.path,
                            hint=f"add the {kind}, fix the name, mark the reference optional, or declare it in "
                            "[kubernetes] external",
                        )
                        continue
                    key = ref.get_scalar("key")
                    if key is None or any(key.value in keys_of(t.item, fields) for t in targets):
                        continue
                    yield Problem(
                        key.span,
                        f"{container.label(obj)} {variable} reads key '{key.value}' of {kind} '{name.value}', "
                        f"which has no such key",
                        path=located.path,
                        hint=f"use one of the {kind}'s keys, or add the key to it",
                        related=(related_object(targets[0], f"{kind} '{name.value}'"),),
                    )
