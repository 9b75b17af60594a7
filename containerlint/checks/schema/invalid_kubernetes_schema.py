"""CL8010 invalid-kubernetes-schema: a Kubernetes object does not match its schema.

Built-in kinds are checked per document against the OpenAPI schema of the configured Kubernetes
version (``containerlint.kubeschema``). Custom resources need the CustomResourceDefinitions of the
whole run, so they are checked by a project check, as are objects of a built-in API group that
the version does not serve (``apps/v1beta3``, a misspelled kind). Removed API versions are CL8011;
custom resources without any schema are CL8012.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Related, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.kubeschema import SchemaChecker
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import KubeObject, KubernetesFile

RULE = Rule(
    code="CL8010",
    name="invalid-kubernetes-schema",
    summary="A Kubernetes object does not match the schema of its kind (unknown field, wrong type, missing field)",
    severity=Severity.ERROR,
    tags=("correctness", "kubernetes", "schema"),
    aliases=("kube-linter:schema-validation",),
)


@RULE.check(FileKind.KUBERNETES)
def check_builtin(doc: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    from containerlint.kubeschema import store_for

    store = store_for(settings_of(ctx.settings).kubernetes.version)
    yield from _not_objects(doc)
    for obj in doc.objects:
        if not obj.api_version or not obj.kind:
            yield from _incomplete(obj)
            continue
        checker = store.checker(obj.api_version, obj.kind)
        if checker is not None:
            yield from _problems(obj, checker, f"Kubernetes {store.version}")


@RULE.check_project(FileKind.KUBERNETES)
def check_custom(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    from containerlint.kubeschema import custom_verdicts

    for verdict in custom_verdicts(project, settings_of(ctx.settings)):
        obj, path = verdict.located.item, verdict.located.path
        if verdict.problem is not None:
            node = verdict.problem_node or obj.kind_node or obj.node
            related = tuple(Related(p, span, message) for p, span, message in verdict.related)
            message = f"{obj.describe()}: {verdict.problem}"
            yield Problem(node.span, message, path=path, hint=verdict.hint, related=related)
        elif verdict.checker is not None:
            for problem in _problems(obj, verdict.checker, verdict.source):
                yield Problem(problem.span, problem.message, path=path, hint=problem.hint)


def _problems(obj: KubeObject, checker: SchemaChecker, source: str) -> Iterator[Problem]:
    for issue in checker.validate(obj.node, obj.kind_node, secret=obj.kind == "Secret"):
        hint = issue.hint or f"checked against {source}"
        yield Problem(issue.node.span, f"{obj.describe()}: {issue.message}", hint=hint)


def _incomplete(obj: KubeObject) -> Iterator[Problem]:
    """``apiVersion:`` or ``kind:`` present but empty (or not text): nothing can be validated."""
    for key, value in (("apiVersion", obj.api_version), ("kind", obj.kind)):
        if not value:
            pair: Any = obj.node.pair(key)
            node = pair.value if pair is not None and pair.value.span.start != pair.value.span.end else pair.key
            yield Problem(node.span, f"{obj.describe()}: {key} must be a non-empty string")


def _not_objects(doc: KubernetesFile) -> Iterator[Problem]:
    """A document of a manifest that looks like an object but lacks ``apiVersion`` or ``kind``
    (``kubectl apply`` refuses the whole file). Documents with neither key nor ``metadata`` are
    someone else's YAML and are left alone."""
    from containerlint.syntax.yamlnodes import Mapping

    for document in doc.stream.documents:
        root = document.root
        if not isinstance(root, Mapping) or ("apiVersion" in root and "kind" in root):
            continue
        keys = root.keys()
        if not {"apiVersion", "kind", "metadata"} & set(keys):
            continue
        for wanted in ("apiVersion", "kind"):
            if wanted in root:
                continue
            close = difflib.get_close_matches(wanted, keys, n=1, cutoff=0.6)
            pair = root.pair(close[0]) if close else None
            node = pair.key if pair is not None else (root.pairs[0].key if root.pairs else root)
            suffix = f" ('{close[0]}' is not '{wanted}')" if close else ""
            yield Problem(
                node.span,
                f"document at line {root.span.start.line} has no {wanted}, so it is not a Kubernetes object{suffix}",
                hint=f"add {wanted} (kubectl refuses the file without it)",
            )
