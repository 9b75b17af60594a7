"""Tests for the Compose view: services, short and long syntaxes, declarations, interpolation."""

from __future__ import annotations

from textwrap import dedent

import pytest

from containerlint.model import Position, Span
from containerlint.syntax.compose import (
    ComposeFile,
    Service,
    interpolate,
    is_bind_source,
    looks_like_compose,
)
from containerlint.syntax.yamlnodes import Mapping, Scalar
from containerlint.syntax.yamltree import parse_yaml


def compose(text: str) -> ComposeFile:
    return ComposeFile(parse_yaml(dedent(text)))


def service(text: str, name: str = "app") -> Service:
    found = compose(text).service(name)
    assert found is not None
    return found


def span(line: int, column: int, end_line: int, end_column: int) -> Span:
    return Span(Position(line, column), Position(end_line, end_column))


# ---------------------------------------------------------------------------------------------
# Services


def test_services_in_order_with_name_key_and_mapping() -> None:
    file = compose(
        """\
        services:
          web:
            image: nginx
          db:
            image: postgres
        """
    )
    assert [s.name for s in file.services] == ["web", "db"]
    web = file.services[0]
    assert web.key.span == span(2, 3, 2, 6)
    assert isinstance(web.node, Mapping)
    assert web.image is not None and web.image.value == "nginx"
    assert web.image.span == span(3, 12, 3, 17)


def test_tolerates_malformed_services() -> None:
    file = compose(
        """\
        services:
          text: just a string
          empty:
          list: [1, 2]
          good:
            ports: 8080
            volumes: {a: b}
            environment: 5
            networks: 7
            depends_on: db
            image: [not, a, scalar]
        """
    )
    assert [s.name for s in file.services] == ["good"]
    good = file.services[0]
    assert good.ports == [] and good.volumes == [] and good.environment == []
    assert good.networks == [] and good.depends_on == [] and good.image is None


@pytest.mark.parametrize(
    "text",
    ["", "# nothing\n", "- a list\n", "services: 5\n", "services:\n", "version: '3'\n", "a: [\n"],
)
def test_tolerates_files_without_usable_services(text: str) -> None:
    file = compose(text)
    assert file.services == []
    assert file.declared_volumes == {}


def test_merge_keys_feed_service_values() -> None:
    svc = service(
        """\
        x-defaults: &defaults
          restart: always
          image: base
        services:
          app:
            <<: *defaults
            image: override
        """
    )
    assert svc.image is not None and svc.image.value == "override"
    restart = svc.scalar("restart")
    assert restart is not None and restart.value == "always" and restart.span.start.line == 2


def test_simple_scalar_accessors() -> None:
    svc = service(
        """\
        services:
          app:
            user: "1000:1000"
            privileged: true
            container_name: my-app
            profiles: [debug, test]
            healthcheck:
              test: ["CMD", "true"]
        """
    )
    assert svc.user is not None and svc.user.value == "1000:1000"
    assert svc.privileged is not None and svc.privileged.as_bool() is True
    assert svc.container_name is not None and svc.container_name.value == "my-app"
    assert [p.value for p in svc.profiles] == ["debug", "test"]
    assert svc.healthcheck is not None and "test" in svc.healthcheck
    assert "user" in svc and "missing" not in svc


# ---------------------------------------------------------------------------------------------
# Ports


@pytest.mark.parametrize(
    ("spec", "host_ip", "published", "target", "protocol"),
    [
        ("3000", None, None, "3000", None),
        ("3000-3005", None, None, "3000-3005", None),
        ("8000:8000", None, "8000", "8000", None),
        ("9090-9091:8080-8081", None, "9090-9091", "8080-8081", None),
        ("49100:22", None, "49100", "22", None),
        ("127.0.0.1:8001:8001", "127.0.0.1", "8001", "8001", None),
        ("127.0.0.1:5000-5010:5000-5010", "127.0.0.1", "5000-5010", "5000-5010", None),
        ("127.0.0.1::5000", "127.0.0.1", None, "5000", None),
        ("::1:6000:6000", "::1", "6000", "6000", None),
        ("[::1]:6001:6001", "::1", "6001", "6001", None),
        ("6060:6060/udp", None, "6060", "6060", "udp"),
        ("127.0.0.1:8080:80/tcp", "127.0.0.1", "8080", "80", "tcp"),
    ],
)
def test_short_port_syntax(
    spec: str, host_ip: str | None, published: str | None, target: str, protocol: str | None
) -> None:
    svc = service(f'services:\n  app:\n    ports:\n      - "{spec}"\n')
    (port,) = svc.ports
    assert (port.host_ip, port.published, port.target, port.protocol) == (
        host_ip,
        published,
        target,
        protocol,
    )
    assert port.short and port.error is None
    assert port.node.span == span(4, 9, 4, 11 + len(spec))


