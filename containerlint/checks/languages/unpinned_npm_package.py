"""CL3202 unpinned-npm-package: ``npm install -g express`` installs whatever is newest that day."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.languages._support import subcommand_operands
from containerlint.checks.shell_commands import run_commands
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3202",
    name="unpinned-npm-package",
    summary="npm install names a package without a version",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3016",),
    tags=("dockerfile", "reproducibility", "supply-chain"),
)

# ``npm install`` and the aliases npm accepts for it. ``npm ci`` installs the lockfile.
INSTALL = frozenset(
    {"install", "i", "add", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall"}
)

# Options whose value is a separate word (``--registry URL``), so that word is not a package.
VALUE_OPTIONS = frozenset(
    {
        "--registry", "--loglevel", "--prefix", "--cache", "--userconfig", "--globalconfig",
        "--workspace", "-w", "--omit", "--include", "--install-strategy", "--tag", "--before",
        "--location", "--only", "--also", "--otp", "--script-shell",
    }
)  # fmt: skip

_GIT = re.compile(r"(git(\+(ssh|https?|file))?|github|gitlab|bitbucket|gist):")
_TARBALLS = (".tar", ".tar.gz", ".tgz")
_PATHS = ("/", "./", "../", "~/")
_FLOATING = frozenset({"", "latest", "*"})


def is_pinned(spec: str) -> bool:
    """True for a spec that does not float: ``name@version`` (or a range), a tarball, a local
    folder, or a git URL with a ``#commit`` / ``#semver:`` fragment."""
    if _GIT.match(spec):
        return "#" in spec
    if spec.endswith(_TARBALLS) or spec.startswith(_PATHS) or spec in (".", ".."):
        return True
    name = spec.split("/", 1)[-1] if spec.startswith("@") else spec  # drop the @scope/
    _, at, version = name.partition("@")
    return bool(at) and version not in _FLOATING


def pinned_form(spec: str) -> str:
    """How the spec looks pinned, for the message: ``express@<version>``, ``git://...#<commit>``."""
    if _GIT.match(spec):
        return f"{spec}#<commit>"
    scope, slash, rest = spec.partition("/") if spec.startswith("@") else ("", "", spec)
    return f"{scope}{slash}{rest.partition('@')[0]}@<version>"


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for run in run_commands(dockerfile, "npm"):
        found = subcommand_operands(run.command.args, INSTALL, VALUE_OPTIONS)
        if found is None:
            continue
        for package in found[1]:
            if package.is_static and not is_pinned(package.value):
                yield Problem(
                    run.span_of(package),
                    f"'{package.value}' is not pinned: npm install {pinned_form(package.value)}",
                    hint="pin a version (name@1.2.3), or install from package.json and the lockfile with 'npm ci'",
                )
