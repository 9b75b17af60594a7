"""What the repository builds: which Dockerfile (and stage) a Compose service's ``build`` uses.

Cross-file rules start here: ``compose_builds(index, settings)`` lists every Compose service that
builds an image, with the Dockerfile path its ``build`` section resolves to (``context``
relative to the Compose file that wrote it, ``dockerfile`` relative to the context) and the
``target`` stage it names.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from containerlint.compose_model import ComposeProject
    from containerlint.config import Settings
    from containerlint.model import Related, Span
    from containerlint.project import ProjectIndex
    from containerlint.syntax.compose import BuildConfig, Service
    from containerlint.syntax.dockerfile import Dockerfile, Instruction, Stage
    from containerlint.syntax.kubernetes import Container, KubeObject
    from containerlint.syntax.yamlnodes import Scalar

DEFAULT_DOCKERFILE = "Dockerfile"


@dataclass(frozen=True)
class ComposeBuild:
    project: ComposeProject
    service: Service
    build: BuildConfig
    context: Path | None  # None: a remote context (git URL) or an unresolved variable
    dockerfile: Path | None  # None: dockerfile_inline, a remote context, or unresolved

    @property
    def target(self) -> str | None:
        return self.build.target.value if self.build.target is not None else None

    def _with_build_args(self, index: ProjectIndex, dockerfile: Dockerfile) -> Dockerfile:
        """The Dockerfile as the build sees it: reparsed with the build args that set global ARGs."""
        declared = {kv.key for kv in dockerfile.global_args}
        values: dict[str, str] = {}
        for arg in self.build.args:
            if arg.name in declared:
                value = arg.value if arg.value is not None else self.project.environment.get(arg.name)
                values[arg.name] = value if value is not None else "${" + arg.name + "}"
        if not values:
            return dockerfile
        from containerlint.syntax.dockerfile import parse_dockerfile

        cache: dict[tuple[int, frozenset[tuple[str, str]]], Dockerfile]
        cache = index.__dict__.setdefault("_dockerfiles_with_args", {})
        key = (id(dockerfile), frozenset(values.items()))
        if key not in cache:
            cache[key] = parse_dockerfile(dockerfile.text, {**dockerfile.build_args, **values})
        return cache[key]

    def parsed(self, index: ProjectIndex) -> tuple[str | None, Dockerfile] | None:
        """(display path or None for ``dockerfile_inline``, tree) of the Dockerfile; None when unknown
        or missing."""
        if self.build.dockerfile_inline is not None and self.context is not None:
            from containerlint.syntax.dockerfile import parse_dockerfile

            return None, parse_dockerfile(self.build.dockerfile_inline.value)
        return dockerfile_at(index, self.dockerfile) if self.dockerfile is not None else None

    def built(self, index: ProjectIndex) -> BuiltStage | None:
        """The stage this build produces (see ``BuiltStage``), or None when it cannot be known.
        Global ARGs the service passes replace their defaults in ``FROM`` (a value taken from an
        unknown environment leaves the base image unknown)."""
        found = self.parsed(index)
        if found is None:
            return None
        found = found[0], self._with_build_args(index, found[1])
        stage = stage_of(found[1], self.target)
        return BuiltStage(found[0], found[1], stage) if stage is not None else None


def compose_builds(index: ProjectIndex, settings: Settings | None = None) -> list[ComposeBuild]:
    """Every service of every Compose project that has a ``build`` section."""
    from containerlint.compose_model import compose_projects

    cache = index.__dict__.setdefault("_compose_builds", {})
    key = id(settings)
    if key not in cache:
        cache[key] = [
            _resolve(project, service)
            for project in compose_projects(index, settings)
            for service in project.model.services
            if service.build is not None
        ]
    builds: list[ComposeBuild] = cache[key]
    return builds


def _resolve(project: ComposeProject, service: Service) -> ComposeBuild:
    build = service.build
    assert build is not None
    context_text = build.context.value if build.context is not None else "."
    if _is_remote(context_text) or "$" in context_text:
        return ComposeBuild(project, service, build, None, None)
    written_at = build.context if build.context is not None else build.node
    context = (project.directory_of(written_at) / context_text).resolve()
    if build.dockerfile_inline is not None:
        return ComposeBuild(project, service, build, context, None)
    name = build.dockerfile.value if build.dockerfile is not None else DEFAULT_DOCKERFILE
    if "$" in name:
        return ComposeBuild(project, service, build, context, None)
    return ComposeBuild(project, service, build, context, (context / name).resolve())


def _is_remote(context: str) -> bool:
    return "://" in context or context.startswith(("git@", "github.com/")) or context.endswith(".git")


def targets_by_dockerfile(index: ProjectIndex, settings: Settings | None = None) -> dict[Path, set[str]]:
    """Resolved Dockerfile path -> the stages Compose services build with ``target:``."""
    targets: dict[Path, set[str]] = {}
    for found in compose_builds(index, settings):
        if found.dockerfile is not None and found.target:
            targets.setdefault(found.dockerfile, set()).add(found.target.lower())
    return targets


# ---------------------------------------------------------------------------------------------
# The Dockerfile behind a build, and the facts of the stage it builds
#
# ``built_stage(index, project, service)`` answers "which Dockerfile stage builds this image?": the
# Dockerfile from the index when it was linted, else read and parsed from disk (cached per path),
# else ``dockerfile_inline``; the stage ``build.target`` names (case-insensitive), else the last.
# ``BuiltStage`` then gives what the image will be like, following ``FROM <earlier stage>`` chains:
# EXPOSEd ports, the final USER, HEALTHCHECK, programs it certainly has or lacks, declared ARGs.

ROOT = "root"
NON_ROOT = "non-root"
UNKNOWN = "unknown"

# Official base image families whose default user is root (``USER`` unset). Keyed by the
# Docker Hub repository (``library/...``) or the full name for other registries.
_ROOT_BASES = (
    "alpine busybox debian ubuntu fedora centos rockylinux almalinux amazonlinux oraclelinux archlinux"
    " python node ruby golang rust php perl openjdk eclipse-temurin amazoncorretto gradle maven"
    " nginx httpd postgres mysql mariadb redis mongo memcached rabbitmq elixir erlang haskell julia"
    " r-base swift dart buildpack-deps"
)
ROOT_BASE_FAMILIES = frozenset(f"library/{name}" for name in _ROOT_BASES.split())

# Programs a health check typically runs, and what well-known base image families certainly
# ship (True) or certainly lack (False). A program not listed for a family is unknown.
# ``wget`` of alpine and busybox is the busybox applet; Debian/Ubuntu images have neither curl
# nor wget; the full ``python``/``node`` images (buildpack-deps) have both, their ``-slim``
# variants neither, their ``-alpine`` variants only busybox wget.
_DEBIAN = {"curl": False, "wget": False, "pg_isready": False}
_ALPINE = {"curl": False, "wget": True, "pg_isready": False}
_FULL = {"curl": True, "wget": True}
BASE_PROGRAMS: dict[str, dict[str, bool]] = {
    "library/alpine": _ALPINE,
    "library/busybox": _ALPINE,
    "library/debian": _DEBIAN,
    "library/ubuntu": _DEBIAN,
    "library/postgres": {"pg_isready": True},
    "curlimages/curl": {"curl": True},
}
VARIANT_FAMILIES = ("library/python", "library/node")  # the programs depend on the tag's variant
# Packages that provide a program, by the package managers' names (prefixes for versioned ones).
PROGRAM_PACKAGES: dict[str, tuple[str, ...]] = {
    "curl": ("curl",),
    "wget": ("wget", "wget2", "busybox"),
    "pg_isready": ("postgresql",),  # postgresql-client, postgresql16-client, postgresql-16 ...
}
# Build arguments BuildKit predefines (proxies, platforms, BuildKit switches): never "undeclared",
# and set in the global scope without any --build-arg.
BUILTIN_ARGS = frozenset(
    {"HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY"}
    | {"http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "all_proxy"}
    | {"BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS", "TARGETARCH"}
    | {"TARGETVARIANT", "TARGETSTAGE", "SOURCE_DATE_EPOCH"}
)


@dataclass(frozen=True)
class ExposedPort:
    first: int
    last: int
    protocol: str  # "tcp" / "udp" / "sctp"
    instruction: Instruction

    def covers(self, port: int, protocol: str) -> bool:
        return self.first <= port <= self.last and self.protocol == protocol.lower()


@dataclass(frozen=True)
class UserFact:
    state: str  # ROOT, NON_ROOT or UNKNOWN
    value: str | None  # the USER as written; None when no USER sets it
    instruction: Instruction | None

    @property
    def numeric(self) -> bool:
        """The user part is a UID (what kubelet needs to verify ``runAsNonRoot``)."""
        return self.value is not None and self.value.partition(":")[0].isdigit()


@dataclass(frozen=True)
class DeclaredArg:
    name: str
    default: str | None
    instruction: Instruction | None  # None for an ARG before the first FROM (global)
    span: Span
    is_global: bool


@dataclass(eq=False)
class BuiltStage:
    """One stage of one Dockerfile, as a build produces it. ``path`` is the Dockerfile's display
    path (None for ``dockerfile_inline``)."""

    path: str | None
    dockerfile: Dockerfile
    stage: Stage

    @cached_property
    def chain(self) -> list[Stage]:
        """The stage, then the earlier stages it is built on (``FROM base AS x``)."""
        by_index = {stage.index: stage for stage in self.dockerfile.stages}
        found: list[Stage] = []
        current: Stage | None = self.stage
        while current is not None and current not in found:
            found.append(current)
            current = by_index.get(current.base_stage) if current.base_stage is not None else None
        return found

    @property
    def base(self) -> Stage:
        """The stage whose FROM names an image (the end of the chain)."""
        return self.chain[-1]

    def _last(self, keyword: str) -> Instruction | None:
        for stage in self.chain:
            found = [instruction for instruction in stage.instructions if instruction.keyword == keyword]
            if found:
                return found[-1]
        return None

    def instructions(self, keyword: str) -> list[Instruction]:
        """Every ``keyword`` instruction of the chain, earliest stage first."""
        return [i for stage in reversed(self.chain) for i in stage.instructions if i.keyword == keyword]

    @cached_property
    def base_family(self) -> str | None:
        """``library/python`` for ``python:3.12``; None for scratch, an unresolved or a stage-built base."""
        ref = self.base.image_ref
        if ref is None or self.base.is_scratch:
            return None
        if ref.canonical_registry == "docker.io":
            return ref.canonical_repository
        return ref.name

    # EXPOSE ---------------------------------------------------------------------------------

    @cached_property
    def exposed(self) -> list[ExposedPort] | None:
        """The ports the image EXPOSEs; None when one cannot be read (``EXPOSE ${PORT}``)."""
        found = []
        for instruction in self.instructions("EXPOSE"):
            for word in instruction.words:
                port = _parse_exposed(word.value, instruction)
                if port is None:
                    return None
                found.append(port)
        return found

    def exposure_of(self, port: int, protocol: str) -> ExposedPort | None:
        return next((p for p in self.exposed or () if p.covers(port, protocol)), None)

    # USER -----------------------------------------------------------------------------------

    @cached_property
    def user(self) -> UserFact:
        instruction = self._last("USER")
        if instruction is not None:
            words = instruction.words
            value = words[0].value if words else ""
            name = value.partition(":")[0]
            if not name or "$" in name:
                return UserFact(UNKNOWN, value, instruction)
            return UserFact(ROOT if name in ("root", "0") else NON_ROOT, value, instruction)
        if self.base_family in ROOT_BASE_FAMILIES:
            return UserFact(ROOT, None, None)
        return UserFact(UNKNOWN, None, None)

    # HEALTHCHECK ----------------------------------------------------------------------------

    @property
    def healthcheck(self) -> Instruction | None:
        return self._last("HEALTHCHECK")

    # Programs -------------------------------------------------------------------------------

    def has_program(self, program: str) -> bool | None:
        """True / False when it is certain the image has / lacks ``program``; None when unknown.

        Installed by a package manager in the chain's RUNs (a package named like it): True. Lacking
        only when the base family's table says so and nothing in the chain could bring it: no
        package providing it, no RUN that names it, no ``COPY --from`` / ``ADD`` of a file, no
        package list behind a variable."""
        installed = self._installed_packages
        providers = PROGRAM_PACKAGES.get(program, (program,))
        if any(package.startswith(providers) for package in installed if package):
            return True
        base = self._base_programs.get(program)
        if base is None or base:
            return base
        if "" in installed or self._may_bring(program):
            return None
        return False

    @cached_property
    def _base_programs(self) -> dict[str, bool]:
        family = self.base_family
        if family is None:
            return {}
        if family in VARIANT_FAMILIES:
            tag = (self.base.image_ref.tag if self.base.image_ref else None) or "latest"
            if "alpine" in tag:
                return _ALPINE
            if "slim" in tag:
                return _DEBIAN
            if any(word in tag for word in ("windows", "nanoserver", "servercore")):
                return {}
            return _FULL
        return BASE_PROGRAMS.get(family, {})

    @cached_property
    def _installed_packages(self) -> set[str]:
        """Package names the chain's RUNs install ("" stands for one that cannot be read)."""
        from containerlint.checks.packages._support import APK, APT_GET, DNF, YUM, ZYPPER, invocations

        chain = {stage.index for stage in self.chain}
        found: set[str] = set()
        for manager in (APT_GET, APK, DNF, YUM, ZYPPER):
            for invocation in invocations(self.dockerfile, manager):
                if invocation.run.stage is None or invocation.run.stage.index not in chain:
                    continue
                if invocation.operation not in ("install", "add", "in", "module install", "group install"):
                    continue
                for word in invocation.operands:
                    if "$" in word.value:
                        found.add("")
                    elif not word.value.startswith("-"):
                        found.add(re.split(r"[=<>@~]", word.value, maxsplit=1)[0].lower())
        return found

    def _may_bring(self, program: str) -> bool:
        for stage in self.chain:
            for instruction in stage.instructions:
                if instruction.keyword == "ADD" or (instruction.keyword == "COPY" and instruction.flag("from")):
                    return True
                if instruction.keyword == "RUN" and program in instruction.args:
                    return True
        return False

    # ARG ------------------------------------------------------------------------------------

    @cached_property
    def declared_args(self) -> list[DeclaredArg]:
        """Every ARG of the Dockerfile (global, then each stage's), whichever stage is built."""
        found = [DeclaredArg(kv.key, kv.value, None, kv.key_span, True) for kv in self.dockerfile.global_args]
        for instruction in self.dockerfile.iter_instructions("ARG"):
            if instruction.stage_index is None:
                continue  # a global ARG: already listed
            found.extend(
                DeclaredArg(kv.key, kv.value, instruction, kv.key_span, False) for kv in instruction.key_values
            )
        return found

    def required_from_args(self) -> list[tuple[DeclaredArg, Stage]]:
        """Global ARGs without a default that a FROM of the chain uses (the build fails without them)."""
        found = []
        for arg in self.declared_args:
            if not arg.is_global or arg.default is not None or arg.name in BUILTIN_ARGS:
                continue
            used = re.compile(rf"\$(?:{re.escape(arg.name)}\b|\{{{re.escape(arg.name)}\b)")
            for stage in self.chain:
                if used.search(stage.image):
                    found.append((arg, stage))
                    break
        return found


