"""What the supply-chain rules share: downloads, the images a build pulls, environment settings.

* :func:`downloads_to_stdout` tells whether a ``curl``/``wget`` command writes what it fetches to
  standard output (so a pipe or ``$(...)`` gets the remote content);
* :func:`pulled_images` lists every image reference the build pulls (``FROM``, ``COPY --from``,
  ``RUN --mount=from``), the way CL1002 untrusted-registry counts them;
* :func:`environment_settings` lists every environment variable the file sets: ``ENV``, ``ARG``
  defaults, and in ``RUN`` the ``NAME=value cmd`` prefixes, bare assignments, ``export``
  (``declare``, ``readonly``) and ``env NAME=value cmd``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from containerlint.model import Span

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile
    from containerlint.syntax.shell import Command, ShellScript, Word

DOWNLOADERS = ("curl", "wget")
URL_RE = re.compile(r"^(?:https?|ftps?)://", re.IGNORECASE)
# curl's one-letter options that take a value: the rest of a cluster (``-sSLo``) is that value.
_CURL_VALUED_SHORT = frozenset("AbcCdDeEFHKmoPQrtTuUwxXyYz")


def url_word(command: Command) -> Word | None:
    """The first argument that is a URL (``--url=...`` included), if any."""
    for word in command.args:
        value = word.value.removeprefix("--url=")
        if URL_RE.match(value):
            return word
    return None


def downloads_to_stdout(command: Command) -> bool:
    """True for ``curl URL`` (stdout unless ``-o file``/``-O``) and ``wget -O- URL``."""
    if command.is_named("curl"):
        return _curl_writes_stdout(command.args)
    if command.is_named("wget"):
        return _wget_output(command.args) in ("-", "/dev/stdout")
    return False


def _curl_writes_stdout(args: list[Word]) -> bool:
    values = [word.value for word in args]
    position = 0
    while position < len(values):
        value = values[position]
        following = values[position + 1] if position + 1 < len(values) else None
        position += 1
        if value == "--":
            break
        if value in ("-O", "--remote-name", "--remote-name-all"):
            return False
        if value in ("-o", "--output"):
            if following not in ("-", None):
                return False
            position += 1
        elif value.startswith("--output="):
            if value.partition("=")[2] != "-":
                return False
        elif value.startswith("-") and not value.startswith("--") and len(value) > 1:
            for index, letter in enumerate(value[1:], start=1):
                if letter == "O":
                    return False
                if letter in _CURL_VALUED_SHORT:
                    inline = value[index + 1 :]
                    target = inline or following
                    if letter == "o" and target not in ("-", None):
                        return False
                    if not inline:
                        position += 1
                    break
    return True


def _wget_output(args: list[Word]) -> str | None:
    """The ``-O``/``--output-document`` value of a wget command line (None when not given)."""
    values = [word.value for word in args]
    found = None
    for position, value in enumerate(values):
        following = values[position + 1] if position + 1 < len(values) else None
        if value == "--output-document":
            found = following
        elif value.startswith("--output-document="):
            found = value.partition("=")[2]
        elif value.startswith("-") and not value.startswith("--") and "O" in value:
            inline = value[value.index("O") + 1 :]
            found = inline or following
    return found


# Images --------------------------------------------------------------------------------------


def pulled_images(dockerfile: Dockerfile) -> Iterator[tuple[str, str, Span]]:
    """(image as resolved, as written, span) of every image the build pulls: the images of
    ``FROM``, ``COPY --from=<image>`` and ``RUN --mount=from=<image>``. Earlier stages,
    ``scratch`` and references holding an unresolved variable are left out."""
    for stage in dockerfile.stages:
        if stage.is_implicit or stage.base_stage is not None or stage.image_span is None:
            continue
        if stage.resolved_image is not None and not stage.is_scratch:
            yield stage.resolved_image, stage.image, stage.image_span
    for instruction in dockerfile.iter_instructions("COPY"):
        source = instruction.flag("from")
        if source is None or not source.value or source.value_span is None:
            continue
        if not names_stage(dockerfile, source.value):
            yield source.value, source.value, source.value_span
    for instruction in dockerfile.iter_instructions("RUN"):
        for mount in instruction.flags_named("mount"):
            option = mount.options.get("from")
            if mount.mount_type not in ("bind", "cache") or option is None or not option.value:
                continue
            if not names_stage(dockerfile, option.value):
                yield option.value, option.value, option.value_span or mount.span


def names_stage(dockerfile: Dockerfile, name: str) -> bool:
    """``--from`` names a stage by name or by index; a ``$VARIABLE`` is not judged."""
    return dockerfile.stage_named(name) is not None or name.isdigit() or "$" in name


# Environment ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    """An environment variable set to ``value`` (None: ``ARG NAME`` without a default)."""

    name: str
    value: str | None
    span: Span  # the variable's name, where it is set
    where: str  # "ENV", "ARG" or "RUN"


_DECLARATIONS = ("export", "declare", "typeset", "readonly", "local")


def environment_settings(dockerfile: Dockerfile) -> Iterator[Setting]:
    """Every environment variable the file sets, in file order (ONBUILD triggers included)."""
    for instruction in dockerfile.iter_instructions("ENV", "ARG", "RUN", onbuild=True):
        if instruction.keyword in ("ENV", "ARG"):
            for pair in instruction.key_values:
                yield Setting(pair.key, pair.value, pair.key_span, instruction.keyword)
            continue
        for script in instruction.scripts():
            for command in script.commands:
                for assignment in command.assignments:
                    value = assignment.value.value if assignment.value is not None else ""
                    span = script.span_of(_Range(assignment.start, assignment.start + len(assignment.name)))
                    yield Setting(assignment.name, value, span, "RUN")
                if command.is_named(*_DECLARATIONS, "env"):
                    yield from _assignment_words(command, script)


def _assignment_words(command: Command, script: ShellScript) -> Iterator[Setting]:
    """``export NAME=value`` and ``env NAME=value cmd``: assignments written as arguments."""
    for word in command.args:
        name, equals, value = word.value.partition("=")
        if word.value.startswith("-"):
            continue
        if not equals or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            if command.is_named("env"):
                break  # the program env runs: the rest are its arguments
            continue
        offset = word.raw.find(name)
        start = word.start + max(offset, 0)
        yield Setting(name, value, script.span_of(_Range(start, start + len(name))), "RUN")


@dataclass
class _Range:
    start: int
    end: int
