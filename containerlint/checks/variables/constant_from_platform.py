"""CL3604 constant-from-platform: ``FROM --platform=linux/amd64`` (BuildKit's
FromPlatformFlagConstDisallowed).

A constant platform pins the stage to one platform whatever ``docker build --platform`` asks
for, which defeats multi-platform builds. As in BuildKit, a value with any variable is fine
(``$BUILDPLATFORM``), an unparsable value is left to the build, and a stage whose name contains
the platform's OS or architecture (``AS build-arm64``) is meant to be platform-specific.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.variables._support import expand
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL3604",
    name="constant-from-platform",
    summary="FROM --platform is a constant value",
    severity=Severity.WARNING,
    aliases=("buildkit:FromPlatformFlagConstDisallowed",),
    tags=("dockerfile", "buildkit", "portability"),
)

# containerd's platform specifiers: os[/arch[/variant]] or a lone os or arch.
_COMPONENT = re.compile(r"[A-Za-z0-9_.-]+")
_KNOWN_OS = frozenset(
    {"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux"}
    | {"nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos"}
)
_KNOWN_ARCH = frozenset(
    {"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle"}
    | {"mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv"}
    | {"riscv64", "s390", "s390x", "sparc", "sparc64", "wasm"}
)
_ARCH_ALIASES = {
    "i386": "386",
    "x86_64": "amd64",
    "x86-64": "amd64",
    "aarch64": "arm64",
    "armhf": "arm",
    "armel": "arm",
}
# What containerd assumes for the missing half of a lone "linux" or "arm64": the builder's own.
BUILDER_OS, BUILDER_ARCH = "linux", "amd64"


def parse_platform(text: str) -> tuple[str, str] | None:
    """(os, architecture) of a platform specifier, normalised as containerd does; None if invalid."""
    parts = text.split("/")
    if not 1 <= len(parts) <= 3:
        return None
    os_part = re.sub(r"\(.*\)$", "", parts[0])  # windows(10.0.17763) carries an OS version
    if not all(_COMPONENT.fullmatch(part) for part in (os_part, *parts[1:])):
        return None
    if len(parts) == 1:
        lone = os_part.lower()
        if lone in _KNOWN_OS or lone == "macos":
            return ("darwin" if lone == "macos" else lone), BUILDER_ARCH
        arch = _normalise_arch(lone)
        return (BUILDER_OS, arch) if arch in _KNOWN_ARCH else None
    os_name = os_part.lower()
    return ("darwin" if os_name == "macos" else os_name), _normalise_arch(parts[1].lower())


def _normalise_arch(arch: str) -> str:
    return _ARCH_ALIASES.get(arch, arch)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        instruction = stage.from_instruction
        flag = instruction.flag("platform") if instruction is not None else None
        if instruction is None or flag is None or flag.value_start is None:
            continue
        expanded = expand(instruction.args[flag.value_start : flag.end], {}, dockerfile.escape)
        if expanded.references or expanded.text is None:
            continue
        platform = parse_platform(expanded.text)
        name = stage.name or ""
        if platform is None or platform[0] in name or platform[1] in name:
            continue
        yield Problem(
            flag.span,
            f"FROM --platform should not use the constant value '{expanded.text}'",
            hint=(
                "leave --platform out (choose it with docker build --platform), use a variable such as"
                f" $BUILDPLATFORM, or name the stage after the platform (AS build-{platform[1]})"
            ),
        )