_EXPOSED = re.compile(r"(?P<first>\d+)(?:-(?P<last>\d+))?(?:/(?P<protocol>[A-Za-z]+))?")


def _parse_exposed(text: str, instruction: Instruction) -> ExposedPort | None:
    match = _EXPOSED.fullmatch(text)
    if match is None:
        return None
    first = int(match.group("first"))
    last = int(match.group("last") or first)
    return ExposedPort(first, last, (match.group("protocol") or "tcp").lower(), instruction)


def dockerfile_at(index: ProjectIndex, path: Path) -> tuple[str, Dockerfile] | None:
    """(display path, parsed tree) of the Dockerfile at ``path``: the linted one, else the file on
    disk parsed once per run (None when there is no such file)."""
    cache: dict[str, tuple[str, Dockerfile] | None] = index.__dict__.setdefault("_dockerfiles_at", {})
    linted: dict[str, Any] = index.__dict__.setdefault("_linted_dockerfiles", {})
    if not linted:  # by normalised path; a tree is parsed only when asked for (engine.DeferredFile)
        for display, parsed in index.dockerfiles_by_path.items():
            linted.setdefault(_normal(display), parsed)
        linted[""] = None  # marks the map as filled
    key = _normal(path)
    if key not in cache:
        parsed = linted.get(key)
        tree = parsed.tree if parsed is not None else None
        cache[key] = (parsed.path, tree) if parsed is not None and tree is not None else _read_dockerfile(path)
    return cache[key]