def test_unquoted_integer_port_and_ranges() -> None:
    svc = service("services:\n  app:\n    ports:\n      - 80\n      - 8000-8010:8000-8010\n")
    first, second = svc.ports
    assert (first.published, first.target) == (None, "80")
    assert first.target_range == (80, 80) and first.published_range is None
    assert second.published_range == (8000, 8010)


def test_unquoted_ports_in_a_flow_sequence() -> None:
    svc = service("services:\n  app:\n    ports: [8080:80, 127.0.0.1:53:53/udp]\n")
    assert [(p.host_ip, p.published, p.target, p.protocol) for p in svc.ports] == [
        (None, "8080", "80", None),
        ("127.0.0.1", "53", "53", "udp"),
    ]


def test_long_port_syntax() -> None:
    svc = service(
        """\
        services:
          app:
            ports:
              - target: 80
                published: "8080"
                host_ip: 127.0.0.1
                protocol: udp
                mode: host
                name: web
        """
    )
    (port,) = svc.ports
    assert not port.short
    assert (port.target, port.published, port.host_ip, port.protocol) == (
        "80",
        "8080",
        "127.0.0.1",
        "udp",
    )
    assert (port.mode, port.name) == ("host", "web")
    assert port.target_node is not None and port.target_node.span == span(4, 17, 4, 19)
    assert port.published_node is not None and port.published_node.span.start.line == 5


@pytest.mark.parametrize("spec", ["abc", "80:http", "1.2.3.4:x:80"])
def test_unreadable_short_ports_carry_an_error(spec: str) -> None:
    svc = service(f'services:\n  app:\n    ports: ["{spec}"]\n')
    (port,) = svc.ports
    assert port.error is not None


# ---------------------------------------------------------------------------------------------
# Volumes


@pytest.mark.parametrize(
    ("spec", "kind", "source", "target", "read_only"),
    [
        ("./src:/app", "bind", "./src", "/app", False),
        ("../up:/app:ro", "bind", "../up", "/app", True),
        ("/var/run/docker.sock:/var/run/docker.sock", "bind", "/var/run/docker.sock", None, False),
        ("~/cfg:/cfg:rw", "bind", "~/cfg", "/cfg", False),
        ("rel/path:/data", "bind", "rel/path", "/data", False),
        (".:/code", "bind", ".", "/code", False),
        ("${PWD}/x:/x", "bind", "${PWD}/x", "/x", False),
        ("C:\\data:/data", "bind", "C:\\data", "/data", False),
        ("data:/var/lib/data", "volume", "data", "/var/lib/data", False),
        ("data:/var/lib/data:ro,nocopy", "volume", "data", "/var/lib/data", True),
        ("/just/a/path", "volume", None, "/just/a/path", False),
    ],
)
def test_short_volume_syntax(spec: str, kind: str, source: str | None, target: str | None, read_only: bool) -> None:
    svc = service(f"services:\n  app:\n    volumes:\n      - '{spec}'\n")
    (volume,) = svc.volumes
    assert volume.type == kind
    assert volume.source == source
    if target is not None:
        assert volume.target == target
    assert volume.read_only is read_only
    assert volume.short
    assert volume.node.span.start == Position(4, 9)


def test_volume_kind_helpers_and_options() -> None:
    svc = service("services:\n  app:\n    volumes:\n      - data:/d:ro,z\n      - /anon\n      - ./b:/b\n")
    named, anonymous, bind = svc.volumes
    assert named.is_named and not named.is_anonymous and named.options == ("ro", "z")
    assert anonymous.is_anonymous and anonymous.source is None
    assert bind.is_bind and bind.source_node is bind.node
    assert bind.source_span == bind.node.span


@pytest.mark.parametrize("kind", ["bind", "volume", "tmpfs", "npipe", "cluster"])
def test_long_volume_syntax_types(kind: str) -> None:
    svc = service(
        f"""\
        services:
          app:
            volumes:
              - type: {kind}
                source: src
                target: /dst
                read_only: true
        """
    )
    (volume,) = svc.volumes
    assert (volume.type, volume.source, volume.target, volume.read_only) == (
        kind,
        "src",
        "/dst",
        True,
    )
    assert not volume.short
    assert volume.source_node is not None and volume.source_node.span == span(5, 17, 5, 20)
    assert volume.target_node is not None and volume.target_node.span.start.line == 6


