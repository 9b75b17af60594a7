"""CL4305 no-rolling-update-strategy: a workload's update strategy type is not a rolling update, or
its rolling-update parameters fall outside the configured bounds (kube-linter
no-rolling-update-strategy)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import missing_anchor, present, string_matcher
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping, Scalar

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubeObject, KubernetesFile

RULE = Rule(
    code="CL4305",
    name="no-rolling-update-strategy",
    summary="A workload's update strategy is not a rolling update",
    severity=Severity.WARNING,
    aliases=("kube-linter:no-rolling-update-strategy",),
    tags=("kubernetes", "workloads", "availability", "rollout"),
    default_enabled=False,
    options={
        "strategy-type-regex": "^(RollingUpdate|Rolling)$",
        "max-pods-unavailable": "",
        "min-pods-unavailable": "",
        "max-surge": "",
        "min-surge": "",
    },
)

# kind -> (strategy field, rolling-parameters field, which bounds the parameters have)
STRATEGIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "Deployment": ("strategy", "rollingUpdate", ("maxUnavailable", "maxSurge")),
    "DaemonSet": ("updateStrategy", "rollingUpdate", ("maxUnavailable", "maxSurge")),
    "StatefulSet": ("updateStrategy", "rollingUpdate", ("maxUnavailable",)),
    "DeploymentConfig": ("strategy", "rollingParams", ("maxUnavailable", "maxSurge")),
}
DEFAULT_TYPES = {"DeploymentConfig": "Rolling"}  # the others default to RollingUpdate
_BOUND = re.compile(r"^(\d+)(%?)$")


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    regex = str(ctx.options.get("strategy-type-regex") or "")
    matches = string_matcher(regex)
    options = ctx.options
    bounds = {
        "maxUnavailable": (_bound(options.get("min-pods-unavailable")), _bound(options.get("max-pods-unavailable"))),
        "maxSurge": (_bound(options.get("min-surge")), _bound(options.get("max-surge"))),
    }
    wants_rolling = "Rolling" in regex and any(low or high for low, high in bounds.values())
    for obj in manifests.objects:
        if obj.kind in STRATEGIES:
            yield from _check(obj, matches, regex, bounds, wants_rolling)


def _check(
    obj: KubeObject,
    matches: Callable[[str], bool],
    regex: str,
    bounds: dict[str, tuple[tuple[int, bool] | None, tuple[int, bool] | None]],
    wants_rolling: bool,
) -> Iterator[Problem]:
    field, rolling_field, fields = STRATEGIES[obj.kind]
    strategy = present(obj.spec, field)
    strategy = strategy if isinstance(strategy, Mapping) else None
    type_node = strategy.get_scalar("type") if strategy is not None else None
    if type_node is not None and not matches(type_node.value):
        yield Problem(
            type_node.span,
            f"{obj.describe()} uses the update strategy '{type_node.value}', which does not match {regex}: "
            "its pods are not replaced gradually, so an update interrupts the service",
            hint=f"use the {DEFAULT_TYPES.get(obj.kind, 'RollingUpdate')} strategy type",
        )
    if not wants_rolling:
        return
    rolling = present(strategy, rolling_field)
    if not isinstance(rolling, Mapping):
        yield Problem(
            missing_anchor(obj, ("spec", field, rolling_field)),
            f"{obj.describe()} defines no rolling update parameters ({field}.{rolling_field})",
            hint="set the rolling update parameters within the configured bounds",
        )
        return
    for name in fields:
        low, high = bounds[name]
        if low is None and high is None:
            continue
        value = present(rolling, name)
        if _within(value, low, high):
            continue
        wanted = " and ".join(
            part
            for part in (
                f"at least {_show(low)}" if low is not None else "",
                f"no more than {_show(high)}" if high is not None else "",
            )
            if part
        )
        shown = value.value if isinstance(value, Scalar) else "not set"
        yield Problem(
            value.span if value is not None else missing_anchor(obj, ("spec", field, rolling_field, name)),
            f"{obj.describe()} has a {name} of {shown} but {wanted} is required",
            hint=f"set {field}.{rolling_field}.{name} within the configured bounds",
        )


def _bound(option: object) -> tuple[int, bool] | None:
    """A configured bound: (value, is a percentage); None when not set (or not a number or percent)."""
    match = _BOUND.match(str(option if option is not None else "").strip())
    if match is None:
        return None
    number = int(match.group(1))
    percent = bool(match.group(2))
    return None if percent and number > 100 else (number, percent)


def _show(bound: tuple[int, bool]) -> str:
    return f"{bound[0]}{'%' if bound[1] else ''}"


def _within(value: object, low: tuple[int, bool] | None, high: tuple[int, bool] | None) -> bool:
    """kube-linter's comparison: a value must be a number or a percentage of the same form as each
    bound (a number against a percentage always fails) and lie within them."""
    if not isinstance(value, Scalar) or value.is_null:
        return False
    actual = _BOUND.match(value.value.strip())
    if actual is None:
        return False
    number, percent = int(actual.group(1)), bool(actual.group(2))
    if not percent and not value.is_plain:
        return False  # a quoted number is a string, and a string must be a percentage
    for bound, ok in ((low, lambda b: number >= b), (high, lambda b: number <= b)):
        if bound is None:
            continue
        if bound[1] != percent or not ok(bound[0]):
            return False
    return True
