"""Assemble Compose projects the way ``docker compose`` loads them.

Per project (see ``docs/compose-projects.md``):

1. the files, in load order (``select_projects``);
2. the variables: the process environment, then ``env-files`` (like ``--env-file``) or the project
   directory's ``.env``;
3. per file: interpolation of every value (keys are not interpolated), then its ``include``
   entries (each loaded as a project of its own, with its own directory and ``.env``; the
   including project's variables win), then ``extends`` (same file, or ``file:`` relative to the
   directory the file resolves paths against; chains; cycles are reported, never followed);
4. the files merged in order (``merge.merge_mappings``), entries made unique like Compose does.

Loading problems (an unset variable, bad interpolation, a missing ``extends``/``include``
target, an ``extends`` cycle) are collected as ``(code, Problem)`` pairs; rules CL4001-CL4005 report
them. Nothing here raises on bad input: a part that cannot be loaded is left out of the model.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from containerlint.compose.envfile import parse_env_text
from containerlint.compose.merge import Tracker, enforce_unique, merge, merge_mappings, strip_resets
from containerlint.model import Position, Problem, Span
from containerlint.secrets import credential_format, is_secret_name, mask
from containerlint.syntax.compose import ComposeFile, interpolate
from containerlint.syntax.yamlnodes import Mapping, Node, Pair, Scalar, Sequence
from containerlint.syntax.yamltree import YamlDocument, YamlStream, effective_pairs, parse_yaml

if TYPE_CHECKING:
    from containerlint.config import Settings
    from containerlint.project import ProjectIndex

UNSET_VARIABLE = "CL4001"
INVALID_INTERPOLATION = "CL4002"
MISSING_EXTENDS_TARGET = "CL4003"
EXTENDS_CYCLE = "CL4004"
MISSING_INCLUDE_TARGET = "CL4005"

BASE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")
OVERRIDE_NAMES = (
    "compose.override.yml",
    "compose.override.yaml",
    "docker-compose.override.yml",
    "docker-compose.override.yaml",
)
# Line breaks as the YAML parser counts them (yamltree), so line numbers agree.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_LAYER_NAME = re.compile(r"(?:docker-)?compose\.[^/]+\.ya?ml", re.IGNORECASE)
RESOURCE_SECTIONS = ("services", "volumes", "networks", "secrets", "configs", "models")


@dataclass
class ProjectSpec:
    """The files of one project before loading."""

    files: list[str]  # absolute paths, load order
    env_files: list[str] | None = None  # absolute; None: the project directory's .env
    profiles: tuple[str, ...] | None = None
    explicit: bool = False


@dataclass
class LoadedProject:
    spec: ProjectSpec
    directory: str  # absolute
    root: Mapping | None
    displays: list[str]
    views: dict[str, ComposeFile]
    environment: dict[str, str]
    name: str
    tracker: Tracker
    problems: list[tuple[str, Problem]]
    directories: dict[str, str]  # display path -> the folder its relative paths resolve against
    components: set[str] = field(default_factory=set)  # absolute paths of extended / included files


class FileSource:
    """The Compose files of the run (from the index) and, for the rest, the disk."""

    def __init__(self, index: ProjectIndex) -> None:
        self.indexed: dict[str, tuple[str, ComposeFile]] = {}
        for located in index.compose_files:
            self.indexed.setdefault(_absolute(located.path), (located.path, located.item))
        self._disk: dict[str, ComposeFile | None] = {}

    def display(self, path: str) -> str:
        found = self.indexed.get(path)
        if found is not None:
            return found[0]
        relative = os.path.relpath(path)
        return Path(path).as_posix() if relative.startswith("..") else Path(relative).as_posix()

    def exists(self, path: str) -> bool:
        return path in self.indexed or os.path.isfile(path)

    def view(self, path: str) -> ComposeFile | None:
        found = self.indexed.get(path)
        if found is not None:
            return found[1]
        if path not in self._disk:
            self._disk[path] = _read_compose(path)
        return self._disk[path]


def _read_compose(path: str) -> ComposeFile | None:
    """A Compose file that is not linted itself (an override, an extended or included file)."""
    from containerlint.engine import MAX_FILE_BYTES

    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            return None  # refused like a linted file would be
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    if b"\x00" in data[:8192]:
        return None  # binary, not YAML
    return ComposeFile(parse_yaml(data.decode("utf-8", errors="replace").removeprefix("\ufeff")))


def _absolute(path: str | Path) -> str:
    return os.path.normpath(os.path.abspath(path))


# ---------------------------------------------------------------------------------------------
# Which files form which project


def select_projects(source: FileSource, settings: Settings) -> list[ProjectSpec]:
    root = Path(settings.root)
    claimed: set[str] = set()
    specs: list[ProjectSpec] = []
    for config in settings.compose.projects:
        files = [_absolute(root / name) for name in config.files]
        env_files = [_absolute(root / name) for name in config.env_files] or None
        specs.append(ProjectSpec(files, env_files, config.profiles, explicit=True))
        claimed.update(files)
    done_dirs: set[str] = set()  # folders whose default project is decided
    for path in source.indexed:
        folder = os.path.dirname(path)
        if path in claimed or folder in done_dirs:
            continue
        setting = _compose_file_setting(folder)
        if not setting or not (path in setting or (is_default_name(path) and os.path.dirname(setting[0]) == folder)):
            continue
        done_dirs.add(folder)
        unclaimed = [name for name in setting if name not in claimed]
        if unclaimed:
            specs.append(ProjectSpec(unclaimed))
            claimed.update(unclaimed)
    for path in source.indexed:
        if path in claimed:
            continue
        folder, name = os.path.split(path)
        base = _first_existing(source, folder, BASE_NAMES)
        override = _first_existing(source, folder, OVERRIDE_NAMES)
        if name in OVERRIDE_NAMES and base is not None and path != override:
            specs.append(ProjectSpec([base, path]))  # a second override file: layered like compose.*.yaml
            continue
        if name in BASE_NAMES or name in OVERRIDE_NAMES:
            if folder in done_dirs:
                continue
            if base is None or (path != base and name in BASE_NAMES):
                specs.append(ProjectSpec([path]))  # an override without a base; a second base name
                continue
            done_dirs.add(folder)
            # a claimed base still carries its override: docker compose loads them together
            files = [base] + ([override] if override and override not in claimed else [])
            if len(files) > 1 or base not in claimed:
                specs.append(ProjectSpec(files))
        elif _LAYER_NAME.fullmatch(name) and base is not None:
            specs.append(ProjectSpec([base, path]))
        else:
            specs.append(ProjectSpec([path]))
    return specs


def _compose_file_setting(folder: str) -> list[str] | None:
    """The files ``COMPOSE_FILE`` names for ``docker compose`` run in ``folder``: from the
    environment (relative to the working directory), else from the folder's ``.env``."""
    value = os.environ.get("COMPOSE_FILE")
    base = os.getcwd()
    separator = os.environ.get("COMPOSE_PATH_SEPARATOR") or os.pathsep
    if value is None:
        dotenv = os.path.join(folder, ".env")
        if not os.path.isfile(dotenv):
            return None
        try:
            with open(dotenv, encoding="utf-8", errors="replace") as handle:
                values = parse_env_text(handle.read(), os.environ).values
        except OSError:
            return None
        value = values.get("COMPOSE_FILE")
        separator = values.get("COMPOSE_PATH_SEPARATOR") or separator
        base = folder
    if not value:
        return None
    return [_absolute(os.path.join(base, name)) for name in value.split(separator) if name]


