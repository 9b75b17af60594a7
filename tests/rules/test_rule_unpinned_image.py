"""CL1001 unpinned-image: edge cases in each file kind, beyond the examples on rules/CL1001.md."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from containerlint.model import FileKind, Finding
from tests.helpers import lint_text, lint_texts

CODE = "CL1001"
DIGEST = "sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a"


def unpinned(text: str, kind: FileKind) -> list[Finding]:
    """CL1001 findings of ``text``, which must otherwise parse cleanly."""
    findings = lint_text(textwrap.dedent(text), kind)
    broken = [f for f in findings if f.code in ("CL0001", "CL0008")]
    assert not broken, broken
    return [f for f in findings if f.code == CODE]


def where(text: str, needle: str, occurrence: int = 0) -> tuple[int, int, int, int]:
    """(line, column, end line, end column) of the ``occurrence``-th ``needle`` in dedented text."""
    text = textwrap.dedent(text)
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column, line, column + len(needle)


def span(finding: Finding) -> tuple[int, int, int, int]:
    s = finding.span
    return s.start.line, s.start.column, s.end.line, s.end.column


# ---------------------------------------------------------------------------------------------
# Dockerfile


@pytest.mark.parametrize(
    "dockerfile",
    [
        "FROM --platform=$BUILDPLATFORM golang:1.22 AS b\n",
        "FROM --platform=linux/amd64 golang:1.22\n",
        "FROM scratch\n",
        "FROM golang:1.22 AS b\nFROM b\n",
        "FROM golang:1.22 AS b\nFROM B\n",  # stage names are case-insensitive
        "FROM golang:1.22 AS Build\nFROM build AS final\n",
        "ARG V=3.12\nFROM python:${V}\n",
        "ARG V=3.12\nFROM python:$V-slim\n",
        "ARG V=3.12\nARG T=${V}-slim\nFROM python:${T}\n",  # an ARG default built from another
        "ARG V\nFROM python:${V}\n",  # no default: not guessed at
        "FROM python:${UNDECLARED}\n",
        "ARG IMG\nFROM $IMG\n",
        "FROM registry:5000/app:1.0\n",
        "FROM localhost:5000/team/app:2\n",
        f"FROM nginx@{DIGEST}\n",
        f"FROM nginx:1.27.3@{DIGEST}\n",
        f"FROM nginx:latest@{DIGEST}\n",  # the digest pins it, whatever the tag says
        "from alpine:3.20\n",
        "FROM alpine:3.20\nONBUILD RUN apk add curl\n",
    ],
)
def test_dockerfile_pinned_or_not_an_image(dockerfile: str) -> None:
    assert unpinned(dockerfile, FileKind.DOCKERFILE) == []


@pytest.mark.parametrize(
    ("dockerfile", "needle", "words"),
    [
        ("FROM python\n", "python", ["no tag"]),
        ("FROM python:latest\n", "python:latest", ["'latest' tag"]),
        ("from alpine\n", "alpine", ["no tag"]),  # keywords are case-insensitive
        ("FROM registry:5000/app\n", "registry:5000/app", ["no tag"]),  # a port is not a tag
        ("FROM registry.example.com:5000/team/app\n", "registry.example.com:5000/team/app", ["no tag"]),
        ("FROM ghcr.io/acme/app:latest AS x\n", "ghcr.io/acme/app:latest", ["'latest' tag"]),
        ("FROM --platform=$BUILDPLATFORM golang AS b\n", "golang", ["no tag"]),
        ("ARG IMG=nginx\nFROM $IMG\n", "$IMG", ["'$IMG' (resolved to 'nginx')", "no tag"]),
        ("ARG V=latest\nFROM python:${V}\n", "python:${V}", ["resolved to 'python:latest'", "'latest' tag"]),
        ("ARG REG=ghcr.io\nFROM ${REG}/acme/app\n", "${REG}/acme/app", ["resolved to 'ghcr.io/acme/app'"]),
        ("ARG W=latest\nFROM nginx:${W:-1.0}\n", "nginx:${W:-1.0}", ["resolved to 'nginx:latest'"]),
        ("ARG W=\nFROM nginx:${W:-latest}\n", "nginx:${W:-latest}", ["resolved to 'nginx:latest'"]),
        # a stage is only known after its FROM: before it, the name is an image
        ("FROM build\nFROM python:3.12 AS build\n", "build", ["no tag"]),
    ],
)
def test_dockerfile_unpinned(dockerfile: str, needle: str, words: list[str]) -> None:
    findings = unpinned(dockerfile, FileKind.DOCKERFILE)
    assert len(findings) == 1, findings
    assert span(findings[0]) == where(dockerfile, needle)
    for word in words:
        assert word in findings[0].message
    assert findings[0].hint and "digest" in findings[0].hint


def test_dockerfile_message_shows_the_reference_as_written_when_nothing_was_resolved() -> None:
    [finding] = unpinned("FROM nginx:latest\n", FileKind.DOCKERFILE)
    assert "'nginx:latest'" in finding.message
    assert "resolved" not in finding.message


def test_dockerfile_from_over_continuation_lines_points_at_the_image_line() -> None:
    dockerfile = """\
        FROM \\
            --platform=linux/amd64 \\
            nginx \\
            AS web
        RUN echo hi
        """
    [finding] = unpinned(dockerfile, FileKind.DOCKERFILE)
    assert span(finding) == (3, 5, 3, 10)


def test_dockerfile_every_stage_is_checked_and_stage_references_are_not() -> None:
    dockerfile = """\
        FROM golang AS build
        RUN go build ./...
        FROM build AS test
        FROM BUILD AS lint
        FROM debian:latest
        COPY --from=build /out /out
        FROM scratch
        COPY --from=build /out /out
        """
    findings = unpinned(dockerfile, FileKind.DOCKERFILE)
    assert [span(f) for f in findings] == [where(dockerfile, "golang"), where(dockerfile, "debian:latest")]


def test_dockerfile_onbuild_triggers_are_not_images() -> None:
    dockerfile = """\
        FROM alpine:3.20
        ONBUILD COPY . /src
        ONBUILD RUN make
        """
    assert unpinned(dockerfile, FileKind.DOCKERFILE) == []


# ---------------------------------------------------------------------------------------------
# Compose


def compose_with(image_line: str, extra: str = "") -> str:
    return f"services:\n  app:\n    {image_line}\n{extra}"


@pytest.mark.parametrize(
    ("image", "words"),
    [
        ("nginx:${TAG:-latest}", ["resolved to 'nginx:latest'", "'latest' tag"]),
        ("nginx:${TAG-latest}", ["resolved to 'nginx:latest'"]),
        ("nginx:${A:-${B:-latest}}", ["resolved to 'nginx:latest'"]),  # nested defaults
        ("${IMAGE:-nginx}", ["resolved to 'nginx'", "no tag"]),
        ("nginx", ["'nginx' has no tag"]),
        ('"nginx:latest"', ["'latest' tag"]),
        ("registry.example.com:5000/team/sub/app", ["no tag"]),
        ("localhost:5000/app", ["no tag"]),
    ],
)
def test_compose_unpinned(image: str, words: list[str]) -> None:
    text = compose_with(f"image: {image}")
    [finding] = unpinned(text, FileKind.COMPOSE)
    assert span(finding) == where(text, image)
    for word in words:
        assert word in finding.message


@pytest.mark.parametrize(
    "image",
    [
        "nginx:${TAG}",  # no default: not guessed at
        "nginx:$TAG",
        "${IMAGE}",
        "nginx:${TAG:?set TAG}",
        "${REGISTRY:-ghcr.io}/acme/app:${TAG:-1.2}",
        "nginx:1.27.3",
        f"nginx@{DIGEST}",
        f"nginx:latest@{DIGEST}",
        "registry.example.com:5000/team/app:1.0",
        "nginx$$",  # "$$" is a literal "$": not a valid reference, not judged
        "'nginx:$$latest'",
        "",  # null image
    ],
)
def test_compose_pinned_unresolved_or_invalid(image: str) -> None:
    assert unpinned(compose_with(f"image: {image}"), FileKind.COMPOSE) == []


@pytest.mark.parametrize("build", ["build: .", "build:\n      context: .\n      dockerfile: Dockerfile"])
def test_compose_service_with_build_is_skipped(build: str) -> None:
    text = f"services:\n  app:\n    {build}\n    image: acme/app:latest\n"
    assert unpinned(text, FileKind.COMPOSE) == []


def test_compose_image_through_an_alias_is_reported_once_at_the_anchored_value() -> None:
    text = """\
        x-base: &base redis
        services:
          a:
            image: *base
          b:
            image: *base
          c:
            image: &own postgres
          d:
            image: *own
        """
    findings = unpinned(text, FileKind.COMPOSE)
    assert [span(f) for f in findings] == [where(text, "redis"), where(text, "postgres")]


def test_compose_image_in_a_merged_anchor_points_at_the_anchor() -> None:
    text = """\
        x-app: &app
          image: busybox
          restart: always
        services:
          worker:
            <<: *app
            command: work
        """
    [finding] = unpinned(text, FileKind.COMPOSE)
    assert span(finding) == where(text, "busybox")


def test_compose_one_finding_per_service() -> None:
    text = """\
        services:
          a: {image: nginx}
          b: {image: "nginx:latest"}
          c: {image: nginx:1.27}
          d: {build: ., image: mine}
        """
    findings = unpinned(text, FileKind.COMPOSE)
    assert [span(f)[:2] for f in findings] == [where(text, "nginx")[:2], where(text, '"nginx:latest"')[:2]]


# ---------------------------------------------------------------------------------------------
# Kubernetes

POD_SPEC = """\
containers:
  - name: app
    image: nginx
