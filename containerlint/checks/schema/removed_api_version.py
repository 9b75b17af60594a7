"""CL8011 removed-api-version: an object uses an apiVersion that the configured Kubernetes
version no longer serves (the Deprecated API Migration Guide's removals, in ``kubeschema.REMOVALS``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL8011",
    name="removed-api-version",
    summary="An object uses an apiVersion that the target Kubernetes version has removed",
    severity=Severity.ERROR,
    tags=("correctness", "kubernetes", "schema", "upgrade"),
)

GUIDE = "https://kubernetes.io/docs/reference/using-api/deprecation-guide/"


@RULE.check(FileKind.KUBERNETES)
def check(doc: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    from containerlint.kubeschema import removal_for, store_for

    store = store_for(settings_of(ctx.settings).kubernetes.version)
    for obj in doc.objects:
        removal = removal_for(obj.api_version, obj.kind, store.version)
        if removal is None or store.knows(obj.api_version, obj.kind):
            continue
        node = obj.node.get_scalar("apiVersion") or obj.kind_node or obj.node
        head = f"{obj.describe()}: {obj.api_version} {obj.kind} was removed in Kubernetes {removal.removed_in}"
        if removal.replacement:
            message = f"{head}; use {removal.replacement}"
            hint = f"change apiVersion to {removal.replacement} and apply the field changes listed in {GUIDE}"
        else:
            message = f"{head}; {removal.note}"
            hint = f"see {GUIDE}"
        yield Problem(node.span, f"{message} (target: Kubernetes {store.version})", hint=hint)
