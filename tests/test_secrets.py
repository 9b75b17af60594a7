"""containerlint.secrets: secret names, placeholders, credential formats and masking, table-driven."""

from __future__ import annotations

import random
import string

import pytest

from containerlint.secrets import (
    CREDENTIAL_FORMATS,
    credential_format,
    is_placeholder,
    is_secret_name,
    judge,
    mask,
    name_words,
)

# Credential-shaped strings are assembled from parts so that no scanner mistakes this file for a leak.
AWS_KEY_ID = "AKIA" + "IOSFODNN7EXAMPLE"
GITHUB_TOKEN = "ghp_" + "0123456789abcdefghijklmnopqrstuvwxyzAB"

# ---------------------------------------------------------------------------------------------
# Names


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("DB_PASSWORD", ["db", "password"]),
        ("apiKey", ["api", "key"]),
        ("HTTPPassword", ["http", "password"]),
        ("clientSecret", ["client", "secret"]),
        ("OAUTH2_TOKEN", ["oauth", "2", "token"]),
        ("db-password", ["db", "password"]),
        ("", []),
    ],
)
def test_name_words(name: str, words: list[str]) -> None:
    assert name_words(name) == words


SECRET_NAMES = [
    "DB_PASSWORD",
    "password",
    "POSTGRES_PASSWORD",
    "MYSQL_ROOT_PASSWORD",
    "DB_PASSWD",
    "PASSPHRASE",
    "SECRET",
    "JWT_SECRET",
    "CLIENT_SECRET",
    "clientSecret",
    "client_secret",
    "API_KEY",
    "apiKey",
    "ApiKey",
    "APIKEY",
    "api-key",
    "PRIVATE_KEY",
    "privateKey",
    "AWS_SECRET_ACCESS_KEY",
    "ACCESS_KEY",
    "SECRET_KEY_BASE",
    "ENCRYPTION_KEY",
    "SIGNING_KEY",
    "MASTER_KEY",
    "X_AUTH_KEY",
    "GITHUB_TOKEN",
    "ACCESS_TOKEN",
    "accessToken",
    "refresh_token",
    "CREDENTIALS",
    "dbPASSWORD",
    "PASSWORD2",
]

NOT_SECRET_NAMES = [
    "PASSPORT",  # no PASS word
    "PASSPORT_NUMBER",
    "PASSWORD_MIN_LENGTH",  # describes a secret
    "PASSWORD_FILE",
    "POSTGRES_PASSWORD_FILE",
    "TOKEN_URL",
    "SECRET_NAME",
    "SECRET_ARN",
    "TOKEN_TTL",
    "TOKEN_ENABLED",
    "PASSWORD_POLICY",
    "password_hash",
    "AWS_ACCESS_KEY_ID",  # the id is not the secret
    "API_KEY_ID",
    "KEYCLOAK_URL",
    "TOKENIZER",
    "KEY",
    "MONKEY",
    "SECRETARY",
    "HOSTNAME",
    "",
    "_",
    "123",
]


@pytest.mark.parametrize("name", SECRET_NAMES)
def test_secret_names(name: str) -> None:
    assert is_secret_name(name), name_words(name)


@pytest.mark.parametrize("name", NOT_SECRET_NAMES)
def test_names_that_are_not_secrets(name: str) -> None:
    assert not is_secret_name(name), name_words(name)


# ---------------------------------------------------------------------------------------------
# Placeholders

PLACEHOLDERS = [
    "",
    "   ",
    "changeme",
    "CHANGE_ME",
    "change-it",
    "replace me",
    "placeholder",
    "TODO",
    "tbd",
    "none",
    "null",
    "dummy",
    "redacted",
    "secret",
    "password",
    "your-password",
    "your_api_key",
    "mysecret",
    "my-password",
    "xxx",
    "XXXXXXXX",
    "***",
    "...",
    "<password>",
    "{{ .Values.db.password }}",
    "[secret]",
    "${DB_PASSWORD}",
    "$DB_PASSWORD",
    "pre-${DB_PASSWORD}-post",
    "/run/secrets/db_password",
    "./db_password.txt",
    "../secrets/pw",
    "~/pw",
    "file:///etc/pw",
]

