"""CL8012 unknown-custom-resource: a custom resource whose schema is nowhere to be found: no
CustomResourceDefinition among the linted manifests, no file in ``[kubernetes] schema-locations``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex

RULE = Rule(
    code="CL8012",
    name="unknown-custom-resource",
    summary="A custom resource has no schema: no CustomResourceDefinition or schema file for its kind",
    severity=Severity.INFO,
    tags=("kubernetes", "schema"),
    default_enabled=False,
)


@RULE.check_project(FileKind.KUBERNETES)
def check(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    from containerlint.kubeschema import custom_verdicts

    settings = settings_of(ctx.settings)
    for verdict in custom_verdicts(project, settings):
        if not verdict.unknown:
            continue
        obj = verdict.located.item
        node = obj.kind_node or obj.node
        where = " or ".join(settings.kubernetes.schema_locations) or "no schema-locations configured"
        yield Problem(
            node.span,
            f"{obj.describe()}: no schema for {obj.api_version} {obj.kind}, so it is not validated",
            path=verdict.located.path,
            hint=f"lint its CustomResourceDefinition along with it, or add a schema file ({where}) "
            "in the kubeconform/CRDs-catalog layout: {group}/{kind}_{version}.json",
        )
