"""CL4203 liveness-port, CL4204 readiness-port, CL4205 startup-port: kube-linter's probe-port
semantics (its template tests as cases), exact positions, one finding per container."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

RULES = [
    ("CL4203", "livenessProbe", "liveness"),
    ("CL4204", "readinessProbe", "readiness"),
    ("CL4205", "startupProbe", "startup"),
]


def pod(container: str) -> str:
    """A Deployment with one container; ``container`` is its YAML body, indented 10 spaces."""
    return (
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n"
        "      containers:\n        - name: app\n" + container
    )


def findings(text: str, code: str) -> list[tuple[int, int, str]]:
    return [
        (f.span.start.line, f.span.start.column, f.message)
        for f in lint_text(text, FileKind.KUBERNETES, select=[code])
        if f.code == code
    ]


# (case, ports block, handler block, expected line of the port value (column 21) or None)
CASES = [
    ("no probe", "", None, None),
    ("exec ignored", "", "exec: {command: [true]}", None),
    ("matching int", "ports:\n- {name: http, containerPort: 8080, protocol: TCP}", "httpGet:\n  port: 8080", None),
    ("matching name", "ports:\n- {name: http, containerPort: 8080}", "httpGet:\n  port: http", None),
    ("matching name tcpSocket", "ports:\n- {name: http, containerPort: 8080}", "tcpSocket:\n  port: http", None),
    ("mismatching int", "ports:\n- {name: http, containerPort: 8080}", "httpGet:\n  port: 9999", 15),
    ("mismatching name", "ports:\n- {name: http, containerPort: 8080}", "httpGet:\n  port: healthcheck", 15),
    ("udp only", "ports:\n- {name: http, containerPort: 8080, protocol: UDP}", "httpGet:\n  port: 8080", 15),
    ("mismatching tcpSocket", "ports:\n- {name: http, containerPort: 8080}", "tcpSocket:\n  port: socket", 15),
    ("grpc matching", "ports:\n- {name: http, containerPort: 8080}", "grpc:\n  port: 8080", None),
    ("grpc mismatch", "ports:\n- {name: http, containerPort: 8080}", "grpc:\n  port: 9999", 15),
    ("no ports at all", "", "httpGet:\n  port: http", 13),
    ("quoted number is a name", "ports:\n- {containerPort: 8080}", 'httpGet:\n  port: "8080"', 15),
    ("lower-case tcp is not TCP", "ports:\n- {containerPort: 8080, protocol: tcp}", "httpGet:\n  port: 8080", 15),
    ("no port in handler", "ports:\n- {containerPort: 8080}", "httpGet:\n  path: /", None),
    (
        "second port matches",
        "ports:\n- {containerPort: 8080}\n- {name: admin, containerPort: 9090}",
        "httpGet:\n  port: admin",
        None,
    ),
]


def _container(field: str, ports: str, handler: str | None) -> str:
    lines = ["image: acme/app:1.0"]
    if ports:
        lines += ports.splitlines()
    if handler is not None:
        lines.append(f"{field}:")
        lines += ["  " + line for line in handler.splitlines()]
    return "".join(" " * 10 + line + "\n" for line in lines)


@pytest.mark.parametrize(("code", "field", "what"), RULES)
@pytest.mark.parametrize(("case", "ports", "handler", "expected"), CASES, ids=[case[0] for case in CASES])
def test_kube_linter_cases(
    code: str, field: str, what: str, case: str, ports: str, handler: str | None, expected: int | None
) -> None:
    text = pod(_container(field, ports, handler))
    got = findings(text, code)
    if expected is None:
        assert got == []
    else:
        assert [(line, column) for line, column, _ in got] == [(expected, 21)], text
        assert got[0][2].startswith(f"deployment 'web' container 'app' has a {what} probe (")


def test_message_names_port_handler_and_protocol() -> None:
    text = pod(
        _container(
            "livenessProbe", "ports:\n- {name: dns, containerPort: 53, protocol: UDP}", "tcpSocket:\n  port: dns"
        )
    )
    assert findings(text, "CL4203") == [
        (
            15,
            21,
            "deployment 'web' container 'app' has a liveness probe (TCP socket) on port 'dns', which the container "
            "declares only as UDP; probes connect over TCP",
        )
    ]
    text = pod(_container("livenessProbe", "", "httpGet:\n  port: 8080"))
    assert findings(text, "CL4203")[0][2] == (
        "deployment 'web' container 'app' has a liveness probe (HTTP GET) on port 8080, which the container does "
        "not declare in 'ports'"
    )


def test_kube_linter_fixture_flags_exactly_the_fire_containers() -> None:
    text = """\
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: dont-fire-deployment
          ports:
          - containerPort: 8080
            name: http
          livenessProbe:
            httpGet:
              path: "/"
              port: http
        - name: fire-deployment-name
          livenessProbe:
            httpGet:
              path: "/"
              port: http
        - name: fire-deployment-udp
          ports:
          - containerPort: 9999
            name: udp
            protocol: UDP
          livenessProbe:
            tcpSocket:
              port: udp
---
apiVersion: apps/v1
kind: StatefulSet
spec:
  template:
    spec:
      containers:
        - name: dont-fire-stateful
          ports:
          - containerPort: 8080
        - name: fire-stateful-name
          ports:
          - containerPort: 9999
            name: http
          livenessProbe:
            httpGet:
              path: "/"
              port: healthcheck
"""
    got = findings(text, "CL4203")
    assert [(line, message.split(" has ")[0]) for line, _, message in got] == [
        (19, "deployment at line 1 container 'fire-deployment-name'"),
        (27, "deployment at line 1 container 'fire-deployment-udp'"),
        (45, "statefulset at line 29 container 'fire-stateful-name'"),
    ]


def test_one_finding_per_container_first_handler_wins() -> None:
    text = pod(_container("livenessProbe", "", "httpGet:\n  port: 1\ntcpSocket:\n  port: 2"))
    assert [(line, column) for line, column, _ in findings(text, "CL4203")] == [(13, 21)]


def test_init_and_ephemeral_containers_are_skipped() -> None:
    text = """\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: init
      startupProbe:
        httpGet: {port: 9}
  ephemeralContainers:
    - name: dbg
      readinessProbe:
        httpGet: {port: 9}
  containers:
    - name: main
      image: acme/app:1.0
"""
    for code, _, _ in RULES:
        assert findings(text, code) == []


def test_on_by_default_with_alias_and_suppression() -> None:
    text = pod(_container("readinessProbe", "", "httpGet:\n  port: 8080"))
    assert [f.code for f in lint_text(text, FileKind.KUBERNETES) if f.code in ("CL4203", "CL4204", "CL4205")] == [
        "CL4204"
    ]
    assert [f.code for f in lint_text(text, FileKind.KUBERNETES, select=["kube-linter:readiness-port"])] == ["CL4204"]
    annotated = text.replace(
        "  name: web\n", "  name: web\n  annotations:\n    ignore-check.kube-linter.io/readiness-port: x\n"
    )
    assert [f.suppressed for f in lint_text(annotated, FileKind.KUBERNETES, select=["CL4204"])] == [True]


def test_wrong_shapes_never_raise() -> None:
    text = pod(
        "          image: acme/app:1.0\n          ports: 8080\n          livenessProbe:\n            httpGet: [1]\n"
        "            grpc: {port: name}\n            tcpSocket: {port: {a: b}}\n"
    )
    assert findings(text, "CL4203") == []
