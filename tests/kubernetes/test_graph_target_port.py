"""CL7023 service-target-port-not-found: named and numeric targetPorts resolved across objects."""

from __future__ import annotations

import pytest

from containerlint.model import Severity
from tests.kubernetes._k8s import at, deployment, obj, run, stream, where


def service(ports: str, selector: str = "{app: web}", namespace: str | None = None, extra: str = "") -> str:
    return obj("Service", "svc", namespace, f"spec:\n  selector: {selector}\n{extra}  ports: {ports}\n")


def workload(ports: str = "[{name: http, containerPort: 8080}]", **kwargs: object) -> str:
    return deployment(pod_spec=f"containers:\n  - name: app\n    image: 'a:1'\n    ports: {ports}", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "ports",
    [
        "[{port: 80, targetPort: http}]",
        "[{port: 80, targetPort: 8080}]",
        "[{port: 8080}]",  # targetPort defaults to port
        "[{port: 80, targetPort: '8080'}]",  # digits read as a number
    ],
)
def test_target_ports_that_resolve(ports: str) -> None:
    assert run("CL7023", ("svc.yaml", service(ports)), ("d.yaml", workload())) == []


def test_named_target_port_missing_is_an_error_at_the_value() -> None:
    text = service("[{name: web, port: 80, targetPort: htp}]")
    [finding] = run("CL7023", ("svc.yaml", text), ("d.yaml", workload()))
    assert at(finding) == ("svc.yaml", *where(text, "htp"))
    assert finding.severity is Severity.ERROR
    assert finding.message == "Service 'svc' port 80 targetPort htp names no TCP container port of deployment 'web'"
    [related] = finding.related
    assert related.path == "d.yaml"
    assert related.message == "pod template of deployment 'web'"


def test_named_target_port_protocol_must_match() -> None:
    ports = "[{name: dns, containerPort: 53, protocol: UDP}]"
    [finding] = run("CL7023", ("m.yaml", stream(service("[{port: 53, targetPort: dns}]"), workload(ports))))
    assert "(it is declared for UDP, the Service uses TCP)" in finding.message
    assert (
        run("CL7023", ("m.yaml", stream(service("[{port: 53, targetPort: dns, protocol: UDP}]"), workload(ports))))
        == []
    )


def test_named_target_port_found_in_any_selected_pod() -> None:
    text = stream(
        service("[{port: 80, targetPort: http}]", selector="{tier: web}"),
        workload("[{name: other, containerPort: 1}]", name="a", labels="{tier: web, v: a}"),
        workload("[{name: http, containerPort: 8080}]", name="b", labels="{tier: web, v: b}"),
    )
    assert run("CL7023", ("m.yaml", text)) == []


def test_numeric_target_port_is_a_warning_only_when_every_container_declares_ports() -> None:
    text = service("[{port: 80, targetPort: 9090}]")
    [finding] = run("CL7023", ("svc.yaml", text), ("d.yaml", workload()))
    assert finding.severity is Severity.WARNING
    assert at(finding) == ("svc.yaml", *where(text, "9090"))
    assert finding.message == (
        "Service 'svc' port 80 targetPort 9090 is not a container port of deployment 'web' (they declare 8080)"
    )
    sidecar = deployment(
        pod_spec="containers:\n  - {name: app, image: 'a:1', ports: [{containerPort: 8080}]}\n"
        "  - {name: side, image: 'b:1'}"
    )
    assert run("CL7023", ("svc.yaml", text), ("d.yaml", sidecar)) == []  # 'side' may listen on 9090


def test_omitted_target_port_defaults_to_port() -> None:
    text = service("[{port: 80}]")
    [finding] = run("CL7023", ("svc.yaml", text), ("d.yaml", workload()))
    assert at(finding) == ("svc.yaml", *where(text, "80"))
    assert "targetPort (defaults to 80)" in finding.message


def test_sidecar_init_containers_serve_but_plain_init_containers_do_not() -> None:
    spec = (
        "initContainers:\n"
        "  - {name: proxy, image: 'p:1', restartPolicy: Always, ports: [{name: proxy, containerPort: 15001}]}\n"
        "  - {name: migrate, image: 'm:1', ports: [{name: migrate, containerPort: 1}]}\n"
        "containers:\n  - {name: app, image: 'a:1', ports: [{name: http, containerPort: 8080}]}"
    )
    text = stream(service("[{port: 1, targetPort: proxy}, {port: 2, targetPort: migrate}]"), deployment(pod_spec=spec))
    [finding] = run("CL7023", ("m.yaml", text))
    assert "targetPort migrate" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        service("[{port: 80, targetPort: nope}]", selector="{app: nothing}"),  # CL7002's case
        service("[{port: 80, targetPort: nope}]", namespace="elsewhere"),
        obj(
            "Service",
            "s",
            body="spec:\n  type: ExternalName\n  externalName: x.example.com\n  selector: {app: web}\n"
            "  ports: [{port: 80, targetPort: nope}]\n",
        ),
        obj("Service", "s", body="spec:\n  ports: [{port: 80, targetPort: nope}]\n"),  # no selector
        service("3"),
        service("[{name: x}, 7, {port: x}]"),
    ],
)
def test_nothing_to_resolve(text: str) -> None:
    assert run("CL7023", ("m.yaml", stream(text, workload()))) == []


def test_many_pods_are_summarised() -> None:
    workloads = [workload(name=f"w{n}", labels=f"{{tier: web, n: '{n}'}}") for n in range(5)]
    [finding] = run(
        "CL7023", ("m.yaml", stream(service("[{port: 80, targetPort: grpc}]", selector="{tier: web}"), *workloads))
    )
    assert (
        "of the 5 pod templates it selects (deployment 'w0', deployment 'w1', deployment 'w2', ...)" in finding.message
    )
    assert len(finding.related) == 3
