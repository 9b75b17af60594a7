"""Secret detection shared by every rule that looks at literal values (Compose, Kubernetes, Dockerfile).

Two independent signals:

* the *name* says it holds a secret (``DB_PASSWORD``, ``apiKey``) and the value is a literal, not
  an interpolation, a path or an obvious placeholder. Names are split into words, so
  ``PASSWORD_FILE``, ``TOKEN_URL`` or ``SECRET_NAME`` (a word that says "this is about the secret,
  not the secret") are not secrets, and ``PASSPORT`` does not contain ``PASS``;
* the *value* has the shape of a known credential (cloud keys, GitHub/GitLab/Slack tokens, private
  key blocks, URLs with a password), whatever the name.

Values are never shown: :func:`mask` keeps at most the first three characters.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")

# Single words that name a secret.
_SECRET_WORDS = frozenset(
    {
        "password",
        "passwd",
        "pwd",
        "passphrase",
        "secret",
        "secrets",
        "token",
        "apikey",
        "credentials",
        "credential",
        "creds",
        "privatekey",
        "accesskey",
        "secretkey",
        "clientsecret",
    }
)
# Two-word phrases that name a secret ("api key", "private key", "access key", …).
_SECRET_PAIRS = frozenset(
    {
        ("api", "key"),
        ("private", "key"),
        ("access", "key"),
        ("secret", "key"),
        ("auth", "key"),
        ("signing", "key"),
        ("encryption", "key"),
        ("master", "key"),
        ("client", "secret"),
    }
)
# A last word that makes the variable describe a secret rather than hold one.
_DESCRIPTIVE_SUFFIXES = frozenset(
    {
        "file",
        "files",
        "path",
        "dir",
        "url",
        "uri",
        "endpoint",
        "host",
        "port",
        "name",
        "names",
        "id",
        "ids",
        "user",
        "username",
        "length",
        "len",
        "min",
        "max",
        "enabled",
        "enable",
        "disabled",
        "required",
        "type",
        "ttl",
        "expiry",
        "expires",
        "expiration",
        "timeout",
        "header",
        "policy",
        "ref",
        "arn",
        "location",
        "mount",
        "provider",
        "format",
        "version",
        "env",
        "var",
        "key_id",
        "rotation",
        "prefix",
        "store",
        "backend",
        "strength",
        "hash",
        "algorithm",
        "field",
        "count",
    }
)
_PLACEHOLDERS = re.compile(
    r"""^(
        |changeme|change[-_ ]?me|change[-_ ]?it|replace[-_ ]?me|placeholder|todo|tbd|fixme|none|null
        |dummy|redacted|secret|password|token|your[-_ ].*|my[-_]?(secret|password|token)
        |x{3,}|\*{3,}|\.{3,}|<[^>]*>|\{\{.*\}\}|\[.*\]
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Values of on/off settings (``MYSQL_RANDOM_ROOT_PASSWORD: "yes"``, ``ALLOW_EMPTY_PASSWORD=yes``):
# the name mentions a secret, the value is a switch, not a secret.
_SWITCH_VALUES = frozenset({"true", "false", "yes", "no", "on", "off", "y", "n", "0", "1"})
# ``${VAR}``, ``$VAR``, and Kubernetes' ``$(VAR)`` reference to another env var of the container.
_INTERPOLATION = re.compile(r"\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*|\([A-Za-z_][A-Za-z0-9_]*\))")


@dataclass(frozen=True)
class CredentialFormat:
    name: str
    pattern: re.Pattern[str]


CREDENTIAL_FORMATS = (
    CredentialFormat("AWS access key id", re.compile(r"\b(AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b")),
    CredentialFormat("GitHub token", re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b")),
    CredentialFormat("GitHub fine-grained token", re.compile(r"\bgithub_pat_[A-Za-z0-9_]{60,}\b")),
    CredentialFormat("GitLab token", re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}\b")),
    CredentialFormat("Slack token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b")),
    CredentialFormat("Slack webhook URL", re.compile(r"hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+")),
    CredentialFormat("Stripe secret key", re.compile(r"\b[sr]k_live_[A-Za-z0-9]{20,}\b")),
    CredentialFormat("Google API key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b")),
    CredentialFormat("npm token", re.compile(r"\bnpm_[A-Za-z0-9]{36}\b")),
    CredentialFormat("private key", re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY( BLOCK)?-----")),
    CredentialFormat(
        "URL with a password",
        re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]*:(?P<password>[^\s@/]+)@[^\s]+", re.IGNORECASE),
    ),
)


def name_words(name: str) -> list[str]:
    """``DB_PASSWORD`` → ["db", "password"]; ``apiKey`` → ["api", "key"]."""
    return [word.lower() for word in _WORD.findall(name)]


def is_secret_name(name: str) -> bool:
    words = name_words(name)
    if not words or words[-1] in _DESCRIPTIVE_SUFFIXES:
        return False
    if any(word in _SECRET_WORDS for word in words):
        return True
    return any(pair in _SECRET_PAIRS for pair in itertools.pairwise(words))


def is_placeholder(value: str) -> bool:
    """Empty, interpolated, a file path, or an obvious stand-in: nothing secret is committed."""
    stripped = value.strip()
    if _PLACEHOLDERS.match(stripped) or _INTERPOLATION.search(stripped):
        return True
    return stripped.startswith(("/", "./", "../", "~/", "file:"))


def credential_format(value: str) -> str | None:
    """The name of the credential format ``value`` contains, if any."""
    for candidate in CREDENTIAL_FORMATS:
        match = candidate.pattern.search(value)
        if match is None:
            continue
        password = match.groupdict().get("password")
        if password is not None and is_placeholder(password):
            continue
        return candidate.name
    return None


@dataclass(frozen=True)
class SecretVerdict:
    reason: str  # "name" or the credential format's name


def judge(name: str, value: str) -> SecretVerdict | None:
    """Is ``name=value`` a committed secret? None when it is not."""
    found = credential_format(value)
    if found:
        return SecretVerdict(found)
    if is_secret_name(name) and not is_placeholder(value) and value.strip().lower() not in _SWITCH_VALUES:
        return SecretVerdict("name")
    return None


def mask(value: str) -> str:
    """At most the first three characters (fewer for short values), then a fixed-width mask."""
    shown = min(3, len(value) // 4)
    return value[:shown] + "****"
