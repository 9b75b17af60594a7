"""CL1022 tls-verification-disabled: a download or a tool is told not to verify TLS certificates.

Command options (``curl -k``, ``wget --no-check-certificate``, ``pip --trusted-host``, ``git -c
http.sslVerify=false``, ``apt-get -o Acquire::https::Verify-Peer=false``), configuration commands
(``npm config set strict-ssl false``, ``git config http.sslVerify false``, ``yum-config-manager
--setopt=sslverify=0``, ``conda config --set ssl_verify false``) and environment variables set by
ENV, ARG or in RUN (``GIT_SSL_NO_VERIFY``, ``PYTHONHTTPSVERIFY=0``, ``NODE_TLS_REJECT_UNAUTHORIZED=0``,
``NPM_CONFIG_STRICT_SSL=false``, ``PIP_TRUSTED_HOST``, ``GOINSECURE``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from containerlint.checks.shell_commands import run_commands
from containerlint.checks.supplychain._support import environment_settings
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile
    from containerlint.syntax.shell import Command, Word

RULE = Rule(
    code="CL1022",
    name="tls-verification-disabled",
    summary="TLS certificate verification is turned off for a download or a package tool",
    severity=Severity.ERROR,
    aliases=(
        "checkov:CKV2_DOCKER_2",
        "checkov:CKV2_DOCKER_3",
        "checkov:CKV2_DOCKER_4",
        "checkov:CKV2_DOCKER_5",
        "checkov:CKV2_DOCKER_6",
        "checkov:CKV2_DOCKER_12",
        "checkov:CKV2_DOCKER_13",
        "checkov:CKV2_DOCKER_14",
        "checkov:CKV2_DOCKER_15",
        "checkov:CKV2_DOCKER_16",
    ),
    tags=("dockerfile", "supply-chain", "security"),
)

HINT = (
    "keep verification on; if a proxy or private registry uses its own CA, add that certificate to "
    "the image's trust store (e.g. /usr/local/share/ca-certificates + update-ca-certificates)"
)
_FALSE = ("false", "0", "no", "off")


@dataclass(frozen=True)
class _Variable:
    disables: Callable[[str], bool]
    alias: str | None


# Environment variables that turn verification off, and for which values.
VARIABLES: dict[str, _Variable] = {
    # git: "setting and exporting this variable to any value" skips verification (git(1)).
    "GIT_SSL_NO_VERIFY": _Variable(lambda value: True, "checkov:CKV2_DOCKER_14"),
    "PYTHONHTTPSVERIFY": _Variable(lambda value: value.strip() == "0", "checkov:CKV2_DOCKER_5"),
    "NODE_TLS_REJECT_UNAUTHORIZED": _Variable(lambda value: value.strip() == "0", "checkov:CKV2_DOCKER_6"),
    "NPM_CONFIG_STRICT_SSL": _Variable(lambda value: value.strip().lower() in _FALSE, "checkov:CKV2_DOCKER_12"),
    "YARN_ENABLE_STRICT_SSL": _Variable(lambda value: value.strip().lower() in _FALSE, None),
    "PIP_TRUSTED_HOST": _Variable(lambda value: bool(value.strip()), "checkov:CKV2_DOCKER_16"),
    "GOINSECURE": _Variable(lambda value: bool(value.strip()), None),  # checkov has no check for it
}
_PIP = re.compile(r"^pip[0-9.]*$")
_PYTHON = re.compile(r"^python[0-9.]*$")


@dataclass(frozen=True)
class _Found:
    word: Word
    what: str  # e.g. "curl -k"
    alias: str | None = None


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    found: list[Problem] = []
    for setting in environment_settings(dockerfile):
        variable = _variable(setting.name)
        if variable is None or setting.value is None or not variable.disables(setting.value):
            continue
        problem = Problem(
            setting.span,
            f"{setting.where} sets {setting.name}, which turns off TLS certificate verification",
            hint=HINT,
            aliases=(variable.alias,) if variable.alias else (),
        )
        found.append(problem)
    for run in run_commands(dockerfile):
        for item in _command_problems(run.command):
            problem = Problem(
                run.span_of(item.word),
                f"{item.what} turns off TLS certificate verification: a man in the middle can serve "
                "anything as the download",
                hint=HINT,
                aliases=(item.alias,) if item.alias else (),
            )
            found.append(problem)
    yield from sorted(found, key=lambda problem: problem.span.start)


def _variable(name: str) -> _Variable | None:
    """npm reads its ``npm_config_*`` variables in any case; the others are case-sensitive."""
    if name.upper().startswith("NPM_CONFIG_"):
        return VARIABLES.get(name.upper())
    return VARIABLES.get(name)


def _command_problems(command: Command) -> Iterator[_Found]:
    program = command.program or ""
    if program == "curl":
        word = _flag_word(command, "--insecure", "--proxy-insecure", short="k")
        if word is not None:
            yield _Found(word, f"curl {word.value}", "checkov:CKV2_DOCKER_2")
    elif program == "wget":
        word = _flag_word(command, "--no-check-certificate")
        if word is not None:
            yield _Found(word, "wget --no-check-certificate", "checkov:CKV2_DOCKER_3")
    elif _PIP.match(program) or program in ("uv", "pipenv") or _runs_module(command, "pip"):
        yield from _pip(command)
    elif program in ("npm", "yarn", "pnpm"):
        yield from _npm(command)
    elif program == "git":
        yield from _git(command)
    elif program in ("apt-get", "apt", "aptitude"):
        yield from _apt(command)
    elif program in ("yum", "dnf", "microdnf", "tdnf", "yum-config-manager"):
        yield from _rpm_setopt(command)
    elif program in ("conda", "mamba", "micromamba"):
        yield from _conda(command)


def _flag_word(command: Command, *long: str, short: str = "") -> Word | None:
    """The word giving one of the ``long`` options (``--x`` or ``--x=v``) or a one-letter option
    from ``short``, alone or in a cluster (``-fsSLk``); options end at ``--``."""
    for word in command.args:
        value = word.value
        if value == "--":
            return None
        if value.startswith("--"):
            if value.split("=", 1)[0] in long:
                return word
        elif value.startswith("-") and len(value) > 1 and value[1:].isalnum() and any(c in value[1:] for c in short):
            return word
    return None


def _runs_module(command: Command, module: str) -> bool:
    """``python3 -m pip ...``."""
    if not _PYTHON.match(command.program or ""):
        return False
    values = command.arg_values
    return any(value == "-m" and values[index + 1 : index + 2] == [module] for index, value in enumerate(values))


def _pip(command: Command) -> Iterator[_Found]:
    word = _flag_word(command, "--trusted-host")
    if word is not None:
        yield _Found(word, "pip --trusted-host", "checkov:CKV2_DOCKER_4")
        return
    positional = command.positional()
    values = [w.value for w in positional]
    if "config" in values and "set" in values:
        for candidate in positional[values.index("set") + 1 :]:
            if candidate.value.split("=", 1)[0].lower().endswith(".trusted-host"):
                yield _Found(candidate, f"pip config set {candidate.value.split('=', 1)[0]}", "checkov:CKV2_DOCKER_4")


def _npm(command: Command) -> Iterator[_Found]:
    for word in command.args:
        if word.value in ("--strict-ssl=false", "--no-strict-ssl"):
            yield _Found(word, f"{command.program} {word.value}")
            return
    words = command.positional()
    values = [word.value for word in words]
    if values[:2] in (["config", "set"], ["c", "set"]):
        words = words[2:]
    elif values[:1] == ["set"]:
        words = words[1:]
    else:
        return
    for index, word in enumerate(words):
        key, equals, value = word.value.partition("=")
        if not equals and index + 1 < len(words):
            value = words[index + 1].value
        if key.lower() in ("strict-ssl", "enablestrictssl") and value.strip().lower() in _FALSE:
            yield _Found(word, f"{command.program} config set {key} {value}", "checkov:CKV2_DOCKER_13")
            return


def _is_ssl_verify_key(key: str) -> bool:
    """``http.sslVerify`` and ``http.<url>.sslVerify`` (git config keys are case-insensitive)."""
    lowered = key.lower()
    return lowered.startswith("http.") and lowered.endswith(".sslverify")


def _git(command: Command) -> Iterator[_Found]:
    args = command.args
    for index, word in enumerate(args):
        if word.value == "-c" and index + 1 < len(args):
            key, _, value = args[index + 1].value.partition("=")
            if _is_ssl_verify_key(key) and value.strip().lower() in _FALSE:
                yield _Found(args[index + 1], f"git -c {key}={value}")
    words = command.positional(takes_value=("-c", "-C", "--git-dir", "--work-tree", "--namespace", "-f", "--file"))
    if len(words) < 3 or words[0].value != "config" or not _is_ssl_verify_key(words[1].value):
        return
    if words[2].value.strip().lower() in _FALSE:
        yield _Found(words[1], f"git config {words[1].value} {words[2].value}")


def _apt(command: Command) -> Iterator[_Found]:
    for word in command.args:
        key, _, value = word.value.removeprefix("-o").removeprefix("=").partition("=")
        lowered = key.lower()
        verify = lowered.startswith("acquire::https::") and lowered.endswith(("::verify-peer", "::verify-host"))
        if verify and value.strip().lower() in _FALSE:
            yield _Found(word, f"{command.program} -o {key}={value}")


def _rpm_setopt(command: Command) -> Iterator[_Found]:
    args = command.args
    for index, word in enumerate(args):
        setting = word.value.removeprefix("--setopt=") if word.value.startswith("--setopt=") else None
        if word.value == "--setopt" and index + 1 < len(args):
            setting = args[index + 1].value
        if setting is None:
            continue
        key, _, value = setting.partition("=")
        if key.lower().rsplit(".", 1)[-1] == "sslverify" and value.strip().lower() in _FALSE:
            yield _Found(word, f"{command.program} --setopt={key}={value}", "checkov:CKV2_DOCKER_15")


def _conda(command: Command) -> Iterator[_Found]:
    values = command.arg_values
    for index, value in enumerate(values[:-2]):
        if value == "--set" and values[index + 1] == "ssl_verify" and values[index + 2].strip().lower() in _FALSE:
            yield _Found(command.args[index + 1], f"{command.program} config --set ssl_verify {values[index + 2]}")