def _read_dockerfile(path: Path) -> tuple[str, Dockerfile] | None:
    from containerlint.syntax.dockerfile import parse_dockerfile

    try:
        if not path.is_file():
            return None
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    relative = os.path.relpath(path)
    return (path.as_posix() if relative.startswith("..") else Path(relative).as_posix()), parse_dockerfile(text)


def _normal(path: str | Path) -> str:
    return os.path.normcase(os.path.normpath(os.path.abspath(path)))


def stage_of(dockerfile: Dockerfile, target: str | None) -> Stage | None:
    """The stage ``target`` names (case-insensitive), else the last one; None when there is none."""
    if target is not None:
        return dockerfile.stage_named(target)
    stages = [stage for stage in dockerfile.stages if not stage.is_implicit]
    return stages[-1] if stages else None


def built_stage(index: ProjectIndex, project: ComposeProject, service: Service) -> BuiltStage | None:
    """The stage a Compose service's ``build`` builds, or None when it cannot be known (remote
    or unresolved context, missing Dockerfile, a target that names no stage)."""
    if service.build is None:
        return None
    return _resolve(project, service).built(index)


def image_built_stage(index: ProjectIndex, dockerfile: Path, target: str | None = None) -> BuiltStage | None:
    found = dockerfile_at(index, dockerfile)
    if found is None:
        return None
    stage = stage_of(found[1], target)
    return BuiltStage(found[0], found[1], stage) if stage is not None else None


