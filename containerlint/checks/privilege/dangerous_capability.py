"""CL2051 dangerous-capability: a capability added beyond the Pod Security Standards baseline set
(Kubernetes ``capabilities.add``, Compose ``cap_add``).

The allowed set is the PSS baseline one (Docker's default set without NET_RAW), configurable with
``allowed``. Kubernetes compares names exactly, as Pod Security admission does (``chown`` or
``CAP_CHOWN`` is not ``CHOWN``: admission rejects it and the runtime would not understand it);
Compose compares them the way Docker reads them (case-insensitive, ``CAP_`` optional).
One finding per offending entry, at the entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import (
    PSS_BASELINE_CAPABILITIES,
    capabilities_of,
    compose_services,
    known,
    normalize_capability,
    scalar_items,
)
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL2051",
    name="dangerous-capability",
    summary="A container adds a capability outside the Pod Security baseline set (SYS_ADMIN, NET_ADMIN, ALL ...)",
    severity=Severity.WARNING,
    tags=("security", "kubernetes", "compose", "capabilities", "pss-baseline", "pss-restricted"),
    options={"allowed": list(PSS_BASELINE_CAPABILITIES)},
)

HINT = "drop it, or grant the one narrower capability the program needs"


def allowed_set(ctx: Context) -> frozenset[str]:
    return frozenset(normalize_capability(str(name)) for name in ctx.options.get("allowed") or ())


def describe(name: str) -> str:
    """What adding ``name`` (normalised) means, for the message."""
    if name == "ALL":
        return "every capability, which is close to a privileged container"
    return "outside the allowed set"


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    allowed = allowed_set(ctx)
    for obj in manifests.objects:
        for container in obj.containers:
            caps = capabilities_of(container)
            for item in caps.add if caps is not None else ():
                written = item.value.strip()
                if not written or written in allowed:
                    continue
                name = normalize_capability(written)
                if name in allowed:
                    message = (
                        f"{container.label(obj)} adds capability '{written}': Kubernetes expects the exact "
                        f"name '{name}' (Pod Security admission rejects this spelling)"
                    )
                    yield Problem(item.span, message, hint=f"write '{name}'")
                    continue
                yield Problem(
                    item.span,
                    f"{container.label(obj)} adds capability '{written}', {describe(name)}",
                    hint=HINT,
                )


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    allowed = allowed_set(ctx)
    for project, service in compose_services(index, ctx):
        for item in scalar_items(service.get("cap_add")):
            text = known(item.value)
            if text is None or not text.strip() or normalize_capability(text) in allowed:
                continue
            name = normalize_capability(text)
            yield project.problem(
                item,
                f"service '{service.name}' adds capability '{text}', {describe(name)}",
                hint=HINT,
            )