def is_default_name(path: str) -> bool:
    """``compose.yaml`` and the other names ``docker compose`` finds by itself (with overrides)."""
    name = os.path.basename(path)
    return name in BASE_NAMES or name in OVERRIDE_NAMES


def _first_existing(source: FileSource, folder: str, names: tuple[str, ...]) -> str | None:
    for name in names:
        path = os.path.join(folder, name)
        if source.exists(path):
            return path
    return None


# ---------------------------------------------------------------------------------------------
# Loading one project


def load_project(spec: ProjectSpec, source: FileSource, settings: Settings) -> LoadedProject:
    directory = os.path.dirname(spec.files[0])
    loader = _Loader(source)
    env_files = spec.env_files
    if env_files is None and settings.compose.env_files:
        env_files = [_absolute(Path(settings.root) / name) for name in settings.compose.env_files]
    environment = loader.environment(dict(os.environ), env_files, directory)
    name = environment.get("COMPOSE_PROJECT_NAME") or _project_name(spec.files, source, environment, directory)
    # Compose sets COMPOSE_PROJECT_NAME for interpolation too (not part of ``environment``: not set by the user)
    root = loader.load_files(spec.files, {**environment, "COMPOSE_PROJECT_NAME": name}, directory, ())
    displays = [source.display(path) for path in spec.files]
    views: dict[str, ComposeFile] = {}
    for path, display in zip(spec.files, displays, strict=True):
        view = source.view(path)
        if view is not None:
            views[display] = view
    return LoadedProject(
        spec=spec,
        directory=directory,
        root=root,
        displays=displays,
        views=views,
        environment=environment,
        name=name,
        tracker=loader.tracker,
        problems=loader.problems,
        directories=loader.directories,
        components=loader.components,
    )


