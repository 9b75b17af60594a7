"""The project index: every parsed file at once, for cross-file and cross-object rules.

Built once per run. Lookups are hash maps, so a project rule costs about one pass over the files.
The Kubernetes objects form a graph (``kubernetes_graph``, see ``containerlint.kubegraph``): Services
find the pods they select through an index of ``(namespace, label, value)`` triples instead of
comparing every Service with every workload.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from typing import Any

from containerlint.kubegraph import DEFAULT_NAMESPACE, KubeGraph, Located
from containerlint.model import FileKind

__all__ = ["DEFAULT_NAMESPACE", "Located", "ProjectIndex", "namespace_of", "template_labels"]


class ProjectIndex:
    def __init__(self, parsed_files: Sequence[Any]) -> None:
        # A file's tree is only asked for when a rule needs that kind: a Dockerfile checked in a
        # worker process (engine.DeferredFile) is parsed here only if a project check reads it.
        self._files = [p for p in parsed_files if p.kind is not None]

    def _trees(self, kind: FileKind) -> list[Located]:
        return [Located(p.path, tree) for p in self._files if p.kind is kind and (tree := p.tree) is not None]

    @cached_property
    def paths(self) -> list[str]:
        """The paths of every linted file, whatever its kind."""
        return [p.path for p in self._files]

    @cached_property
    def dockerfiles_by_path(self) -> dict[str, Any]:
        """Display path -> the parsed file (its ``tree`` is parsed on first use)."""
        return {p.path: p for p in self._files if p.kind is FileKind.DOCKERFILE}

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
    def kubernetes_graph(self) -> KubeGraph:
        """Every linted Kubernetes object in one graph, built once (see ``containerlint.kubegraph``)."""
        return KubeGraph(self.kubernetes_objects)

    @property
    def pod_templates(self) -> list[Located]:
        """Objects that create pods (workloads and bare Pods)."""
        return self.kubernetes_graph.pods.objects

    def pods_selected_by(self, namespace: str, selector: Mapping[str, str]) -> list[Located]:
        """Pod templates in ``namespace`` whose labels include every ``key: value`` of the selector."""
        return self.kubernetes_graph.pods.select_labels(namespace, selector)

    def objects_of_kind(self, *kinds: str) -> Iterator[Located]:
        return iter(self.kubernetes_graph.of_kind(*kinds))


def namespace_of(obj: Any) -> str:
    return obj.namespace or DEFAULT_NAMESPACE


def template_labels(obj: Any) -> dict[str, str]:
    labels = obj.pod_template_labels
    return {key: node.value for key, node in labels.items()} if labels else {}
