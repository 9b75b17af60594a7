"""CL4011 dependency-cycle: services that depend on each other in a circle (through ``depends_on``,
``links``, ``volumes_from`` or ``network_mode``/``ipc``/``pid: service:x``). ``docker compose``
refuses to load the project: no service of the cycle can start first.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.compose._references import Edge, edges, projects, services_by_name
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL4011",
    name="dependency-cycle",
    summary="Compose services depend on each other in a cycle",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "references"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project in projects(index, ctx):
        running = {service.name for service in project.services_for_profiles()}
        defined = services_by_name(project)
        graph = {name: [e for e in edges(defined[name]) if e.target in running] for name in defined if name in running}
        for cycle in find_cycles(graph):
            closing = cycle[-1]
            names = [edge.service.name for edge in cycle] + [closing.target]
            yield project.problem(
                closing.node,
                f"dependency cycle: {' -> '.join(names)} (service '{closing.service.name}' {_how(closing)} closes it)",
                hint="break the cycle: one of these services must be able to start without the other",
            )


def _how(edge: Edge) -> str:
    if edge.via == "depends_on":
        return f"depending on '{edge.target}'"
    return f"using {edge.written}"


def find_cycles(graph: dict[str, list[Edge]]) -> list[list[Edge]]:
    """Each elementary cycle found by a depth-first walk in file order, once, as its edges; the
    last edge is the one that closes it (the back edge the walk met)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[Edge] = []
    position: dict[str, int] = {}  # service -> index in ``path`` of the edge leaving it
    found: list[list[Edge]] = []
    seen: set[frozenset[tuple[str, str]]] = set()

    def visit(name: str) -> None:
        state[name] = 1
        for edge in graph.get(name, []):
            position[name] = len(path)
            path.append(edge)
            target_state = state.get(edge.target)
            if target_state == 1:
                cycle = path[position[edge.target] :]
                key = frozenset((e.service.name, e.target) for e in cycle)
                if key not in seen:
                    seen.add(key)
                    found.append(list(cycle))
            elif target_state is None:
                visit(edge.target)
            path.pop()
        state[name] = 2

    for name in graph:
        if name not in state:
            visit(name)
    return found
