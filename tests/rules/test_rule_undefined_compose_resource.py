"""CL7001 undefined-compose-resource: every syntax of volumes, networks, secrets and configs."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from containerlint.model import FileKind, Finding
from tests.helpers import lint_text, lint_texts

CODE = "CL7001"


def undefined(text: str) -> list[Finding]:
    findings = lint_text(textwrap.dedent(text), FileKind.COMPOSE)
    broken = [f for f in findings if f.code in ("CL0001", "CL0008")]
    assert not broken, broken
    return [f for f in findings if f.code == CODE]


def where(text: str, needle: str, occurrence: int = 0) -> tuple[int, int, int, int]:
    text = textwrap.dedent(text)
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column, line, column + len(needle)


def start(finding: Finding) -> tuple[int, int]:
    return finding.span.start.line, finding.span.start.column


def service(section: str, entries: str, top: str = "") -> str:
    body = textwrap.indent(textwrap.dedent(entries), "      ")
    return f"services:\n  app:\n    image: acme/app:1.0\n    {section}:\n{body}{textwrap.dedent(top)}"


# ---------------------------------------------------------------------------------------------
# Volumes


@pytest.mark.parametrize(
    "entry",
    [
        "- ./data:/data",
        "- ../shared:/shared",
        "- /abs/path:/abs",
        "- ~/cache:/cache",
        "- .:/src",
        "- sub/dir:/dir",  # a "/" makes it a path
        "- C:\\data:/win",
        "- /data",  # anonymous volume
        "- /var/lib/scratch",
        "- type: tmpfs\n  target: /tmp",
        "- type: bind\n  source: ./src\n  target: /src",
        "- type: volume\n  target: /anonymous",
        "- {type: volume, target: /anon2}",
    ],
)
def test_volumes_that_need_no_declaration(entry: str) -> None:
    assert undefined(service("volumes", entry + "\n")) == []


@pytest.mark.parametrize(
    "declaration",
    [
        "volumes:\n  data:\n",  # null
        "volumes:\n  data: {}\n",
        "volumes:\n  data: ~\n",
        "volumes:\n  data:\n    external: true\n",
        "volumes:\n  data:\n    name: real-name\n    driver: local\n",
    ],
)
def test_declared_volumes_in_every_form(declaration: str) -> None:
    entries = "- data:/data\n- data:/again:ro\n- type: volume\n  source: data\n  target: /t\n"
    text = service("volumes", entries, declaration)
    assert undefined(text) == []


def test_undeclared_volumes_short_and_long_syntax() -> None:
    text = service(
        "volumes",
        """\
        - dbdata:/var/lib/db
        - uploads:/srv/uploads:ro
        - type: volume
          source: backups
          target: /backups
        - {type: volume, source: logs, target: /logs}
        """,
        "volumes:\n  dbdata:\n",
    )
    findings = undefined(text)
    assert [start(f) for f in findings] == [
        where(text, "uploads")[:2],
        where(text, "backups")[:2],
        where(text, "logs")[:2],
    ]
    assert "service 'app' uses volume 'uploads'" in findings[0].message
    assert "top-level 'volumes:'" in findings[0].message
    # the long syntax points exactly at the source
    assert findings[1].span.end.column == where(text, "backups")[3]


def test_short_volume_syntax_span_starts_at_the_name() -> None:
    text = service("volumes", "- uploads:/srv/uploads\n")
    [finding] = undefined(text)
    line, column, _, _ = where(text, "uploads")
    assert start(finding) == (line, column)
    # (the span covers the whole short-syntax entry; see the report for a narrower span)
    assert finding.span.end.line == line


def test_no_top_level_section_at_all() -> None:
    [finding] = undefined(service("volumes", "- data:/data\n"))
    assert "'data'" in finding.message


# ---------------------------------------------------------------------------------------------
# Networks


def test_networks_list_form() -> None:
    text = service("networks", "- front\n- default\n- back\n", "networks:\n  front:\n")
    [finding] = undefined(text)
    assert (start(finding), finding.span.end.column) == (where(text, "back")[:2], where(text, "back")[3])
    assert "network 'back'" in finding.message


def test_networks_map_form_points_at_the_key() -> None:
    text = service(
        "networks",
        """\
        front:
          aliases: [web]
        missing:
        default:
        other:
          ipv4_address: 172.16.238.10
        """,
        "networks:\n  front: {}\n  other:\n    external: true\n",
    )
    [finding] = undefined(text)
    assert (start(finding), finding.span.end.column) == (where(text, "missing")[:2], where(text, "missing")[3])


def test_default_network_always_exists() -> None:
    assert undefined(service("networks", "- default\n")) == []
    assert undefined(service("networks", "default:\n  aliases: [x]\n")) == []


# ---------------------------------------------------------------------------------------------
# Secrets and configs


@pytest.mark.parametrize("section", ["secrets", "configs"])
def test_short_and_long_syntax(section: str) -> None:
    text = service(
        section,
        """\
        - known
        - source: known
          target: /run/x
        - unknown_short
        - source: unknown_long
          target: /run/y
        - {source: unknown_flow}
        """,
        f"{section}:\n  known:\n    file: ./known.txt\n",
    )
    findings = undefined(text)
    what = section[:-1]
    assert [(start(f), f.span.end.column) for f in findings] == [
        (where(text, name)[:2], where(text, name)[3]) for name in ("unknown_short", "unknown_long", "unknown_flow")
    ]
    assert all(f"{what} '" in f.message and f"top-level '{section}:'" in f.message for f in findings)


@pytest.mark.parametrize(
    "declaration",
    ["external: true", "file: ./s.txt", "environment: S", "name: real"],
)
def test_declared_secrets_in_every_form(declaration: str) -> None:
    text = service("secrets", "- s\n", f"secrets:\n  s:\n    {declaration}\n")
    assert undefined(text) == []


def test_a_volume_named_like_a_secret_is_not_a_secret() -> None:
    # each section has its own namespace
    text = service("secrets", "- shared\n", "volumes:\n  shared:\n")
    [finding] = undefined(text)
    assert "secret 'shared'" in finding.message


def test_every_service_is_checked_and_reports_name_the_service() -> None:
    text = """\
        services:
          a:
            image: x:1
            volumes: [one:/one]
          b:
            image: x:1
            networks: [two]
          c:
            image: x:1
            configs: [three]
        """
    findings = undefined(text)
    assert [f.message.split("'")[1] for f in findings] == ["a", "b", "c"]


def test_wrong_shapes_are_tolerated() -> None:
    text = """\
        services:
          app:
            image: x:1
            volumes: data:/data
            networks: front
            secrets: {s: {}}
        volumes: [data]
        """
    assert undefined(text) == []


# ---------------------------------------------------------------------------------------------
# The merged project: override files and include (files on disk)


def on_disk(tmp_path: Path, files: dict[str, str]) -> list[Finding]:
    sources = []
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if name.endswith(".yaml"):
            sources.append((str(path), text, FileKind.COMPOSE))
    return [f for f in lint_texts(sources, select=[CODE]) if f.code == CODE]


def test_declared_in_the_base_used_in_the_override(tmp_path: Path) -> None:
    base = "services:\n  db:\n    image: postgres:16\nvolumes:\n  dbdata:\nconfigs:\n  conf:\n    file: ./c\n"
    override = "services:\n  db:\n    volumes: [dbdata:/data]\n    configs: [conf]\n"
    assert on_disk(tmp_path, {"compose.yaml": base, "compose.override.yaml": override}) == []


def test_undeclared_use_in_the_override_is_reported_in_the_override(tmp_path: Path) -> None:
    base = "services:\n  db:\n    image: postgres:16\n    secrets: [known]\nsecrets:\n  known:\n    file: ./k\n"
    override = "services:\n  db:\n    secrets: [unknown]\n"
    [finding] = on_disk(tmp_path, {"compose.yaml": base, "compose.override.yaml": override})
    assert (Path(finding.path).name, finding.span.start.line, finding.span.start.column) == (
        "compose.override.yaml",
        3,
        15,
    )
    assert finding.message.startswith("service 'db' uses secret 'unknown'")


def test_declared_only_in_the_override(tmp_path: Path) -> None:
    base = "services:\n  db:\n    image: postgres:16\n    networks: [back]\n"
    override = "networks:\n  back: {}\n"
    assert on_disk(tmp_path, {"compose.yaml": base, "compose.override.yaml": override}) == []
    # the base file alone is wrong
    [finding] = on_disk(tmp_path / "alone", {"compose.yaml": base})
    assert (finding.span.start.line, finding.span.start.column) == (4, 16)


def test_declared_in_an_included_file(tmp_path: Path) -> None:
    base = "include:\n  - infra/compose.yaml\nservices:\n  app:\n    image: acme/app:1\n    volumes: [shared:/s]\n"
    infra = "services:\n  cache:\n    image: redis:7\nvolumes:\n  shared: {}\n"
    assert on_disk(tmp_path, {"compose.yaml": base, "infra/compose.yaml": infra}) == []