"""

WORKLOADS = {
    "Pod": ("v1", ""),
    "Deployment": ("apps/v1", "template"),
    "StatefulSet": ("apps/v1", "template"),
    "DaemonSet": ("apps/v1", "template"),
    "ReplicaSet": ("apps/v1", "template"),
    "ReplicationController": ("v1", "template"),
    "Job": ("batch/v1", "template"),
    "CronJob": ("batch/v1", "jobTemplate"),
}


def workload(kind: str, pod_spec: str = POD_SPEC) -> str:
    api_version, how = WORKLOADS[kind]
    header = f"apiVersion: {api_version}\nkind: {kind}\nmetadata:\n  name: w\n"
    if how == "":
        return header + "spec:\n" + textwrap.indent(pod_spec, "  ")
    if how == "template":
        template = "template:\n  metadata:\n    labels: {app: w}\n  spec:\n" + textwrap.indent(pod_spec, "    ")
        return header + "spec:\n" + textwrap.indent(template, "  ")
    job = "jobTemplate:\n  spec:\n    template:\n      spec:\n" + textwrap.indent(pod_spec, "        ")
    return header + 'spec:\n  schedule: "0 3 * * *"\n' + textwrap.indent(job, "  ")


@pytest.mark.parametrize("kind", sorted(WORKLOADS))
def test_kubernetes_every_workload_kind(kind: str) -> None:
    text = workload(kind)
    [finding] = unpinned(text, FileKind.KUBERNETES)
    assert span(finding) == where(text, "nginx")
    assert "'nginx' has no tag" in finding.message


@pytest.mark.parametrize("kind", ["Deployment", "CronJob", "Pod"])
def test_kubernetes_init_and_ephemeral_containers(kind: str) -> None:
    pod_spec = """\
        initContainers:
          - name: init
            image: busybox
        containers:
          - name: app
            image: nginx:1.27.3
          - name: sidecar
            image: envoyproxy/envoy:latest
        ephemeralContainers:
          - name: debug
            image: alpine
        """
    text = workload(kind, textwrap.dedent(pod_spec))
    findings = unpinned(text, FileKind.KUBERNETES)
    assert [span(f) for f in findings] == [
        where(text, "busybox"),
        where(text, "envoyproxy/envoy:latest"),
        where(text, "alpine"),
    ]


def test_kubernetes_exact_span_of_plain_quoted_and_flow_values() -> None:
    text = """\
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: plain
              image: nginx:latest
            - name: quoted
              image: "redis"
            - {name: flow, image: 'alpine'}
        """
    findings = unpinned(text, FileKind.KUBERNETES)
    # a quoted scalar's span covers its quotes
    assert [span(f) for f in findings] == [
        where(text, "nginx:latest"),
        where(text, '"redis"'),
        where(text, "'alpine'"),
    ]
    assert [span(f) for f in findings] == [(7, 14, 7, 26), (9, 14, 9, 21), (10, 27, 10, 35)]


def test_kubernetes_list_items_are_checked() -> None:
    text = """\
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Pod
            metadata: {name: a}
            spec:
              containers: [{name: c, image: nginx}]
          - apiVersion: apps/v1
            kind: Deployment
            metadata: {name: b}
            spec:
              template:
                spec:
                  containers: [{name: c, image: "redis:latest"}]
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {image: nginx}
        """
    findings = unpinned(text, FileKind.KUBERNETES)
    assert [span(f) for f in findings] == [where(text, "nginx"), where(text, '"redis:latest"')]


def test_kubernetes_one_finding_per_container_and_none_for_pinned_or_templated() -> None:
    text = """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          template:
            spec:
              containers:
                - {name: a, image: nginx}
                - {name: b, image: nginx}
                - {name: c, image: "nginx:1.27.3"}
                - {name: d, image: "nginx:${TAG}"}
                - {name: e}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: nginx}
        """
    findings = unpinned(text, FileKind.KUBERNETES)
    assert [span(f) for f in findings] == [
        where(text, "nginx", 0),
        where(text, "nginx", 1),
        where(text, "nginx", 4),
    ]


def test_kubernetes_image_through_an_alias_is_reported_once() -> None:
    text = """\
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: &img redis
            - name: b
              image: *img
        """
    [finding] = unpinned(text, FileKind.KUBERNETES)
    assert span(finding) == where(text, "redis")


def test_kubernetes_objects_without_pod_spec_are_ignored() -> None:
    text = """\
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        data:
          image: nginx
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w}
        spec:
          containers: [{name: c, image: nginx}]
        """
    assert unpinned(text, FileKind.KUBERNETES) == []


# ---------------------------------------------------------------------------------------------
# Compose: judged on the project model (override files, .env, extends)


def test_compose_image_is_judged_after_interpolation_with_the_project_env(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CLT_WEB_TAG", raising=False)
    (tmp_path / ".env").write_text("CLT_WEB_TAG=latest\n")
    base = "services:\n  web:\n    image: nginx:${CLT_WEB_TAG:-1.27.3}\n"
    override = "services:\n  worker:\n    image: busybox\n"
    (tmp_path / "compose.override.yaml").write_text(override)
    files = [(str(tmp_path / "compose.yaml"), base, FileKind.COMPOSE)]  # the override is read from disk
    findings = [f for f in lint_texts(files, select=[CODE]) if f.code == CODE]
    assert [(Path(f.path).name, f.span.start.line, f.span.start.column) for f in findings] == [
        ("compose.override.yaml", 3, 12),
        ("compose.yaml", 3, 12),
    ]
    assert "'nginx:${CLT_WEB_TAG:-1.27.3}' (resolved to 'nginx:latest')" in findings[1].message
    monkeypatch.setenv("CLT_WEB_TAG", "1.27.3")  # the environment wins over .env
    assert [f.path for f in lint_texts(files, select=[CODE]) if f.code == CODE] == [findings[0].path]
