"""CL2050 drop-net-raw-capability: a container whose ``securityContext.capabilities`` is set adds
NET_RAW (or ALL), or does not drop NET_RAW (or ALL) -- kube-linter's check of the same name.

As in kube-linter, a container without a ``capabilities`` block is left alone, and the two
conditions are separate findings (one per offending ``add`` entry, one for the missing drop).
Names are compared the way the container runtimes read them: case-insensitive, ``CAP_`` optional.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import capabilities_of, normalize_capability
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2050",
    name="drop-net-raw-capability",
    summary="A container that sets capabilities adds NET_RAW, or does not drop it",
    severity=Severity.WARNING,
    aliases=("kube-linter:drop-net-raw-capability", "checkov:CKV_K8S_28"),
    tags=("security", "kubernetes", "capabilities"),
)

FORBIDDEN = frozenset({"NET_RAW", "ALL"})


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        for container in obj.containers:
            caps = capabilities_of(container)
            if caps is None:
                continue
            label = container.label(obj)
            for item in caps.add:
                if normalize_capability(item.value) in FORBIDDEN:
                    what = (
                        "every capability, NET_RAW included" if normalize_capability(item.value) == "ALL" else "NET_RAW"
                    )
                    yield Problem(
                        item.span,
                        f"{label} adds capability '{item.value}' ({what}): it can craft raw packets",
                        hint="remove it from securityContext.capabilities.add",
                    )
            if not any(normalize_capability(item.value) in FORBIDDEN for item in caps.drop):
                yield Problem(
                    (caps.drop_key or caps.key).span,
                    f"{label} sets capabilities but does not drop NET_RAW",
                    hint='add NET_RAW (or ALL) to securityContext.capabilities.drop, e.g. drop: ["ALL"]',
                )
