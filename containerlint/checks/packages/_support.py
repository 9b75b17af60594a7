"""What the package-manager rules share: how each manager is invoked, how its options take
values, what a pinned package looks like, and which cache a RUN must clean.

A rule asks for the :class:`Invocation` of a manager (``apt-get install``, ``dnf module install``)
and gets its operation and its operands (the package arguments, option values already skipped),
so that ``apt-get install -t bookworm-backports curl`` has one operand, ``curl``.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from containerlint.checks.shell_commands import RunCommand, instructions_running, run_commands, run_instructions
from containerlint.model import Position, Problem, Span
from containerlint.syntax import gc_paused
from containerlint.syntax.shell import Command, Word

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction


@dataclass(frozen=True)
class Manager:
    """A package manager's command line: its program names, the options that take a separate
    value (``-t bookworm``), and the subcommands that have subcommands of their own
    (``dnf module install``)."""

    programs: frozenset[str]
    valued_options: frozenset[str]
    nested: frozenset[str] = frozenset()


APT_GET = Manager(
    programs=frozenset({"apt-get"}),
    valued_options=frozenset(
        {"-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release"}
        | {"-a", "--host-architecture", "-P", "--build-profiles"}
    ),
)
# apt and aptitude only matter for their `update` (they fill the same lists as apt-get).
APT_FAMILY = Manager(
    programs=frozenset({"apt-get", "apt", "aptitude"}),
    valued_options=APT_GET.valued_options,
)
APK = Manager(
    programs=frozenset({"apk"}),
    valued_options=frozenset(
        {"-t", "--virtual", "-X", "--repository", "--repositories-file", "-p", "--root", "--arch"}
        | {"--keys-dir", "--cache-dir", "--cache-max-age", "--progress-fd", "--timeout", "--wait"}
    ),
)
_RPM_VALUED = frozenset(
    {"-c", "--config", "-d", "--debuglevel", "-e", "--errorlevel", "-R", "--randomwait", "-x", "--exclude"}
    | {"--installroot", "--releasever", "--setopt", "--enablerepo", "--disablerepo", "--repo", "--repoid"}
    | {"--repofrompath", "--disableplugin", "--enableplugin", "--downloaddir", "--destdir", "--forcearch"}
    | {"--color", "--rpmverbosity", "--comment", "--advisory", "--advisories", "--bz", "--cve"}
    | {"--sec-severity", "--secseverity", "--use-host-config"}
)
YUM = Manager(programs=frozenset({"yum"}), valued_options=_RPM_VALUED, nested=frozenset({"module", "group", "groups"}))
DNF = Manager(
    programs=frozenset({"dnf", "microdnf"}),
    valued_options=_RPM_VALUED,
    nested=frozenset({"module", "group", "groups"}),
)
ZYPPER = Manager(
    programs=frozenset({"zypper"}),
    valued_options=frozenset(
        {"-R", "--root", "-c", "--config", "-D", "--reposd-dir", "-C", "--cache-dir", "--raw-cache-dir"}
        | {"--solv-cache-dir", "--pkg-cache-dir", "--userdata", "-p", "--plus-repo", "--plus-content"}
        | {"--installroot", "-r", "--repo", "--from", "-t", "--type", "--download"}
    ),
)


def apt_config_value(command: Command, key: str) -> str | None:
    """The value an apt configuration ``key`` is given with ``-o Key=value`` (any spelling of
    ``-o``; the last one wins, as in apt), or None."""
    found = None
    for word in command.args:
        head, separator, value = word.value.rpartition(f"{key}=")
        if separator and (head == "" or head.endswith(("-o", "--option=", "-o="))):
            found = value
    return found


APT_TRUE = ("true", "yes", "1", "on")


@dataclass(frozen=True)
class Invocation:
    """One run of a package manager: ``operation`` is its subcommand (``"install"``, or two words
    for nested ones: ``"module install"``), ``operands`` the positional arguments after it."""

    run: RunCommand
    operation: str
    operation_words: tuple[Word, ...]
    operands: tuple[Word, ...]

    @property
    def command(self) -> Command:
        return self.run.command

    @property
    def program(self) -> str:
        return self.command.program or ""

    @property
    def head_span(self) -> Span:
        """The program name through the operation (``apt-get -y install``): where a finding about
        the whole invocation goes, without underlining a long package list."""
        first = self.command.name
        last = self.operation_words[-1] if self.operation_words else first
        assert first is not None and last is not None
        return self.run.script.span_of(_Range(first.start, last.end))

    def span_of(self, word: Word) -> Span:
        return self.run.span_of(word)


@dataclass
class _Range:
    start: int
    end: int


def positional(command: Command, valued_options: Iterable[str]) -> list[Word]:
    """Arguments that are not options nor option values. Unlike ``Command.positional`` this
    also knows that a cluster of short options ending in a valued one (``apk add -Ut .deps``)
    takes the next argument."""
    valued = frozenset(valued_options)
    result: list[Word] = []
    skip_next = options_done = False
    for word in command.args:
        value = word.value
        if skip_next:
            skip_next = False
        elif options_done or not value.startswith("-") or value == "-":
            result.append(word)
        elif value == "--":
            options_done = True
        elif value in valued or _cluster_takes_next(value, valued):
            skip_next = True
    return result


def _cluster_takes_next(value: str, valued: frozenset[str]) -> bool:
    """``-Ut`` with ``-t`` valued takes the next word; ``-tNAME`` carries its value inline."""
    if value.startswith("--") or len(value) <= 2 or "=" in value:
        return False
    for position, letter in enumerate(value[1:], start=1):
        if f"-{letter}" in valued:
            return position == len(value) - 1
    return False


def parse_invocation(run: RunCommand, manager: Manager) -> Invocation | None:
    """The invocation of ``manager`` that ``run`` is, or None.

    Rules that want every invocation of a manager use :func:`invocations`, which parses each
    command once per Dockerfile and manager however many rules ask."""
    command = run.command
    if not command.is_named(*manager.programs):
        return None
    words = positional(command, manager.valued_options)
    if not words:
        return Invocation(run, "", (), ())
    taken = 2 if words[0].value in manager.nested and len(words) > 1 else 1
    operation = " ".join(word.value for word in words[:taken])
    return Invocation(run, operation, tuple(words[:taken]), tuple(words[taken:]))


# Per Dockerfile and manager, every invocation in file order (many rules ask for the same ones).
_INVOCATIONS: weakref.WeakKeyDictionary[Dockerfile, dict[Manager, list[Invocation]]] = weakref.WeakKeyDictionary()


def invocations(
    dockerfile: Dockerfile, manager: Manager, operations: Iterable[str] | None = None
) -> Iterator[Invocation]:
    """Every invocation of ``manager`` in RUN instructions, optionally only those ``operations``."""
    per_manager = _INVOCATIONS.get(dockerfile)
    if per_manager is None:
        per_manager = _INVOCATIONS[dockerfile] = {}
    found = per_manager.get(manager)
    if found is None:
        runs = run_commands(dockerfile, *manager.programs)
        with gc_paused():  # long-lived objects in a burst (see syntax.gc_paused)
            found = [i for i in (parse_invocation(run, manager) for run in runs) if i is not None]
        per_manager[manager] = found
    if operations is None:
        return iter(found)
    wanted = frozenset(operations)
    return (invocation for invocation in found if invocation.operation in wanted)


def runs_manager(dockerfile: Dockerfile, manager: Manager) -> set[int]:
    """The ids of the RUN instructions (from ``run_instructions``) that call one of ``manager``'s
    programs; a rule about that manager can skip the others."""
    return instructions_running(dockerfile, *manager.programs)


# What each manager's rules look at. The install family follows hadolint's lists, plus the
# spellings that are the same operation (``dnf in``, ``yum group install`` = ``groupinstall``).
YUM_INSTALLS = frozenset(
    {"install", "groupinstall", "localinstall", "module install", "group install", "groups install"}
)
DNF_INSTALLS = YUM_INSTALLS | {"in"}
# Everything that downloads packages into dnf's cache.
DNF_DOWNLOADS = DNF_INSTALLS | {"upgrade", "up", "update", "upgrade-minimal", "up-min", "reinstall", "rei"}
ZYPPER_INSTALLS = frozenset({"install", "in"})
# Where yum, dnf 4 and dnf 5 keep downloaded packages and metadata.
RPM_CACHE_DIRS = ("/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5")
RPM_CACHE_MOUNTS = (*RPM_CACHE_DIRS, ".cache/libdnf5")


# Cleanup ------------------------------------------------------------------------------------


def cache_mounted(instruction: Instruction, *fragments: str) -> bool:
    """A ``--mount=type=cache`` or ``type=tmpfs`` whose target contains one of ``fragments``:
    the cache then never lands in the layer, so cleaning it is moot."""
    for flag in instruction.flags_named("mount"):
        if flag.mount_type not in ("cache", "tmpfs"):
            continue
        for key in ("target", "dst", "destination"):
            option = flag.options.get(key)
            if option is not None and option.value and any(part in option.value for part in fragments):
                return True
    return False


def removes_recursively(run: RunCommand, *directories: str) -> bool:
    """``rm -r`` (any spelling of the recursive flag) of a path inside one of ``directories``."""
    command = run.command
    if not command.is_named("rm") or not command.has_flag("-r", "-R", "--recursive"):
        return False
    return any(word.value.startswith(directories) for word in command.positional())


def first_uncleaned(
    commands: list[RunCommand], dirties: Callable[[RunCommand], bool], cleans: Callable[[RunCommand], bool]
) -> RunCommand | None:
    """The first command that fills a cache after the last command that cleans it, if any."""
    last_clean = max((index for index, run in enumerate(commands) if cleans(run)), default=-1)
    return next((run for run in commands[last_clean + 1 :] if dirties(run)), None)


def uncleaned_invocations(
    dockerfile: Dockerfile,
    manager: Manager,
    dirties: Callable[[RunCommand], bool],
    cleans: Callable[[RunCommand], bool],
    kept_out: Callable[[Instruction], bool],
) -> Iterator[Invocation]:
    """Per RUN that calls ``manager`` and is not ``kept_out`` (its cache in a mount, say), the
    invocation of the first command that ``dirties`` the cache after the last one that ``cleans`` it."""
    running = runs_manager(dockerfile, manager)
    for instruction, commands in run_instructions(dockerfile):
        if id(instruction) not in running or kept_out(instruction):
            continue  # most RUNs never call this manager: nothing to clean up after
        run = first_uncleaned(commands, dirties, cleans)
        invocation = parse_invocation(run, manager) if run is not None else None
        if invocation is not None:
            yield invocation


def yes_flag_missing(invocation: Invocation) -> bool:
    return not invocation.command.has_flag("-y", "--assumeyes")


def rpm_missing_yes(dockerfile: Dockerfile, manager: Manager, installs: frozenset[str]) -> Iterator[Problem]:
    """A finding for every yum/dnf install (``installs``) without ``-y``."""
    for invocation in invocations(dockerfile, manager, installs):
        if yes_flag_missing(invocation):
            command = f"{invocation.program} {invocation.operation}"
            yield Problem(
                invocation.head_span,
                f"'{command}' without -y waits for a confirmation no one can give during a build",
                hint=f"add -y: {command} -y <package>",
            )


def rpm_cache_problems(dockerfile: Dockerfile, manager: Manager, installs: frozenset[str]) -> Iterator[Invocation]:
    """Per RUN, the first yum/dnf install after which the same program does not clean its cache
    (``<program> clean all`` or ``rm -rf`` of the cache directory), unless a cache mount holds it."""
    running = runs_manager(dockerfile, manager)
    for instruction, commands in run_instructions(dockerfile):
        if id(instruction) not in running:
            continue  # most RUNs never call this manager: skip the per-program scans below
        if cache_mounted(instruction, *RPM_CACHE_MOUNTS):
            continue
        found: list[RunCommand] = []
        for program in manager.programs:

            def installs_here(run: RunCommand, program: str = program) -> bool:
                invocation = parse_invocation(run, manager)
                return invocation is not None and invocation.program == program and invocation.operation in installs

            def cleans(run: RunCommand, program: str = program) -> bool:
                invocation = parse_invocation(run, manager)
                if invocation is not None and invocation.program == program:
                    return invocation.operation == "clean" and any(w.value == "all" for w in invocation.operands)
                return removes_recursively(run, *RPM_CACHE_DIRS)

            run = first_uncleaned(commands, installs_here, cleans)
            if run is not None:
                found.append(run)
        if found:
            invocation = parse_invocation(min(found, key=commands.index), manager)
            assert invocation is not None
            yield invocation


def rpm_cache_not_cleaned(dockerfile: Dockerfile, manager: Manager, installs: frozenset[str]) -> Iterator[Problem]:
    """A finding for every RUN that leaves yum/dnf's cache in the layer (see ``rpm_cache_problems``)."""
    for invocation in rpm_cache_problems(dockerfile, manager, installs):
        program = invocation.program
        yield Problem(
            invocation.head_span,
            f"'{program} {invocation.operation}' is not followed by '{program} clean all' in this RUN, "
            "so the downloaded packages and metadata stay in the layer",
            hint=f"end the same RUN with `&& {program} clean all`",
        )


