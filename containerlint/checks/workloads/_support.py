"""What the workload rules (CL43xx) share: where a finding about a missing field goes, replica
counts, kube-linter's string matchers and the IANA port-name rules.

Positions, chosen once for all CL43xx rules:

- a value that is present but wrong is reported at the value itself;
- a missing field is reported at the key of the nearest mapping on its path that exists (a missing
  ``spec.replicas`` at ``spec:``, a missing ``affinity.podAntiAffinity`` at ``affinity:`` or, without
  ``affinity``, at the pod spec's ``spec:``), and at the object's ``kind:`` value when not even the
  first step exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from containerlint.syntax.kubernetes import POD_SPEC_PATHS
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar

if TYPE_CHECKING:
    from containerlint.model import Span
    from containerlint.registry import Context
    from containerlint.syntax.kubernetes import KubeObject, KubernetesFile

# Kinds with a replica count, and the count the API server assumes when it is not written. A
# DeploymentConfig's ``replicas`` is a plain integer, so an absent value reads as 0 (as kube-linter
# reads it); the others default to 1. DaemonSets, Jobs, CronJobs and Pods have no replica count.
REPLICA_DEFAULTS: dict[str, int] = {
    "Deployment": 1,
    "StatefulSet": 1,
    "ReplicaSet": 1,
    "ReplicationController": 1,
    "DeploymentConfig": 0,
}


def kind_anchor(obj: KubeObject) -> Span:
    """The object's ``kind:`` value."""
    return (obj.kind_node or obj.node).span


def missing_anchor(obj: KubeObject, path: tuple[str, ...]) -> Span:
    """Where a finding about a field at ``path`` goes when it is missing: the key of the deepest
    step of ``path`` that exists (the object's ``kind:`` value when none does)."""
    anchor = kind_anchor(obj)
    current: Mapping | None = obj.node
    for step in path:
        pair = current.pair(step) if current is not None else None
        if pair is None:
            return anchor
        anchor = pair.key.span
        current = pair.value if isinstance(pair.value, Mapping) else None
    return anchor


def pod_spec_path(obj: KubeObject) -> tuple[str, ...]:
    """The path of the pod spec of a workload (``spec.template.spec``; ``spec`` for a Pod)."""
    return POD_SPEC_PATHS.get(obj.kind, ("spec",))


def present(node: Mapping | None, key: str) -> Node | None:
    """The value of ``key`` unless it is absent or null (how the API server reads a null field)."""
    if node is None:
        return None
    value = node.get(key)
    if value is None or (isinstance(value, Scalar) and value.is_null):
        return None
    return value


def replicas(obj: KubeObject) -> tuple[int, Scalar | None] | None:
    """(replica count, its node) of a kind that has one; the default with None when unset; None for
    kinds without replicas and for a value that is not an integer (a template placeholder)."""
    default = REPLICA_DEFAULTS.get(obj.kind)
    if default is None:
        return None
    value = present(obj.spec, "replicas")
    if value is None:
        return default, None
    if not isinstance(value, Scalar) or value.as_int() is None:
        return None
    return value.as_int() or 0, value


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def string_matcher(pattern: str) -> Callable[[str], bool]:
    """kube-linter's string matcher: "" matches anything, a leading ``!`` negates, otherwise the
    regular expression is searched for (unanchored). A pattern that is not a valid regular
    expression is matched literally."""
    if pattern == "":
        return lambda _text: True
    negate = pattern.startswith("!")
    if negate:
        pattern = pattern[1:]
    try:
        compiled = re.compile(pattern)
    except re.error:
        compiled = re.compile(re.escape(pattern))
    return lambda text: (compiled.search(text) is not None) != negate


# IANA service names (RFC 6335 section 5.1), as Kubernetes validates port names.
_PORT_NAME_CHARSET = re.compile(r"^[-a-z0-9]+$")
_PORT_NAME_LETTER = re.compile(r"[a-z]")


def port_name_violations(name: str) -> list[str]:
    """What is wrong with a port name, in the order Kubernetes checks it; empty when valid."""
    violations = []
    if len(name) > 15:
        violations.append("must be no more than 15 characters")
    if not _PORT_NAME_CHARSET.match(name):
        violations.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
    if not _PORT_NAME_LETTER.search(name):
        violations.append("must contain at least one letter (a-z)")
    if "--" in name:
        violations.append("must not contain consecutive hyphens")
    if name.startswith("-") or name.endswith("-"):
        violations.append("must not begin or end with a hyphen")
    return violations


def string_list(value: object) -> list[str]:
    """An option that should be a list of strings, read tolerantly (a single string is a list of one)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return []


def missing_metadata_entry(obj: KubeObject, field: str, key: str, value: str) -> tuple[Span, str] | None:
    """kube-linter's required-label / required-annotation matcher on the object's own ``metadata``:
    None when some entry's key matches the ``key`` pattern and its value the ``value`` pattern
    (kube-linter string matchers: regular expressions, ``!`` negates, "" matches anything).
    Otherwise (where, what): the value of the first entry whose key matches, else the ``labels`` /
    ``annotations`` key, else ``metadata``, else ``kind``."""
    entries = obj.labels if field == "labels" else obj.annotations
    key_matches, value_matches = string_matcher(key), string_matcher(value)
    first: Scalar | None = None
    where: Span | None = None
    for name, node in entries.items():
        if key_matches(name):
            if value_matches("" if node.is_null else node.value):
                return None
            if first is None:  # a null value has no text to point at: its key then
                first, where = node, (entries.key_nodes[name] if node.is_null else node).span
    what = "label" if field == "labels" else "annotation"
    if first is not None and where is not None:
        return (
            where,
            f"has no {what} matching \"{key}={value or '<any>'}\" (the value '{first.value}' does not match)",
        )
    return missing_anchor(obj, ("metadata", field)), f'has no {what} matching "{key}={value or "<any>"}"'


def workloads_missing_metadata(
    manifests: KubernetesFile, ctx: Context, field: str
) -> Iterator[tuple[KubeObject, Span, str]]:
    """(workload, where, what) for every workload whose ``labels`` / ``annotations`` (``field``) have
    no entry matching the rule's ``key`` and ``value`` options (see ``missing_metadata_entry``)."""
    key, value = str(ctx.options.get("key") or ""), str(ctx.options.get("value") or "")
    for obj in manifests.objects:
        if obj.is_workload and (found := missing_metadata_entry(obj, field, key, value)) is not None:
            yield obj, *found
