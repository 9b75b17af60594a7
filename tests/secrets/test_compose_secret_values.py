"""Secrets in Compose projects: CL5001 on the merged project (build args, x- blocks, overrides,
interpolation), CL5030 (env_file contents) and CL5031 (a git-tracked .env), and their output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from containerlint.model import FileKind, Finding
from tests.helpers import lint_texts

# Credential-shaped values are assembled from parts so that no scanner mistakes this file for a leak.
PASSWORD = "Sup3r" + "S3cretValue99"
GITHUB_TOKEN = "ghp_" + "0123456789abcdefghijklmnopqrstuvwxyzAB"
SECRETS = [PASSWORD, GITHUB_TOKEN]


def project(tmp_path: Path, files: dict[str, str], select: list[str], **kwargs: object) -> list[Finding]:
    sources = []
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = textwrap.dedent(text)
        path.write_text(text, encoding="utf-8")
        if name.endswith((".yaml", ".yml")):
            sources.append((str(path), text, FileKind.COMPOSE))
    findings = lint_texts(sources, select=select, **kwargs)  # type: ignore[arg-type]
    assert not [f for f in findings if f.code in ("CL0001", "CL0008")]
    return [f for f in findings if f.code in select]


def at(finding: Finding) -> tuple[str, int, int, int]:
    span = finding.span
    return Path(finding.path).name, span.start.line, span.start.column, span.end.column


def where(text: str, needle: str) -> tuple[int, int, int]:
    text = textwrap.dedent(text)
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column, column + len(needle)


def git(folder: Path, *arguments: str) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    environ = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-C", str(folder), *arguments], check=True, capture_output=True, env=environ)


# ---------------------------------------------------------------------------------------------
# CL5001 on the project model


def test_build_args_in_map_and_list_form(tmp_path: Path) -> None:
    text = f"""\
    services:
      app:
        build:
          context: .
          args:
            NPM_TOKEN: {GITHUB_TOKEN}
            VERSION: 1.2.3
      worker:
        build:
          context: .
          args:
            - DB_PASSWORD={PASSWORD}
            - DB_PASSWORD_FILE=/run/secrets/pw
    """
    findings = project(tmp_path, {"compose.yaml": text}, ["CL5001"])
    assert [at(f)[1:] for f in findings] == [where(text, GITHUB_TOKEN), where(text, PASSWORD)]
    assert findings[0].message == (
        "service 'app' passes the build argument NPM_TOKEN as a GitHub token committed in the file ('ghp****')"
    )
    assert "build secret" in (findings[0].hint or "")


def test_x_block_merged_into_services_is_reported_once_at_the_anchor(tmp_path: Path) -> None:
    text = f"""\
    x-common: &common
      image: acme/app:1.0
      environment: &env
        API_TOKEN: {PASSWORD}
        MODE: prod
    services:
      app:
        <<: *common
      worker:
        <<: *common
      cron:
        image: acme/app:1.0
        environment: *env
    """
    [finding] = project(tmp_path, {"compose.yaml": text}, ["CL5001"])
    assert at(finding)[1:] == where(text, PASSWORD)
    assert finding.message.startswith("services 'app', 'worker', 'cron' set API_TOKEN to a secret")


def test_x_block_not_merged_into_any_service_is_not_reported(tmp_path: Path) -> None:
    text = f"x-unused:\n  API_TOKEN: {PASSWORD}\nservices:\n  app:\n    image: acme/app:1.0\n"
    assert project(tmp_path, {"compose.yaml": text}, ["CL5001"]) == []


def test_value_interpolated_from_dotenv_is_not_committed_in_the_compose_file(tmp_path: Path) -> None:
    text = "services:\n  app:\n    image: acme/app:1.0\n    environment:\n      - DB_PASSWORD=${DB_PASSWORD}\n"
    files = {"compose.yaml": text, ".env": f"DB_PASSWORD={PASSWORD}\n"}
    assert project(tmp_path, files, ["CL5001"]) == []


def test_secret_set_in_the_override_is_reported_in_the_override(tmp_path: Path) -> None:
    base = "services:\n  app:\n    image: acme/app:1.0\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n"
    override = f"services:\n  app:\n    environment:\n      DB_PASSWORD: {PASSWORD}\n"
    [finding] = project(tmp_path, {"compose.yaml": base, "compose.override.yaml": override}, ["CL5001"])
    assert at(finding) == ("compose.override.yaml", 4, 20, 20 + len(PASSWORD))


# ---------------------------------------------------------------------------------------------
# CL5030 secret-in-env-file

ENV_FILE = f"""\
# app settings
LOG_LEVEL=info
export DB_PASSWORD={PASSWORD}
API_TOKEN="{GITHUB_TOKEN}"  # quoted
SESSION_SECRET=${{SESSION_SECRET}}
ADMIN_PASSWORD=changeme
DB_PASSWORD_FILE=/run/secrets/db
"""


def test_env_file_secrets_are_reported_in_the_env_file(tmp_path: Path) -> None:
    text = """\
    services:
      app:
        image: acme/app:1.0
        env_file: [config/app.env]
      worker:
        image: acme/app:1.0
        env_file:
          - path: ./config/app.env
            required: true
    """
    findings = project(tmp_path, {"compose.yaml": text, "config/app.env": ENV_FILE}, ["CL5030"])
    assert [at(f) for f in findings] == [
        ("app.env", 3, 20, 20 + len(PASSWORD)),
        ("app.env", 4, 12, 12 + len(GITHUB_TOKEN)),
    ]
    assert findings[0].path == str(tmp_path / "config" / "app.env")
    assert findings[0].message == (
        f"env file '{findings[0].path}' (read by services 'app', 'worker') sets DB_PASSWORD to a secret ('Sup****')"
    )
    assert "a GitHub token" in findings[1].message


def test_env_file_relative_display_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.env").write_text(f"TOKEN={PASSWORD}\n", encoding="utf-8")
    text = "services:\n  app:\n    image: acme/app:1.0\n    env_file: app.env\n"
    (tmp_path / "compose.yaml").write_text(text, encoding="utf-8")
    findings = lint_texts([("compose.yaml", text, FileKind.COMPOSE)], select=["CL5030"])
    assert [(f.path, f.span.start.line, f.span.start.column) for f in findings] == [("app.env", 1, 7)]


def test_missing_or_clean_env_files(tmp_path: Path) -> None:
    text = "services:\n  app:\n    image: acme/app:1.0\n    env_file: [missing.env, clean.env, ${X:-y}.env]\n"
    files = {"compose.yaml": text, "clean.env": "A=1\nPASSWORD=\nTOKEN=${TOKEN}\n"}
    assert project(tmp_path, files, ["CL5030"]) == []


def test_untracked_env_file_in_a_git_repository_is_not_reported(tmp_path: Path) -> None:
    text = "services:\n  app:\n    image: acme/app:1.0\n    env_file: [app.env]\n"
    git(tmp_path, "init", "-q")
    assert project(tmp_path, {"compose.yaml": text, "app.env": ENV_FILE}, ["CL5030"]) == []
    git(tmp_path, "add", "app.env")
    assert len(project(tmp_path, {"compose.yaml": text, "app.env": ENV_FILE}, ["CL5030"])) == 2


# ---------------------------------------------------------------------------------------------
# CL5031 secret-in-tracked-dotenv

COMPOSE = "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n"
DOTENV = f"TAG=1.0\nDB_PASSWORD={PASSWORD}\n"


def test_tracked_dotenv_with_a_secret(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    files = {"compose.yaml": COMPOSE, ".env": DOTENV}
    assert project(tmp_path, files, ["CL5031"]) == []  # untracked: the recommended practice
    git(tmp_path, "add", ".env")
    [finding] = project(tmp_path, files, ["CL5031"])
    assert at(finding) == (".env", 2, 13, 13 + len(PASSWORD))
    assert "is tracked by git and sets DB_PASSWORD to a secret ('Sup****')" in finding.message
    # CL5001 does not report the interpolated value
    assert project(tmp_path, files, ["CL5001"]) == []


def test_dotenv_outside_git_needs_the_option(tmp_path: Path) -> None:
    files = {"compose.yaml": COMPOSE, ".env": DOTENV}
    assert project(tmp_path, files, ["CL5031"]) == []
    options = {"CL5031": {"tracked-only": False}}
    [finding] = project(tmp_path, files, ["CL5031"], rule_options=options)
    assert "tracked" not in finding.message


def test_dotenv_used_as_env_file_is_reported_once(tmp_path: Path) -> None:
    text = COMPOSE + "    env_file: .env\n"
    git(tmp_path, "init", "-q")
    files = {"compose.yaml": text, ".env": DOTENV}
    project(tmp_path, files, [])
    git(tmp_path, "add", ".env")
    findings = project(tmp_path, files, ["CL5030", "CL5031"])
    assert [f.code for f in findings] == ["CL5030"]


# ---------------------------------------------------------------------------------------------
# Never printed in full, in any output format


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_env_file_secret_never_printed(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "compose.yaml").write_text(
        "services:\n  app:\n    image: acme/app:1.0\n    env_file: [app.env]\n", encoding="utf-8"
    )
    (tmp_path / "app.env").write_text(ENV_FILE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "containerlint", "--select", "CL5030", "--format", fmt, "--show-source", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    for secret in SECRETS:
        assert secret not in done.stdout and secret not in done.stderr
    if fmt == "json":
        findings = json.loads(done.stdout)["findings"]
        assert {(f["path"], f["start"]["line"]) for f in findings} == {("app.env", 3), ("app.env", 4)}
    if fmt == "sarif":
        results = json.loads(done.stdout)["runs"][0]["results"]
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        assert uris == {"app.env"}


def test_configured_env_files_replace_dotenv(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "compose.yaml").write_text(COMPOSE, encoding="utf-8")
    (tmp_path / ".env").write_text("TAG=1.0\n", encoding="utf-8")
    (tmp_path / "ci.env").write_text(DOTENV, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.containerlint.compose]\nenv-files = ["ci.env"]\n', encoding="utf-8")
    git(tmp_path, "add", ".env", "ci.env")
    done = subprocess.run(
        [sys.executable, "-m", "containerlint", "--select", "CL5031", "--format", "json", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    findings = json.loads(done.stdout)["findings"]
    assert [(f["path"], f["start"]["line"], f["start"]["column"]) for f in findings] == [("ci.env", 2, 13)]
    assert PASSWORD not in done.stdout