NOT_PLACEHOLDERS = [
    "hunter2",
    "s3cr3t",
    "Sup3rS3cretValue99",
    "changemeplease",
    "my_secret_value",
    "secret123",
    "xx",
    "$",  # a lone dollar is not an interpolation
    "relative/path-looking",
]


@pytest.mark.parametrize("value", PLACEHOLDERS)
def test_placeholders(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize("value", NOT_PLACEHOLDERS)
def test_literals_are_not_placeholders(value: str) -> None:
    assert not is_placeholder(value)


# ---------------------------------------------------------------------------------------------
# Credential formats: one positive and the near misses around it, for every format


CREDENTIALS = [
    ("AWS access key id", AWS_KEY_ID),
    ("AWS access key id", "ASIA" + "IOSFODNN7EXAMPLE"),
    ("AWS access key id", f"key={AWS_KEY_ID};"),
    ("GitHub token", GITHUB_TOKEN),
    ("GitHub token", "gho_" + "A1" * 18),
    ("GitHub fine-grained token", "github_pat_" + "a1B2" * 15),
    ("GitLab token", "glpat-" + "a" * 20),
    ("Slack token", "xoxb-" + "1234567890-abc"),
    ("Slack webhook URL", "https://hooks.slack.com/services/" + "T0123ABCD/B0123ABCD/abcdefghijkl"),
    ("Stripe secret key", "sk_" + "live_" + "a" * 24),
    ("Stripe secret key", "rk_" + "live_" + "a" * 20),
    ("Google API key", "AIza" + "b" * 35),
    ("npm token", "npm_" + "c" * 36),
    ("private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"),
    ("private key", "-----BEGIN PRIVATE KEY-----"),
    ("private key", "-----BEGIN OPENSSH PRIVATE KEY-----"),
    ("private key", "-----BEGIN ENCRYPTED PRIVATE KEY-----"),
    ("private key", "-----BEGIN PGP PRIVATE KEY BLOCK-----"),
    ("URL with a password", "postgres://app:hunter2@db/app"),
    ("URL with a password", "mongodb+srv://user:p4ss@cluster0.mongodb.net/db"),
    ("URL with a password", "amqp://guest:guest@rabbit:5672"),
    ("URL with a password", "redis://:s3cret@redis:6379/0"),  # empty user name, as Redis URLs have
    ("URL with a password", "postgres://app:hunter2@${DB_HOST}/app"),  # only the password matters
]

NEAR_MISSES = [
    "AKIA" + "IOSFODNN7EXAMPL",  # one character short
    "AKIA" + "IOSFODNN7EXAMPLEX",  # one too many
    ("AKIA" + "IOSFODNN7EXAMPLE").lower(),
    "x" + AWS_KEY_ID,  # not at a word boundary
    "ghp_" + "a" * 35,
    "ghx_" + "a" * 36,
    "github_pat_" + "a" * 59,
    "glpat-" + "a" * 19,
    "xoxb-123",
    "sk_" + "test_" + "a" * 24,  # Stripe test keys are not secrets
    "AIza" + "b" * 34,
    "npm_" + "c" * 35,
    "-----BEGIN PUBLIC KEY-----",
    "-----BEGIN CERTIFICATE-----",
    "postgres://app@db/app",  # no password
    "postgres://app:${DB_PASSWORD}@db/app",  # interpolated password
    "https://user:changeme@example.com",  # placeholder password
    "https://user:<password>@example.com",
    "http://example.com:8080/path",  # a port, not a password
    "hooks.slack.com/services/",
    "",
]


@pytest.mark.parametrize(("expected", "value"), CREDENTIALS)
def test_credential_formats(expected: str, value: str) -> None:
    assert credential_format(value) == expected


@pytest.mark.parametrize("value", NEAR_MISSES)
def test_credential_near_misses(value: str) -> None:
    assert credential_format(value) is None


def test_every_credential_format_has_a_positive_case() -> None:
    assert {name for name, _ in CREDENTIALS} == {fmt.name for fmt in CREDENTIAL_FORMATS}


# ---------------------------------------------------------------------------------------------
# judge: the two signals together


@pytest.mark.parametrize(
    ("name", "value", "reason"),
    [
        ("DB_PASSWORD", "hunter2hunter2", "name"),
        ("apiKey", "3f9a8b7c6d5e4f3a2b1c", "name"),
        ("NUM_TOKEN", "12345", "name"),
        ("AWS_ACCESS_KEY_ID", AWS_KEY_ID, "AWS access key id"),  # the format, not the name
        ("RELEASE_NOTES", GITHUB_TOKEN, "GitHub token"),
        ("DATABASE_URL", "postgres://app:hunter2@db/app", "URL with a password"),
        ("DB_PASSWORD", GITHUB_TOKEN, "GitHub token"),  # the format is the more precise reason
    ],
)
def test_judge_finds_secrets(name: str, value: str, reason: str) -> None:
    verdict = judge(name, value)
    assert verdict is not None
    assert verdict.reason == reason


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DB_PASSWORD", "${DB_PASSWORD}"),
        ("DB_PASSWORD", "changeme"),
        ("DB_PASSWORD", ""),
        ("POSTGRES_PASSWORD_FILE", "/run/secrets/db"),
        ("PASSWORD_MIN_LENGTH", "12"),
        ("TOKEN_URL", "https://auth.example.com/token"),
        ("SECRET_NAME", "app-credentials"),
        ("PASSPORT", "AB1234567"),
        ("AWS_ACCESS_KEY_ID", "not-a-key-id"),
        ("DATABASE_URL", "postgres://app:${DB_PASSWORD}@db/app"),
        # switches whose name mentions a password (official mysql and bitnami images)
        ("MYSQL_RANDOM_ROOT_PASSWORD", "yes"),
        ("MYSQL_ALLOW_EMPTY_PASSWORD", "true"),
        ("ALLOW_EMPTY_PASSWORD", "yes"),
        ("REQUIRE_TOKEN", "0"),
    ],
)
def test_judge_lets_non_secrets_pass(name: str, value: str) -> None:
    assert judge(name, value) is None


