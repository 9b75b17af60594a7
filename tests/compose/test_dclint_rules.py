"""CL4101-CL4114: the dclint-parity rules, on single files, on base + override projects, with
suppression comments, fixes and odd shapes."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from containerlint.model import FileKind, Finding, Fix
from tests.helpers import lint_text, lint_texts

ALL = [f"CL41{n:02d}" for n in range(1, 15)]


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def run(text: str, code: str, **options: object) -> list[Finding]:
    found = lint_text(dedent(text), FileKind.COMPOSE, select=[code], rule_options={code: options} if options else None)
    return [f for f in found if f.code == code]


def spots(found: list[Finding]) -> list[tuple[int, int]]:
    return sorted((f.span.start.line, f.span.start.column) for f in found)


def apply_fix(text: str, fix: Fix) -> str:
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    for edit in sorted(fix.edits, key=lambda e: e.span.start, reverse=True):
        begin = offset(edit.span.start.line, edit.span.start.column)
        end = offset(edit.span.end.line, edit.span.end.column)
        text = text[:begin] + edit.text + text[end:]
    return text


def project(files: dict[str, str], code: str) -> list[Finding]:
    found = lint_texts([(path, dedent(text), FileKind.COMPOSE) for path, text in files.items()], select=[code])
    return [f for f in found if f.code == code]


# ---------------------------------------------------------------------------------------------
# CL4101 no-build-and-image


def test_build_and_image() -> None:
    text = """
        services:
          a:
            image: a:1
            build: .
          b:
            build: {context: .}
            image: b:1
            pull_policy: build
          c:
            build: .
        """
    found = run(text, "CL4101")
    assert spots(found) == [(4, 5)]
    assert found[0].message.startswith("service 'a' sets both 'build' and 'image'")
    assert spots(run(text, "CL4101", **{"check-pull-policy": False})) == [(4, 5), (6, 5)]


def test_build_and_image_across_override(tmp_path: Path) -> None:
    found = project(
        {
            "p/compose.yaml": "services:\n  app:\n    build: .\n",
            "p/compose.override.yaml": "services:\n  app:\n    image: app:1\n",
        },
        "CL4101",
    )
    assert [(f.path, f.span.start.line) for f in found] == [("p/compose.yaml", 3)]


# ---------------------------------------------------------------------------------------------
# CL4102 no-duplicate-container-names


def test_duplicate_container_names() -> None:
    found = run(
        """
        services:
          a:
            image: x:1
            container_name: web
          b:
            image: x:1
            container_name: "web"
          c:
            image: x:1
            container_name: ${NAME}
          d:
            image: x:1
            container_name: ${NAME}
        """,
        "CL4102",
    )
    assert spots(found) == [(7, 21)]
    assert found[0].message == "service 'b' uses container_name 'web', already used by service 'a'"
    assert [(r.span.start.line, r.span.start.column) for r in found[0].related] == [(4, 21)]


def test_duplicate_container_names_from_override() -> None:
    found = project(
        {
            "p/compose.yaml": "services:\n  a:\n    image: x:1\n    container_name: web\n  b:\n    image: y:1\n",
            "p/compose.override.yaml": "services:\n  b:\n    container_name: web\n",
        },
        "CL4102",
    )
    assert [(f.path, f.span.start.line, f.span.start.column) for f in found] == [("p/compose.override.yaml", 3, 21)]


# ---------------------------------------------------------------------------------------------
# CL4103 no-duplicate-exported-ports


PORTS = """
services:
  a:
    image: x:1
    ports:
      - "8080:80"
      - "127.0.0.1:9000:9000"
      - "53:53/udp"
      - "3000"
      - "7000-7005:7000-7005"
      - "6000-6010:6000"
  b:
    image: x:1
    ports:
      - "8080:8080"
      - "10.0.0.1:9000:9000"
      - "53:53"
      - "3000"
      - "7003:7003"
      - "6005:6005"
      - target: 81
        published: "8080"
        protocol: udp
      - "0.0.0.0:9000:9001"
