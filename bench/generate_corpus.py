#!/usr/bin/env python3
"""Generate a deterministic, realistic corpus of container files for benchmarking containerlint.

    python bench/generate_corpus.py OUTDIR --files 3000 [--seed 1] [--broken-rate 0.01]

Writes about 40% Dockerfiles, 20% Compose files and 40% multi-document Kubernetes manifests under
``OUTDIR/apps/<name>/``, plus one README.md per app (noise that discovery must walk past), and
``OUTDIR/corpus-manifest.json`` describing every file. The same seed gives the same bytes.
Standard library only, so it runs before containerlint is installed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

MANIFEST_NAME = "corpus-manifest.json"
KIND_SHARES = (("dockerfile", 0.4), ("compose", 0.2), ("kubernetes", 0.4))


@dataclass
class CorpusFile:
    path: str  # POSIX, relative to the output directory
    kind: str
    broken: bool
    lines: int


# ============================================================================================
# A minimal YAML emitter: the generator needs control over style (anchors, flow lists, block
# scalars) and must not depend on a YAML library.


class Block(str):
    """A multi-line string, emitted as a literal block scalar."""


class Flow(list):
    """A list of scalars, emitted inline: ``[a, b]``."""


@dataclass
class Anchored:
    name: str
    value: dict


@dataclass
class Alias:
    name: str


_PLAIN = re.compile(r"[\w/.@][\w./@=+,:-]*(?: [\w./@=+,-]+)*")
_FLOW_UNSAFE = re.compile(r"[:,\[\]{}]")  # inside [a, b] these end or confuse a plain scalar
_NUMBER_LIKE = re.compile(r"[-+]?[\d.:_eE]+")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def scalar(value: object, in_flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    needs_quotes = (
        not _PLAIN.fullmatch(text)
        or _NUMBER_LIKE.fullmatch(text)
        or text.lower() in _RESERVED
        or text.endswith(":")
        or ": " in text
        or (in_flow and _FLOW_UNSAFE.search(text))
    )
    return json.dumps(text) if needs_quotes else text


def dump_yaml(node: dict) -> str:
    return "\n".join(_node_lines(node, 0)) + "\n"


def _node_lines(node: dict | list, indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            lines += _entry_lines(f"{pad}{key}:", value, indent)
        return lines
    for item in node:
        if isinstance(item, dict) and item:
            nested = _node_lines(item, indent + 2)
            nested[0] = f"{pad}- {nested[0][indent + 2 :]}"
            lines += nested
        else:
            lines += _entry_lines(f"{pad}-", item, indent)
    return lines


def _entry_lines(prefix: str, value: object, indent: int) -> list[str]:
    child = " " * (indent + 2)
    if isinstance(value, Anchored):
        return [f"{prefix} &{value.name}", *_node_lines(value.value, indent + 2)]
    if isinstance(value, Alias):
        return [f"{prefix} *{value.name}"]
    if isinstance(value, Block):
        return [f"{prefix} |", *(child + line if line else "" for line in value.splitlines())]
    if isinstance(value, Flow):
        return [f"{prefix} [{', '.join(scalar(v, in_flow=True) for v in value)}]"]
    if isinstance(value, dict | list):
        if not value:
            return [f"{prefix} {{}}" if isinstance(value, dict) else f"{prefix} []"]
        return [prefix, *_node_lines(value, indent + 2)]
    if value is None:
        return [prefix]
    return [f"{prefix} {scalar(value)}"]


# ============================================================================================
# Shared vocabulary


def words(text: str) -> list[str]:
    return text.split()


DOMAINS = words("""billing checkout catalog inventory search payments ledger notify identity profile
reports media upload shipping pricing loyalty gateway audit analytics chat feed orders tickets
scheduler export import geo recommend fraud wallet invoices""")
ROLES = words("api web worker service backend frontend jobs sync admin proxy")
VERSIONS = ["1.0.3", "1.4.2", "2.3.0", "2.11.7", "3.1.0", "0.9.14", "5.2.1", "2024.06.1"]
REGISTRIES = [
    "ghcr.io/acme",
    "registry.example.com/platform",
    "123456789.dkr.ecr.eu-west-1.amazonaws.com",
]


class Gen:
    """Random choices with the vocabulary of a given app; one per file, seeded per file."""

    def __init__(self, rng: random.Random, app: str) -> None:
        self.rng = rng
        self.app = app

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, options: list | tuple):
        return self.rng.choice(options)

    def some(self, options: list | tuple, low: int, high: int) -> list:
        return self.rng.sample(list(options), self.rng.randint(low, min(high, len(options))))

    def size(self, low: int, high: int, mode: int) -> int:
        return round(self.rng.triangular(low, high, mode))

    def app_image(self, component: str) -> str:
        tag = "latest" if self.chance(0.04) else self.pick(VERSIONS)
        return f"{self.pick(REGISTRIES)}/{self.app}-{component}:{tag}"


# ============================================================================================
# Dockerfiles

BUILDERS = {
    "python": ["python:3.12-slim", "python:3.11-slim-bookworm", "python:3.12-bookworm"],
    "node": ["node:20-bookworm-slim", "node:18-alpine", "node:22-alpine"],
    "go": ["golang:1.22-bookworm", "golang:1.21-alpine", "golang:1.23"],
    "java": ["eclipse-temurin:21-jdk", "maven:3.9-eclipse-temurin-17"],
}
RUNTIMES = {
    "python": ["python:3.12-slim", "python:3.11-slim-bookworm", "python"],
    "node": ["node:20-bookworm-slim", "node:18-alpine", "node:latest"],
    "go": ["gcr.io/distroless/static-debian12", "alpine:3.19", "scratch", "debian:bookworm-slim"],
    "java": ["eclipse-temurin:21-jre", "eclipse-temurin:17-jre-alpine"],
}
APT_PACKAGES = words("""ca-certificates curl git build-essential libpq-dev libssl-dev pkg-config
gnupg tzdata locales unzip wget libffi-dev libxml2-dev libjpeg-dev zlib1g-dev netcat-openbsd
postgresql-client jq gettext tini dumb-init""")
APK_PACKAGES = words("ca-certificates curl git build-base tzdata bash openssl jq tini libpq")
PIP_PACKAGES = words("""gunicorn uvicorn[standard] psycopg[binary] redis celery boto3 requests
pydantic sqlalchemy alembic structlog sentry-sdk orjson httpx""")
NPM_PACKAGES = words("pm2 typescript esbuild prisma @sentry/cli node-gyp")


# A version ARG declared before the first FROM and used in the builder image.
ARG_BUILDERS = {
    "python": ("PYTHON_VERSION", "3.12", "python:${PYTHON_VERSION}-slim"),
    "node": ("NODE_VERSION", "20", "node:${NODE_VERSION}-alpine"),
    "go": ("GO_VERSION", "1.22", "golang:${GO_VERSION}-bookworm"),
    "java": ("JAVA_VERSION", "21", "eclipse-temurin:${JAVA_VERSION}-jdk"),
}


MAX_DOCKERFILE_LINES = 120


def dockerfile(gen: Gen) -> list[str]:
    lang = gen.pick(list(BUILDERS))
    target = gen.size(20, MAX_DOCKERFILE_LINES, 45)
    lines = _dockerfile_header(gen)
    if gen.chance(0.5):
        arg, default, builder = ARG_BUILDERS[lang]
        lines += [f"ARG {arg}={default}", "ARG APP_VERSION=0.0.0-dev"]
    else:
        builder = gen.pick(BUILDERS[lang])
    alpine = "alpine" in builder
    runtime = _runtime_stage(gen, lang)
    lines += _build_stage(gen, lang, builder)
    extras = [_system_packages, _tool_packages, _env_block, _heredoc, _copy_block, _download]
    extras += [_label_block]  # used once at most: removed below once picked
    while len(lines) + len(runtime) < target:
        extra = gen.pick(extras)
        if extra is _label_block:
            extras.remove(extra)
        block = extra(gen, lang, alpine)
        if len(lines) + len(block) + len(runtime) > MAX_DOCKERFILE_LINES:
            break
        lines += block
    return [*lines, "", *runtime]


def _dockerfile_header(gen: Gen) -> list[str]:
    lines = ["# syntax=docker/dockerfile:1.7"] if gen.chance(0.5) else []
    return [*lines, f"# {gen.app}: service image.", "# Built by CI on every merge to main.", ""]


def _build_stage(gen: Gen, lang: str, image: str) -> list[str]:
    lines = [f"FROM {image} AS build", "WORKDIR /src"]
    lines += _system_packages(gen, lang, "alpine" in image)
    install = {
        "python": [
            "COPY requirements.txt requirements-prod.txt ./",
            "RUN --mount=type=cache,target=/root/.cache/pip \\",
            "    pip install --prefix=/install -r requirements-prod.txt",
        ],
        "node": [
            "COPY package.json package-lock.json ./",
            "RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev",
        ],
        "go": [
            "COPY go.mod go.sum ./",
            "RUN --mount=type=cache,target=/go/pkg/mod go mod download",
        ],
        "java": [
            "COPY pom.xml .",
            "RUN --mount=type=cache,target=/root/.m2 mvn -B dependency:go-offline",
        ],
    }[lang]
    build = {
        "python": ["RUN python -m compileall -q src"],
        "node": ["RUN npm run build && npm prune --omit=dev"],
        "go": ['RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app'],
        "java": ["RUN mvn -B -q package -DskipTests && cp target/*.jar /out/app.jar"],
    }[lang]
    return [*lines, *install, "COPY . .", *build]


def _system_packages(gen: Gen, lang: str, alpine: bool) -> list[str]:
    if alpine:
        return [f"RUN apk add --no-cache {' '.join(sorted(gen.some(APK_PACKAGES, 2, 7)))}"]
    packages = sorted(gen.some(APT_PACKAGES, 3, 12))
    flags = "--no-install-recommends " if gen.chance(0.8) else ""
    lines = ["RUN apt-get update \\", f"    && apt-get install -y {flags}\\"]
    lines += [f"        {package} \\" for package in packages]
    if gen.chance(0.8):
        lines.append("    && rm -rf /var/lib/apt/lists/*")
    else:  # the classic: apt lists left in the layer
        lines[-1] = lines[-1].removesuffix(" \\")
    return lines


def _tool_packages(gen: Gen, lang: str, alpine: bool) -> list[str]:
    """Extra packages from the language's own package manager (system packages for the rest)."""
    if lang == "node":
        packages = " ".join(gen.some(NPM_PACKAGES, 1, 3))
        return [f"RUN npm install -g {packages} \\", "    && npm cache clean --force"]
    if lang != "python":
        return _system_packages(gen, lang, alpine)
    packages = gen.some(PIP_PACKAGES, 2, 6)
    cache = "--no-cache-dir " if gen.chance(0.7) else ""
    return [
        f"RUN pip install {cache}\\",
        *(f"        {package}=={gen.pick(VERSIONS)} \\" for package in packages[:-1]),
        f"        {packages[-1]}=={gen.pick(VERSIONS)}",
    ]