# ---------------------------------------------------------------------------------------------
# Kubernetes: which container images the repository builds


@dataclass(frozen=True)
class RepositoryImage:
    """An image the repository builds: from a Compose service with ``build`` and ``image``, or
    from the ``[images]`` setting (image name -> Dockerfile relative to the root; a key with a tag,
    ``"web:1.4"``, also says which tag the repository builds)."""

    key: tuple[str, str]  # (registry, repository), Docker Hub spelled canonically
    dockerfile: Path | None
    target: str | None
    origin: str  # how messages name the link: "Compose service 'web'", "the [images] setting"
    tag: str | None = None  # the tag it is built with (Compose's ``image:``, a tagged [images] key)
    compose: ComposeBuild | None = None

    def built(self, index: ProjectIndex) -> BuiltStage | None:
        if self.compose is not None:
            return self.compose.built(index)
        return image_built_stage(index, self.dockerfile, self.target) if self.dockerfile is not None else None


def image_key(text: str) -> tuple[str, str] | None:
    """(registry, repository) of an image reference, Docker Hub spelled canonically; None when
    the text is no reference (an unresolved variable)."""
    from containerlint.syntax.imageref import parse_image_ref

    ref = parse_image_ref(text.strip())
    return (ref.canonical_registry, ref.canonical_repository) if ref is not None else None