# ---------------------------------------------------------------------------------------------
# mask: never reveals more than three characters, nor more than a quarter of the value


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("", "****"),
        ("a", "****"),
        ("abc", "****"),
        ("abcd", "a****"),
        ("abcdefgh", "ab****"),
        ("abcdefghijkl", "abc****"),
        ("abcdefghijklmnopqrstuvwxyz", "abc****"),
    ],
)
def test_mask_examples(value: str, masked: str) -> None:
    assert mask(value) == masked


def _revealed(value: str, masked: str) -> int:
    """How many leading characters of ``value`` the masked text gives away."""
    shown = masked.removesuffix("****")
    assert value.startswith(shown)
    return len(shown)


@pytest.mark.parametrize("length", [*range(0, 40), 100, 4096])
def test_mask_reveals_at_most_three_characters_and_a_quarter(length: int) -> None:
    rng = random.Random(length)
    value = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(length))
    masked = mask(value)
    revealed = _revealed(value, masked)
    assert revealed <= 3
    assert revealed <= length / 4
    if length:
        assert value not in masked
    assert len(masked) <= 3 + 4  # fixed width: the mask does not leak the length either


@pytest.mark.parametrize("value", ["hunter2", AWS_KEY_ID, GITHUB_TOKEN, "-----BEGIN PRIVATE KEY-----"])
def test_mask_of_real_looking_secrets(value: str) -> None:
    masked = mask(value)
    assert masked.endswith("****")
    assert _revealed(value, masked) <= min(3, len(value) // 4)
