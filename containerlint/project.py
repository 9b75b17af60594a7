"""The project index: every parsed file at once, for cross-file and cross-object rules.

Built once per run. Lookups are hash maps, so a project rule costs about one pass over the files:
Services find the pods they select through an index of ``(namespace, label, value)`` triples instead
of comparing every Service with every workload.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from containerlint.model import FileKind

DEFAULT_NAMESPACE = "default"


@dataclass(frozen=True)
class Located:
    """A parsed object and the path of the file it came from."""

    path: str
    item: Any


class ProjectIndex:
    def __init__(self, parsed_files: Sequence[Any]) -> None:
        self._files = [p for p in parsed_files if p.tree is not None]

    def _trees(self, kind: FileKind) -> list[Located]:
        return [Located(p.path, p.tree) for p in self._files if p.kind is kind]

    @cached_property
    def dockerfiles(self) -> list[Located]:
        return self._trees(FileKind.DOCKERFILE)

    @cached_property
    def compose_files(self) -> list[Located]:
        return self._trees(FileKind.COMPOSE)

    @cached_property
    def kubernetes_files(self) -> list[Located]:
        return self._trees(FileKind.KUBERNETES)

    @cached_property
    def kubernetes_objects(self) -> list[Located]:
        return [Located(f.path, obj) for f in self.kubernetes_files for obj in f.item.objects]

    @cached_property
    def pod_templates(self) -> list[Located]:
        """Objects that create pods (workloads and bare Pods) and have template labels."""
        return [o for o in self.kubernetes_objects if o.item.pod_spec is not None]

    @cached_property
    def _label_index(self) -> dict[tuple[str, str, str], set[int]]:
        index: dict[tuple[str, str, str], set[int]] = {}
        for number, located in enumerate(self.pod_templates):
            namespace = namespace_of(located.item)
            for key, value in template_labels(located.item).items():
                index.setdefault((namespace, key, value), set()).add(number)
        return index

    @cached_property
    def _namespaces_with_pods(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for number, located in enumerate(self.pod_templates):
            found.setdefault(namespace_of(located.item), []).append(number)
        return found

    def pods_selected_by(self, namespace: str, selector: Mapping[str, str]) -> list[Located]:
        """Pod templates in ``namespace`` whose labels include every ``key: value`` of the selector."""
        if not selector:
            return [self.pod_templates[n] for n in self._namespaces_with_pods.get(namespace, [])]
        matches: set[int] | None = None
        for key, value in selector.items():
            found = self._label_index.get((namespace, key, value), set())
            matches = found if matches is None else matches & found
            if not matches:
                return []
        return [self.pod_templates[n] for n in sorted(matches or ())]

    def objects_of_kind(self, *kinds: str) -> Iterator[Located]:
        wanted = set(kinds)
        return (o for o in self.kubernetes_objects if o.item.kind in wanted)


def namespace_of(obj: Any) -> str:
    return obj.namespace or DEFAULT_NAMESPACE


def template_labels(obj: Any) -> dict[str, str]:
    labels = obj.pod_template_labels
    return {key: node.value for key, node in labels.items()} if labels else {}
