"""CL7011 dangling-ingress: an Ingress backend naming a Service that is not in the linted
manifests, or a port that Service does not expose (by number or by name)."""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.consistency._graph import related_object
from containerlint.config import settings_of
from containerlint.kubegraph import Located, externals_of, mappings
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping, Scalar

RULE = Rule(
    code="CL7011",
    name="dangling-ingress",
    summary="An Ingress routes to a Service or Service port that is not in the linted manifests",
    severity=Severity.WARNING,
    tags=("correctness", "kubernetes", "cross-object"),
    aliases=("kube-linter:dangling-ingress",),
    default_enabled=False,
)


def backends(ingress: Mapping | None) -> Iterator[Mapping]:
    """``defaultBackend`` (``backend`` in v1beta1) and every ``rules[].http.paths[].backend``."""
    if ingress is None:
        return
    for key in ("defaultBackend", "backend"):
        backend = ingress.get_mapping(key)
        if backend is not None:
            yield backend
    for rule in mappings(ingress.get("rules")):
        http = rule.get_mapping("http")
        for path in mappings(http.get("paths") if http is not None else None):
            backend = path.get_mapping("backend")
            if backend is not None:
                yield backend


def service_and_port(backend: Mapping) -> tuple[Scalar | None, Scalar | None]:
    """(service name, port number or name) of a networking/v1 or a v1beta1 backend."""
    service = backend.get_mapping("service")
    if service is not None:
        port = service.get_mapping("port")
        if port is None:
            return service.get_scalar("name"), None
        return service.get_scalar("name"), port.get_scalar("number") or port.get_scalar("name")
    return backend.get_scalar("serviceName"), backend.get_scalar("servicePort")


def exposes(service: Located, port: Scalar) -> bool:
    number = port.as_int()
    for service_port in service.item.service_ports:
        if number is not None:
            if service_port.port is not None and service_port.port.as_int() == number:
                return True
        elif service_port.name is not None and service_port.name.value == port.value:
            return True
    return False


@RULE.check_project(FileKind.KUBERNETES)
def check_project(project: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    graph = project.kubernetes_graph
    external = externals_of(settings_of(ctx.settings))
    for located in graph.of_kind("Ingress"):
        ingress = located.item
        namespace = graph.namespace(ingress)
        for backend in backends(ingress.spec):
            name, port = service_and_port(backend)
            if name is None:
                continue  # a resource backend, or a schema error
            services = graph.get("Service", namespace, name.value)
            if not services:
                if not external.matches("Service", namespace, name.value):
                    yield Problem(
                        name.span,
                        f"{ingress.describe()} routes to Service '{name.value}', which is not in the linted "
                        f"manifests (namespace '{namespace}')",
                        path=located.path,
                        hint="fix the backend's service name, or declare the Service in [kubernetes] external",
                    )
                continue
            if port is None or any(exposes(service, port) for service in services):
                continue
            what = "port" if port.as_int() is not None else "a port named"
            service = services[0]
            declared = ", ".join(
                f"{p.port.value}" + (f" ({p.name.value})" if p.name is not None else "")
                for p in service.item.service_ports
                if p.port is not None
            )
            yield Problem(
                port.span,
                f"{ingress.describe()} routes to Service '{name.value}' {what} {port.value}, which the Service "
                f"does not expose" + (f" (it has {declared})" if declared else ""),
                path=located.path,
                hint="use one of the Service's port numbers or port names",
                related=(related_object(service, f"Service '{name.value}'"),),
            )