def _project_name(files: list[str], source: FileSource, environment: dict[str, str], directory: str) -> str:
    """The top-level ``name`` of the last file that sets one (interpolated), else the folder's name."""
    name = ""
    for path in files:
        view = source.view(path)
        scalar = view.name if view is not None else None
        if scalar is not None:
            name = interpolate(scalar.value, environment).text or name
    return normalise_project_name(name or os.path.basename(directory))


def normalise_project_name(name: str) -> str:
    """Lower case letters, digits, ``-`` and ``_`` (Compose's rule), starting with a letter or digit."""
    return re.sub(r"[^a-z0-9_-]", "", name.lower()).lstrip("_-")


def wrap_model(root: Mapping | None) -> ComposeFile:
    """A ``ComposeFile`` view over a merged model root."""
    span = root.span if root is not None else Span(Position(1, 1), Position(1, 1))
    return ComposeFile(YamlStream([YamlDocument(root, span, 0)], [], ""))


class _Loader:
    def __init__(self, source: FileSource) -> None:
        self.source = source
        self.tracker = Tracker()
        self.problems: list[tuple[str, Problem]] = []
        self.directories: dict[str, str] = {}
        self.components: set[str] = set()

    # --- variables -----------------------------------------------------------------------

    def environment(self, base: dict[str, str], env_files: list[str] | None, directory: str) -> dict[str, str]:
        """``base`` (it wins) plus the values of ``env_files``, else of ``directory/.env``."""
        if env_files is None:
            dotenv = os.path.join(directory, ".env")
            env_files = [dotenv] if os.path.isfile(dotenv) else []
        values: dict[str, str] = {}
        for path in env_files:
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    text = handle.read()
            except OSError:
                continue
            values.update(parse_env_text(text, {**values, **base}).values)
        return {**values, **base}

    # --- files ---------------------------------------------------------------------------

    def load_files(
        self, files: list[str], env: dict[str, str], workdir: str, including: tuple[str, ...]
    ) -> Mapping | None:
        merged: Mapping | None = None
        for path in files:
            root = self.load_file(path, env, workdir, including)
            if root is None:
                continue
            if merged is None:
                stripped = strip_resets(root, self.tracker)
                merged = stripped if isinstance(stripped, Mapping) else None
            else:
                merged = merge_mappings(merged, root, (), self.tracker)
            if merged is not None:
                merged = enforce_unique(merged, self.tracker)
        return merged

    def load_file(self, path: str, env: dict[str, str], workdir: str, including: tuple[str, ...]) -> Mapping | None:
        display = self.source.display(path)
        self.directories.setdefault(display, workdir)
        root = self._interpolated(path, env)
        if root is None:
            return None
        root = self._apply_include(root, path, env, workdir, (*including, path))
        return self._apply_extends(root, path, env, workdir)

    def _interpolated(self, path: str, env: dict[str, str]) -> Mapping | None:
        """The file's model, interpolated; the documents of a multi-document file merged in order."""
        view = self.source.view(path)
        if view is None or view.root is None:
            return None
        display = self.source.display(path)
        text = view.stream.text
        if "!reset" in text or "!override" in text:
            self.tracker.resets = True
        roots = [root for root in view.stream.roots if isinstance(root, Mapping)]
        merged: Mapping | None = None
        for root in roots:
            self.tracker.claim(root, display)
            if "$" in text:
                lines = [n for n, line in enumerate(_LINE_BREAK.split(text), start=1) if "$" in line]
                interpolated = _TreeInterpolator(env, display, self.tracker, self.problems, lines).node(root)
                root = interpolated if isinstance(interpolated, Mapping) else root
            merged = root if merged is None else merge_mappings(merged, root, (), self.tracker)
        return merged

    # --- include -------------------------------------------------------------------------

    def _apply_include(
        self, root: Mapping, path: str, env: dict[str, str], workdir: str, including: tuple[str, ...]
    ) -> Mapping:
        include = root.get("include")
        if include is None:
            return root
        display = self.source.display(path)
        result = root
        for entry in include.items if isinstance(include, Sequence) else []:
            paths, project_dir, env_files = _include_entry(entry)
            targets: list[str] = []
            if any(_is_remote(scalar.value) for scalar in paths):
                continue  # a git or OCI resource: not on this machine, not checked
            for scalar in paths:
                target = _absolute(os.path.join(workdir, os.path.expanduser(scalar.value)))
                if not self.source.exists(target):
                    message = f"included file '{scalar.value}' does not exist"
                    self._problem(MISSING_INCLUDE_TARGET, scalar, display, message, "fix the path under 'include:'")
                    targets = []
                    break
                if target in including:
                    message = f"include cycle: '{scalar.value}' includes the file that includes it"
                    self._problem(MISSING_INCLUDE_TARGET, scalar, display, message, "remove one of the includes")
                    targets = []
                    break
                targets.append(target)
            if not targets:
                continue
            self.components.update(targets)
            directory = os.path.dirname(targets[0])
            if project_dir is not None:
                directory = _absolute(os.path.join(workdir, project_dir.value))
            files = None
            if env_files:
                files = []
                for scalar in env_files:
                    env_path = _absolute(os.path.join(workdir, scalar.value))
                    if scalar.value != "/dev/null" and not os.path.isfile(env_path):
                        message = f"the include's env file '{scalar.value}' does not exist"
                        self._problem(
                            MISSING_INCLUDE_TARGET, scalar, display, message, "fix the path under 'env_file:'"
                        )
                    files.append(env_path)
            included_env = self.environment(env, files, directory)
            included = self.load_files(targets, included_env, directory, including)
            if included is not None:
                result = _import_resources(included, result, self.tracker)
        pairs = [pair for pair in result.pairs if pair.key_text != "include"]
        node = Mapping(result._span, tag=result.tag, pairs=pairs)
        return self.tracker.like(node, root)  # type: ignore[return-value]

    # --- extends -------------------------------------------------------------------------

    def _apply_extends(self, root: Mapping, path: str, env: dict[str, str], workdir: str) -> Mapping:
        services = root.get("services")
        if not isinstance(services, Mapping) or not any(
            isinstance(pair.value, Mapping) and "extends" in pair.value for pair in services.pairs
        ):
            return root
        resolver = _Extends(self, env)
        pairs = []
        for pair in services.pairs:
            name = pair.key_text
            if name is not None and isinstance(pair.value, Mapping) and "extends" in pair.value:
                resolved = resolver.service(path, workdir, services, name, ())
                if resolved is not pair.value:  # the extended service is at its name, like a merged one
                    resolved._span = pair.key._span
                    self.tracker.relink(resolved, pair.key)
                pair = Pair(pair.key, resolved, pair.merged)
            pairs.append(pair)
        new_services = self.tracker.like(Mapping(services._span, tag=services.tag, pairs=pairs), services)
        root_pairs = [Pair(p.key, new_services, p.merged) if p.value is services else p for p in root.pairs]
        return self.tracker.like(Mapping(root._span, tag=root.tag, pairs=root_pairs), root)  # type: ignore[return-value]

    def _problem(self, code: str, node: Node, display: str, message: str, hint: str) -> None:
        self.problems.append((code, Problem(node.span, message, path=display, hint=hint)))