def test_long_volume_without_type_or_source() -> None:
    svc = service(
        """\
        services:
          app:
            volumes:
              - source: ./here
                target: /x
              - type: tmpfs
                target: /tmp
        """
    )
    guessed, tmpfs = svc.volumes
    assert guessed.type == "bind" and not guessed.read_only
    assert tmpfs.type == "tmpfs" and tmpfs.source is None


@pytest.mark.parametrize(
    ("source", "bind"),
    [("./a", True), ("/a", True), ("~", True), ("a/b", True), ("name", False), ("my-vol_1", False)],
)
def test_is_bind_source(source: str, bind: bool) -> None:
    assert is_bind_source(source) is bind


# ---------------------------------------------------------------------------------------------
# Environment


def test_environment_list_form_with_spans() -> None:
    text = 'services:\n  app:\n    environment:\n      - A=b\n      - "C=d e"\n      - NOVALUE\n'
    svc = service(text)
    a, c, novalue = svc.environment
    assert (a.name, a.value) == ("A", "b")
    assert a.name_span == span(4, 9, 4, 10)
    assert a.value_span == span(4, 11, 4, 12)
    assert (c.name, c.value) == ("C", "d e")
    assert c.name_span == span(5, 10, 5, 11)
    assert c.value_span == span(5, 12, 5, 15)
    assert (novalue.name, novalue.value, novalue.value_span) == ("NOVALUE", None, None)
    assert novalue.name_span == span(6, 9, 6, 16)


def test_environment_value_with_equals_and_empty_value() -> None:
    svc = service("services:\n  app:\n    environment: [A=b=c, EMPTY=]\n")
    first, empty = svc.environment
    assert (first.name, first.value) == ("A", "b=c")
    assert (empty.name, empty.value) == ("EMPTY", "")


def test_environment_map_form() -> None:
    svc = service(
        """\
        services:
          app:
            environment:
              PASSWORD: secret
              DEBUG: true
              FROM_SHELL:
              QUOTED: ""
              NESTED: [not, allowed]
        """
    )
    env = {var.name: var for var in svc.environment}
    assert list(env) == ["PASSWORD", "DEBUG", "FROM_SHELL", "QUOTED"]
    assert env["PASSWORD"].value == "secret"
    assert env["PASSWORD"].name_span == span(4, 7, 4, 15)
    assert env["PASSWORD"].value_span == span(4, 17, 4, 23)
    assert env["PASSWORD"].key_node is not None
    assert env["DEBUG"].value == "true"
    assert env["FROM_SHELL"].value is None and env["FROM_SHELL"].value_span is None
    assert env["QUOTED"].value == ""


def test_environment_values_stay_raw() -> None:
    svc = service(
        """\
        x-secret: &pw hunter2
        services:
          app:
            environment:
              PASSWORD: *pw
              TOKEN: ${TOKEN:-dev}
        """
    )
    password, token = svc.environment
    assert password.value == "hunter2"
    assert isinstance(password.node, Scalar) and password.node.via_alias == "pw"
    assert password.value_span == span(1, 15, 1, 22)  # the anchored value
    assert token.value == "${TOKEN:-dev}"


def test_multi_line_list_entry_uses_the_whole_span() -> None:
    svc = service('services:\n  app:\n    environment:\n      - "A=first\n        second"\n')
    (var,) = svc.environment
    assert var.value == "first second"
    assert var.name_span == var.value_span == var.node.span


def test_env_file_forms() -> None:
    assert [f.path for f in service("services:\n  app:\n    env_file: .env\n").env_file] == [".env"]
    files = service(
        """\
        services:
          app:
            env_file:
              - a.env
              - path: b.env
                required: false
        """
    ).env_file
    assert [(f.path, f.required) for f in files] == [("a.env", True), ("b.env", False)]


# ---------------------------------------------------------------------------------------------
# Build, networks, secrets, dependencies, extends


def test_build_short_form() -> None:
    build = service("services:\n  app:\n    build: ./dir\n").build
    assert build is not None and build.short
    assert build.context is not None and build.context.value == "./dir"
    assert build.dockerfile is None


