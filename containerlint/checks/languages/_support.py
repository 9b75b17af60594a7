"""Helpers shared by the language package manager rules: operands, pip detection, cache mounts.

Package managers differ in spelling, but the rules ask the same questions of them: is this an
``install``, which words after it name packages (an option such as ``--index-url URL`` takes the
next word, which is then not a package), and does a cache mount make cleaning up moot.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from containerlint.syntax.shell import Command, Word

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Instruction

# Values that switch a boolean environment setting on (pip reads PIP_NO_CACHE_DIR like this).
TRUTHY = frozenset({"1", "true", "on", "yes"})


@dataclass(frozen=True)
class Stretch:
    """Offsets from one word to another of the same script, for ``script.span_of``."""

    start: int
    end: int


def stretch(first: Word, last: Word) -> Stretch:
    return Stretch(first.start, last.end)


def operands(words: Sequence[Word], takes_value: Collection[str] | Callable[[str], bool] = ()) -> list[Word]:
    """The words that are not options. An option in ``takes_value`` (or for which it returns
    True) consumes the next word, unless written ``--name=value``; ``--`` ends the options."""
    consumes = takes_value if callable(takes_value) else frozenset(takes_value).__contains__
    found: list[Word] = []
    skip_next = options_done = False
    for word in words:
        if skip_next:
            skip_next = False
            continue
        value = word.value
        if options_done or not value.startswith("-") or value == "-":
            found.append(word)
        elif value == "--":
            options_done = True
        elif "=" not in value and consumes(value):
            skip_next = True
    return found


def has_option(words: Sequence[Word], *names: str) -> bool:
    """True if any of ``names`` is given before ``--``: ``--name`` also as ``--name=value``, a
    one-letter ``-x`` also inside a cluster of short options such as ``-qx``."""
    for word in words:
        value = word.value
        if value == "--":
            return False
        for name in names:
            if value == name or (name.startswith("--") and value.startswith(name + "=")):
                return True
            short_cluster = len(name) == 2 and not value.startswith("--") and value[1:].isalpha()
            if short_cluster and value.startswith("-") and name[1] in value[1:]:
                return True
    return False


def subcommand_operands(
    words: Sequence[Word], subcommands: Collection[str], takes_value: Collection[str] | Callable[[str], bool] = ()
) -> tuple[Word, list[Word]] | None:
    """``(subcommand word, operands after it)`` when the first operand is one of ``subcommands``."""
    found = operands(words, takes_value)
    if not found or found[0].value not in subcommands:
        return None
    return found[0], found[1:]


# pip ----------------------------------------------------------------------------------------

_PIP_PROGRAM = re.compile(r"pip(?P<x>x)?[0-9.]*$")
_PYTHON_PROGRAM = re.compile(r"python[0-9.]*$")

# Options of pip and pipx whose value is a separate word (``--index-url URL``), so that word is
# not a package.
PIP_VALUE_OPTIONS = frozenset(
    {
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-t", "--target",
        "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-b", "--build",
        "--platform", "--python-version", "--implementation", "--abi", "--root", "--prefix",
        "--src", "--upgrade-strategy", "--progress-bar", "--root-user-action", "--report",
        "--no-binary", "--only-binary", "--trusted-host", "--proxy", "--retries", "--timeout",
        "--exists-action", "--cert", "--client-cert", "--cache-dir", "--log", "--keyring-provider",
        "-C", "--config-settings", "--global-option", "--python", "--pip-args", "--suffix",
    }
)  # fmt: skip


@dataclass(frozen=True)
class PipInstall:
    """``pip install ...``, ``python -m pip install ...`` or the pipx equivalents."""

    command: Command
    tool: str  # "pip" or "pipx"
    install: Word  # the ``install`` word
    args: list[Word]  # the words after ``install``

    @property
    def packages(self) -> list[Word]:
        return operands(self.args, PIP_VALUE_OPTIONS)

    @property
    def head(self) -> Stretch:
        """From the program name to ``install``: ``pip install``, ``python3 -m pip install``."""
        assert self.command.name is not None
        return stretch(self.command.name, self.install)


def pip_install(command: Command) -> PipInstall | None:
    """The pip (or pipx) install this command runs, if it is one. pipenv is a different tool."""
    program = command.program or ""
    words = command.args
    tool_match = _PIP_PROGRAM.match(program)
    if tool_match:
        tool = "pipx" if tool_match.group("x") else "pip"
    elif _PYTHON_PROGRAM.match(program):
        module = next((i for i, w in enumerate(words[:-1]) if w.value == "-m"), None)
        if module is None or words[module + 1].value not in ("pip", "pipx"):
            return None
        tool, words = words[module + 1].value, words[module + 2 :]
    else:
        return None
    found = subcommand_operands(words, ("install",), PIP_VALUE_OPTIONS)
    if found is None:
        return None
    install = found[0]
    after = words[next(i for i, w in enumerate(words) if w is install) + 1 :]
    return PipInstall(command, tool, install, after)


# BuildKit mounts ----------------------------------------------------------------------------


def mount_targets(instruction: Instruction, *types: str) -> list[str]:
    """Targets of the ``--mount`` flags of ``types`` (``cache``, ``tmpfs``) on a RUN."""
    targets = []
    for flag in instruction.flags_named("mount"):
        if flag.mount_type not in types:
            continue
        for key in ("target", "dst", "destination"):
            option = flag.options.get(key)
            if option is not None and option.value:
                targets.append(option.value.rstrip("/"))
                break
    return targets


def caches_on_mount(instruction: Instruction, cache_dir: str) -> bool:
    """True when a cache or tmpfs mount holds ``~/<cache_dir>`` (e.g. ``.cache/pip``): at the
    directory itself or at the ``.cache`` directory above it. The cache then never reaches a layer."""
    parent = cache_dir.rsplit("/", 1)[0]
    for target in mount_targets(instruction, "cache", "tmpfs"):
        if cache_dir in target or target.endswith("/" + parent) or target == parent:
            return True
    return False