def repository_images(
    index: ProjectIndex, settings: Settings, extra: dict[str, str] | None = None, base: Path | None = None
) -> dict[tuple[str, str], list[RepositoryImage]]:
    """Image key -> the builds that produce it: Compose services with ``build`` and ``image``,
    the ``[images]`` setting, and ``extra`` (name -> Dockerfile relative to ``base``, a rule option)."""
    cache = index.__dict__.setdefault("_repository_images", {})
    key = id(settings)
    if key not in cache:
        found: dict[tuple[str, str], list[RepositoryImage]] = {}
        for build in compose_builds(index, settings):
            image = build.service.image
            key_of = image_key(image.value) if image is not None else None
            if image is None or key_of is None:
                continue
            tag = _tag(image.value)
            origin = f"Compose service '{build.service.name}' ({build.project.origin(build.service.key)})"
            found.setdefault(key_of, []).append(
                RepositoryImage(key_of, build.dockerfile, build.target, origin, tag, build)
            )
        for name, dockerfile in settings.images.items():
            if (key_of := image_key(name)) is not None:
                path = (Path(settings.root) / dockerfile).resolve()
                entry = RepositoryImage(key_of, path, None, "the [images] setting", _tag(name))
                found.setdefault(key_of, []).append(entry)
        cache[key] = found
    images: dict[tuple[str, str], list[RepositoryImage]] = cache[key]
    if not extra:
        return images
    merged = {name: list(entries) for name, entries in images.items()}
    for name, dockerfile in extra.items():
        if (key_of := image_key(str(name))) is not None:
            path = ((base or Path()) / str(dockerfile)).resolve()
            entry = RepositoryImage(key_of, path, None, "the 'images' option", _tag(str(name)))
            merged.setdefault(key_of, []).append(entry)
    return merged