COMMON_ENV = words("TZ=UTC LANG=C.UTF-8 APP_ENV=production PORT=8080 LOG_LEVEL=info")
LANGUAGE_ENV = {
    "python": words("PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1"),
    "node": words("NODE_ENV=production NPM_CONFIG_UPDATE_NOTIFIER=false"),
    "go": words("CGO_ENABLED=0 GOFLAGS=-mod=readonly"),
    "java": words("JAVA_TOOL_OPTIONS=-XX:+UseContainerSupport MAVEN_OPTS=-Xmx1g"),
}


def _env_block(gen: Gen, lang: str, alpine: bool) -> list[str]:
    names = gen.some(COMMON_ENV + LANGUAGE_ENV[lang], 2, 5)
    return [f"ENV {names[0]} \\", *(f"    {n} \\" for n in names[1:-1]), f"    {names[-1]}"]


HEREDOC_STEPS = [
    "mkdir -p /var/cache/app /var/log/app",
    "chmod 0755 /var/cache/app",
    "echo 'export PATH=/opt/app/bin:$PATH' >> /etc/profile",
    "ln -sf /dev/stdout /var/log/app/access.log",
    "update-ca-certificates",
]


def _heredoc(gen: Gen, lang: str, alpine: bool) -> list[str]:
    if gen.chance(0.3):
        return ["COPY <<EOF /etc/app/app.ini", "[server]", "port = 8080", "workers = 4", "EOF"]
    return ["RUN <<EOF", "set -eux", *gen.some(HEREDOC_STEPS, 1, 5), "EOF"]