_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|git@)", re.IGNORECASE)


def _is_remote(path: str) -> bool:
    """``oci://...``, ``https://...``, ``git@host:repo`` (Compose's remote resource loaders)."""
    return bool(_REMOTE.match(path))


def _include_entry(entry: Node) -> tuple[list[Scalar], Scalar | None, list[Scalar]]:
    if isinstance(entry, Scalar) and not entry.is_null:
        return [entry], None, []
    if not isinstance(entry, Mapping):
        return [], None, []
    return _scalars(entry.get("path")), entry.get_scalar("project_directory"), _scalars(entry.get("env_file"))


def _scalars(node: Node | None) -> list[Scalar]:
    if isinstance(node, Scalar):
        return [] if node.is_null else [node]
    if isinstance(node, Sequence):
        return [item for item in node.items if isinstance(item, Scalar) and not item.is_null]
    return []


def _import_resources(included: Mapping, local: Mapping, tracker: Tracker) -> Mapping:
    """The included project's resources added to ``local``; a resource both define is merged, the local one winning."""
    pairs = list(local.pairs)
    positions = {pair.key_text: number for number, pair in enumerate(pairs) if pair.key_text is not None}
    for section in RESOURCE_SECTIONS:
        imported = included.get(section)
        if not isinstance(imported, Mapping):
            continue
        number = positions.get(section)
        current = pairs[number].value if number is not None else None
        if not isinstance(current, Mapping):
            if number is None:
                positions[section] = len(pairs)
                pairs.append(Pair(included.pair(section).key, imported))  # type: ignore[union-attr]
            continue
        entries = dict(effective_pairs(current))
        for name, pair in effective_pairs(imported).items():
            mine = entries.get(name)
            if mine is None:
                entries[name] = pair
            else:
                merged = merge(pair.value, mine.value, (section, name), tracker)
                if merged is not None:
                    entries[name] = Pair(mine.key, merged)
        section_node = tracker.like(Mapping(current._span, tag=current.tag, pairs=list(entries.values())), current)
        pairs[number] = Pair(pairs[number].key, section_node)  # type: ignore[index]
    return tracker.like(Mapping(local._span, tag=local.tag, pairs=pairs), local)  # type: ignore[return-value]