def _tag(text: str) -> str | None:
    """The tag of an image reference (``web:1.4`` -> ``1.4``); None without one."""
    from containerlint.syntax.imageref import parse_image_ref

    ref = parse_image_ref(text.strip())
    return ref.tag if ref is not None else None


# ---------------------------------------------------------------------------------------------
# What the cross-file rules (CL7050-CL7079) share


def active_builds(index: ProjectIndex, settings: Settings | None) -> list[ComposeBuild]:
    """The builds of the services the active profiles enable."""
    enabled: dict[int, set[int]] = {}  # project id -> ids of its enabled services
    found = []
    for build in compose_builds(index, settings):
        project = build.project
        if id(project) not in enabled:
            enabled[id(project)] = {id(service) for service in project.services_for_profiles()}
        if id(build.service) in enabled[id(project)]:
            found.append(build)
    return found


def where(built: BuiltStage, instruction: Instruction | None) -> str:
    """How a message names a Dockerfile line: ``app/Dockerfile:3`` (``dockerfile_inline`` line 3)."""
    line = instruction.line if instruction is not None else None
    if built.path is None:
        return "dockerfile_inline" + (f" line {line}" if line is not None else "")
    return built.path + (f":{line}" if line is not None else "")


def related(built: BuiltStage, instruction: Instruction | None, message: str) -> tuple[Related, ...]:
    """The Dockerfile line as a SARIF related location (none for ``dockerfile_inline``)."""
    if built.path is None or instruction is None:
        return ()
    from containerlint.model import Related

    return (Related(built.path, instruction.span, message),)


@dataclass(frozen=True)
class BuiltContainer:
    """A Kubernetes container whose image the repository builds, with the stages that build it."""

    path: str
    obj: KubeObject
    container: Container
    image: Scalar
    stages: tuple[tuple[RepositoryImage, BuiltStage], ...]  # the builds whose stage was found
    entries: tuple[RepositoryImage, ...] = ()  # every build of the image, stage found or not


def built_containers(index: ProjectIndex, settings: Settings, option: object = None) -> list[BuiltContainer]:
    """Every container of the linted manifests whose image (name without tag or digest) the
    repository builds, with the builds of it and the stage(s) found for them. ``option`` is a rule's ``images``
    option: image name -> Dockerfile relative to the manifest's folder."""
    extra = {str(k): str(v) for k, v in option.items()} if isinstance(option, dict) else {}
    found = []
    for located in index.kubernetes_files:
        images = repository_images(index, settings, extra, Path(located.path).parent) if extra else None
        for obj in located.item.objects:
            for container in obj.containers:
                image = container.image
                key = image_key(image.value) if image is not None else None
                if image is None or key is None:
                    continue
                entries = (images if images is not None else repository_images(index, settings)).get(key, [])
                stages = tuple((entry, built) for entry in entries if (built := entry.built(index)) is not None)
                if entries:
                    found.append(BuiltContainer(located.path, obj, container, image, stages, tuple(entries)))
    return found