def test_build_long_form_with_args_in_both_forms() -> None:
    build = service(
        """\
        services:
          app:
            build:
              context: .
              dockerfile: Dockerfile.prod
              target: runtime
              args:
                VERSION: "1.0"
        """
    ).build
    assert build is not None and not build.short
    assert build.context is not None and build.context.value == "."
    assert build.dockerfile is not None and build.dockerfile.span == span(5, 19, 5, 34)
    assert build.target is not None and build.target.value == "runtime"
    assert [(a.name, a.value) for a in build.args] == [("VERSION", "1.0")]
    listed = service("services:\n  app:\n    build:\n      args: [A=1, B]\n").build
    assert listed is not None
    assert [(a.name, a.value) for a in listed.args] == [("A", "1"), ("B", None)]


def test_networks_list_and_map_forms() -> None:
    listed = service("services:\n  app:\n    networks: [front, back]\n").networks
    assert [(n.name, n.config) for n in listed] == [("front", None), ("back", None)]
    assert listed[0].key.span == span(3, 16, 3, 21)
    assert listed[0].span == listed[0].key.span
    mapped = service("services:\n  app:\n    networks:\n      front:\n        aliases: [x]\n      back:\n").networks
    assert [n.name for n in mapped] == ["front", "back"]
    assert mapped[0].config is not None and "aliases" in mapped[0].config
    assert mapped[1].config is None
    assert mapped[1].key.span == span(6, 7, 6, 11)


def test_secrets_and_configs_short_and_long_forms() -> None:
    svc = service(
        """\
        services:
          app:
            secrets:
              - db_password
              - source: api_key
                target: /run/secrets/key
              - target: no-source
            configs: [nginx_conf]
        """
    )
    short, long = svc.secrets
    assert (short.source, short.target) == ("db_password", None)
    assert short.source_node.span == span(4, 9, 4, 20)
    assert (long.source, long.target) == ("api_key", "/run/secrets/key")
    assert long.source_node.span == span(5, 17, 5, 24)
    assert [c.source for c in svc.configs] == ["nginx_conf"]
    assert (long.name, long.span) == ("api_key", long.source_node.span)


def test_depends_on_list_and_map_forms() -> None:
    listed = service("services:\n  app:\n    depends_on: [db, cache]\n").depends_on
    assert [(d.name, d.condition) for d in listed] == [("db", None), ("cache", None)]
    mapped = service(
        """\
        services:
          app:
            depends_on:
              db:
                condition: service_healthy
              cache:
        """
    ).depends_on
    assert [(d.name, d.condition) for d in mapped] == [("db", "service_healthy"), ("cache", None)]
    assert mapped[0].key.span == span(4, 7, 4, 9)


def test_extends_forms() -> None:
    short = service("services:\n  app:\n    extends: base\n").extends
    assert short is not None and (short.service, short.file) == ("base", None)
    text = "services:\n  app:\n    extends:\n      service: web\n      file: c.yml\n"
    long = service(text).extends
    assert long is not None and long.service == "web"
    assert long.file is not None and long.file.value == "c.yml"


# ---------------------------------------------------------------------------------------------
# Top level


def test_top_level_declarations_and_keys() -> None:
    file = compose(
        """\
        name: demo
        version: "3.9"
        include: [other.yml]
        x-common: &c {a: 1}
        services: {}
        volumes:
          data:
          logs: {driver: local}
        networks:
          front: null
        secrets:
          pw: {file: ./pw.txt}
        configs:
          conf:
        """
    )
    assert file.name is not None and file.name.value == "demo"
    assert file.version is not None and file.version.value == "3.9"
    assert file.include is not None
    assert list(file.extensions) == ["x-common"]
    assert list(file.declared_volumes) == ["data", "logs"]
    assert file.declared_volumes["data"].span == span(7, 3, 7, 7)
    assert list(file.declared_networks) == ["front"]
    assert list(file.declared_secrets) == ["pw"]
    assert list(file.declared_configs) == ["conf"]
    assert file.services == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("services:\n  web:\n    image: x\n", True),
        ("services:\n", True),
        ("services: {}\n", True),
        ("services:\n  web:\n  db:\n    image: y\n", True),
        ("services:\n  web: 5\n", False),
        ("services: [a]\n", False),
        ("apiVersion: v1\nkind: Pod\nservices: {}\n", False),
        ("version: '3'\n", False),
        ("- services\n", False),
        ("", False),
    ],
)
def test_looks_like_compose(text: str, expected: bool) -> None:
    assert looks_like_compose(parse_yaml(text)) is expected