class _Extends:
    """Resolves ``extends`` chains of one file's services."""

    def __init__(self, loader: _Loader, env: dict[str, str]) -> None:
        self.loader = loader
        self.env = env
        self.files: dict[str, Mapping | None] = {}

    def service(
        self, path: str, workdir: str, services: Mapping, name: str, chain: tuple[tuple[str, str], ...]
    ) -> Node:
        node = services.get(name)
        if not isinstance(node, Mapping):
            return node if node is not None else Scalar(services._span)
        extends_node = node.get("extends")
        if extends_node is None:
            return node
        loader, tracker = self.loader, self.loader.tracker
        display = loader.source.display(path)
        chain = (*chain, (path, name))
        target_path, target_workdir, target_services = path, workdir, services
        reference: Scalar | None = None
        file_node: Scalar | None = None
        if isinstance(extends_node, Scalar) and not extends_node.is_null:
            reference = extends_node
        elif isinstance(extends_node, Mapping):
            reference = extends_node.get_scalar("service")
            file_node = extends_node.get_scalar("file")
        if reference is None:
            return _without_extends(node, tracker)
        if file_node is not None and _is_remote(file_node.value):
            return _without_extends(node, tracker)  # a git or OCI resource: not followed
        if file_node is not None:
            target_path = _absolute(os.path.join(workdir, os.path.expanduser(file_node.value)))
            if not loader.source.exists(target_path):
                message = f"service '{name}' extends a service in '{file_node.value}', which does not exist"
                loader._problem(MISSING_EXTENDS_TARGET, file_node, display, message, "fix the path in 'extends.file'")
                return _without_extends(node, tracker)
            target_root = self._file(target_path)
            found = target_root.get("services") if target_root is not None else None
            target_services = found if isinstance(found, Mapping) else Mapping(node._span)
            target_workdir = os.path.dirname(target_path)
            loader.components.add(target_path)
            loader.directories.setdefault(loader.source.display(target_path), target_workdir)
        if not isinstance(target_services.get(reference.value), Mapping):
            where = f" in '{file_node.value}'" if file_node is not None else ""
            message = f"service '{name}' extends service '{reference.value}', which is not defined{where}"
            loader._problem(MISSING_EXTENDS_TARGET, reference, display, message, "name a service defined there")
            return _without_extends(node, tracker)
        if (target_path, reference.value) in chain:
            names = " -> ".join([service for _, service in chain] + [reference.value])
            message = f"service '{name}' extends itself through a cycle: {names}"
            loader._problem(EXTENDS_CYCLE, reference, display, message, "break the cycle of 'extends'")
            return _without_extends(node, tracker)
        base = self.service(target_path, target_workdir, target_services, reference.value, chain)
        if not isinstance(base, Mapping):
            return _without_extends(node, tracker)
        merged = merge(base, node, ("services", "x"), tracker)
        if not isinstance(merged, Mapping):
            return _without_extends(node, tracker)
        pairs = [pair for pair in merged.pairs if pair.key_text != "extends"]
        return tracker.like(Mapping(node._span, tag=node.tag, pairs=pairs), node)

    def _file(self, path: str) -> Mapping | None:
        if path not in self.files:
            self.files[path] = self.loader._interpolated(path, self.env)
        return self.files[path]


def _without_extends(node: Mapping, tracker: Tracker) -> Mapping:
    pairs = [pair for pair in node.pairs if pair.key_text != "extends"]
    return tracker.like(Mapping(node._span, tag=node.tag, pairs=pairs), node)  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------
# Interpolation of a tree


