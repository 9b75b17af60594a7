"""What the reliability rules (CL42xx) share: where a finding about a missing field goes, probes,
resource quantities, and the Compose services of the run's projects.

Positions of missing fields, chosen once for all CL42xx rules:

- a missing per-container field (a probe, a resource) is reported at the container's ``name:``
  value (the container mapping's first key when it has no name);
- a missing pod-level field (``restartPolicy``) at the key of the pod spec that should hold it
  (``spec:`` of the template, or of a Pod), the object's ``kind:`` value when there is no pod spec;
- a missing Job field (``ttlSecondsAfterFinished``) at the Job's ``spec:`` key;
- a missing Compose service field at the service's name (its key under ``services:``);
- a value that is present but wrong at the value itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence

if TYPE_CHECKING:
    from containerlint.compose_model import ComposeProject
    from containerlint.model import Problem, Span
    from containerlint.project import ProjectIndex
    from containerlint.registry import Context
    from containerlint.syntax.compose import Service
    from containerlint.syntax.kubernetes import Container, KubeObject, KubernetesFile

# kube-linter's probe and probe-port checks look at the regular containers only (not init, not
# ephemeral containers: neither may have probes).
PROBE_GROUP = "containers"

# Which resource fields an option value names, for the unset-*-requirements rules.
REQUIREMENT_TYPES = ("request", "limit", "any")


# Kubernetes: positions ------------------------------------------------------------------------


def container_anchor(container: Container) -> Span:
    """Where a finding about a field the container lacks goes: its ``name:`` value."""
    if container.name_node is not None:
        return container.name_node.span
    first = next(iter(container.node.pairs), None)
    return first.key.span if first is not None else container.node.span


def key_at(node: Mapping, path: tuple[str, ...]) -> Node | None:
    """The key node of the last step of ``path`` below ``node`` (None when a step is missing)."""
    current: Mapping | None = node
    key: Node | None = None
    for step in path:
        if current is None:
            return None
        pair = current.pair(step)
        if pair is None:
            return None
        key = pair.key
        current = pair.value if isinstance(pair.value, Mapping) else None
    return key


def pod_spec_anchor(obj: KubeObject) -> Span:
    """Where a missing pod-level field is reported: the pod spec's ``spec:`` key, else ``kind:``."""
    from containerlint.syntax.kubernetes import POD_SPEC_PATHS

    path = POD_SPEC_PATHS.get(obj.kind)
    key = key_at(obj.node, path) if path and obj.pod_spec is not None else None
    if key is not None:
        return key.span
    return (obj.kind_node or obj.node).span


def object_anchor(obj: KubeObject) -> Span:
    """The object's ``kind:`` value."""
    return (obj.kind_node or obj.node).span


def present(node: Mapping | None, key: str) -> Node | None:
    """The value of ``key`` unless it is absent or null (how the API server reads a null field)."""
    if node is None:
        return None
    value = node.get(key)
    if value is None or (isinstance(value, Scalar) and value.is_null):
        return None
    return value


def probed_containers(obj: KubeObject) -> Iterator[Container]:
    """The containers kube-linter's probe checks look at: the regular ones."""
    return (container for container in obj.containers if container.group == PROBE_GROUP)


# Kubernetes: probes ---------------------------------------------------------------------------

PROBE_HANDLERS = (("httpGet", "HTTP GET"), ("tcpSocket", "TCP socket"), ("grpc", "gRPC"))


def missing_probes(manifests: KubernetesFile, field: str, problem: str, hint: str) -> Iterator[Problem]:
    """One finding per regular container of every workload that lacks ``field`` (or has it null)."""
    from containerlint.model import Problem

    for obj in manifests.objects:
        for container in probed_containers(obj):
            if present(container.node, field) is None:
                yield Problem(container_anchor(container), f"{container.label(obj)} {problem}", hint=hint)


def undeclared_probe_ports(manifests: KubernetesFile, field: str, what: str) -> Iterator[Problem]:
    """kube-linter's probe-port checks: the first httpGet / tcpSocket / grpc port of the probe that
    is neither the number nor the name of a TCP port in the container's ``ports``."""
    from containerlint.model import Problem

    for obj in manifests.objects:
        for container in probed_containers(obj):
            probe = container.probe(field)
            if probe is None:
                continue
            found = _undeclared_port(container, probe)
            if found is None:
                continue
            port, handler, other_protocol = found
            shown = port.value if port.as_int() is not None else f"'{port.value}'"
            message = f"{container.label(obj)} has a {what} probe ({handler}) on port {shown}, "
            if other_protocol:
                message += f"which the container declares only as {other_protocol}; probes connect over TCP"
            else:
                message += "which the container does not declare in 'ports'"
            yield Problem(
                port.span,
                message,
                hint="probe a port listed in the container's 'ports' (by number or by name), or declare it there",
            )


