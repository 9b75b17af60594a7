"""CL4312 sorted-keys: a mapping of a Kubernetes object whose keys are not in sorted order (kube-linter
sorted-keys)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping, Node, Sequence

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4312",
    name="sorted-keys",
    summary="The keys of a mapping in a Kubernetes object are not sorted",
    severity=Severity.STYLE,
    aliases=("kube-linter:sorted-keys",),
    tags=("kubernetes", "style"),
    default_enabled=False,
    options={"recursive": True},
)

MERGE = "<<"


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    recursive = bool(ctx.options.get("recursive", True))
    for obj in manifests.objects:
        for mapping, path in _mappings(obj.node, "", recursive):
            found = _unsorted(mapping)
            if found is None:
                continue
            key, keys = found
            expected = ", ".join(sorted(keys))
            yield Problem(
                key.span,
                f"{obj.describe()}: the keys at {path or 'the top level'} are not sorted (expected "
                f"[{expected}], got [{', '.join(keys)}])",
                hint="sort the keys of the mapping alphabetically (byte order: upper case before lower case)",
            )


def _mappings(node: Node, path: str, recursive: bool) -> Iterator[tuple[Mapping, str]]:
    """Every mapping written in the object, with its path; the content of aliases (``*ref``) and of
    merged keys is checked where it is written, at the anchor."""
    stack: list[tuple[Node, str]] = [(node, path)]
    while stack:
        current, where = stack.pop()
        if current.via_alias is not None:
            continue
        children: list[tuple[Node, str]] = []
        if isinstance(current, Mapping):
            yield current, where
            if not recursive:
                continue
            for pair in current.pairs:
                if pair.merged:
                    continue
                name = pair.key_text if pair.key_text is not None else "?"
                children.append((pair.value, f"{where}.{name}" if where else name))
        elif isinstance(current, Sequence) and recursive:
            children = [(item, f"{where}[{index}]") for index, item in enumerate(current.items)]
        stack.extend(reversed(children))


def _unsorted(mapping: Mapping) -> tuple[Node, list[str]] | None:
    """(the first key out of place, the keys as written) when the keys are not in byte order.

    Keys are read as written: a merge (``<<: *ref``) counts as one key ``<<``; keys that are not
    scalars are left out."""
    keys: list[str] = []
    nodes: list[Node | None] = []
    previous_merged = False
    for pair in mapping.pairs:
        if pair.merged:
            if not previous_merged:
                keys.append(MERGE)
                nodes.append(None)
            previous_merged = True
            continue
        previous_merged = False
        if pair.key_text is not None:
            keys.append(pair.key_text)
            nodes.append(pair.key)
    expected = sorted(keys)
    if len(keys) < 2 or keys == expected:
        return None
    first = next(index for index, (got, want) in enumerate(zip(keys, expected, strict=True)) if got != want)
    key = nodes[first] or next((node for node in nodes[first:] if node is not None), None)
    return (key or mapping), keys
