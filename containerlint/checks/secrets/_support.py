"""Shared by the secrets rules. Which file names hold credentials: CL5021 (COPY of such a file)
and CL3704 (such a file left in the build context). Values, env files and git: CL5001, CL5030-CL5034.

Judged by the path alone, never by reading the file: a name such as ``id_rsa``, ``.env`` or
``.aws/credentials`` is reason enough not to ship the file in an image layer.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from containerlint.model import Position, Span
from containerlint.syntax.yamlnodes import Scalar

if TYPE_CHECKING:
    from containerlint.compose_model import ComposeProject

_SSH_KEYS = frozenset({"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk", "identity"})
# Files that are credentials by name, whatever folder they are in.
_BY_NAME = {
    ".npmrc": "npm credentials",
    ".pypirc": "PyPI credentials",
    ".netrc": "login credentials",
    "_netrc": "login credentials",
    ".git-credentials": "stored Git credentials",
    ".pgpass": "PostgreSQL passwords",
    ".s3cfg": "S3 credentials",
    ".dockercfg": "Docker registry credentials",
    "kubeconfig": "a kubeconfig with cluster credentials",
    "application_default_credentials.json": "Google Cloud credentials",
    "credentials.json": "a credentials file",
    "key.json": "a Google Cloud service-account key",
    "keyfile.json": "a Google Cloud service-account key",
}
# Files that are credentials in a given folder (the last two path components).
_BY_FOLDER = {
    (".aws", "credentials"): "AWS credentials",
    (".docker", "config.json"): "Docker registry credentials",
    (".kube", "config"): "a kubeconfig with cluster credentials",
    ("gcloud", "credentials.db"): "Google Cloud credentials",
    ("gcloud", "access_tokens.db"): "Google Cloud credentials",
}
# Folders that hold credentials as a whole, when they are copied themselves.
_FOLDERS = {
    ".ssh": "an SSH folder with private keys",
    ".aws": "the AWS CLI folder with credentials",
    ".gnupg": "a GnuPG folder with private keys",
    ".kube": "a kubectl folder with cluster credentials",
}
_SERVICE_ACCOUNT = re.compile(r"(service[-_]?account|gcp[-_]?key|gcloud[-_]?key|sa[-_]key)[^/]*\.json$")
_ENV_TEMPLATES = frozenset({"example", "sample", "template", "tpl", "dist", "default", "defaults", "schema"})
# Words that make a .pem/.key file a certificate or a public key rather than a private key.
_PUBLIC_WORDS = frozenset(
    {"pub", "public", "cert", "certs", "certificate", "certificates", "crt", "ca", "cacert", "chain"}
    | {"fullchain", "bundle", "trust", "truststore", "gpg", "pgp", "asc", "dhparam", "dhparams", "signing"}
    # Repository signing keys (public) that apt and zypper setups copy: Release.key, repo.key.
    | {"release", "repo", "repository", "archive", "keyring", "apt"}
)
_PRIVATE_WORDS = frozenset({"key", "private", "priv", "privkey", "secret", "rsa", "ecdsa", "ed25519"})
_WORDS = re.compile(r"[a-z0-9]+")


def secret_file_kind(path: str, include_git: bool = False) -> str | None:
    """What credential ``path`` (a relative or absolute POSIX path, maybe a glob) holds, or None.

    ``include_git`` also counts a ``.git`` folder, which holds the whole history (with every
    secret ever committed) and often a remote URL with a token."""
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    if not parts:
        return None
    name = parts[-1]
    lowered = name.lower()
    if include_git and name == ".git":
        return "a Git repository with its history and remote credentials"
    if name in _FOLDERS:
        return _FOLDERS[name]
    if len(parts) >= 2 and (parts[-2], name) in _BY_FOLDER:
        return _BY_FOLDER[(parts[-2], name)]
    if name in _BY_NAME:
        return _BY_NAME[name]
    if lowered.endswith(".kubeconfig"):
        return _BY_NAME["kubeconfig"]
    if lowered in _SSH_KEYS:
        return "a private SSH key"
    if _is_env_file(lowered):
        return "an environment file"
    if _SERVICE_ACCOUNT.search(lowered):
        return "a Google Cloud service-account key"
    if lowered.endswith((".p12", ".pfx", ".jks", ".keystore")):
        return "a keystore with private keys"
    if lowered.endswith(".key") and not _PUBLIC_WORDS.intersection(_WORDS.findall(lowered[:-4])):
        return "a private key"
    if lowered.endswith(".pem"):
        own = set(_WORDS.findall(lowered[:-4]))
        if own & _PRIVATE_WORDS or not (own | _folder_words(parts)) & _PUBLIC_WORDS:
            return "a private key"
    return None


def _is_env_file(name: str) -> bool:
    """``.env``, ``.env.production``, ``prod.env``; not ``.env.example`` and other templates."""
    if name == ".env":
        return True
    if name.startswith(".env."):
        return not _ENV_TEMPLATES.intersection(name.split(".")[2:])
    if name.endswith(".env") and len(name) > 4:
        return name[:-4] not in _ENV_TEMPLATES
    return False


def _folder_words(parts: list[str]) -> set[str]:
    return {word for part in parts[:-1] for word in _WORDS.findall(part.lower())}


# ---------------------------------------------------------------------------------------------
# Values judged by ``containerlint.secrets`` (CL5001, CL5030-CL5034)


def describe(reason: str) -> str:
    """How a message names what was found: "a secret", "a GitHub token", "an AWS access key id"."""
    if reason == "name":
        return "a secret"
    article = "an" if reason.lower().startswith(("a", "e", "i", "o", "npm")) else "a"
    return f"{article} {reason}"


def written_text(project: ComposeProject, node: Scalar) -> str:
    """A scalar's text as written, before interpolation: ``${DB_PASSWORD}`` filled in from the
    environment or ``.env`` is not a value committed in the Compose file."""
    raw = project.raw(node)
    return node.value if raw is None else raw


@dataclass(frozen=True)
class EnvLine:
    """One ``NAME=value`` line of an env file, with where the value is written."""

    name: str
    value: str
    span: Span  # the value (without its quotes)


_ENV_LINE = re.compile(r"^[ \t]*(?:export[ \t]+)?(?P<name>[A-Za-z_][\w.\-]*)[ \t]*[=:][ \t]*(?P<value>.*)$")


def env_file_lines(text: str) -> list[EnvLine]:
    """The assignments of an env file (Compose's format), as written: values are not expanded.
    A quoted value that runs over several lines is cut at the end of its first line."""
    found = []
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        match = _ENV_LINE.match(line)
        if match is None:
            continue
        raw = match.group("value").rstrip()
        start = match.start("value")
        if raw[:1] in ("'", '"'):
            quote = raw[0]
            close = raw.find(quote, 1)
            value = raw[1:close] if close > 0 else raw[1:]
            start += 1
        else:
            value = raw.split(" #", 1)[0].split("\t#", 1)[0].rstrip()
        if not value:
            continue
        span = Span(Position(number, start + 1), Position(number, start + 1 + len(value)))
        found.append(EnvLine(match.group("name"), value, span))
    return found


def git_tracked(path: Path) -> bool | None:
    """Whether git tracks ``path``: True, False (in a work tree but untracked or ignored), or
    None when it is not in a git work tree (or git is not installed)."""
    key = os.path.abspath(path)
    try:
        result = subprocess.run(
            ["git", "-C", str(Path(key).parent), "ls-files", "--error-unmatch", "--", Path(key).name],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        answer = None
    else:
        if result.returncode == 0:
            answer = True
        elif "not a git repository" in result.stderr.lower() or result.returncode == 128:
            answer = None
        else:
            answer = False
    return answer


def services_phrase(services: list[str]) -> str:
    """``service 'a'`` or ``services 'a', 'b'``."""
    if len(services) == 1:
        return f"service '{services[0]}'"
    return "services " + ", ".join(f"'{name}'" for name in services)