def _copy_block(gen: Gen, lang: str, alpine: bool) -> list[str]:
    folders = ["config/", "migrations/", "scripts/", "static/", "templates/", "locale/"]
    return [f"COPY {folder} ./{folder}" for folder in gen.some(folders, 1, 3)]


def _download(gen: Gen, lang: str, alpine: bool) -> list[str]:
    url = "https://github.com/acme/tools/releases/download/v1.8.2/tool-linux-amd64.tar.gz"
    if gen.chance(0.5):
        return [f"ADD {url} /tmp/tool.tar.gz", "RUN tar -xzf /tmp/tool.tar.gz -C /usr/local/bin"]
    return [f"RUN curl -fsSL {url} \\", "    | tar -xz -C /usr/local/bin"]


def _label_block(gen: Gen, lang: str, alpine: bool) -> list[str]:
    return [
        f'LABEL org.opencontainers.image.title="{gen.app}" \\',
        '      org.opencontainers.image.source="https://git.example.com/acme/monorepo" \\',
        '      org.opencontainers.image.version="${APP_VERSION}"',
    ]


def _runtime_stage(gen: Gen, lang: str) -> list[str]:
    image = gen.pick(RUNTIMES[lang])
    copy = {
        "python": "COPY --from=build /install /usr/local",
        "node": "COPY --from=build --chown=node:node /src/dist ./dist",
        "go": "COPY --from=build /out/app /usr/local/bin/app",
        "java": "COPY --from=build /out/app.jar /app/app.jar",
    }[lang]
    command = {
        "python": '["gunicorn", "--bind", "0.0.0.0:8080", "app.wsgi:application"]',
        "node": '["node", "dist/server.js"]',
        "go": '["/usr/local/bin/app"]',
        "java": '["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]',
    }[lang]
    lines = [f"FROM {image}", "WORKDIR /app", copy]
    if image != "scratch" and "distroless" not in image and gen.chance(0.6):
        lines += [
            "HEALTHCHECK --interval=30s --timeout=3s \\",
            "  CMD curl -fsS http://localhost:8080/healthz || exit 1",
        ]
    lines += ["EXPOSE 8080", "USER 10001" if gen.chance(0.7) else "USER root", f"CMD {command}"]
    return lines