# Pins ---------------------------------------------------------------------------------------

_RPM_VERSION_PART = re.compile(r"[A-Za-z0-9.~^_:+]+")
_VARIABLE = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")


def rpm_package_pinned(spec: str, declared: frozenset[str]) -> bool:
    """yum/dnf spell a version as ``name-version[-release]``; the name may hold dashes itself.

    As hadolint judges it: after the first dash, every dash-separated part is made of version
    characters and one starts with a digit (``rpm-sign-4.16.1.3``, ``openssl-1:1.1.1k``). A spec
    with a variable counts as pinned when the variable is declared by an ARG or ENV in scope
    (``git-core-${VERSION}``, kept current by tools such as Renovate); a local ``.rpm`` file
    carries its version in the file."""
    if spec.endswith(".rpm"):
        return True
    parts = spec.split("-")
    if len(parts) < 2:
        return False
    if "$" in spec:
        return any(name in declared for name in _VARIABLE.findall(spec))
    rest = parts[1:]
    return all(_RPM_VERSION_PART.fullmatch(part) for part in rest) and any(part[:1].isdigit() for part in rest)


def declared_variables(dockerfile: Dockerfile, instruction: Instruction) -> frozenset[str]:
    """Names a RUN may use as a version, as hadolint counts them: every ARG declared before it
    (in any stage, global ones included) and every ENV of its stage and of the stages it is
    built ``FROM``."""
    position = instruction.span.start
    names: set[str] = set()
    for earlier in dockerfile.instructions:
        if earlier.keyword == "ARG" and earlier.span.start < position:
            names.update(pair.key for pair in earlier.key_values)
    stage = dockerfile.stage_of(instruction)
    seen: set[int] = set()
    while stage is not None and stage.index not in seen:
        seen.add(stage.index)
        for earlier in stage.instructions:
            if earlier.keyword == "ENV" and earlier.span.start < position:
                names.update(pair.key for pair in earlier.key_values)
        stage = next((s for s in dockerfile.stages if s.index == stage.base_stage), None)
    return frozenset(names)


