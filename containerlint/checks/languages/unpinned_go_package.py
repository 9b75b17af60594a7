"""CL3204 unpinned-go-package: ``go install example.com/tool`` or ``@latest`` floats."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.languages._support import subcommand_operands
from containerlint.checks.shell_commands import run_commands
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3204",
    name="unpinned-go-package",
    summary="go install, go get or go run names a remote package without a fixed version",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3062",),
    tags=("dockerfile", "reproducibility", "supply-chain"),
)

# Build flags whose value is a separate word (``-tags netgo``); Go's boolean flags never are.
VALUE_FLAGS = frozenset(
    {
        "-C", "-p", "-asmflags", "-buildmode", "-compiler", "-gccgoflags", "-gcflags", "-installsuffix",
        "-ldflags", "-mod", "-modfile", "-overlay", "-pgo", "-pkgdir", "-tags", "-toolexec", "-o",
        "-covermode", "-coverpkg", "-exec",
    }
)  # fmt: skip
# Version queries that resolve to a different version over time; "@none" removes a module.
_FLOATING = frozenset({"latest", "upgrade", "patch"})


def takes_value(flag: str) -> bool:
    return ("-" + flag.lstrip("-")) in VALUE_FLAGS  # Go accepts -tags and --tags alike


def problem_with(package: str) -> str | None:
    """Why ``package`` floats, or None when it is pinned or local."""
    if package.startswith((".", "/")) or package.endswith(".go"):
        return None  # a directory or files of the build context
    path, at, version = package.partition("@")
    if not at:
        return f"'{package}' has no version: use {path}@<version>"
    if version in _FLOATING:
        return f"'{package}' resolves to whatever is newest: use {path}@<version>"
    return None


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for run in run_commands(dockerfile, "go"):
        found = subcommand_operands(run.command.args, ("install", "get", "run"), takes_value)
        if found is None:
            continue
        subcommand, packages = found
        if subcommand.value == "run":
            packages = packages[:1]  # what follows the package are the program's arguments
        for package in packages:
            message = problem_with(package.value) if package.is_static else None
            if message:
                yield Problem(run.span_of(package), message, hint="pin a release: go install example.com/tool@v1.2.3")