# ============================================================================================
# Compose files

KNOWN_SERVICES = {
    "postgres": ("postgres:16-alpine", "/var/lib/postgresql/data", 5432),
    "redis": ("redis:7.2", "/data", 6379),
    "rabbitmq": ("rabbitmq:3.13-management", "/var/lib/rabbitmq", 5672),
    "nginx": ("nginx:1.27-alpine", "/usr/share/nginx/html", 80),
    "grafana": ("grafana/grafana:11.1.0", "/var/lib/grafana", 3000),
    "prometheus": ("prom/prometheus:v2.53.0", "/prometheus", 9090),
    "minio": ("minio/minio:RELEASE.2024-06-13T22-53-53Z", "/data", 9000),
    "elasticsearch": ("elasticsearch:8.14.1", "/usr/share/elasticsearch/data", 9200),
    "mongo": ("mongo:7.0", "/data/db", 27017),
    "kafka": ("bitnami/kafka:3.7", "/bitnami/kafka", 9092),
    "mailhog": ("mailhog/mailhog", None, 8025),
    "memcached": ("memcached:latest", None, 11211),
    "jaeger": ("jaegertracing/all-in-one:1.58", None, 16686),
}
APP_SERVICES = words("web api worker scheduler frontend admin auth consumer cron gateway")


def compose(gen: Gen) -> list[str]:
    count = gen.size(5, 20, 8)
    app_count = gen.rng.randint(max(1, count - len(KNOWN_SERVICES)), min(count - 2, len(APP_SERVICES)))
    app_names = gen.some(APP_SERVICES, app_count, app_count)
    infra = gen.some(list(KNOWN_SERVICES), count - app_count, count - app_count)
    volumes: list[str] = []
    networks = ["frontend", "backend"]
    services = {}
    for name in app_names:
        services[name] = _app_service(gen, name, infra, networks)
    for name in infra:
        services[name] = _infra_service(gen, name, volumes)
    document: dict = {}
    if gen.chance(0.3):
        document["version"] = "3.8"  # obsolete, but still everywhere
    document["x-common"] = Anchored(
        "common",
        {
            "restart": "unless-stopped",
            "logging": {"driver": "json-file", "options": {"max-size": "10m", "max-file": "3"}},
        },
    )
    document["x-app-env"] = Anchored("app-env", {"TZ": "UTC", "LOG_LEVEL": "${LOG_LEVEL:-info}"})
    document["services"] = services
    declared_volumes = volumes if gen.chance(0.95) else volumes[:-1]  # now and then one forgotten
    document["volumes"] = {v: None for v in declared_volumes}
    document["networks"] = {n: None for n in networks}
    header = [f"# {gen.app}: local development stack.", "# Usage: docker compose up --build", ""]
    return header + dump_yaml(document).splitlines()


