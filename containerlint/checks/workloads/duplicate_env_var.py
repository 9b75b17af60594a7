"""CL4316 duplicate-env-var: a container lists the same environment variable twice (kube-linter
duplicate-env-var)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Related, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile
    from containerlint.syntax.yamlnodes import Scalar

RULE = Rule(
    code="CL4316",
    name="duplicate-env-var",
    summary="A container sets the same environment variable more than once",
    severity=Severity.WARNING,
    aliases=("kube-linter:duplicate-env-var",),
    tags=("kubernetes", "workloads", "configuration"),
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for container in obj.containers:
            first: dict[str, Scalar] = {}
            reported: set[str] = set()
            for entry in container.env:
                if entry.name is None or entry.name_node is None:
                    continue
                earlier = first.setdefault(entry.name, entry.name_node)
                if earlier is entry.name_node or entry.name in reported:
                    continue
                reported.add(entry.name)
                yield Problem(
                    entry.name_node.span,
                    f"{container.label(obj)} sets the environment variable {entry.name} twice "
                    f"(first on line {earlier.span.start.line}); the last one wins, which hides the other",
                    hint=f"keep one entry for {entry.name}",
                    related=(Related(ctx.path, earlier.span, f"{entry.name} is first set here"),) if ctx.path else (),
                )
