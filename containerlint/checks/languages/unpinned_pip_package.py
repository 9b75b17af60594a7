"""CL3201 unpinned-pip-package: ``pip install flask`` installs whatever is newest that day."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.languages._support import has_option, pip_install
from containerlint.checks.shell_commands import run_commands
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3201",
    name="unpinned-pip-package",
    summary="pip install names a package without a version",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3013",),
    tags=("dockerfile", "reproducibility", "supply-chain"),
)

# Any version specifier pins or bounds the version (PEP 440: ==, ===, ~=, !=, <=, >=, <, >).
_SPECIFIER = re.compile(r"[=<>!~]=|[<>]")
_ARCHIVES = (".whl", ".tar.gz", ".tgz", ".tar.bz2", ".zip")
_VCS = re.compile(r"(git|hg|svn|bzr)(\+[\w-]+)?:")


def is_pinned(requirement: str) -> bool:
    """True for a requirement that does not float: a version specifier, a local archive or
    path, a URL, or a VCS URL with an ``@revision``."""
    if _SPECIFIER.search(requirement) or requirement.endswith(_ARCHIVES):
        return True
    if _VCS.match(requirement):
        # git+https://host/org/repo.git@v1.2#egg=x: the revision follows the path, and an
        # "@" in the host part (git@github.com) is a user name, not a revision.
        path = requirement.split("://", 1)[-1].split("/", 1)[-1]
        return "@" in path
    return "/" in requirement


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for run in run_commands(dockerfile):
        install = pip_install(run.command)
        if install is None or has_option(install.args, "-c", "--constraint"):
            continue  # a constraints file pins whatever the command installs
        if any(word.value in ("-r", "--requirement", ".") for word in install.args):
            continue  # the versions are managed by a requirements file or the local project
        for package in install.packages:
            if package.is_static and not is_pinned(package.value):
                name = package.value
                yield Problem(
                    run.span_of(package),
                    f"'{name}' is not pinned: {install.tool} install {name}==<version>",
                    hint="pin the version with '==', or install from a requirements or constraints file",
                )