class _TreeInterpolator:
    """A copy of a file's tree with every value interpolated: new ``Scalar`` nodes, same spans.

    A value that needs an unset variable (without default) or holds an error keeps its text as
    written; the problem is recorded. Unchanged subtrees are shared, not copied.
    """

    def __init__(
        self,
        env: MappingABC[str, str],
        display: str,
        tracker: Tracker,
        problems: list[tuple[str, Problem]],
        dollar_lines: list[int],
    ) -> None:
        self.env = env
        self.display = display
        self.tracker = tracker
        self.problems = problems
        self.memo: dict[int, Node] = {}
        self.dollar_lines = dollar_lines  # sorted: the lines of the file with a "$"

    def _may_change(self, node: Node) -> bool:
        """Whether a ``$`` is written within the lines of ``node`` (pairs merged in through
        ``<<`` keep their own spans, so a mapping is always looked into)."""
        if type(node) is Scalar:
            return "$" in node.value
        span = node._span
        if type(span) is tuple:
            first, last = span[0], span[2]
        else:
            first, last = span.start.line, span.end.line  # type: ignore[union-attr]
        at = bisect_left(self.dollar_lines, first)
        if at < len(self.dollar_lines) and self.dollar_lines[at] <= last:
            return True
        return isinstance(node, Mapping) and any(pair.merged for pair in node.pairs)

    def node(self, node: Node, key: str | None = None) -> Node:
        done = self.memo.get(id(node))
        if done is not None:
            return done
        if not self._may_change(node):
            return node
        result: Node = node
        if isinstance(node, Scalar):
            result = self.scalar(node, key)
        elif isinstance(node, Mapping):
            pairs, changed = [], False
            for pair in node.pairs:
                value = self.node(pair.value, pair.key_text)
                if value is not pair.value:
                    changed = True
                    pair = Pair(pair.key, value, pair.merged)
                pairs.append(pair)
            if changed:
                result = Mapping(node._span, tag=node.tag, anchor=node.anchor, via_alias=node.via_alias, pairs=pairs)
        elif isinstance(node, Sequence):
            items = [self.node(item, key) for item in node.items]
            if any(a is not b for a, b in zip(items, node.items, strict=True)):
                result = Sequence(node._span, tag=node.tag, anchor=node.anchor, via_alias=node.via_alias, items=items)
        if result is not node:
            self.tracker.like(result, node)
        self.memo[id(node)] = result
        return result

    def scalar(self, node: Scalar, key: str | None = None) -> Scalar:
        result = interpolate(node.value, self.env)
        for error in result.errors:
            self.problems.append((INVALID_INTERPOLATION, self._problem_for_error(node, error, key)))
        for variable in result.unresolved:
            if variable in result.required:
                continue
            message = f"variable '{variable}' is not set and has no default: Compose substitutes an empty string"
            hint = f"set {variable} in the environment or the .env file, or give a default: ${{{variable}:-value}}"
            self.problems.append((UNSET_VARIABLE, Problem(node.span, message, path=self.display, hint=hint)))
        if result.text is None:
            self.tracker.unresolved.add(id(node))
            return node
        if result.text == node.value:
            return node
        # An empty result is an empty string, not a null: give it a quoted style so it reads as one.
        style = node.style or ('"' if result.text == "" else "")
        new = Scalar(
            node._span, tag=node.tag, anchor=node.anchor, via_alias=node.via_alias, value=result.text, style=style
        )
        self.tracker.raw[id(new)] = node.value
        return new

    def _problem_for_error(self, node: Scalar, error: str, key: str | None) -> Problem:
        if error.startswith("invalid interpolation format") or "nested more than" in error:
            fragment = error.partition(": ")[2].strip("'\"")
            if len(fragment) > 40:
                fragment = fragment[:37] + "..."
            listed = node.value.partition("=")[0] if "=" in node.value else None  # - NAME=value
            names = [name for name in (key, listed) if name]
            if any(is_secret_name(name) for name in names) or credential_format(node.value):
                fragment = mask(fragment)  # a secret's value is never shown
            message = f"invalid interpolation: '{fragment}'" if fragment else error
            return Problem(
                node.span,
                message,
                path=self.display,
                hint="write ${NAME}, ${NAME:-default}, ${NAME:?message} ..., and $$ for a literal '$'",
            )
        variable, _, _ = error.partition(":")
        return Problem(
            node.span,
            f"required variable '{variable}' is not set ({error})",
            path=self.display,
            hint=f"set {variable} in the environment or the project's .env file",
        )
