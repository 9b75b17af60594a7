"""CL4010-CL4016 and CL7001: references between Compose services and resources, on the merged
project (base + override files on disk), at exact positions."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from containerlint.model import FileKind, Finding
from tests.helpers import lint_text, lint_texts

ALL_CODES = ["CL4010", "CL4011", "CL4012", "CL4013", "CL4014", "CL4015", "CL4016", "CL7001"]


def project(tmp_path: Path, files: dict[str, str], select: list[str]) -> list[Finding]:
    """Write ``files`` into ``tmp_path`` and lint the Compose files and Dockerfiles among them."""
    sources = []
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = textwrap.dedent(text)
        path.write_text(text, encoding="utf-8")
        if name.endswith((".yaml", ".yml")):
            sources.append((str(path), text, FileKind.COMPOSE))
        elif Path(name).name.startswith("Dockerfile"):
            sources.append((str(path), text, FileKind.DOCKERFILE))
    findings = lint_texts(sources, select=select)
    broken = [f for f in findings if f.code in ("CL0001", "CL0008")]
    assert not broken, broken
    return [f for f in findings if f.code in select]


def at(finding: Finding) -> tuple[str, int, int]:
    return Path(finding.path).name, finding.span.start.line, finding.span.start.column


def where(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    text = textwrap.dedent(text)
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def single(tmp_path: Path, text: str, code: str) -> list[Finding]:
    return project(tmp_path, {"compose.yaml": text}, [code])


# ---------------------------------------------------------------------------------------------
# CL4010 undefined-dependency

DEPENDS = """\
services:
  web:
    image: acme/web:1
    depends_on:
      - db
      - cahce
  worker:
    image: acme/worker:1
    depends_on:
      queue:
        condition: service_started
        required: false
  db:
    image: postgres:16
  cache:
    image: redis:7
