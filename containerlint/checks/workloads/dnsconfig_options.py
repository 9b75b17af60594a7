"""CL4313 dnsconfig-options: a workload's pod spec does not set the required DNS resolver option
(``ndots: 2`` by default) in ``dnsConfig.options`` (kube-linter dnsconfig-options)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.workloads._support import missing_anchor, pod_spec_path, present
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping, Sequence

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4313",
    name="dnsconfig-options",
    summary="A workload's pod spec lacks the required dnsConfig option (ndots: 2)",
    severity=Severity.INFO,
    aliases=("kube-linter:dnsconfig-options",),
    tags=("kubernetes", "workloads", "dns"),
    default_enabled=False,
    options={"key": "ndots", "value": "2"},
)


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    key, value = str(ctx.options.get("key", "ndots")), str(ctx.options.get("value", "2"))
    hint = f'add dnsConfig.options with {{name: {key}, value: "{value}"}} to the pod spec'
    for obj in manifests.objects:
        if not obj.is_workload:
            continue
        path = (*pod_spec_path(obj), "dnsConfig")
        dns = present(obj.pod_spec, "dnsConfig")
        if not isinstance(dns, Mapping):
            yield Problem(
                missing_anchor(obj, path),
                f"{obj.describe()} does not define a dnsConfig, so its pods resolve names with the cluster "
                f"default options (no {key}: {value})",
                hint=hint,
            )
            continue
        options = present(dns, "options")
        if not isinstance(options, Sequence):
            yield Problem(
                missing_anchor(obj, (*path, "options")),
                f"{obj.describe()} defines no dnsConfig options (no {key}: {value})",
                hint=hint,
            )
            continue
        if any(
            isinstance(item, Mapping) and item.get_str("name") == key and item.get_str("value") == value
            for item in options.items
        ):
            continue
        yield Problem(
            missing_anchor(obj, (*path, "options")),
            f'{obj.describe()} does not set the dnsConfig option "{key}:{value}"',
            hint=hint,
        )