"""


def test_duplicate_ports() -> None:
    found = run(PORTS, "CL4103")
    assert spots(found) == [(14, 9), (18, 9), (23, 9)]
    by_line = {f.span.start.line: f.message for f in found}
    assert by_line[14] == (
        "service 'b' publishes host port 8080/tcp ('8080:8080'), already published by service 'a' ('8080:80')"
    )
    assert "7003/tcp" in by_line[18] and "'7000-7005:7000-7005'" in by_line[18]
    assert "'127.0.0.1:9000:9000'" in by_line[23]


def test_duplicate_ports_within_one_service_and_long_syntax() -> None:
    found = run(
        """
        services:
          a:
            image: x:1
            ports:
              - "80:80"
              - "80:80"
              - target: 81
                published: 80
              - "${PORT}:82"
        """,
        "CL4103",
    )
    assert spots(found) == [(8, 20)]
    assert "already published by this service" in found[0].message


def test_duplicate_ports_across_files_and_profiles() -> None:
    found = project(
        {
            "p/compose.yaml": 'services:\n  a:\n    image: x:1\n    ports: ["8080:80"]\n',
            "p/compose.override.yaml": 'services:\n  b:\n    image: y:1\n    ports:\n      - "8080:81"\n',
        },
        "CL4103",
    )
    assert [(f.path, f.span.start.line) for f in found] == [("p/compose.override.yaml", 5)]
    assert found[0].related[0].path == "p/compose.yaml"
    disjoint = """
        services:
          dev:
            image: x:1
            profiles: [dev]
            ports: ["8080:80"]
          prod:
            image: x:1
            profiles: [prod]
            ports: ["8080:80"]
        """
    assert run(disjoint, "CL4103") == []


# ---------------------------------------------------------------------------------------------
# CL4104 no-unbound-port-interfaces


def test_unbound_ports() -> None:
    found = run(
        """
        services:
          a:
            image: x:1
            ports:
              - "8080:80"
              - 127.0.0.1:8081:80
              - "[::1]:8082:80"
              - "3000"
              - target: 80
                host_ip: 127.0.0.1
              - target: 81
              - 0.0.0.0:8443:443
        """,
        "CL4104",
    )
    assert spots(found) == [(5, 9), (8, 9), (11, 9)]
    assert found[0].message == "service 'a' publishes '8080:80' on every host interface"


# ---------------------------------------------------------------------------------------------
# CL4105 no-quotes-in-volumes


def test_quoted_volumes_and_fix() -> None:
    text = dedent(
        """
        services:
          a:
            image: x:1
            volumes:
              - "./data:/data"
              - ./plain:/plain
              - 'no: plain'
              - type: bind
                source: "./x"
                target: /x
        """
    )
    found = run(text, "CL4105")
    assert spots(found) == [(5, 9), (7, 9)]
    assert found[0].fix is not None
    assert apply_fix(text, found[0].fix).splitlines()[4] == "      - ./data:/data"
    assert found[1].fix is None  # 'no: plain' would not read back as the same string


# ---------------------------------------------------------------------------------------------
# CL4106 no-version-field


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ('# comment\nversion: "3.8"\nservices: {}\n', "# comment\nservices: {}\n"),
        ("version: '3' # legacy\nservices: {}\n", "services: {}\n"),
        ("services: {}\nversion: 3.8\n", "services: {}\n"),
        ("services: {}\nversion: 3.8", "services: {}"),
    ],
)
def test_version_field_fix(text: str, fixed: str) -> None:
    [finding] = run(text, "CL4106")
    assert finding.fix is not None
    assert apply_fix(text, finding.fix) == fixed


def test_version_field_location() -> None:
    [finding] = run('services: {}\n\nversion: "2.4"\n', "CL4106")
    assert (finding.span.start.line, finding.span.start.column, finding.span.end.column) == (3, 1, 8)
    assert run("services:\n  version:\n    image: x\n", "CL4106") == []


# ---------------------------------------------------------------------------------------------
# CL4107 require-project-name-field


def test_project_name() -> None:
    [finding] = run("# header\nservices:\n  a:\n    image: x:1\n", "CL4107")
    assert (finding.span.start.line, finding.span.start.column) == (2, 1)
    assert run("name: shop\nservices: {}\n", "CL4107") == []
    found = project(
        {
            "p/compose.yaml": "name: shop\nservices:\n  a:\n    image: x:1\n",
            "p/compose.override.yaml": "services:\n  a:\n    ports: ['127.0.0.1:80:80']\n",
        },
        "CL4107",
    )
    assert found == []


# ---------------------------------------------------------------------------------------------
# CL4108 require-quotes-in-ports


def test_quotes_in_ports_and_fix() -> None:
    text = dedent(
        """
        services:
          a:
            image: x:1
            ports:
              - 8080:80
              - "443:443"
              - '22:22'
              - target: 80
            expose: [3000, '3001']
        """
    )
    found = run(text, "CL4108")
    assert spots(found) == [(5, 9), (6, 9), (9, 14)]
    fixed = apply_fix(text, found[1].fix) if found[1].fix else ""
    assert fixed.splitlines()[5] == "      - '443:443'"
    double = run(text, "CL4108", **{"quote-type": "double"})
    assert spots(double) == [(5, 9), (7, 9), (9, 14), (9, 20)]


# ---------------------------------------------------------------------------------------------
# CL4109 service-container-name-regex


def test_container_name_regex() -> None:
    found = run(
        """
        services:
          a: {image: x, container_name: "my app"}
          b: {image: x, container_name: x}
          c: {image: x, container_name: ok-name_1.2}
          d: {image: x, container_name: "${P}-x"}
        """,
        "CL4109",
    )
    assert spots(found) == [(2, 33), (3, 33)]


# ---------------------------------------------------------------------------------------------
# Ordering rules


def test_dependencies_order() -> None:
    found = run(
        """
        services:
          a:
            image: x
            depends_on: [Redis, db]
          b:
            image: x
            depends_on: [api, DB, web]
        """,
        "CL4110",
    )
    assert spots(found) == [(4, 25)]
    assert found[0].message.startswith("service 'a' depends_on 'db' comes after 'Redis'")


def test_service_keys_order() -> None:
    text = """
        x-base: &base
          restart: always
        services:
          a:
            <<: *base
            image: x
            user: app
            labels: {}
            cpus: 1
            build: .
        """
    found = run(text, "CL4111")
    assert spots(found) == [(8, 5), (10, 5)]
    assert found[0].message == "service 'a' key 'labels' should come before 'user'"
    assert spots(run(text, "CL4111", **{"group-order": ["core", "security"]})) == [(10, 5)]
    assert spots(run(text, "CL4111", groups={"metadata": ["logging"]})) == [(9, 5), (10, 5)]


def test_service_ports_order() -> None:
    found = run(
        """
        services:
          a:
            image: x
            ports: ["127.0.0.1:9000:9000", "443:443", "[::1]:80:80"]
          b:
            image: x
            ports: ["80:80", "443:443", "8080:80"]
        """,
        "CL4112",
    )
    assert spots(found) == [(4, 36)]
    assert found[0].message.startswith("service 'a' port '443' comes after '9000'")


def test_services_order() -> None:
    found = run("services:\n  web: {}\n  api: {}\n  db: {}\n  zed: {}\n", "CL4113")
    assert spots(found) == [(3, 3), (4, 3)]
    assert found[1].message == "service 'db' should come before 'web' (services in alphabetical order)"


def test_top_level_order() -> None:
    text = "services: {}\nx-b: 1\nname: n\nx-a: 2\nmodels: {}\nvolumes: {}\n"
    assert spots(run(text, "CL4114")) == [(2, 1), (3, 1), (4, 1)]
    assert spots(run(text, "CL4114", **{"custom-order": ["services", "x-properties", "volumes"]})) == [(4, 1)]


# ---------------------------------------------------------------------------------------------
# Defaults, suppressions, odd shapes


def test_defaults_style_rules_off() -> None:
    from tests.helpers import builtin_ruleset

    ruleset = builtin_ruleset()
    off = {r.code for r in ruleset if r.code in ALL and not r.default_enabled}
    assert off == {"CL4104", "CL4105", "CL4107", "CL4108", "CL4110", "CL4111", "CL4112", "CL4113", "CL4114"}
    for code in ALL:
        rule = ruleset.get(code)
        assert rule is not None and any(a.startswith("dclint:") for a in rule.aliases)


def test_dclint_comments_suppress() -> None:
    text = dedent(
        """
        version: "3"  # dclint disable-line no-version-field
        services:
          a:
            image: x:1
            # dclint disable-line no-unbound-port-interfaces
            ports: ["80:80"]
        """
    )
    found = lint_text(text, FileKind.COMPOSE, select=["CL4106", "CL4104"])
    assert found and all(f.suppressed for f in found)
    found = lint_text("# dclint disable-file\nversion: '3'\nservices: {}\n", FileKind.COMPOSE, select=["CL4106"])
    assert found and all(f.suppressed for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "services: []\n",
        "services:\n  a: 5\n",
        "services:\n  a:\n    ports: 5\n    volumes: {a: b}\n    depends_on: 3\n",
        "services:\n  a:\n    ports: [[1], {published: [2]}, null]\n    expose: [{}]\n",
        "[1, 2]\n",
        "version: [3]\nservices: {}\n",
    ],
)
def test_wrong_shapes_never_raise(text: str) -> None:
    found = lint_text(text, FileKind.COMPOSE, select=[*ALL, "CL0004"])
    assert not [f for f in found if f.code == "CL0004"]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "services: [\n", "---\n"])
def test_project_name_not_asked_of_empty_or_broken_files(text: str) -> None:
    assert run(text, "CL4107") == []


def test_names_and_ports_are_compared_after_interpolation() -> None:
    text = """
        services:
          a:
            image: x:1
            container_name: ${CLT_UNSET_NAME:-web}
            ports: ["${CLT_UNSET_PORT:-8080}:80"]
          b:
            image: x:1
            container_name: web
            ports: ["8080:81"]
        """
    assert spots(run(text, "CL4102")) == [(8, 21)]
    [port] = run(text, "CL4103")
    assert (port.span.start.line, port.span.start.column) == (9, 13)
    assert "already published by service 'a' ('8080:80')" in port.message