"""


def test_undefined_dependency_list_and_map_forms(tmp_path: Path) -> None:
    findings = single(tmp_path, DEPENDS, "CL4010")
    assert [at(f)[1:] for f in findings] == [where(DEPENDS, "cahce"), where(DEPENDS, "queue")]
    assert findings[0].message == "service 'web' depends on service 'cahce', which the project does not define"
    assert findings[0].hint == "did you mean 'cache'?"
    assert findings[1].hint == "define the service, or remove the dependency"
    assert findings[0].span.end.column == where(DEPENDS, "cahce")[1] + len("cahce")


def test_dependency_defined_in_the_base_file_satisfies_the_override(tmp_path: Path) -> None:
    base = "services:\n  db:\n    image: postgres:16\n  web:\n    image: acme/web:1\n"
    override = "services:\n  web:\n    depends_on: [db, missing]\n"
    findings = project(tmp_path, {"compose.yaml": base, "compose.override.yaml": override}, ["CL4010"])
    assert [at(f) for f in findings] == [("compose.override.yaml", 3, 22)]


def test_service_defined_only_in_the_override_is_known_to_the_base(tmp_path: Path) -> None:
    base = "services:\n  web:\n    image: acme/web:1\n    depends_on: [db]\n"
    override = "services:\n  db:\n    image: postgres:16\n"
    assert project(tmp_path, {"compose.yaml": base, "compose.override.yaml": override}, ["CL4010"]) == []
    # without the override, the base alone is wrong
    alone = tmp_path / "alone"
    assert [at(f) for f in project(alone, {"compose.yaml": base}, ["CL4010"])] == [("compose.yaml", 4, 18)]


@pytest.mark.parametrize(
    "depends_on",
    ["depends_on: db", "depends_on: [[db]]", "depends_on: {db: [x]}", "depends_on:", "depends_on: [~]"],
)
def test_wrong_shapes_never_raise(tmp_path: Path, depends_on: str) -> None:
    text = f"services:\n  web:\n    image: acme/web:1\n    {depends_on}\n  db:\n    image: postgres:16\n"
    findings = lint_text(text, FileKind.COMPOSE, select=ALL_CODES)
    assert not [f for f in findings if f.code == "CL9999" or "failed" in f.message]


# ---------------------------------------------------------------------------------------------
# CL4011 dependency-cycle


def test_two_service_cycle_is_reported_once_where_it_closes(tmp_path: Path) -> None:
    text = "services:\n  a:\n    image: x:1\n    depends_on: [b]\n  b:\n    image: x:1\n    depends_on: [a]\n"
    [finding] = single(tmp_path, text, "CL4011")
    assert at(finding) == ("compose.yaml", 7, 18)
    assert finding.message == "dependency cycle: a -> b -> a (service 'b' depending on 'a' closes it)"


def test_three_service_cycle_and_a_self_dependency(tmp_path: Path) -> None:
    text = """\
    services:
      a:
        image: x:1
        depends_on: [b]
      b:
        image: x:1
        links: [c]
      c:
        image: x:1
        depends_on:
          a:
            condition: service_started
      d:
        image: x:1
        network_mode: service:d
    """
    findings = single(tmp_path, text, "CL4011")
    assert [at(f)[1:] for f in findings] == [where(text, "a:", 1), where(text, "service:d")]
    assert "a -> b -> c -> a" in findings[0].message
    assert findings[1].message == "dependency cycle: d -> d (service 'd' using network_mode: service:d closes it)"


def test_diamond_and_chains_are_not_cycles(tmp_path: Path) -> None:
    text = """\
    services:
      top: {image: "x:1", depends_on: [left, right]}
      left: {image: "x:1", depends_on: [bottom]}
      right: {image: "x:1", volumes_from: ["bottom:ro"]}
      bottom: {image: "x:1", depends_on: [unknown]}
    """
    assert single(tmp_path, text, "CL4011") == []


def test_two_separate_cycles(tmp_path: Path) -> None:
    text = """\
    services:
      a: {image: "x:1", depends_on: [b]}
      b: {image: "x:1", depends_on: [a]}
      c: {image: "x:1", ipc: "service:d"}
      d: {image: "x:1", pid: "service:c"}
    """
    findings = single(tmp_path, text, "CL4011")
    assert [f.message.split(" (")[0] for f in findings] == [
        "dependency cycle: a -> b -> a",
        "dependency cycle: c -> d -> c",
    ]


def test_cycle_closed_by_the_override_is_reported_in_the_override(tmp_path: Path) -> None:
    base = "services:\n  a:\n    image: x:1\n    depends_on: [b]\n  b:\n    image: x:1\n"
    override = "services:\n  b:\n    depends_on: [a]\n"
    [finding] = project(tmp_path, {"compose.yaml": base, "compose.override.yaml": override}, ["CL4011"])
    assert at(finding) == ("compose.override.yaml", 3, 18)


# ---------------------------------------------------------------------------------------------
# CL4012 healthy-condition-without-healthcheck


def healthy(dependency: str) -> str:
    body = textwrap.indent(textwrap.dedent(dependency), "    ")
    return (
        "services:\n"
        "  app:\n"
        "    image: acme/app:1\n"
        "    depends_on:\n"
        "      db:\n"
        "        condition: service_healthy\n"
        f"  db:\n{body}"
    )


@pytest.mark.parametrize(
    ("db", "why"),
    [
        ("image: postgres:16\n", "has no healthcheck"),
        ("image: postgres:16\nhealthcheck:\n  disable: true\n", "disables its healthcheck"),
        ("image: postgres:16\nhealthcheck:\n  test: [NONE]\n", "disables its healthcheck"),
        ("image: postgres:16\nhealthcheck:\n  test: NONE\n", "disables its healthcheck"),
    ],
)
def test_healthy_condition_on_a_service_without_healthcheck(tmp_path: Path, db: str, why: str) -> None:
    [finding] = single(tmp_path, healthy(db), "CL4012")
    assert at(finding) == ("compose.yaml", 5, 7)
    assert finding.message == f"service 'app' waits for 'db' to be healthy, but 'db' {why}"


@pytest.mark.parametrize(
    "db",
    [
        "image: postgres:16\nhealthcheck:\n  test: [CMD, pg_isready]\n",
        "image: postgres:16\nhealthcheck:\n  test: pg_isready\n  interval: 5s\n",
        "build: ./db\n",  # no Dockerfile among the linted files: unknown, not reported
        "build:\n  context: .\n  dockerfile_inline: FROM postgres\n",
    ],
)
def test_healthy_condition_satisfied_or_unknown(tmp_path: Path, db: str) -> None:
    assert single(tmp_path, healthy(db), "CL4012") == []


def test_other_conditions_and_unknown_services_are_not_this_rules(tmp_path: Path) -> None:
    text = """\
    services:
      app:
        image: acme/app:1
        depends_on:
          db: {condition: service_started}
          migrate: {condition: service_completed_successfully}
          ghost: {condition: service_healthy}
      db: {image: "postgres:16"}
      migrate: {image: "acme/migrate:1"}
    """
    assert single(tmp_path, text, "CL4012") == []


@pytest.mark.parametrize(
    ("dockerfile", "target", "flagged"),
    [
        ("FROM postgres:16\nHEALTHCHECK CMD pg_isready\n", None, False),
        ("FROM postgres:16\n", None, True),
        ("FROM postgres:16\nHEALTHCHECK NONE\n", None, True),
        ("FROM postgres:16 AS base\nHEALTHCHECK CMD pg_isready\nFROM base AS final\nRUN true\n", None, False),
        ("FROM postgres:16 AS base\nHEALTHCHECK CMD pg_isready\nFROM postgres:16 AS other\n", None, True),
        ("FROM postgres:16 AS dev\nHEALTHCHECK CMD pg_isready\nFROM postgres:16 AS prod\n", "dev", False),
        ("FROM postgres:16 AS dev\nFROM postgres:16 AS prod\nHEALTHCHECK CMD pg_isready\n", "dev", True),
    ],
)
def test_healthcheck_of_the_built_dockerfile_counts(
    tmp_path: Path, dockerfile: str, target: str | None, flagged: bool
) -> None:
    build = "build:\n  context: ./db\n" + (f"  target: {target}\n" if target else "")
    findings = project(tmp_path, {"compose.yaml": healthy(build), "db/Dockerfile": dockerfile}, ["CL4012"])
    assert len(findings) == flagged
    if flagged:
        assert "the Dockerfile it builds has no HEALTHCHECK" in findings[0].message


def test_custom_dockerfile_name(tmp_path: Path) -> None:
    build = "build:\n  context: db\n  dockerfile: Dockerfile.prod\n"
    files = {"compose.yaml": healthy(build), "db/Dockerfile.prod": "FROM postgres:16\n"}
    assert len(project(tmp_path, files, ["CL4012"])) == 1
    files["db/Dockerfile.prod"] = "FROM postgres:16\nHEALTHCHECK CMD pg_isready\n"
    assert project(tmp_path / "2", files, ["CL4012"]) == []


def test_healthcheck_added_by_the_override(tmp_path: Path) -> None:
    override = "services:\n  db:\n    healthcheck:\n      test: [CMD, pg_isready]\n"
    files = {"compose.yaml": healthy("image: postgres:16\n"), "compose.override.yaml": override}
    assert project(tmp_path, files, ["CL4012"]) == []


# ---------------------------------------------------------------------------------------------
# CL4013 dependency-disabled-by-profile


def test_dependency_disabled_by_profile(tmp_path: Path) -> None:
    text = """\
    services:
      web:
        image: acme/web:1
        depends_on: [mailer]
      tools:
        image: acme/tools:1
        profiles: [debug, ops]
        depends_on: [profiler]
        network_mode: service:profiler
      both:
        image: acme/tools:1
        profiles: [debug]
        depends_on: [profiler]
      optional:
        image: acme/tools:1
        depends_on:
          mailer: {condition: service_started, required: false}
      mailer:
        image: mailhog/mailhog:v1
        profiles: [dev]
      profiler:
        image: acme/profiler:1
        profiles: [debug]
    """
    findings = single(tmp_path, text, "CL4013")
    assert [at(f)[1:] for f in findings] == [
        where(text, "mailer]"),
        where(text, "profiler]"),
        where(text, "service:profiler"),
    ]
    assert findings[0].message == (
        "service 'web' needs 'mailer' (depends_on), but without profiles 'mailer' is disabled (its profiles: dev)"
    )
    assert "with profile 'ops'" in findings[1].message
    assert "(network_mode)" in findings[2].message


def test_active_profiles_from_the_project_env(tmp_path: Path) -> None:
    text = """\
    services:
      web:
        image: acme/web:1
        profiles: [dev, ops]
        depends_on: [mailer]
      mailer:
        image: mailhog/mailhog:v1
        profiles: [dev]
    """
    # every profile considered: 'ops' enables web without mailer
    assert len(single(tmp_path, text, "CL4013")) == 1
    # only 'dev' active: both run
    files = {"compose.yaml": text, ".env": "COMPOSE_PROFILES=dev\n"}
    assert project(tmp_path / "dev", files, ["CL4013"]) == []
    files = {"compose.yaml": text, ".env": "COMPOSE_PROFILES=ops\n"}
    [finding] = project(tmp_path / "ops", files, ["CL4013"])
    assert "with the active profiles (ops)" in finding.message


# ---------------------------------------------------------------------------------------------
# CL4014 missing-env-file


def test_missing_env_files_short_list_and_long_forms(tmp_path: Path) -> None:
    text = """\
    services:
      app:
        image: acme/app:1
        env_file:
          - common.env
          - app.env
          - path: local.env
            required: false
          - path: ./prod.env
            required: true
      worker:
        image: acme/worker:1
        env_file: worker.env
      opt:
        image: acme/worker:1
        env_file: ${ENV_FILE:-}
    """
    findings = project(tmp_path, {"compose.yaml": text, "common.env": "A=1\n"}, ["CL4014"])
    assert [at(f)[1:] for f in findings] == [
        where(text, "app.env"),
        where(text, "./prod.env"),
        where(text, "worker.env"),
    ]
    assert findings[0].message.startswith("service 'app' reads env_file 'app.env', which does not exist")


def test_env_file_relative_to_the_project_and_in_subfolders(tmp_path: Path) -> None:
    text = "services:\n  app:\n    image: acme/app:1\n    env_file: [config/app.env, ../outside.env]\n"
    files = {"proj/compose.yaml": text, "proj/config/app.env": "A=1\n", "outside.env": "B=2\n"}
    assert project(tmp_path, files, ["CL4014"]) == []


def test_env_file_in_an_override(tmp_path: Path) -> None:
    base = "services:\n  app:\n    image: acme/app:1\n    env_file: [base.env]\n"
    override = "services:\n  app:\n    env_file: [extra.env]\n"
    files = {"compose.yaml": base, "compose.override.yaml": override, "base.env": "A=1\n"}
    [finding] = project(tmp_path, files, ["CL4014"])
    assert at(finding) == ("compose.override.yaml", 3, 16)


def test_compose_text_not_on_disk_is_not_checked() -> None:
    text = "services:\n  app:\n    image: acme/app:1\n    env_file: [surely-missing-h4.env]\n"
    findings = lint_text(text, FileKind.COMPOSE, path="no/such/folder/compose.yaml", select=["CL4014"])
    assert [f for f in findings if f.code == "CL4014"] == []


# ---------------------------------------------------------------------------------------------
# CL4015 undefined-service-reference


def test_undefined_service_references(tmp_path: Path) -> None:
    text = """\
    services:
      app:
        image: acme/app:1
        links: [database:db, db]
        volumes_from: ["assets:ro", "container:legacy", db]
        network_mode: service:vpn
        ipc: service:shm
        pid: "service:db"
      db:
        image: postgres:16
    """
    findings = single(tmp_path, text, "CL4015")
    assert [at(f)[1:] for f in findings] == [
        where(text, "database:db"),
        where(text, '"assets:ro"'),  # a quoted scalar's span includes its quotes
        where(text, "service:vpn"),
        where(text, "service:shm"),
    ]
    assert findings[0].message == "service 'app' uses links 'database', but the project defines no service 'database'"
    assert (
        findings[2].message == "service 'app' uses network_mode: service:vpn, but the project defines no service 'vpn'"
    )


@pytest.mark.parametrize("mode", ["host", "bridge", "none", "container:abc", "service:"])
def test_other_network_modes_are_not_references(tmp_path: Path, mode: str) -> None:
    text = f"services:\n  app:\n    image: acme/app:1\n    network_mode: '{mode}'\n    ipc: shareable\n"
    assert single(tmp_path, text, "CL4015") == []


# ---------------------------------------------------------------------------------------------
# CL4016 container-name-with-replicas


@pytest.mark.parametrize(
    ("settings", "flagged"),
    [
        ("deploy:\n      replicas: 3\n", "deploy.replicas"),
        ("scale: 2\n", "scale"),
        ("deploy:\n      replicas: 1\n", None),
        ("scale: 1\n", None),
        ("deploy:\n      mode: global\n", None),
        ("deploy:\n      replicas: ${REPLICAS:-4}\n", "deploy.replicas"),
    ],
)
def test_container_name_with_replicas(tmp_path: Path, settings: str, flagged: str | None) -> None:
    text = f"services:\n  worker:\n    image: acme/worker:1\n    container_name: worker\n    {settings}"
    findings = single(tmp_path, text, "CL4016")
    if flagged is None:
        assert findings == []
    else:
        [finding] = findings
        assert at(finding) == ("compose.yaml", 4, 21)
        assert f"({flagged})" in finding.message


def test_replicas_without_container_name(tmp_path: Path) -> None:
    text = "services:\n  worker:\n    image: acme/worker:1\n    deploy: {replicas: 5}\n"
    assert single(tmp_path, text, "CL4016") == []


def test_replicas_set_in_the_override(tmp_path: Path) -> None:
    base = "services:\n  worker:\n    image: acme/worker:1\n    container_name: worker\n"
    override = "services:\n  worker:\n    deploy:\n      replicas: 2\n"
    [finding] = project(tmp_path, {"compose.yaml": base, "compose.override.yaml": override}, ["CL4016"])
    assert at(finding) == ("compose.yaml", 4, 21)


# ---------------------------------------------------------------------------------------------
# CL7001 undefined-compose-resource on the merged project


def test_resource_declared_in_the_base_used_in_the_override(tmp_path: Path) -> None:
    base = "services:\n  db:\n    image: postgres:16\nvolumes:\n  dbdata:\nnetworks:\n  back: {}\n"
    override = "services:\n  db:\n    volumes: [dbdata:/data, logs:/logs]\n    networks: [back, front]\n"
    findings = project(tmp_path, {"compose.yaml": base, "compose.override.yaml": override}, ["CL7001"])
    assert [at(f) for f in findings] == [("compose.override.yaml", 3, 29), ("compose.override.yaml", 4, 22)]
    assert "volume 'logs'" in findings[0].message and "network 'front'" in findings[1].message


def test_resource_declared_in_the_override_used_in_the_base(tmp_path: Path) -> None:
    base = "services:\n  db:\n    image: postgres:16\n    secrets: [pw]\n"
    override = "secrets:\n  pw:\n    file: ./pw.txt\n"
    assert project(tmp_path, {"compose.yaml": base, "compose.override.yaml": override}, ["CL7001"]) == []


def test_declarations_of_an_included_project_count(tmp_path: Path) -> None:
    base = "include:\n  - db/compose.yaml\nservices:\n  app:\n    image: acme/app:1\n    networks: [dbnet]\n"
    included = "services:\n  db:\n    image: postgres:16\n    networks: [dbnet]\nnetworks:\n  dbnet: {}\n"
    findings = project(tmp_path, {"compose.yaml": base, "db/compose.yaml": included}, ["CL7001"])
    assert findings == []


# ---------------------------------------------------------------------------------------------
# Active profiles: services they do not enable are not loaded, so not checked


def test_services_disabled_by_the_active_profiles_are_not_checked(tmp_path: Path) -> None:
    text = """\
    services:
      app:
        image: acme/app:1
      debug:
        image: acme/debug:1
        profiles: [dev]
        depends_on: [ghost]
        network_mode: service:nowhere
        env_file: missing.env
        volumes: [undeclared:/data]
        container_name: debug
        scale: 2
    """
    codes = ["CL4010", "CL4014", "CL4015", "CL4016", "CL7001"]
    # every profile considered: all reported
    assert sorted(f.code for f in project(tmp_path, {"compose.yaml": text}, codes)) == sorted(codes)
    # only 'prod' active: the debug service is not part of the project
    files = {"compose.yaml": text, ".env": "COMPOSE_PROFILES=prod\n"}
    assert project(tmp_path / "prod", files, codes) == []
