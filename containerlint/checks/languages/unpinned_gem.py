"""CL3203 unpinned-gem: ``gem install rails`` installs whatever is newest that day."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.languages._support import has_option, subcommand_operands
from containerlint.checks.shell_commands import run_commands
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3203",
    name="unpinned-gem",
    summary="gem install names a gem without a version",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3028",),
    tags=("dockerfile", "reproducibility", "supply-chain"),
)

# gem options that take no value. Any other option is assumed to take the next word (as hadolint
# does), so an unknown option never turns its value into a reported gem.
SWITCHES = frozenset(
    {
        "-N", "--no-document", "--no-ri", "--no-rdoc", "--ri", "--rdoc", "--user-install",
        "--no-user-install", "-E", "--env-shebang", "--no-env-shebang", "-f", "--force",
        "--no-force", "-w", "--wrappers", "--no-wrappers", "-l", "--local", "-r", "--remote",
        "-b", "--both", "--clear-sources", "--conservative", "--minimal-deps", "--development",
        "--development-all", "--ignore-dependencies", "--pre", "--prerelease", "--no-prerelease",
        "--lock", "--no-lock", "--suggestions", "--no-suggestions", "--default", "--explain",
        "--format-executable", "--no-format-executable", "--vendor", "--post-install-message",
        "--no-post-install-message", "-q", "--quiet", "--silent", "-V", "--verbose",
        "--no-verbose", "--backtrace", "--debug", "--norc", "-u", "--update-sources",
        "--no-update-sources", "--system",
    }
)  # fmt: skip


def takes_value(option: str) -> bool:
    return option not in SWITCHES


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for run in run_commands(dockerfile, "gem"):
        values = run.command.arg_values
        words = run.command.args[: values.index("--")] if "--" in values else run.command.args
        found = subcommand_operands(words, ("install", "i"), takes_value)  # after "--": build options
        if found is None or has_option(words, "-v", "--version"):
            continue  # -v/--version pins what the command installs
        for gem in found[1]:
            if gem.is_static and ":" not in gem.value:
                yield Problem(
                    run.span_of(gem),
                    f"'{gem.value}' is not pinned: gem install {gem.value}:<version>",
                    hint="pin the version with 'gem:1.2.3' or '-v 1.2.3', or install from a Gemfile.lock with bundler",
                )
