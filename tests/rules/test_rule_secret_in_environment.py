"""CL5001 secret-in-environment: edge cases, and the secret never reaching any output format."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from containerlint.model import FileKind, Finding
from tests.helpers import lint_text

CODE = "CL5001"

# Credential-shaped values are assembled from parts so that no scanner mistakes this file for a leak.
AWS_KEY_ID = "AKIA" + "IOSFODNN7EXAMPLE"
GITHUB_TOKEN = "ghp_" + "0123456789abcdefghijklmnopqrstuvwxyzAB"
DB_URL = "postgres://app:" + "hunter2hunter2" + "@db/app"
PASSWORD = "Sup3r" + "S3cretValue99"
KEY_LINES = ["-----BEGIN RSA " + "PRIVATE KEY-----", "MIIEpAIBAAKCAQEAq7BFUAzlm3", "-----END RSA PRIVATE KEY-----"]


def secrets_in(text: str) -> list[Finding]:
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


def span(finding: Finding) -> tuple[int, int, int, int]:
    s = finding.span
    return s.start.line, s.start.column, s.end.line, s.end.column


def service_env(entries: str, form: str = "map") -> str:
    body = textwrap.indent(textwrap.dedent(entries), "      ")
    return f"services:\n  app:\n    image: acme/app:1.0\n    environment:\n{body}"


# ---------------------------------------------------------------------------------------------
# Forms and positions


def test_map_form_points_at_the_value() -> None:
    text = service_env(f"DB_PASSWORD: {PASSWORD}\nDB_USER: app\n")
    [finding] = secrets_in(text)
    assert span(finding) == where(text, PASSWORD)
    assert "service 'app' sets DB_PASSWORD to a secret" in finding.message


def test_list_form_points_at_the_value_after_the_equals_sign() -> None:
    text = service_env(f"- DB_PASSWORD={PASSWORD}\n- \"API_KEY={PASSWORD}\"\n- 'TOKEN={PASSWORD}'\n")
    findings = secrets_in(text)
    assert [span(f) for f in findings] == [where(text, PASSWORD, n) for n in range(3)]
    assert [f.message.split(" sets ")[1].split(" ")[0] for f in findings] == ["DB_PASSWORD", "API_KEY", "TOKEN"]


@pytest.mark.parametrize(
    "entries",
    [
        "- DB_PASSWORD\n- API_TOKEN\n",  # no value: taken from the shell environment
        "DB_PASSWORD:\nAPI_TOKEN: ~\n",
        'DB_PASSWORD: ""\n',
        "DB_PASSWORD: ${DB_PASSWORD}\n",
        "- DB_PASSWORD=${DB_PASSWORD:?set it}\n",
        "- DB_PASSWORD=$DB_PASSWORD\n",
        "DATABASE_URL: postgres://app:${DB_PASSWORD}@db/app\n",
        "DB_PASSWORD: changeme\n",
        "DB_PASSWORD: <password>\n",
        "DB_PASSWORD: '********'\n",
        "POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n",
        "PASSWORD_FILE: ./secrets/pw.txt\n",
        "TOKEN_URL: https://auth.example.com/token\n",
        "SECRET_NAME: app-credentials\n",
        "PASSWORD_MIN_LENGTH: 12\n",
        "PASSPORT: AB1234567\n",
        "MYSQL_RANDOM_ROOT_PASSWORD: 'yes'\n",
        "- ALLOW_EMPTY_PASSWORD=yes\n",
        "HTTP_PROXY: http://proxy.internal:3128\n",
        "- =novalue\n",
    ],
)
def test_not_secrets(entries: str) -> None:
    assert secrets_in(service_env(entries)) == []


def test_environment_of_the_wrong_shape_is_tolerated() -> None:
    text = """\
        services:
          a: {image: "x:1", environment: DB_PASSWORD=abc}
          b: {image: "x:1", environment: [[DB_PASSWORD, abc]]}
          c: {image: "x:1", environment: {DB_PASSWORD: [abc]}}
        """
    assert secrets_in(text) == []


# ---------------------------------------------------------------------------------------------
# Credential formats, whatever the name


@pytest.mark.parametrize(
    ("name", "value", "reason"),
    [
        ("RELEASE_BOT", GITHUB_TOKEN, "a GitHub token"),
        ("AWS_ACCESS_KEY_ID", AWS_KEY_ID, "an AWS access key id"),
        ("DATABASE_URL", DB_URL, "a URL with a password"),
        ("REDIS_URL", "redis://:" + "s3cretpw" + "@redis:6379/0", "a URL with a password"),
        ("NPM_CONFIG", "npm_" + "c" * 36, "an npm token"),
    ],
)
def test_credential_formats_regardless_of_name(name: str, value: str, reason: str) -> None:
    text = service_env(f"- {name}={value}\n")
    [finding] = secrets_in(text)
    assert span(finding) == where(text, value)
    assert f"sets {name} to {reason} committed" in finding.message


def test_private_key_in_a_block_scalar() -> None:
    block = textwrap.indent("\n".join(KEY_LINES), "  ")
    text = service_env(f"TLS_MATERIAL: |\n{block}\nOTHER: x\n")
    [finding] = secrets_in(text)
    assert "a private key" in finding.message
    assert finding.span.start.line == 5  # the "|" line of the value
    assert finding.span.end.line == 8  # its last line


def test_value_through_an_anchor_points_at_the_anchored_value() -> None:
    text = f"""\
        x-db-password: &pw {PASSWORD}
        services:
          app:
            image: acme/app:1.0
            environment:
              DB_PASSWORD: *pw
          worker:
            image: acme/app:1.0
            environment:
              DB_PASSWORD: *pw
        """
    # one finding at the anchored value, naming every service that uses it
    [finding] = secrets_in(text)
    assert span(finding) == where(text, PASSWORD)
    assert finding.message.startswith("services 'app', 'worker' set DB_PASSWORD to a secret")


def test_merged_environment_from_an_anchor() -> None:
    text = f"""\
        x-env: &env
          API_KEY: {PASSWORD}
        services:
          app:
            image: acme/app:1.0
            environment:
              <<: *env
              MODE: prod
        """
    [finding] = secrets_in(text)
    assert span(finding) == where(text, PASSWORD)


# ---------------------------------------------------------------------------------------------
# The value is never shown in full


@pytest.mark.parametrize("value", [PASSWORD, GITHUB_TOKEN, AWS_KEY_ID, DB_URL, "abc", "hunter2"])
def test_message_and_hint_mask_the_value(value: str) -> None:
    text = service_env(f"- DB_PASSWORD={value}\n")
    [finding] = secrets_in(text)
    for shown in (finding.message, finding.hint or ""):
        assert value not in shown
        if len(value) > 6:
            assert value[3:] not in shown
    shown_prefix = finding.message.split("('")[1].split("****")[0]
    assert len(shown_prefix) <= min(3, len(value) // 4)


# ---------------------------------------------------------------------------------------------
# Through the CLI, in every output format

SECRETS = [PASSWORD, GITHUB_TOKEN, AWS_KEY_ID, "hunter2hunter2", KEY_LINES[1]]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    block = "\n".join(f"          {line}" for line in KEY_LINES)
    (tmp_path / "compose.yaml").write_text(
        "services:\n"
        "  app:\n"
        "    image: acme/app:1.0\n"
        "    environment:\n"
        f"      DB_PASSWORD: {PASSWORD}\n"
        f"      GH: {GITHUB_TOKEN}\n"
        f"      AWS_ACCESS_KEY_ID: {AWS_KEY_ID}\n"
        f"      DATABASE_URL: {DB_URL}\n"
        "      TLS_KEY: |\n"
        f"{block}\n"
        f"      SUPPRESSED_PASSWORD: {PASSWORD}  # containerlint: ignore=CL5001 -- test fixture\n",
        encoding="utf-8",
    )
    return tmp_path


def run_cli(directory: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "containerlint", *arguments, "."],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def assert_no_secret(output: str) -> None:
    for secret in SECRETS:
        assert secret not in output, f"secret {secret[:3]}... printed in full"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
@pytest.mark.parametrize("extra", [(), ("--show-suppressed",), ("--no-inline-ignores",)])
def test_no_output_format_prints_a_secret(project: Path, fmt: str, extra: tuple[str, ...]) -> None:
    result = run_cli(project, "--format", fmt, *extra)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert_no_secret(result.stdout)
    assert_no_secret(result.stderr)
    if fmt == "json":
        findings = [f for f in json.loads(result.stdout)["findings"] if f["code"] == CODE]
        expected = 6 if extra else 5  # the suppressed one is listed with --show-suppressed or without inline ignores
        assert len(findings) == expected


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_show_source_does_not_add_source_to_machine_formats(project: Path, fmt: str) -> None:
    result = run_cli(project, "--format", fmt, "--show-source")
    assert_no_secret(result.stdout)


@pytest.mark.parametrize("extra", [(), ("--show-suppressed",), ("--no-inline-ignores",)])
def test_show_source_masks_the_secret_in_the_text_excerpt(project: Path, extra: tuple[str, ...]) -> None:
    result = run_cli(project, "--format", "text", "--show-source", *extra)
    assert result.returncode == 1
    assert "| " in result.stdout  # excerpts are shown
    assert_no_secret(result.stdout)


def test_show_source_masks_the_secret_in_other_findings_on_its_line(tmp_path: Path) -> None:
    (tmp_path / "compose.yaml").write_text(
        "services:\n"
        "  app:\n"
        "    image: acme/app:1.0\n"
        "    environment:\n"
        "      DB_PASSWORD: x\n"
        f"      DB_PASSWORD: {PASSWORD}\n"  # CL0003 duplicate-key on the secret's line
        f"      API_TOKEN: {GITHUB_TOKEN}  # containerlint: ignore=CL1001\n",  # CL0005 on its line
        encoding="utf-8",
    )
    result = run_cli(tmp_path, "--format", "text", "--show-source")
    assert {"CL0003", "CL0005", "CL5001"} <= set(result.stdout.split())
    assert_no_secret(result.stdout)