# ---------------------------------------------------------------------------------------------
# Interpolation


@pytest.mark.parametrize(
    ("template", "env", "text", "unresolved"),
    [
        ("plain", {}, "plain", []),
        ("$VAR", {"VAR": "x"}, "x", []),
        ("${VAR}", {"VAR": "x"}, "x", []),
        ("a-${VAR}-b", {"VAR": "x"}, "a-x-b", []),
        ("$VAR.suffix", {"VAR": "x"}, "x.suffix", []),
        ("${TAG:-latest}", {}, "latest", []),
        ("${TAG:-latest}", {"TAG": ""}, "latest", []),
        ("${TAG:-latest}", {"TAG": "1.2"}, "1.2", []),
        ("${TAG-latest}", {}, "latest", []),
        ("${TAG-latest}", {"TAG": ""}, "", []),
        ("${A:+alt}", {"A": "1"}, "alt", []),
        ("${A:+alt}", {"A": ""}, "", []),
        ("${A:+alt}", {}, "", []),
        ("${A+alt}", {"A": ""}, "alt", []),
        ("${A+alt}", {}, "", []),
        ("${A:?missing}", {"A": "ok"}, "ok", []),
        ("${A?missing}", {"A": ""}, "", []),
        ("${A:-${B:-x}}", {}, "x", []),
        ("${A:-${B:-x}}", {"B": "b"}, "b", []),
        ("${A:-${B}}", {}, None, ["B"]),
        ("${A:-${B}}", {"A": "a"}, "a", []),  # the default is not evaluated
        ("${A:-x}${B}", {}, None, ["B"]),
        ("$$", {}, "$", []),
        ("$${NOT_A_VAR}", {}, "${NOT_A_VAR}", []),
        ("cost: $$5", {}, "cost: $5", []),
        ("${A:-{b}}", {}, "{b}", []),  # the first } closes it, as in Compose
        ("$UNSET", {}, None, ["UNSET"]),
        ("${UNSET}", {}, None, ["UNSET"]),
        ("$A $A $B", {}, None, ["A", "B"]),
        ("${A:-}", {}, "", []),
        ("$", {}, "$", []),  # a "$" that starts nothing stays, as in Compose
        ("price: $5", {}, "price: $5", []),
        ("$ x $-", {}, "$ x $-", []),
    ],
)
def test_interpolate(template: str, env: dict[str, str], text: str | None, unresolved: list[str]) -> None:
    result = interpolate(template, env)
    assert result.text == text
    assert result.unresolved == unresolved
    if not unresolved:
        assert result.errors == []
    assert result.ok is (text is not None)


@pytest.mark.parametrize(
    ("template", "env", "message"),
    [
        ("${A:?A is required}", {}, "A: A is required"),
        ("${A:?A is required}", {"A": ""}, "A: A is required"),
        ("${A?A is required}", {}, "A: A is required"),
        ("${A:?}", {}, "A: required variable is missing a value"),
        ("${A:?need ${B:-b}}", {}, "A: need b"),
    ],
)
def test_interpolate_required_variables(template: str, env: dict[str, str], message: str) -> None:
    result = interpolate(template, env)
    assert result.text is None
    assert result.errors == [message]
    assert result.unresolved == ["A"]


@pytest.mark.parametrize("template", ["${", "${A", "${A%x}", "${1A}", "${}", "${A=x}"])
def test_interpolate_invalid_formats(template: str) -> None:
    result = interpolate(template, {"A": "x"})
    assert result.text is None
    assert result.errors and "invalid interpolation format" in result.errors[0]


def test_interpolate_deep_nesting_is_an_error_not_a_crash() -> None:
    template = "${A:-" * 500 + "x" + "}" * 500
    result = interpolate(template, {})
    assert result.text is None and result.errors


def test_duplicated_environment_name_counts_once_with_its_last_value() -> None:
    text = "services:\n  app:\n    environment:\n      A: first\n      B: b\n      A: last\n"
    svc = service(text)
    assert [(var.name, var.value) for var in svc.environment] == [("A", "last"), ("B", "b")]


def test_duplicated_service_name_keeps_the_last_definition() -> None:
    file = compose("services:\n  app:\n    image: one\n  app:\n    image: two\n")
    (only,) = file.services
    assert only.image is not None and only.image.value == "two"
    assert only.key.span.start.line == 4