def rpm_unpinned(dockerfile: Dockerfile, manager: Manager) -> Iterator[tuple[Invocation, Word, bool]]:
    """yum/dnf operands without a version: ``(invocation, word, is_module)``. Packages of
    ``install`` need ``name-version``, modules of ``module install`` a ``:stream``; groups and
    ``@group`` specs have no version to pin and are left alone."""
    for invocation in invocations(dockerfile, manager, ("install", "in", "localinstall", "module install")):
        is_module = invocation.operation == "module install"
        for word in invocation.operands:
            spec = word.value
            if spec.startswith("@"):
                continue
            if is_module:
                if ":" not in spec:
                    yield invocation, word, True
                continue
            # Only the names in the spec matter: which of them declared_variables would hold,
            # found without collecting every ARG and ENV before each RUN (quadratic in a long file).
            names = _VARIABLE.findall(spec) if "$" in spec else []
            if names:
                declarations = _declarations(dockerfile)
                declared = frozenset(n for n in names if declarations.declares(n, invocation.run.instruction))
            else:
                declared = frozenset()
            if not rpm_package_pinned(spec, declared):
                yield invocation, word, False


class _Declarations:
    """Where each name is first declared, for ``declared_variables`` questions about one name:
    by an ARG anywhere, and by an ENV in each stage. (Instructions are in file order, so "some
    declaration before this point" is "the first declaration is before this point".)"""

    def __init__(self, dockerfile: Dockerfile) -> None:
        self.first_arg: dict[str, Position] = {}
        for instruction in dockerfile.instructions:
            if instruction.keyword == "ARG":
                for pair in instruction.key_values:
                    self.first_arg.setdefault(pair.key, instruction.span.start)
        self.first_env: dict[int, dict[str, Position]] = {}
        self.base_of: dict[int, int | None] = {}
        for stage in dockerfile.stages:
            first = self.first_env.setdefault(stage.index, {})
            self.base_of.setdefault(stage.index, stage.base_stage)
            for instruction in stage.instructions:
                if instruction.keyword == "ENV":
                    for pair in instruction.key_values:
                        first.setdefault(pair.key, instruction.span.start)

    def declares(self, name: str, instruction: Instruction) -> bool:
        """Whether ``declared_variables(dockerfile, instruction)`` contains ``name``."""
        position = instruction.span.start
        first = self.first_arg.get(name)
        if first is not None and first < position:
            return True
        stage: int | None = instruction.stage_index
        seen: set[int] = set()
        while stage is not None and stage in self.first_env and stage not in seen:
            seen.add(stage)
            first = self.first_env[stage].get(name)
            if first is not None and first < position:
                return True
            stage = self.base_of[stage]
        return False


_DECLARATIONS: weakref.WeakKeyDictionary[Dockerfile, _Declarations] = weakref.WeakKeyDictionary()


def _declarations(dockerfile: Dockerfile) -> _Declarations:
    found = _DECLARATIONS.get(dockerfile)
    if found is None:
        found = _DECLARATIONS[dockerfile] = _Declarations(dockerfile)
    return found


def rpm_unpinned_problems(dockerfile: Dockerfile, manager: Manager, tool: str) -> Iterator[Problem]:
    """A finding for every yum/dnf package without a version or module without a stream (see
    ``rpm_unpinned``); ``tool`` (``yum``, ``dnf``) is the command the hints suggest to list versions."""
    for invocation, word, is_module in rpm_unpinned(dockerfile, manager):
        spec, program = word.value, invocation.program
        if is_module:
            message = f"module '{spec}' has no stream: {program} module install {spec}:<stream>"
            hint = f"name the stream (see `{tool} module list {spec}`)"
        else:
            message = f"'{spec}' is not pinned: {program} install {spec}-<version>"
            hint = f"pin the version (see `{tool} list --showduplicates {spec}`)"
        yield Problem(invocation.span_of(word), message, hint=hint)