def _app_service(gen: Gen, name: str, infra: list[str], networks: list[str]) -> dict:
    service: dict = {"<<": Alias("common")}
    if gen.chance(0.6):
        service["build"] = {
            "context": ".",
            "dockerfile": "Dockerfile",
            "args": {"APP_VERSION": "${APP_VERSION:-dev}"},
        }
    else:
        service["image"] = gen.app_image(name)
    if name in ("web", "api", "frontend", "gateway", "admin"):
        port = gen.pick([3000, 8000, 8080, 8081])
        service["ports"] = [f"{port}:{port}"] + (["127.0.0.1:9229:9229"] if gen.chance(0.2) else [])
    environment: dict = {"<<": Alias("app-env")}
    for dependency in infra[:3]:
        environment[f"{dependency.upper()}_HOST"] = dependency
    environment["DATABASE_URL"] = "postgres://app:${DB_PASSWORD}@postgres:5432/app"
    if gen.chance(0.05):
        environment["API_SECRET_KEY"] = "dev-only-" + gen.app  # the kind of thing CL5001 finds
    service["environment"] = environment
    service["volumes"] = ["./src:/app/src", "./config:/app/config:ro"]
    service["networks"] = Flow(networks if name != "worker" else ["backend"])
    service["depends_on"] = {dep: {"condition": "service_started"} for dep in infra[:2]}
    service["healthcheck"] = {
        "test": Flow(["CMD", "curl", "-fsS", "http://localhost:8080/healthz"]),
        "interval": "15s",
        "timeout": "3s",
        "retries": 5,
    }
    if gen.chance(0.5):
        service["deploy"] = {"resources": {"limits": {"cpus": "0.50", "memory": "512M"}}}
    return service


def _infra_service(gen: Gen, name: str, volumes: list[str]) -> dict:
    image, data_dir, port = KNOWN_SERVICES[name]
    service: dict = {"<<": Alias("common"), "image": image}
    if gen.chance(0.4):
        service["ports"] = [f"127.0.0.1:{port}:{port}"]
    if name == "postgres":
        password = "postgres" if gen.chance(0.3) else "${POSTGRES_PASSWORD:?set it in .env}"
        service["environment"] = {
            "POSTGRES_USER": "app",
            "POSTGRES_DB": "app",
            "POSTGRES_PASSWORD": password,
        }
    if data_dir:
        volume = f"{name}-data"
        volumes.append(volume)
        service["volumes"] = [f"{volume}:{data_dir}"]
    service["networks"] = Flow(["backend"])
    return service


# ============================================================================================
# Kubernetes manifests


def kubernetes(gen: Gen) -> list[str]:
    target = gen.size(50, 400, 140)
    component = gen.pick(ROLES)
    labels = {
        "app.kubernetes.io/name": gen.app,
        "app.kubernetes.io/component": component,
        "app.kubernetes.io/part-of": "acme",
    }
    # Each kind at most once per file, so that names never clash within a file.
    makers = [_service, _configmap, _statefulset, _cronjob, _ingress, _autoscaler, _disruption]
    gen.rng.shuffle(makers)
    documents = [_deployment(gen, component, labels)]
    total = len(documents[0])
    for maker in makers:
        if total >= target:
            break
        document = maker(gen, component, labels)
        if total + len(document) > 400:
            continue
        documents.append(document)
        total += len(document) + 1
    lines = [f"# {gen.app} ({component}): generated by the platform team's scaffolding."]
    for index, document in enumerate(documents):
        lines += (["---"] if index else []) + document
    return lines


def _metadata(gen: Gen, name: str, labels: dict) -> dict:
    metadata: dict = {"name": name, "namespace": gen.app, "labels": dict(labels)}
    if gen.chance(0.3):
        metadata["annotations"] = {"owner": "team-" + gen.app.split("-")[0]}
    return metadata


def _pod_selector(labels: dict) -> dict:
    return {key: labels[key] for key in ("app.kubernetes.io/name", "app.kubernetes.io/component")}


def _selector(gen: Gen, labels: dict) -> dict:
    """A workload's selector; now and then one that drifted from its template (CL7003)."""
    selector = _pod_selector(labels)
    if gen.chance(0.02):
        selector["app.kubernetes.io/component"] += "-old"
    return selector


