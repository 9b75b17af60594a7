"""The Compose project model: which files form a project, where every node came from, and that
findings made on the merged model land in the file, line and column that introduced the value."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from containerlint.compose.envfile import parse_env_text
from containerlint.compose_model import ComposeProject, load_compose_projects
from containerlint.config import ComposeProjectConfig, ComposeSettings, Settings
from containerlint.engine import Source, parse_source
from containerlint.model import FileKind, Finding
from containerlint.project import ProjectIndex
from tests.helpers import lint_texts


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(("COMPOSE_", "CLT_")):
            monkeypatch.delenv(name)


def write(directory: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def lint(directory: Path, linted: list[str], select: list[str]) -> list[Finding]:
    """Lint the ``linted`` files of ``directory`` (the others are on disk only)."""
    files = [
        (str(directory / name), (directory / name).read_text(encoding="utf-8"), FileKind.COMPOSE) for name in linted
    ]
    return [f for f in lint_texts(files, select=select) if f.code in select]


def located(findings: list[Finding], directory: Path) -> list[tuple[str, str, int, int]]:
    return [
        (f.code, Path(f.path).relative_to(directory).as_posix(), f.span.start.line, f.span.start.column)
        for f in findings
    ]


def projects(directory: Path, linted: list[str], **settings: object) -> list[ComposeProject]:
    sources = [
        Source(path=str(directory / name), text=(directory / name).read_text(encoding="utf-8"), kind=FileKind.COMPOSE)
        for name in linted
    ]
    index = ProjectIndex([parse_source(source) for source in sources])
    return load_compose_projects(index, Settings(root=directory, compose=ComposeSettings(**settings)))  # type: ignore[arg-type]


def names(directory: Path, project: ComposeProject) -> list[str]:
    return [Path(path).relative_to(directory).as_posix() for path in project.files]


# ---------------------------------------------------------------------------------------------
# Findings land where the value was written


def test_image_from_the_override_is_reported_in_the_override(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    ports: ['80:80']\n",
            "compose.override.yaml": "services:\n  web:\n    image: nginx:latest\n",
        },
    )
    # only the base file is linted: the override is read from disk and still reported on
    findings = lint(tmp_path, ["compose.yaml"], ["CL1001"])
    assert located(findings, tmp_path) == [("CL1001", "compose.override.yaml", 3, 12)]
    assert "nginx:latest" in findings[0].message


def test_image_reached_through_extends_is_reported_in_the_extended_file(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "common/services.yaml": "services:\n  base:\n    restart: always\n    image: redis\n",
            "compose.yaml": "services:\n  cache:\n    extends:\n      file: common/services.yaml\n"
            "      service: base\n",
        },
    )
    findings = lint(tmp_path, ["compose.yaml"], ["CL1001"])
    assert located(findings, tmp_path) == [("CL1001", "common/services.yaml", 4, 12)]


def test_image_and_variable_of_an_included_file_are_reported_there(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "db/compose.yaml": "services:\n  db:\n    image: postgres:${CLT_PG:-latest}\n    user: $CLT_DB_USER\n",
            "compose.yaml": "include:\n  - db/compose.yaml\nservices:\n  app:\n    image: app:1\n",
        },
    )
    findings = lint(tmp_path, ["compose.yaml"], ["CL1001", "CL4001"])
    assert located(findings, tmp_path) == [("CL1001", "db/compose.yaml", 3, 12), ("CL4001", "db/compose.yaml", 4, 11)]
    assert "resolved to 'postgres:latest'" in findings[0].message
    assert "CLT_DB_USER" in findings[1].message


def test_included_file_reads_its_own_env_and_the_including_project_wins(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".env": "CLT_PG=latest\n",
            "db/.env": "CLT_PG=16.4\nCLT_DB_USER=postgres\n",
            "db/compose.yaml": "services:\n  db:\n    image: postgres:${CLT_PG}\n    user: $CLT_DB_USER\n",
            "compose.yaml": "include:\n  - db/compose.yaml\nservices:\n  app:\n    image: app:1\n",
        },
    )
    findings = lint(tmp_path, ["compose.yaml"], ["CL1001", "CL4001"])
    assert located(findings, tmp_path) == [("CL1001", "db/compose.yaml", 3, 12)]


def test_unset_variable_in_the_override_and_in_an_anchor(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": "services:\n  web:\n    image: nginx:1.27\n",
            "compose.override.yaml": textwrap.dedent(
                """\
                x-env: &env
                  TOKEN: ${CLT_TOKEN}
                services:
                  web:
                    environment: *env
                  api:
                    image: api:1
                    environment: *env
                """
            ),
        },
    )
    findings = lint(tmp_path, ["compose.yaml", "compose.override.yaml"], ["CL4001"])
    # once, at the anchored value, although two services use it
    assert located(findings, tmp_path) == [("CL4001", "compose.override.yaml", 2, 10)]
    assert "'CLT_TOKEN'" in findings[0].message


def test_interpolated_image_is_judged_with_the_dotenv_value(tmp_path: Path) -> None:
    write(tmp_path, {".env": "CLT_TAG=latest\n", "compose.yaml": "services:\n  web:\n    image: 'nginx:${CLT_TAG}'\n"})
    [finding] = lint(tmp_path, ["compose.yaml"], ["CL1001"])
    assert located([finding], tmp_path) == [("CL1001", "compose.yaml", 3, 12)]
    assert finding.message.startswith("image 'nginx:${CLT_TAG}' (resolved to 'nginx:latest')")
    (tmp_path / ".env").write_text("CLT_TAG=1.27.3\n")
    assert lint(tmp_path, ["compose.yaml"], ["CL1001"]) == []
    (tmp_path / ".env").unlink()
    assert lint(tmp_path, ["compose.yaml"], ["CL1001"]) == []  # unset: not guessed at


def test_process_environment_decides_the_image(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {".env": "CLT_TAG=1.0\n", "compose.yaml": "services:\n  web:\n    image: nginx:$CLT_TAG\n"})
    monkeypatch.setenv("CLT_TAG", "latest")
    [finding] = lint(tmp_path, ["compose.yaml"], ["CL1001"])
    assert "resolved to 'nginx:latest'" in finding.message


# ---------------------------------------------------------------------------------------------
# Origins, raw text, directories


def test_origin_raw_and_directory_of(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".env": "CLT_PORT=8080\n",
            "compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    ports: ['${CLT_PORT}:80']\n",
            "compose.override.yaml": (
                "services:\n  web:\n    volumes: ['./src:/src']\n    extends: {service: b, file: lib/b.yaml}\n"
            ),
            "lib/b.yaml": "services:\n  b:\n    env_file: b.env\n",
            "lib/b.env": "",
        },
    )
    [project] = projects(tmp_path, ["compose.yaml"])
    assert names(tmp_path, project) == ["compose.yaml", "compose.override.yaml"]
    web = project.model.service("web")
    assert web is not None
    [port] = web.ports
    assert port.published == "8080" and project.raw(port.node) == "${CLT_PORT}:80"
    assert project.origin(port.node) == str(tmp_path / "compose.yaml")
    [volume] = web.volumes
    assert project.origin(volume.node) == str(tmp_path / "compose.override.yaml")
    env_file = web.env_file[0]
    assert project.origin(env_file.node) == str(tmp_path / "lib/b.yaml")
    assert project.directory_of(env_file.node).resolve() == (tmp_path / "lib").resolve()
    assert project.directory_of(volume.node).resolve() == tmp_path.resolve()
    # the merged service: at its name in the first file that defines it
    assert project.origin(web.node) == str(tmp_path / "compose.yaml")
    assert web.node.span == web.key.span
    assert "extends" not in web.node
    assert project.environment["CLT_PORT"] == "8080"
    assert project.name == tmp_path.name.lower()


def test_project_name_from_the_file(tmp_path: Path) -> None:
    write(tmp_path, {".env": "CLT_NAME=shop\n", "compose.yaml": "name: ${CLT_NAME}-dev\nservices: {}\n"})
    [project] = projects(tmp_path, ["compose.yaml"])
    assert project.name == "shop-dev"


# ---------------------------------------------------------------------------------------------
# Which files form which project


def test_file_selection(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": "services:\n  a: {image: a:1}\n",
            "compose.override.yaml": "services:\n  a: {ports: ['80:80']}\n",
            "compose.prod.yaml": "services:\n  a: {restart: always}\n",
            "stack.yaml": "services:\n  b: {image: b:1}\n",
            "legacy/docker-compose.yml": "services:\n  c: {image: c:1}\n",
            "legacy/docker-compose.override.yml": "services:\n  c: {restart: always}\n",
            "lone/compose.override.yaml": "services:\n  d: {image: d:1}\n",
        },
    )
    linted = [
        "compose.override.yaml",
        "compose.prod.yaml",
        "stack.yaml",
        "legacy/docker-compose.override.yml",
        "lone/compose.override.yaml",
    ]
    found = sorted(names(tmp_path, p) for p in projects(tmp_path, linted))
    assert found == [
        ["compose.yaml", "compose.override.yaml"],  # the override alone is no project: its base is loaded
        ["compose.yaml", "compose.prod.yaml"],
        ["legacy/docker-compose.yml", "legacy/docker-compose.override.yml"],
        ["lone/compose.override.yaml"],  # no base next to it
        ["stack.yaml"],
    ]


def test_explicit_projects_claim_their_files(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": "services:\n  a: {image: a:1}\n",
            "compose.override.yaml": "services:\n  a: {ports: ['80:80']}\n",
            "ci.yaml": "services:\n  a: {environment: [CI=1]}\n",
            "ci.env": "CLT_CI=1\n",
        },
    )
    config = ComposeProjectConfig(files=("compose.yaml", "ci.yaml"), env_files=("ci.env",), profiles=("ci",))
    found = projects(tmp_path, ["compose.yaml", "compose.override.yaml", "ci.yaml"], projects=(config,))
    # the base file is claimed; the override still needs it, so it is layered on it (as compose.*.yaml is)
    assert [names(tmp_path, p) for p in found] == [
        ["compose.yaml", "ci.yaml"],
        ["compose.yaml", "compose.override.yaml"],
    ]
    assert found[0].environment["CLT_CI"] == "1"
    assert found[0].profiles == ("ci",)


def test_compose_file_variable_defines_the_folders_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": "services:\n  a: {image: a:1}\n",
            "compose.override.yaml": "services:\n  a: {ports: ['80:80']}\n",
            "compose.dev.yaml": "services:\n  a: {restart: always}\n",
        },
    )
    files = [str(tmp_path / "compose.yaml"), str(tmp_path / "compose.dev.yaml")]
    monkeypatch.setenv("COMPOSE_FILE", os.pathsep.join(files))
    found = projects(tmp_path, ["compose.yaml", "compose.override.yaml"])
    assert [names(tmp_path, p) for p in found] == [["compose.yaml", "compose.dev.yaml"]]


def test_files_that_are_only_extended_or_included_are_not_projects_of_their_own(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": "include: [db.yaml]\nservices:\n  a: {extends: {file: base.yaml, service: b}}\n",
            "db.yaml": "services:\n  db: {image: 'postgres:${CLT_PG:?set by the includer}'}\n",
            "base.yaml": "services:\n  b: {image: b:1}\n",
            ".env": "CLT_PG=16\n",
        },
    )
    found = projects(tmp_path, ["compose.yaml", "db.yaml", "base.yaml"])
    assert [names(tmp_path, p) for p in found] == [["compose.yaml"]]
    assert sorted(s.name for s in found[0].model.services) == ["a", "db"]


# ---------------------------------------------------------------------------------------------
# .env files


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A=1\nB=two words\n", {"A": "1", "B": "two words"}),
        ("# comment\n\nexport A=1\n", {"A": "1"}),
        ("A=value # comment\nB=a#b\nC=x  \n", {"A": "value", "B": "a#b", "C": "x"}),
        ("A='single $B \\n'\n", {"A": "single $B \\n"}),
        ('A="tab\\there \\"q\\" \\\\ \\$HOME"\n', {"A": 'tab\there "q" \\ $HOME'}),
        ('A="multi\nline"\nB=2\n', {"A": "multi\nline", "B": "2"}),
        ("A=1\nB=${A}-x\nC=\"$A\"\nD='$A'\n", {"A": "1", "B": "1-x", "C": "1", "D": "$A"}),
        ("A: yaml-style\n", {"A": "yaml-style"}),
        ('A=\nB=""\n', {"A": "", "B": ""}),
        ("A=${UNDEFINED_X:-dflt}\n", {"A": "dflt"}),
        ("\ufeffA=bom\r\nB=crlf\r\n", {"A": "bom", "B": "crlf"}),
        ("A = spaced\n", {"A": "spaced"}),
    ],
)
def test_env_file_format(text: str, expected: dict[str, str]) -> None:
    result = parse_env_text(text, {})
    assert result.values == expected
    assert result.errors == []


def test_env_file_environment_wins_in_lookups_and_fills_bare_names() -> None:
    result = parse_env_text("A=file\nB=${A}\nC\nD\n", {"A": "shell", "C": "inherited"})
    assert result.values == {"A": "file", "B": "shell", "C": "inherited"}


@pytest.mark.parametrize("text", ['A="unterminated\n', "BAD NAME=1\n", "A=${B%x}\n"])
def test_env_file_errors_are_reported_not_raised(text: str) -> None:
    assert parse_env_text(text, {}).errors


# ---------------------------------------------------------------------------------------------
# Robustness: wrong shapes never raise, cycles terminate


@pytest.mark.parametrize(
    "text",
    [
        "",
        "- a list\n",
        "services: [a, b]\n",
        "services:\n  a: scalar\n  b: [1]\n",
        "services:\n  a:\n    extends: 5\n",
        "services:\n  a:\n    extends: {file: x.yaml}\n",
        "services:\n  a:\n    extends: [a]\n",
        "include: x.yaml\nservices: {}\n",
        "include: [5, {path: null}, {path: [1, 2]}, {}]\nservices: {}\n",
        "services:\n  a:\n    ports: 8080\n    environment: FOO\n    volumes: {a: b}\n",
        "services: !reset {}\n",
        "services:\n  a: !reset\n",
        "services:\n  a:\n    image: ${\n    command: ${A:-${B:-${C\n",
        "x-a: &a {image: x, extends: {service: a}}\nservices:\n  a: *a\n",
    ],
)
def test_wrong_shapes_never_raise(tmp_path: Path, text: str) -> None:
    write(tmp_path, {"compose.yaml": text, "compose.override.yaml": text})
    for project in projects(tmp_path, ["compose.yaml"]):
        for service in project.model.services:
            _ = (service.ports, service.volumes, service.environment, service.extends)


def test_extends_cycle_across_three_files_terminates(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": "services:\n  a:\n    extends: {service: b, file: b.yaml}\n",
            "b.yaml": "services:\n  b:\n    extends: {service: c, file: c.yaml}\n",
            "c.yaml": "services:\n  c:\n    extends: {service: a, file: compose.yaml}\n",
        },
    )
    findings = lint(tmp_path, ["compose.yaml"], ["CL4004"])
    assert located(findings, tmp_path) == [("CL4004", "c.yaml", 3, 24)]
    assert "a -> b -> c -> a" in findings[0].message


def test_include_cycle_is_reported_once_and_terminates(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": "include: [sub/a.yaml]\nservices: {x: {image: x:1}}\n",
            "sub/a.yaml": "include: [../compose.yaml]\nservices: {y: {image: y:1}}\n",
        },
    )
    findings = lint(tmp_path, ["compose.yaml"], ["CL4005"])
    assert located(findings, tmp_path) == [("CL4005", "sub/a.yaml", 1, 11)]
    assert "cycle" in findings[0].message


def test_override_reset_and_override_tags(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": "services:\n  a:\n    image: a:1\n    ports: ['80:80', '81:81']\n    cap_add: [X]\n",
            "compose.override.yaml": "services:\n  a:\n    ports: !override ['82:82']\n    cap_add: !reset []\n",
        },
    )
    [project] = projects(tmp_path, ["compose.yaml"])
    service = project.model.service("a")
    assert service is not None
    assert [p.published for p in service.ports] == ["82"]
    assert project.origin(service.ports[0].node) == str(tmp_path / "compose.override.yaml")
    assert service.get("cap_add") is None


def test_compose_file_and_profiles_from_the_dotenv(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".env": "COMPOSE_FILE=compose.yaml:compose.dev.yaml\nCOMPOSE_PROFILES=debug\n",
            "compose.yaml": "services:\n  a: {image: a:1}\n  d: {image: d:1, profiles: [debug]}\n",
            "compose.override.yaml": "services:\n  a: {ports: ['80:80']}\n",
            "compose.dev.yaml": "services:\n  a: {restart: always}\n",
            "other/compose.yaml": "services:\n  b: {image: b:1}\n",
        },
    )
    found = projects(tmp_path, ["compose.yaml", "compose.override.yaml", "other/compose.yaml"])
    assert sorted(names(tmp_path, p) for p in found) == [["compose.yaml", "compose.dev.yaml"], ["other/compose.yaml"]]
    main = next(p for p in found if len(p.files) == 2)
    assert main.profiles == ("debug",)
    assert [s.name for s in main.services_for_profiles()] == ["a", "d"]


def test_remote_include_and_extends_are_not_followed_nor_reported(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": textwrap.dedent(
                """\
                include:
                  - oci://docker.io/acme/stack:1.0
                  - path: git@github.com:acme/stack.git
                services:
                  a:
                    extends: {service: base, file: "https://example.com/base.yaml"}
                    image: a:1
                """
            )
        },
    )
    assert lint(tmp_path, ["compose.yaml"], ["CL4003", "CL4005"]) == []


def test_compose_project_name_is_a_variable_too(tmp_path: Path) -> None:
    write(
        tmp_path / "My App",
        {"compose.yaml": "services:\n  a:\n    image: a:1\n    container_name: ${COMPOSE_PROJECT_NAME}-a\n"},
    )
    [project] = projects(tmp_path / "My App", ["compose.yaml"])
    assert project.name == "myapp"
    service = project.model.service("a")
    assert service is not None and service.container_name is not None
    assert service.container_name.value == "myapp-a"
    assert lint(tmp_path / "My App", ["compose.yaml"], ["CL4001"]) == []


def test_invalid_interpolation_never_shows_a_secret_value(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": textwrap.dedent(
                """\
                services:
                  a:
                    image: a:1
                    environment:
                      DB_PASSWORD: "hunter2${oops"
                    command: echo ${HOSTNAME%%.*}
                  b:
                    image: b:1
                    environment:
                      - API_TOKEN=s3cr3tv4lue${x
                """
            )
        },
    )
    findings = lint(tmp_path, ["compose.yaml"], ["CL4002"])
    messages = {f.span.start.line: f.message for f in findings}
    assert sorted(messages) == [5, 6, 10]
    assert messages[5] == "invalid interpolation: '$****'"  # masked: never the secret
    assert messages[10] == "invalid interpolation: '****'"
    assert messages[6] == "invalid interpolation: '${HOSTNAME%%.*}'"


def test_documents_of_a_multi_document_file_are_merged_in_order(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "compose.yaml": (
                "services:\n  a:\n    image: a:1\n---\nservices:\n  a:\n    image: a:${CLT_NOPE}\n  b:\n    image: b\n"
            )
        },
    )
    [project] = projects(tmp_path, ["compose.yaml"])
    assert sorted(s.name for s in project.model.services) == ["a", "b"]
    findings = lint(tmp_path, ["compose.yaml"], ["CL4001", "CL1001"])
    assert located(findings, tmp_path) == [("CL4001", "compose.yaml", 7, 12), ("CL1001", "compose.yaml", 9, 12)]
