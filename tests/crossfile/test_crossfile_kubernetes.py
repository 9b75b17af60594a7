"""Kubernetes manifests versus the images the repository builds: CL7054, CL7057, CL7058."""

from __future__ import annotations

from tests.crossfile.conftest import Lint, at, related_at

COMPOSE = """\
services:
  web:
    build: ./web
    image: registry.example.com/team/web:1.4.2
  tool:
    image: registry.example.com/team/tool:2.0
"""
WEB = "FROM python:3.12-slim\nRUN useradd app\nUSER app\nEXPOSE 8000\n"


def deployment(image: str, extra: str = "", pod: str = "") -> str:
    return f"""\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:{pod}
      containers:
        - name: web
          image: {image}{extra}
"""


def test_run_as_non_root_with_a_user_name(lint: Lint) -> None:
    manifest = deployment(
        "registry.example.com/team/web:1.4.2",
        "\n          securityContext:\n            runAsNonRoot: true",
    )
    files = {"compose.yaml": COMPOSE, "web/Dockerfile": WEB, "k8s/web.yaml": manifest}
    [finding] = lint(files, "CL7057")
    assert at(finding) == ("k8s/web.yaml", 12, 27)
    assert finding["message"] == (
        "deployment 'web' container 'web' requires runAsNonRoot, but the image "
        "'registry.example.com/team/web:1.4.2' runs as user 'app', a name the kubelet cannot verify is non-root "
        "(web/Dockerfile:3): the pod will not start"
    )
    assert related_at(finding) == [("web/Dockerfile", 3)]


def test_run_as_non_root_at_pod_level_root_image_and_overrides(lint: Lint) -> None:
    pod = "\n      securityContext:\n        runAsNonRoot: true"
    files = {
        "compose.yaml": COMPOSE,
        "web/Dockerfile": "FROM python:3.12-slim\n",
        "k8s/web.yaml": deployment("registry.example.com/team/web", pod=pod),
    }
    [finding] = lint(files, "CL7057")
    assert at(finding) == ("k8s/web.yaml", 9, 23)
    assert "runs as root (no USER) (web/Dockerfile:1)" in finding["message"]
    # runAsUser decides instead of the image's user
    files["k8s/web.yaml"] = deployment("registry.example.com/team/web", pod=pod + "\n        runAsUser: 1000")
    assert lint(files, "CL7057") == []
    # a numeric non-root USER passes; runAsNonRoot false is not checked
    files["web/Dockerfile"] = "FROM python:3.12-slim\nUSER 10001:10001\n"
    files["k8s/web.yaml"] = deployment("registry.example.com/team/web", pod=pod)
    assert lint(files, "CL7057") == []
    files["web/Dockerfile"] = "FROM python:3.12-slim\n"
    files["k8s/web.yaml"] = deployment("registry.example.com/team/web", pod=pod.replace("true", "false"))
    assert lint(files, "CL7057") == []


def test_images_setting_links_a_dockerfile_and_list_kinds(lint: Lint) -> None:
    manifest = """\
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: job}
    spec:
      securityContext: {runAsNonRoot: true}
      containers:
        - name: main
          image: docker.io/library/batch:3
          ports:
            - containerPort: 9000
---
apiVersion: v1
kind: Pod
metadata: {name: other}
spec:
  securityContext: {runAsNonRoot: true}
  containers:
    - name: main
      image: unrelated/image:1
"""
    files = {
        ".containerlint.toml": '[images]\n"batch" = "jobs/Dockerfile"\n',
        "jobs/Dockerfile": "FROM debian:bookworm\nUSER root\nEXPOSE 8080\n",
        "manifest.yaml": manifest,
    }
    found = lint(files, "CL7057", "CL7054")
    assert sorted((f["code"], at(f)) for f in found) == [
        ("CL7054", ("manifest.yaml", 13, 30)),
        ("CL7057", ("manifest.yaml", 8, 39)),
    ]


def test_container_and_probe_ports(lint: Lint) -> None:
    extra = """
          ports:
            - containerPort: 80
            - name: http
              containerPort: 8000
            - containerPort: 8000
              protocol: UDP
          livenessProbe:
            tcpSocket: {port: 8001}
          readinessProbe:
            httpGet: {port: http, path: /}"""
    files = {
        "compose.yaml": COMPOSE,
        "web/Dockerfile": WEB,
        "k8s/web.yaml": deployment("registry.example.com/team/web:1.4.2", extra),
    }
    found = lint(files, "CL7054")
    assert [at(f) for f in found] == [("k8s/web.yaml", 12, 30), ("k8s/web.yaml", 15, 30), ("k8s/web.yaml", 18, 31)]
    assert found[0]["message"] == (
        "deployment 'web' container 'web' declares containerPort 80, but the image "
        "'registry.example.com/team/web:1.4.2' this repository builds EXPOSEs only 8000 (web/Dockerfile:4)"
    )
    assert "declares containerPort 8000/udp" in found[1]["message"]
    assert "has a livenessProbe on port 8001" in found[2]["message"]


def test_image_not_built_here_is_ignored(lint: Lint) -> None:
    extra = "\n          ports: [{containerPort: 1}]\n          securityContext: {runAsNonRoot: true}"
    files = {
        "compose.yaml": COMPOSE,
        "web/Dockerfile": WEB,
        "k8s/tool.yaml": deployment("registry.example.com/team/tool:2.0", extra),
    }
    assert lint(files, "CL7054", "CL7057", "CL7058") == []


def test_tag_differs_from_compose(lint: Lint) -> None:
    files = {
        "compose.yaml": COMPOSE,
        "web/Dockerfile": WEB,
        "k8s/a.yaml": deployment("registry.example.com/team/web:1.4.1"),
        "k8s/b.yaml": deployment("registry.example.com/team/web"),
        "k8s/c.yaml": deployment("registry.example.com/team/web:1.4.2"),
        "k8s/d.yaml": deployment("registry.example.com/team/web@sha256:" + "a" * 64),
    }
    found = lint(files, "CL7058")
    assert [at(f) for f in found] == [("k8s/a.yaml", 10, 18), ("k8s/b.yaml", 10, 18)]
    assert found[0]["message"] == (
        "deployment 'web' container 'web' uses image 'registry.example.com/team/web' with tag '1.4.1', but "
        "Compose service 'web' (compose.yaml) builds it as 'registry.example.com/team/web:1.4.2'"
    )
    assert "with no tag (latest)" in found[1]["message"]
    assert found[0]["severity"] == "info"