def _container(gen: Gen, name: str) -> dict:
    container: dict = {"name": name, "image": gen.app_image(name)}
    if gen.chance(0.3):
        container["args"] = Flow(["--config", "/etc/app/config.yaml", "--log-format=json"])
    container["ports"] = [{"name": "http", "containerPort": 8080}]
    if gen.chance(0.4):
        container["ports"].append({"name": "metrics", "containerPort": 9090})
    env: list = [{"name": "APP_ENV", "value": "production"}]
    env.append({"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}})
    env.append(
        {
            "name": "DB_PASSWORD",
            "valueFrom": {"secretKeyRef": {"name": gen.app + "-db", "key": "password"}},
        }
    )
    container["env"] = env
    if gen.chance(0.5):
        container["envFrom"] = [{"configMapRef": {"name": gen.app + "-config"}}]
    container["resources"] = {
        "requests": {
            "cpu": gen.pick(["50m", "100m", "250m"]),
            "memory": gen.pick(["64Mi", "128Mi", "256Mi"]),
        },
        "limits": {"memory": gen.pick(["256Mi", "512Mi", "1Gi"])},
    }
    if gen.chance(0.8):
        probe = {"httpGet": {"path": "/healthz", "port": "http"}, "periodSeconds": 10}
        container["readinessProbe"] = probe
        container["livenessProbe"] = {**probe, "initialDelaySeconds": 15}
    container["securityContext"] = {
        "runAsNonRoot": True,
        "allowPrivilegeEscalation": False,
        "readOnlyRootFilesystem": gen.chance(0.6),
        "capabilities": {"drop": Flow(["ALL"])},
    }
    container["volumeMounts"] = [
        {"name": "config", "mountPath": "/etc/app", "readOnly": True},
        {"name": "tmp", "mountPath": "/tmp"},
    ]
    return container


def _pod_spec(gen: Gen, component: str) -> dict:
    spec: dict = {"serviceAccountName": gen.app}
    if gen.chance(0.3):
        spec["initContainers"] = [
            {
                "name": "migrate",
                "image": gen.app_image("migrate"),
                "command": Flow(["/app/migrate", "up"]),
            }
        ]
    spec["containers"] = [_container(gen, component)]
    if gen.chance(0.2):
        spec["containers"].append(
            {
                "name": "proxy",
                "image": "envoyproxy/envoy:v1.30.2",
                "ports": [{"containerPort": 9901}],
            }
        )
    spec["volumes"] = [
        {"name": "config", "configMap": {"name": gen.app + "-config"}},
        {"name": "tmp", "emptyDir": {}},
    ]
    if gen.chance(0.3):
        spec["tolerations"] = [{"key": "dedicated", "operator": "Equal", "value": "apps", "effect": "NoSchedule"}]
    if gen.chance(0.2):
        spec["affinity"] = {
            "podAntiAffinity": {
                "preferredDuringSchedulingIgnoredDuringExecution": [
                    {
                        "weight": 100,
                        "podAffinityTerm": {
                            "topologyKey": "kubernetes.io/hostname",
                            "labelSelector": {"matchLabels": {"app.kubernetes.io/name": gen.app}},
                        },
                    }
                ]
            }
        }
    return spec


def _workload(gen: Gen, kind: str, component: str, labels: dict, **spec: object) -> dict:
    name = f"{gen.app}-{component}"
    return {
        "apiVersion": "apps/v1",
        "kind": kind,
        "metadata": _metadata(gen, name, labels),
        "spec": {
            "replicas": gen.pick([1, 2, 3, 5]),
            **spec,
            "selector": {"matchLabels": _selector(gen, labels)},
            "template": {"metadata": {"labels": dict(labels)}, "spec": _pod_spec(gen, component)},
        },
    }


def _deployment(gen: Gen, component: str, labels: dict) -> list[str]:
    strategy = {"rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}}
    document = _workload(gen, "Deployment", component, labels, strategy=strategy)
    return dump_yaml(document).splitlines()


def _statefulset(gen: Gen, component: str, labels: dict) -> list[str]:
    store_labels = {**labels, "app.kubernetes.io/component": component + "-store"}
    service_name = f"{gen.app}-{component}-store"
    document = _workload(gen, "StatefulSet", component + "-store", store_labels, serviceName=service_name)
    document["spec"]["volumeClaimTemplates"] = [
        {
            "metadata": {"name": "data"},
            "spec": {
                "accessModes": Flow(["ReadWriteOnce"]),
                "resources": {"requests": {"storage": "10Gi"}},
            },
        }
    ]
    return dump_yaml(document).splitlines()


def _cronjob(gen: Gen, component: str, labels: dict) -> list[str]:
    pod = _pod_spec(gen, component)
    pod["restartPolicy"] = "OnFailure"
    document = {
        "apiVersion": "batch/v1",
        "kind": "CronJob",
        "metadata": _metadata(gen, f"{gen.app}-{gen.pick(['cleanup', 'report', 'sync'])}", labels),
        "spec": {
            "schedule": gen.pick(["*/15 * * * *", "0 3 * * *", "30 1 * * 0"]),
            "concurrencyPolicy": "Forbid",
            "jobTemplate": {"spec": {"backoffLimit": 2, "template": {"spec": pod}}},
        },
    }
    return dump_yaml(document).splitlines()


def _service(gen: Gen, component: str, labels: dict) -> list[str]:
    selector = _pod_selector(labels)
    if gen.chance(0.03):  # a typo that leaves the Service without endpoints: CL7002 material
        selector["app.kubernetes.io/name"] = gen.app + "s"
    document = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": _metadata(gen, f"{gen.app}-{component}", labels),
        "spec": {
            "type": gen.pick(["ClusterIP", "ClusterIP", "NodePort"]),
            "selector": selector,
            "ports": [{"name": "http", "port": 80, "targetPort": "http"}],
        },
    }
    return dump_yaml(document).splitlines()


def _configmap(gen: Gen, component: str, labels: dict) -> list[str]:
    settings = "\n".join(
        f"{key}: {gen.pick(['true', 'false', '30s', '100', 'info'])}"
        for key in gen.some(
            [
                "cache_ttl",
                "feature_flags_enabled",
                "max_connections",
                "log_level",
                "request_timeout",
                "retry_budget",
                "tracing_enabled",
                "batch_size",
            ],
            3,
            8,
        )
    )
    nginx = "server {\n  listen 8080;\n  location / {\n    proxy_pass http://127.0.0.1:8000;\n  }\n}"
    document = {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": _metadata(gen, gen.app + "-config", labels),
        "data": {
            "APP_REGION": "eu-west-1",
            "config.yaml": Block(settings),
            "nginx.conf": Block(nginx),
        },
    }
    return dump_yaml(document).splitlines()


def _ingress(gen: Gen, component: str, labels: dict) -> list[str]:
    host = f"{gen.app}.example.com"
    document = {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "Ingress",
        "metadata": {
            **_metadata(gen, gen.app, labels),
            "annotations": {"cert-manager.io/cluster-issuer": "letsencrypt"},
        },
        "spec": {
            "ingressClassName": "nginx",
            "tls": [{"hosts": Flow([host]), "secretName": gen.app + "-tls"}],
            "rules": [
                {
                    "host": host,
                    "http": {
                        "paths": [
                            {
                                "path": "/",
                                "pathType": "Prefix",
                                "backend": {
                                    "service": {
                                        "name": f"{gen.app}-{component}",
                                        "port": {"name": "http"},
                                    }
                                },
                            }
                        ]
                    },
                }
            ],
        },
    }
    return dump_yaml(document).splitlines()


def _autoscaler(gen: Gen, component: str, labels: dict) -> list[str]:
    name = f"{gen.app}-{component}"
    document = {
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": _metadata(gen, name, labels),
        "spec": {
            "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": name},
            "minReplicas": 2,
            "maxReplicas": gen.pick([5, 10, 20]),
            "metrics": [
                {
                    "type": "Resource",
                    "resource": {
                        "name": "cpu",
                        "target": {"type": "Utilization", "averageUtilization": 70},
                    },
                }
            ],
        },
    }
    return dump_yaml(document).splitlines()


def _disruption(gen: Gen, component: str, labels: dict) -> list[str]:
    document = {
        "apiVersion": "policy/v1",
        "kind": "PodDisruptionBudget",
        "metadata": _metadata(gen, f"{gen.app}-{component}", labels),
        "spec": {"minAvailable": 1, "selector": {"matchLabels": _pod_selector(labels)}},
    }
    return dump_yaml(document).splitlines()


# ============================================================================================
# Breaking files on purpose: the linter must report these, not crash on them


def break_dockerfile(rng: random.Random, lines: list[str]) -> list[str]:
    how = rng.choice(["typo", "heredoc", "continuation", "empty"])
    position = rng.randint(1, len(lines) - 1)
    if how == "typo":
        return [*lines[:position], "FORM ubuntu:22.04", "RUNN echo broken", *lines[position:]]
    if how == "heredoc":
        return [*lines, "RUN <<EOF", "echo this heredoc is never closed"]
    if how == "continuation":
        return [*lines[:-1], lines[-1] + " \\"]
    return [*lines[:position], "COPY", "FROM", *lines[position:]]


def break_yaml(rng: random.Random, lines: list[str]) -> list[str]:
    how = rng.choice(["truncated-quote", "truncated-flow", "tab"])
    cut = rng.randint(len(lines) // 3, len(lines) - 1)
    if how == "truncated-quote":
        return [*lines[:cut], '  image: "registry.example.com/cut-off']
    if how == "truncated-flow":
        return [*lines[:cut], "  ports: [80, 443"]
    indented = [i for i, line in enumerate(lines) if line.startswith("  ") and line.strip()]
    index = rng.choice(indented) if indented else cut
    return [*lines[:index], "\t" + lines[index].lstrip(), *lines[index + 1 :]]


# ============================================================================================
# Layout


FILE_NAMES = {
    "dockerfile": [
        "Dockerfile",
        "Dockerfile.prod",
        "docker/worker.Dockerfile",
        "Containerfile",
        "docker/Dockerfile.migrate",
        "ci/build.dockerfile",
        "Dockerfile.dev",
    ],
    "compose": [
        "compose.yaml",
        "docker-compose.yml",
        "compose.override.yaml",
        "docker-compose.prod.yml",
        "deploy/compose.staging.yaml",
    ],
    "kubernetes": [
        "k8s/deployment.yaml",
        "k8s/service.yaml",
        "deploy/manifests.yaml",
        "k8s/cronjobs.yaml",
        "k8s/overlays/prod/app.yml",
        "manifests/all.yaml",
    ],
}
FALLBACK_NAMES = {
    "dockerfile": "docker/svc{n}.Dockerfile",
    "compose": "compose.env{n}.yaml",
    "kubernetes": "k8s/extra-{n}.yaml",
}
GENERATORS: dict[str, Callable[[Gen], list[str]]] = {
    "dockerfile": dockerfile,
    "compose": compose,
    "kubernetes": kubernetes,
}


def plan_kinds(total: int, rng: random.Random) -> list[str]:
    counts = {kind: round(total * share) for kind, share in KIND_SHARES}
    counts["kubernetes"] = total - counts["dockerfile"] - counts["compose"]
    kinds = [kind for kind, count in counts.items() for _ in range(count)]
    rng.shuffle(kinds)
    return kinds


def plan_paths(kinds: list[str], rng: random.Random) -> list[tuple[str, str, str]]:
    """(app, relative path, kind) for every file; apps hold 2 to 8 files each."""
    planned = []
    app, used, room = "", set(), 0
    app_names: set[str] = set()
    for kind in kinds:
        if room == 0:
            app = _new_app_name(rng, app_names)
            used, room = set(), rng.randint(2, 8)
        name = next((n for n in FILE_NAMES[kind] if n not in used), None)
        n = 2
        while name is None or name in used:
            name, n = FALLBACK_NAMES[kind].format(n=n), n + 1
        used.add(name)
        planned.append((app, f"apps/{app}/{name}", kind))
        room -= 1
    return planned


def _new_app_name(rng: random.Random, taken: set[str]) -> str:
    base = f"{rng.choice(DOMAINS)}-{rng.choice(ROLES)}"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def generate(outdir: Path, files: int, seed: int, broken_rate: float) -> list[CorpusFile]:
    rng = random.Random(seed)
    planned = plan_paths(plan_kinds(files, rng), rng)
    broken_indexes = set(rng.sample(range(files), round(files * broken_rate)))
    written: list[CorpusFile] = []
    apps: set[str] = set()
    for index, (app, rel, kind) in enumerate(planned):
        # Each file has its own generator, seeded from the corpus seed and its index, so that a
        # change to one generator does not reshuffle every file after it.
        file_rng = random.Random(f"{seed}:{index}")
        lines = GENERATORS[kind](Gen(file_rng, app))
        broken = index in broken_indexes
        if broken:
            lines = (break_dockerfile if kind == "dockerfile" else break_yaml)(file_rng, lines)
        _write(outdir / rel, lines)
        written.append(CorpusFile(rel, kind, broken, len(lines)))
        if app not in apps:
            apps.add(app)
            _write(outdir / "apps" / app / "README.md", [f"# {app}", "", "Owned by the platform team."])
    return written


def _write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def prepare_outdir(outdir: Path, overwrite: bool) -> None:
    if outdir.exists() and any(outdir.iterdir()):
        if not (overwrite and (outdir / MANIFEST_NAME).is_file()):
            sys.exit(f"{outdir} is not empty; pass --overwrite to replace a corpus generated earlier")
        shutil.rmtree(outdir)
    outdir.mkdir(parents=True, exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--files", type=int, default=3000, help="number of lintable files (default 3000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--broken-rate", type=float, default=0.01, help="share of broken files (default 0.01)")
    parser.add_argument("--overwrite", action="store_true", help="replace a corpus generated earlier in OUTDIR")
    args = parser.parse_args(argv)
    if args.files < 1:
        parser.error("--files must be at least 1")
    if not 0 <= args.broken_rate <= 1:
        parser.error("--broken-rate must be between 0 and 1")
    prepare_outdir(args.outdir, args.overwrite)
    written = generate(args.outdir, args.files, args.seed, args.broken_rate)
    summary = {
        "seed": args.seed,
        "files": len(written),
        "kinds": {kind: sum(f.kind == kind for f in written) for kind, _ in KIND_SHARES},
        "broken": sum(f.broken for f in written),
        "lines": sum(f.lines for f in written),
    }
    manifest = {**summary, "entries": [asdict(f) for f in written]}
    (args.outdir / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
