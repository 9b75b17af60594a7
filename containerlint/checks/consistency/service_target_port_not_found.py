"""CL7023 service-target-port-not-found: a Service ``targetPort`` that no container of the pods
it selects declares. A named targetPort is resolved across objects, in every selected pod
template; a numeric one is only reported when every selected container lists its ports, since
a port a container does not declare still receives traffic."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.kubegraph import Located, anchor
from containerlint.model import FileKind, Problem, Related, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.kubernetes import Container, ContainerPort, ServicePort
from containerlint.syntax.yamlnodes import Node

RULE = Rule(
    code="CL7023",
    name="service-target-port-not-found",
    summary="A Service targetPort matches no container port of the pods it selects",
    severity=Severity.ERROR,
    tags=("correctness", "kubernetes", "cross-object"),
)


def serving(pod: Located) -> list[Container]:
    """Containers that serve traffic: regular ones and sidecars (init containers that keep running)."""
    return [
        c
        for c in pod.item.containers
        if c.group == "containers" or (c.is_init and c.node.get_str("restartPolicy") == "Always")
    ]


def protocol_of(port: ContainerPort | ServicePort) -> str:
    return port.protocol.value if port.protocol is not None else "TCP"


def as_number(text: str) -> int | None:
    return int(text) if text.isdigit() else None


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    graph = project.kubernetes_graph
    for located in graph.of_kind("Service"):
        service = located.item
        selector = service.service_selector
        if not selector or (service.spec is not None and service.spec.get_str("type") == "ExternalName"):
            continue
        pods = graph.pods.select_labels(graph.namespace(service), selector.strings())
        if not pods:
            continue  # service-selects-no-pods (CL7002)
        for service_port in service.service_ports:
            yield from _check_port(located, service_port, pods)


def _check_port(service: Located, service_port: ServicePort, pods: list[Located]) -> Iterator[Problem]:
    node = service_port.target_port or service_port.port
    if node is None or (service_port.target_port is None and as_number(node.value) is None):
        return  # no port, or a port that is not a number: schema validation's finding
    protocol = protocol_of(service_port)
    ports = [(pod, c, p) for pod in pods for c in serving(pod) for p in c.ports]
    which = f"Service '{service.item.name}' port {service_port.port.value if service_port.port else '?'}"
    targets = f"targetPort {node.value}" if service_port.target_port else f"targetPort (defaults to {node.value})"
    owners = _owners(pods)
    related = tuple(Related(p.path, _ports_node(p).span, f"pod template of {p.item.describe()}") for p in pods[:3])
    number = as_number(node.value)
    if number is None:
        named = [(pod, c, p) for pod, c, p in ports if p.name is not None and p.name.value == node.value]
        if any(protocol_of(p) == protocol for _, _, p in named):
            return
        other = f" (it is declared for {protocol_of(named[0][2])}, the Service uses {protocol})" if named else ""
        yield Problem(
            node.span,
            f"{which} {targets} names no {protocol} container port of {owners}{other}",
            path=service.path,
            hint=f"name a container port '{node.value}', or set targetPort to a declared port name or number",
            related=related,
        )
        return
    if any(p.container_port is not None and p.container_port.as_int() == number for _, _, p in ports):
        return
    containers = [c for pod in pods for c in serving(pod)]
    if not containers or any(not c.ports for c in containers):
        return  # an undeclared port still receives traffic
    declared = sorted({p.container_port.value for _, _, p in ports if p.container_port is not None})
    yield Problem(
        node.span,
        f"{which} {targets} is not a container port of {owners} (they declare {', '.join(declared)})",
        path=service.path,
        hint="point targetPort at a declared containerPort (or its name)",
        severity=Severity.WARNING,
        related=related,
    )


def _owners(pods: list[Located]) -> str:
    if len(pods) == 1:
        return pods[0].item.describe()
    names = ", ".join(p.item.describe() for p in pods[:3])
    return f"the {len(pods)} pod templates it selects ({names}{', ...' if len(pods) > 3 else ''})"


def _ports_node(pod: Located) -> Node:
    for container in serving(pod):
        ports = container.node.get("ports")
        if ports is not None:
            return ports
    return anchor(pod.item)
