"""CL1023 signature-check-disabled: a package manager is told to accept unsigned or unverified packages.

Package signatures are what ties a package to its distribution: with the check off, a mirror, a
proxy or a compromised repository can substitute anything. Recognised: ``apk --allow-untrusted``,
``apt-get --allow-unauthenticated``/``--allow-insecure-repositories``/``--force-yes`` and their
``-o APT::Get::AllowUnauthenticated=true`` spellings, ``[trusted=yes]`` apt sources,
``yum``/``dnf``/``rpm --nogpgcheck`` and ``--setopt=gpgcheck=0``, ``rpm --nosignature``/
``--nodigest``/``--noverify``/``--nofiledigest``, ``zypper --no-gpg-checks``/``--allow-unsigned-rpm``,
and ``GOSUMDB=off`` (Go's checksum database) set by ENV, ARG or in RUN.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.packages._support import APK, positional
from containerlint.checks.shell_commands import run_commands
from containerlint.checks.supplychain._support import environment_settings
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile
    from containerlint.syntax.shell import Command, Word

RULE = Rule(
    code="CL1023",
    name="signature-check-disabled",
    summary="A package manager is told to install packages without checking their signatures",
    severity=Severity.WARNING,
    aliases=(
        "checkov:CKV2_DOCKER_7",
        "checkov:CKV2_DOCKER_8",
        "checkov:CKV2_DOCKER_9",
        "checkov:CKV2_DOCKER_10",
        "checkov:CKV2_DOCKER_11",
    ),
    tags=("dockerfile", "supply-chain", "security"),
)

HINT = "import the repository's signing key instead (e.g. a keyring file and 'signed-by=' for apt)"
_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off")

# Options that switch the check off, per program, with the checkov id that covers them.
_OPTIONS: dict[str, dict[str, str | None]] = {
    "apt-get": {
        "--allow-unauthenticated": "checkov:CKV2_DOCKER_8",
        "--allow-insecure-repositories": None,
        "--force-yes": "checkov:CKV2_DOCKER_11",
    },
    "yum": {"--nogpgcheck": "checkov:CKV2_DOCKER_9"},
    "rpm": {
        "--nogpgcheck": "checkov:CKV2_DOCKER_9",
        "--nosignature": "checkov:CKV2_DOCKER_10",
        "--nodigest": "checkov:CKV2_DOCKER_10",
        "--noverify": "checkov:CKV2_DOCKER_10",
        "--nofiledigest": "checkov:CKV2_DOCKER_10",
    },
    "zypper": {"--no-gpg-checks": None, "--allow-unsigned-rpm": None},
}
_SAME_AS = {"apt": "apt-get", "aptitude": "apt-get", "dnf": "yum", "microdnf": "yum", "tdnf": "yum"}
_APT_SETTINGS = ("apt::get::allowunauthenticated", "acquire::allowinsecurerepositories")
_TRUSTED_SOURCE = re.compile(r"\bdeb(?:-src)?\s+\[[^\]]*\btrusted=yes\b")
# Text every finding of this rule contains: files without any of it are skipped cheaply.
_MENTIONS = re.compile(
    r"allow-untrusted|allow-unauthenticated|allow-insecure|force-yes|allowunauthenticated|allowinsecure"
    r"|trusted=yes|gpgcheck|gpg-checks|--no(?:signature|digest|verify|filedigest)|unsigned-rpm|gosumdb",
    re.IGNORECASE,
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    if not _MENTIONS.search(dockerfile.text):
        return
    found: list[Problem] = []
    for setting in environment_settings(dockerfile):
        if setting.name == "GOSUMDB" and (setting.value or "").strip().lower() == "off":
            found.append(
                Problem(
                    setting.span,
                    f"{setting.where} sets GOSUMDB=off: Go modules are no longer checked against the checksum database",
                    hint="keep GOSUMDB on; list private modules in GONOSUMDB or GOPRIVATE instead",
                )
            )
    for run in run_commands(dockerfile):
        for word, what, alias in _command_problems(run.command):
            found.append(
                Problem(
                    run.span_of(word),
                    f"{what}: packages are installed without checking their signatures",
                    hint=HINT,
                    aliases=(alias,) if alias else (),
                )
            )
    yield from sorted(found, key=lambda problem: problem.span.start)


def _command_problems(command: Command) -> Iterator[tuple[Word, str, str | None]]:
    program = command.program or ""
    for word in command.args:
        if _TRUSTED_SOURCE.search(word.value):
            yield word, "'[trusted=yes]' on an apt source", None
    if program == "apk":
        yield from _apk(command)
        return
    options = _OPTIONS.get(_SAME_AS.get(program, program))
    if options is None:
        return
    for index, word in enumerate(command.args):
        value = word.value
        if value == "--":
            break
        if value in options:
            yield word, f"{program} {value}", options[value]
        elif program in ("apt-get", "apt", "aptitude"):
            key, _, setting = value.removeprefix("-o").removeprefix("=").partition("=")
            if key.lower() in _APT_SETTINGS and setting.strip().lower() in _TRUE:
                yield word, f"{program} -o {key}={setting}", "checkov:CKV2_DOCKER_8"
        elif value.startswith("--setopt") and program != "rpm":
            setopt = value.partition("=")[2] if "=" in value else _next_value(command, index)
            key, _, setting = setopt.partition("=")
            if key.lower().rsplit(".", 1)[-1].endswith("gpgcheck") and setting.strip().lower() in _FALSE:
                yield word, f"{program} --setopt={key}={setting}", "checkov:CKV2_DOCKER_9"


def _next_value(command: Command, index: int) -> str:
    return command.args[index + 1].value if index + 1 < len(command.args) else ""


def _apk(command: Command) -> Iterator[tuple[Word, str, str | None]]:
    flag = next((word for word in command.args if word.value == "--allow-untrusted"), None)
    if flag is None:
        return
    # Packages built earlier in the same build (abuild output) are unsigned by nature: a
    # command that installs only local .apk files is not reported.
    operands = positional(command, APK.valued_options)[1:]
    if operands and all(word.value.endswith(".apk") and "://" not in word.value for word in operands):
        return
    yield flag, "apk --allow-untrusted", "checkov:CKV2_DOCKER_7"