def _undeclared_port(container: Container, probe: Mapping) -> tuple[Scalar, str, str | None] | None:
    """(port node, handler, other protocol) of the first probe handler whose port is not a TCP
    port of the container; ``other protocol`` names the protocol it is declared with, if any."""
    numbers: set[int] = set()
    names: set[str] = set()
    others: dict[str, str] = {}  # number or name -> the non-TCP protocol it is declared with
    for declared in container.ports:
        protocol = declared.protocol.value if declared.protocol is not None else ""
        number = declared.container_port.as_int() if declared.container_port is not None else None
        name = declared.name.value if declared.name is not None else ""
        if protocol not in ("", "TCP"):  # kube-linter compares the protocol as the API spells it
            for key in (str(number) if number is not None else None, name or None):
                if key is not None:
                    others.setdefault(key, protocol)
            continue
        if number is not None:
            numbers.add(number)
        names.add(name)
    for handler, label in PROBE_HANDLERS:
        action = probe.get_mapping(handler)
        port = action.get_scalar("port") if action is not None else None
        if port is None:
            continue  # no handler of this type, or no port: the schema requires one
        number = port.as_int()
        if handler == "grpc" and number is None:
            continue  # a gRPC port is a number; anything else is a schema error
        if number is not None and number in numbers:
            continue
        if number is None and port.value in names:
            continue
        return port, label, others.get(str(number) if number is not None else port.value)
    return None


# Kubernetes: resource quantities ---------------------------------------------------------------

# A Kubernetes quantity (and a Compose byte value): a signed decimal, then a suffix.
_QUANTITY = re.compile(r"^\s*[+-]?(?P<number>\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*(?P<suffix>[A-Za-z]*)\s*$")


def quantity_is_zero(node: Node) -> bool | None:
    """Whether a resource quantity is zero: True, False, or None when it is not a quantity
    (a template placeholder, a wrong shape: nothing to judge; schema validation reports shapes)."""
    if not isinstance(node, Scalar) or node.is_null:
        return None
    match = _QUANTITY.match(node.value)
    if match is None:
        return None
    return float(match.group("number")) == 0


@dataclass(frozen=True)
class Requirement:
    """One resource field a rule asks for: ``requests``/``limits`` and the resource name."""

    section: str  # "requests" or "limits"
    resource: str  # "cpu" or "memory"

    @property
    def kind(self) -> str:
        return "request" if self.section == "requests" else "limit"


def requirements(option: object, resource: str, default: str) -> list[Requirement]:
    """The fields the ``requirements-type`` option names (its default when the value is unknown)."""
    kind = option if option in REQUIREMENT_TYPES else default
    sections = {"request": ("requests",), "limit": ("limits",), "any": ("requests", "limits")}[str(kind)]
    return [Requirement(section, resource) for section in sections]


def unset_requirement(container: Container, requirement: Requirement) -> tuple[Span, str] | None:
    """(where, what is wrong) when ``container`` lacks ``requirement`` or sets it to zero.

    kube-linter's "unset" checks flag a quantity in the range 0..0: missing reads as zero, and a
    written zero (``cpu: 0``, ``memory: 0Mi``) is flagged too; any positive amount passes."""
    section = container.resources.get_mapping(requirement.section) if container.resources else None
    value = present(section, requirement.resource)
    if value is None:
        return container_anchor(container), "sets no"
    if quantity_is_zero(value):
        return value.span, "sets a zero"
    return None


def unset_container_requirements(
    manifests: KubernetesFile, ctx: Context, resource: str, default: str
) -> Iterator[tuple[KubeObject, Container, Requirement, Span, str]]:
    """(object, container, requirement, where, what is wrong) for each requirement of ``resource``
    that the rule's ``requirements-type`` option (else ``default``) asks for and a container lacks
    (see ``unset_requirement``). Ephemeral containers are skipped: the API refuses resources on them."""
    wanted = requirements(ctx.options.get("requirements-type"), resource, default)
    for obj in manifests.objects:
        for container in obj.containers:
            if container.is_ephemeral:
                continue
            for requirement in wanted:
                found = unset_requirement(container, requirement)
                if found is not None:
                    yield obj, container, requirement, *found


# Compose -------------------------------------------------------------------------------------


def compose_services(project_index: ProjectIndex, ctx: Context) -> Iterator[tuple[ComposeProject, Service]]:
    """Every (project, service) of the run's Compose projects that the active profiles enable."""
    from containerlint.compose_model import compose_projects
    from containerlint.config import settings_of

    for project in compose_projects(project_index, settings_of(ctx.settings)):
        for service in project.services_for_profiles():
            yield project, service


def deploy_mapping(service: Service, *path: str) -> Mapping | None:
    """``deploy.<path...>`` of a service as a mapping, or None."""
    current = service.get("deploy")
    for step in path:
        if not isinstance(current, Mapping):
            return None
        current = current.get(step)
    return current if isinstance(current, Mapping) else None


def healthcheck_state(service: Service) -> str:
    """How a Compose service's own ``healthcheck`` reads: "defined" (a test command),
    "disabled" (``disable: true`` or ``test: ["NONE"]``), "inherited" (settings without a test:
    the image's HEALTHCHECK with other timings) or "none" (no ``healthcheck`` at all)."""
    if "healthcheck" not in service:
        return "none"
    healthcheck = service.healthcheck
    if healthcheck is None:
        value = service.get("healthcheck")
        if value is None or (isinstance(value, Scalar) and value.is_null):
            return "none"  # ``healthcheck:`` with no value
        return "defined"  # a wrong shape: schema validation reports it, this rule does not guess
    disable = healthcheck.get_scalar("disable")
    if disable is not None and disable.as_bool() is True:
        return "disabled"
    test = healthcheck.get("test")
    if test is None or (isinstance(test, Scalar) and test.is_null):
        return "inherited"
    if isinstance(test, Sequence) and test.items:  # a string test is a CMD-SHELL command
        first = test.items[0]
        if isinstance(first, Scalar) and first.value == "NONE":
            return "disabled"
    return "defined"
