"""CL3602 undefined-variable: an instruction expands a variable that nothing defines (BuildKit's
UndefinedVar).

What BuildKit expands and checks: ADD and COPY (sources, destination, ``--chown``, ``--chmod``,
``--checksum``, unquoted heredoc bodies), ENV and LABEL (keys and values), ARG defaults, WORKDIR,
USER, VOLUME, STOPSIGNAL and the ``--mount`` options of RUN. Shell bodies of RUN, CMD and
ENTRYPOINT are the shell's business, FROM is CL3601's, and BuildKit does not check EXPOSE.

What is defined at an instruction, as in BuildKit:

* ``PATH`` (BuildKit always sets it) and the environment of the base image. containerlint
  cannot pull images: it knows the variables the option ``image_env`` lists for the image
  (the official images' documented ENV by default) and the names of ``known_variables``.
* For ``FROM <stage>``: everything the parent stage defined (ENV and ARG), and the ENV/ARG
  triggers of the parent's ONBUILD instructions.
* ARGs declared earlier in the stage, with or without a default. Global ARGs and BuildKit's
  platform ARGs (``TARGETARCH``...) are *not* in scope until the stage re-declares them
  (``ARG TARGETARCH``), and neither are the proxy ARGs (``HTTP_PROXY``), which only RUN sees.
* ENV set by earlier instructions. The pairs of one ENV or LABEL are expanded together before
  any is set (``ENV A=1 B=$A`` uses the old ``A``); the pairs of one ARG are set one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from containerlint.checks.variables._support import NON_ENV_ARGS, Reference, did_you_mean, references
from containerlint.model import FileKind, Problem, Severity, Span
from containerlint.registry import Context, Rule
from containerlint.syntax.imageref import parse_image_ref

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction, Stage

_JAVA = ["JAVA_HOME", "JAVA_VERSION", "LANG", "LANGUAGE", "LC_ALL"]
_DOTNET = [
    "APP_UID",
    "ASPNETCORE_HTTP_PORTS",
    "ASPNET_VERSION",
    "DOTNET_GENERATE_ASPNET_CERTIFICATE",
    "DOTNET_NOLOGO",
    "DOTNET_RUNNING_IN_CONTAINER",
    "DOTNET_SDK_VERSION",
    "DOTNET_USE_POLLING_FILE_WATCHER",
    "DOTNET_VERSION",
    "NUGET_XMLDOC_MODE",
    "POWERSHELL_DISTRIBUTION_CHANNEL",
]
# The ENV of widely used images (as their Dockerfiles set it); repositories as on Docker Hub.
DEFAULT_IMAGE_ENV: dict[str, list[str]] = {
    "python": [
        "GPG_KEY",
        "LANG",
        "PYTHON_GET_PIP_SHA256",
        "PYTHON_GET_PIP_URL",
        "PYTHON_PIP_VERSION",
        "PYTHON_SETUPTOOLS_VERSION",
        "PYTHON_SHA256",
        "PYTHON_VERSION",
    ],
    "node": ["NODE_VERSION", "YARN_VERSION"],
    "golang": ["GOLANG_VERSION", "GOPATH", "GOTOOLCHAIN"],
    "rust": ["CARGO_HOME", "RUSTUP_HOME", "RUST_VERSION"],
    "ruby": [
        "BUNDLE_APP_CONFIG",
        "BUNDLE_SILENCE_ROOT_WARNING",
        "GEM_HOME",
        "LANG",
        "RUBY_DOWNLOAD_SHA256",
        "RUBY_DOWNLOAD_URL",
        "RUBY_MAJOR",
        "RUBY_VERSION",
    ],
    "php": [
        "APACHE_CONFDIR",
        "APACHE_ENVVARS",
        "GPG_KEYS",
        "PHPIZE_DEPS",
        "PHP_ASC_URL",
        "PHP_CFLAGS",
        "PHP_CPPFLAGS",
        "PHP_INI_DIR",
        "PHP_LDFLAGS",
        "PHP_SHA256",
        "PHP_URL",
        "PHP_VERSION",
    ],
    "eclipse-temurin": _JAVA,
    "openjdk": _JAVA,
    "amazoncorretto": _JAVA,
    "maven": [*_JAVA, "MAVEN_CONFIG", "MAVEN_HOME"],
    "gradle": [*_JAVA, "GRADLE_HOME", "GRADLE_VERSION"],
    "nginx": ["ACME_VERSION", "DYNPKG_RELEASE", "NGINX_VERSION", "NJS_RELEASE", "NJS_VERSION", "PKG_RELEASE"],
    "httpd": ["HTTPD_PATCHES", "HTTPD_PREFIX", "HTTPD_SHA256", "HTTPD_VERSION"],
    "postgres": ["GOSU_VERSION", "LANG", "PGDATA", "PG_MAJOR", "PG_SHA256", "PG_VERSION"],
    "redis": ["REDIS_DOWNLOAD_SHA", "REDIS_DOWNLOAD_URL", "REDIS_VERSION"],
    "mcr.microsoft.com/dotnet/sdk": _DOTNET,
    "mcr.microsoft.com/dotnet/aspnet": _DOTNET,
    "mcr.microsoft.com/dotnet/runtime": _DOTNET,
    "mcr.microsoft.com/dotnet/runtime-deps": _DOTNET,
}

RULE = Rule(
    code="CL3602",
    name="undefined-variable",
    summary="Instruction uses a variable that no ARG or ENV defines before it",
    severity=Severity.WARNING,
    aliases=("buildkit:UndefinedVar",),
    tags=("dockerfile", "buildkit", "correctness"),
    options={"image_env": DEFAULT_IMAGE_ENV, "known_variables": []},
)

# Instructions whose arguments BuildKit expands (FROM and EXPOSE aside, see the docstring).
_WORD_INSTRUCTIONS = frozenset({"ADD", "COPY", "VOLUME"})
_WHOLE_INSTRUCTIONS = frozenset({"WORKDIR", "USER", "STOPSIGNAL"})
_EXPANDED_FLAGS = {"ADD": ("chown", "chmod", "checksum"), "COPY": ("chown", "chmod")}


@dataclass(frozen=True)
class _Use:
    """A reference and how to find it in the source."""

    reference: Reference
    locate: Callable[[int, int], Span]


def image_key(image: str) -> str | None:
    """``docker.io/library/python:3.12`` -> ``python``; ``ghcr.io/a/b:1`` -> ``ghcr.io/a/b``."""
    ref = parse_image_ref(image)
    if ref is None:
        return None
    if ref.canonical_registry == "docker.io":
        repository = ref.repository
        return repository.removeprefix("library/")
    return ref.name


class _Scope:
    """The names defined at a point of a stage (insertion-ordered, for suggestions)."""

    def __init__(self, names: Sequence[str] = ()) -> None:
        self.names: dict[str, None] = dict.fromkeys(names)

    def add(self, name: str) -> None:
        self.names[name] = None

    def copy(self) -> _Scope:
        return _Scope(list(self.names))


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    image_env: Mapping[str, Sequence[str]] = ctx.options.get("image_env") or {}
    known: Sequence[str] = ctx.options.get("known_variables") or []
    final_scopes: dict[int, _Scope] = {}
    for stage in dockerfile.stages:
        if stage.is_implicit:
            continue
        scope = _initial_scope(dockerfile, stage, final_scopes, image_env, known)
        for instruction in stage.instructions[1:]:
            yield from _check_instruction(dockerfile, instruction, scope)
        final_scopes[stage.index] = scope


def _initial_scope(
    dockerfile: Dockerfile,
    stage: Stage,
    final_scopes: Mapping[int, _Scope],
    image_env: Mapping[str, Sequence[str]],
    known: Sequence[str],
) -> _Scope:
    if stage.base_stage is not None and stage.base_stage in final_scopes:
        scope = final_scopes[stage.base_stage].copy()
        parent = next(s for s in dockerfile.stages if s.index == stage.base_stage)
        for instruction in parent.instructions:  # the parent's ONBUILD ENV/ARG run first here
            if instruction.inner is not None and instruction.inner.keyword in ("ENV", "ARG"):
                for pair in instruction.inner.key_values:
                    scope.add(pair.key)
    else:
        scope = _Scope(["PATH"])
        key = image_key(stage.resolved_image) if stage.resolved_image and not stage.is_scratch else None
        for name in image_env.get(key, ()) if key else ():
            scope.add(name)
    for name in known:
        scope.add(name)
    return scope


def _check_instruction(dockerfile: Dockerfile, instruction: Instruction, scope: _Scope) -> Iterator[Problem]:
    reported: set[str] = set()
    if instruction.keyword == "ARG":
        # Each pair is expanded in the scope the pairs before it made.
        for pair in instruction.key_values:
            if pair.value_start is not None:
                raw = instruction.args[pair.value_start : pair.end]
                uses = _uses(dockerfile, instruction, raw, pair.value_start)
                yield from _report(uses, scope, reported)
            scope.add(pair.key)
        return
    yield from _report(_instruction_uses(dockerfile, instruction), scope, reported)
    if instruction.keyword == "ENV":
        for pair in instruction.key_values:
            scope.add(pair.key)


def _report(uses: list[_Use], scope: _Scope, reported: set[str]) -> Iterator[Problem]:
    for use in uses:
        name = use.reference.name
        if name in scope.names or name in NON_ENV_ARGS or name in reported:
            continue
        reported.add(name)
        yield Problem(
            use.locate(use.reference.start, use.reference.end),
            f"usage of undefined variable '${name}'{did_you_mean(name, scope.names, prefix='$')}",
            hint=f"declare it in this stage before use (ARG {name} or ENV {name}=...)",
        )


def _uses(dockerfile: Dockerfile, instruction: Instruction, raw: str, start: int) -> list[_Use]:
    found = references(raw, dockerfile.escape, base=start)
    return [_Use(reference, instruction.span_of) for reference in found]


def _instruction_uses(dockerfile: Dockerfile, instruction: Instruction) -> list[_Use]:
    keyword, args = instruction.keyword, instruction.args
    uses: list[_Use] = []
    for name in _EXPANDED_FLAGS.get(keyword, ()):
        flag = instruction.flag(name)
        if flag is not None and flag.value_start is not None:
            uses += _uses(dockerfile, instruction, args[flag.value_start : flag.end], flag.value_start)
    if keyword == "RUN":
        for flag in instruction.flags_named("mount"):
            if flag.value_start is not None:
                uses += _uses(dockerfile, instruction, args[flag.value_start : flag.end], flag.value_start)
    elif keyword in ("ENV", "LABEL"):
        for pair in instruction.key_values:
            uses += _uses(dockerfile, instruction, args[pair.start : pair.key_end], pair.start)
            if pair.value_start is not None:
                uses += _uses(dockerfile, instruction, args[pair.value_start : pair.end], pair.value_start)
    elif keyword in _WHOLE_INSTRUCTIONS and instruction.body:
        uses += _uses(dockerfile, instruction, instruction.body, instruction.body_offset)
    elif keyword in _WORD_INSTRUCTIONS:
        uses += _word_uses(dockerfile, instruction)
    return uses


def _word_uses(dockerfile: Dockerfile, instruction: Instruction) -> list[_Use]:
    """ADD/COPY/VOLUME arguments, one word at a time, and ADD/COPY heredoc bodies."""
    uses: list[_Use] = []
    if instruction.exec_args is not None:
        for token in instruction.exec_args:  # JSON strings: expand what is inside the quotes
            uses += _uses(dockerfile, instruction, token.raw[1:-1], token.start + 1)
    else:
        for token in instruction.tokens:
            if not any(doc.start < token.end and token.start < doc.end for doc in instruction.heredocs):
                uses += _uses(dockerfile, instruction, token.raw, token.start)
    for doc in instruction.heredocs:
        if doc.expands:  # BuildKit expands an unquoted COPY/ADD heredoc, quotes kept literal
            found = references(doc.body, "\\", quotes=False)
            uses += [_Use(reference, doc.span_of) for reference in found]
    return uses
