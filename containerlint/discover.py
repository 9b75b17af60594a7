"""Find the files to lint and tell, from their names, what they are.

What is decided here, and what is not:

* Dockerfiles and Compose files are recognised by name (see :func:`classify_name`).
* Any other ``*.yaml`` / ``*.yml`` file comes back with ``kind=None``: the engine parses it and
  decides from its content whether it is a Kubernetes manifest, a Compose file or neither.
* Kustomizations and Helm chart templates are recognised and come back with a ``skip_reason`` so the
  engine can say why they were not linted. Helm's own metadata (``Chart.yaml``, ``values*.yaml``) is
  passed over quietly during a directory walk.
* Config ``kinds`` globs win over the built-in name patterns; the ``containerlint_detect_kind`` hook
  (passed in as ``detect_kind``) is asked about the files neither recognises.

Files named on the command line are always yielded (pre-commit passes file names), even when a
``.gitignore`` or an ``exclude`` glob would have left them out of a directory walk.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from pathspec import GitIgnoreSpec

from containerlint.model import FileKind

__all__ = [
    "DOCKERFILE_DENIED_SUFFIXES",
    "HEAD_SIZE",
    "SKIP_HELM_TEMPLATE",
    "SKIP_KUSTOMIZATION",
    "VCS_DIRS",
    "Candidate",
    "DetectKind",
    "NameClass",
    "classify_name",
    "iter_candidates",
    "looks_like_helm_template",
]

DetectKind = Callable[[Path, str], "FileKind | None"]

HEAD_SIZE = 4096  # how much of a file the Helm check and the detect_kind hook get to see
SKIP_HELM_TEMPLATE = "helm template"
SKIP_KUSTOMIZATION = "kustomization"

VCS_DIRS = frozenset({".git", ".hg", ".svn", ".bzr", ".jj"})
_NO_KINDS: Mapping[str, FileKind] = MappingProxyType({})


@dataclass(frozen=True)
class Candidate:
    """A file to hand to the engine.

    ``kind`` is ``None`` for YAML whose kind the engine decides from its parsed content, and for
    skipped files. ``skip_reason`` is set for files recognised but deliberately not linted.
    """

    path: Path  # absolute, symlinks not resolved (so the name the user knows is kept)
    display: str  # POSIX; relative to the display root when below it, else as given
    kind: FileKind | None
    explicit: bool  # named on the command line
    skip_reason: str | None = None


# --------------------------------------------------------------------------------------------
# Classification by name


class NameClass(enum.Enum):
    """What a file name alone says about a file."""

    DOCKERFILE = "dockerfile"
    COMPOSE = "compose"
    YAML = "yaml"  # some YAML: Kubernetes, Compose or neither; decided by content
    KUSTOMIZATION = "kustomization"  # recognised, never linted

    @property
    def kind(self) -> FileKind | None:
        return _NAME_CLASS_KINDS.get(self)


_NAME_CLASS_KINDS = {NameClass.DOCKERFILE: FileKind.DOCKERFILE, NameClass.COMPOSE: FileKind.COMPOSE}

# ``Dockerfile.<suffix>`` is a Dockerfile variant (Dockerfile.prod, Dockerfile.alpine) unless the
# last suffix says it is something else: a document about the Dockerfile, a backup or merge
# leftover, a template that is not valid Dockerfile syntax until rendered, BuildKit's per-Dockerfile
# ignore file, or an archive. ``.example``/``.sample``/``.dist`` are NOT denied: they are real
# Dockerfiles worth linting.
# fmt: off
DOCKERFILE_DENIED_SUFFIXES = frozenset({
    "md", "markdown", "rst", "txt", "adoc", "asciidoc", "html", "htm", "pdf", "org",  # documents
    "orig", "rej", "bak", "backup", "old", "swp", "swo", "tmp", "patch", "diff",  # leftovers
    "j2", "jinja", "jinja2", "tpl", "tmpl", "template", "in", "erb", "mustache", "hbs", "gotmpl",
    "dockerignore", "json", "yaml", "yml", "toml", "ini", "sh", "ps1", "py", "lock", "log",
    "gz", "tgz", "zip", "tar", "xz", "bz2", "zst",  # archives
})
# fmt: on

_DOCKERFILE_BASES = ("dockerfile", "containerfile")
_DOCKERFILE_EXTENSIONS = (".dockerfile", ".containerfile")
_YAML_EXTENSIONS = (".yaml", ".yml")
_COMPOSE_NAME = re.compile(r"(?:docker-)?compose(?:\.[^/]+)?\.ya?ml", re.IGNORECASE)
_KUSTOMIZATION_NAMES = frozenset({"kustomization.yaml", "kustomization.yml", "Kustomization"})


def classify_name(name: str) -> NameClass | None:
    """Classify a bare file name; ``None`` means "not ours" (as far as the name tells)."""
    if _is_editor_leftover(name):
        return None
    if name in _KUSTOMIZATION_NAMES:
        return NameClass.KUSTOMIZATION
    if _is_dockerfile_name(name):
        return NameClass.DOCKERFILE
    if _COMPOSE_NAME.fullmatch(name):
        return NameClass.COMPOSE
    if name.lower().endswith(_YAML_EXTENSIONS):
        return NameClass.YAML
    return None


def _is_editor_leftover(name: str) -> bool:
    # Emacs/vim backups (``Dockerfile~``), Emacs autosaves (``#Dockerfile#``) and lock files.
    return name.endswith("~") or name.startswith((".#", "#"))


def _is_dockerfile_name(name: str) -> bool:
    lower = name.lower()
    if lower in _DOCKERFILE_BASES:
        return True
    if lower.endswith(_DOCKERFILE_EXTENSIONS):  # api.Dockerfile, worker.containerfile
        return lower not in _DOCKERFILE_EXTENSIONS  # a bare ".dockerfile" has no name part
    # Dockerfile.prod, Dockerfile-dev, Dockerfile_ci, Containerfile.alpine
    for base in _DOCKERFILE_BASES:
        if lower.startswith(base) and lower[len(base) : len(base) + 1] in (".", "-", "_"):
            variant = lower[len(base) + 1 :]
            last_suffix = variant.rsplit(".", 1)[-1]
            return bool(variant) and last_suffix not in DOCKERFILE_DENIED_SUFFIXES
    return False


# Helm chart metadata at a chart's root: not manifests, and not worth a note either.
_CHART_METADATA = re.compile(r"Chart\.yaml|Chart\.lock|requirements\.(?:yaml|lock)|values(?:[._-][^/]*)?\.ya?ml")


def _is_chart_metadata(name: str) -> bool:
    return _CHART_METADATA.fullmatch(name) is not None


# --------------------------------------------------------------------------------------------
# Helm templates by content

# Helm's built-in objects and its ``include`` function: Go templates outside Helm (Prometheus
# alert descriptions, Alertmanager templates, Argo CD ApplicationSets, ``docker --format``) use
# ``{{ }}`` too, in legitimate manifests, but never these.
_HELM_ACTION = re.compile(r"\{\{-?\s*[^}]*?(?:\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\binclude\s+\")")
# A template action where YAML structure is expected: at the start of a line, as a list item, or
# as an unquoted mapping value. Plain YAML cannot have ``{{`` there (it would be a flow mapping
# used as a key), so this is a template, whatever its engine.
_STRUCTURAL_ACTION = re.compile(r"[ \t]*(?:-[ \t]+)?(?:[\w./-]+:[ \t]+)?\{\{")
# A block scalar (``key: |``, ``- >-``) whose more-indented lines are text, not YAML structure.
_BLOCK_SCALAR_START = re.compile(r".*(?:^|:|-)[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?")


def looks_like_helm_template(head: str) -> bool:
    """Whether a YAML file's first few KiB look like a Helm (Go) template rather than YAML.

    A bare ``{{`` is not enough: legitimate manifests carry Go templates inside strings and block
    scalars (PrometheusRule descriptions, Alertmanager config). The file counts as a template when
    an action refers to Helm's objects (``.Values``, ``.Release``, ``include "..."``), or when an
    action sits where YAML structure belongs, outside block scalars.
    """
    if "{{" not in head:
        return False  # the common case, and the cheap one
    if _HELM_ACTION.search(head):
        return True
    block_indent: int | None = None
    for line in head.splitlines():
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue  # still inside the block scalar's text
            block_indent = None
        if _STRUCTURAL_ACTION.match(line):
            return True
        if _BLOCK_SCALAR_START.fullmatch(line):
            block_indent = indent
    return False


def _inside_chart_templates(directory: Path) -> bool:
    """Whether ``directory`` is, or is below, the ``templates/`` folder of a Helm chart."""
    for folder in (directory, *directory.parents):
        if folder.name == "templates" and (folder.parent / "Chart.yaml").is_file():
            return True
    return False


# --------------------------------------------------------------------------------------------
# Ignore rules


@dataclass(frozen=True)
class _IgnoreFile:
    """One ``.gitignore``: its patterns apply to paths below ``prefix`` (relative to the base)."""

    prefix: str  # "" or "sub/dir/"
    spec: GitIgnoreSpec


_IgnoreChain = tuple[_IgnoreFile, ...]


def _read_gitignore(directory: str, prefix: str) -> _IgnoreFile | None:
    try:
        with open(os.path.join(directory, ".gitignore"), encoding="utf-8", errors="replace") as f:
            return _IgnoreFile(prefix, GitIgnoreSpec.from_lines(f.read().splitlines()))
    except OSError:
        return None


def _gitignored(rel: str, is_dir: bool, chain: _IgnoreChain) -> bool:
    # The deepest .gitignore with an opinion wins, as in git; within one file the last match wins
    # (pathspec does that part, negations included).
    for ignore_file in reversed(chain):
        local = rel[len(ignore_file.prefix) :]
        verdict = ignore_file.spec.check_file(local + "/" if is_dir else local).include
        if verdict is not None:
            return verdict
    return False


# --------------------------------------------------------------------------------------------
# The walk


def iter_candidates(
    paths: Sequence[Path],
    *,
    root: Path,
    exclude: Sequence[str] = (),
    kinds: Mapping[str, FileKind] = _NO_KINDS,
    respect_gitignore: bool = True,
    detect_kind: DetectKind | None = None,
) -> Iterator[Candidate]:
    """Yield the files under ``paths`` worth handing to the engine, in a deterministic order.

    ``paths`` are taken in the order given; directories are walked depth-first in sorted name
    order. A file reached twice (named twice, or through a symlink) is yielded once. Paths relative
    to ``root`` are what ``exclude`` and ``kinds`` globs match (gitignore style); for a directory
    outside ``root`` they are relative to that directory.

    Raises ``FileNotFoundError`` at once, before anything is yielded, if a path does not exist.

    ``detect_kind`` is called with a file's first 4 KiB for every file the name patterns do not
    recognise, which means reading it; pass ``None`` when no plugin implements the hook.
    """
    absolute = [Path(os.path.abspath(p)) for p in paths]
    for given, path in zip(paths, absolute, strict=True):
        if not path.exists():  # also catches a dangling symlink
            raise FileNotFoundError(f"path does not exist: {given}")
    walker = _Walker(
        root=Path(os.path.abspath(root)),
        exclude=GitIgnoreSpec.from_lines(exclude) if exclude else None,
        kind_globs=[(GitIgnoreSpec.from_lines([glob]), FileKind(k)) for glob, k in kinds.items()],
        respect_gitignore=respect_gitignore,
        detect_kind=detect_kind,
    )
    return walker.walk(list(zip(paths, absolute, strict=True)))


@dataclass
class _Place:
    """Where a walked file is, in the three ways a path is needed."""

    abs_path: str
    rel: str  # relative to the match base: what gitignore, exclude and kinds globs see
    display: str


class _Walker:
    def __init__(
        self,
        *,
        root: Path,
        exclude: GitIgnoreSpec | None,
        kind_globs: list[tuple[GitIgnoreSpec, FileKind]],
        respect_gitignore: bool,
        detect_kind: DetectKind | None,
    ) -> None:
        self.root = root
        self.exclude = exclude
        self.kind_globs = kind_globs
        self.respect_gitignore = respect_gitignore
        self.detect_kind = detect_kind
        self.seen_dirs: set[str] = set()  # real paths: symlinks are followed, but never loop
        self.yielded_files: set[str] = set()  # real paths

    def walk(self, arguments: list[tuple[Path, Path]]) -> Iterator[Candidate]:
        for given, path in arguments:
            if path.is_dir():
                yield from self._walk_argument_dir(given, path)
            else:
                yield from self._explicit_file(given, path)

    # -- explicitly named files ---------------------------------------------------------------

    def _explicit_file(self, given: Path, path: Path) -> Iterator[Candidate]:
        real = os.path.realpath(path)
        if real in self.yielded_files:
            return
        rel_to_root = self._relative_to_root(path)
        place = _Place(
            abs_path=str(path),
            rel=rel_to_root if rel_to_root is not None else path.name,
            display=rel_to_root if rel_to_root is not None else PurePosixPath(given).as_posix(),
        )
        in_templates = _inside_chart_templates(path.parent)
        candidate = self._classify(place, path.name, explicit=True, in_templates=in_templates)
        if candidate is not None:
            self.yielded_files.add(real)
            yield candidate

    # -- directories --------------------------------------------------------------------------

    def _walk_argument_dir(self, given: Path, path: Path) -> Iterator[Candidate]:
        real = os.path.realpath(path)
        if real in self.seen_dirs:
            return
        self.seen_dirs.add(real)
        rel = self._relative_to_root(path)
        if rel is None:  # outside the root: the directory is its own base
            rel, base, display_prefix = "", path, PurePosixPath(given).as_posix() + "/"
        else:
            base, display_prefix = self.root, ""
        chain = self._ancestor_gitignores(base, rel)
        apply_exclude = True
        if rel and self._ignored(rel, True, chain, apply_exclude):
            # Named on the command line although ignored: walk it anyway, as its own fresh
            # start (its own .gitignore files down), since the rules above would drop it whole.
            chain, apply_exclude = (), False
        yield from self._walk_dir(
            abs_dir=str(path),
            real_dir=real,
            rel=rel,
            display_prefix=display_prefix,
            chain=chain,
            apply_exclude=apply_exclude,
            in_templates=_inside_chart_templates(path),
        )

    def _ancestor_gitignores(self, base: Path, rel: str) -> _IgnoreChain:
        """The .gitignore files from ``base`` down to, not including, the directory ``rel``."""
        if not self.respect_gitignore or not rel:
            return ()
        chain: list[_IgnoreFile] = []
        parts = rel.split("/")[:-1]
        for depth in range(len(parts) + 1):
            prefix = "".join(part + "/" for part in parts[:depth])
            found = _read_gitignore(os.path.join(base, *parts[:depth]), prefix)
            if found is not None:
                chain.append(found)
        return tuple(chain)

    def _walk_dir(
        self,
        *,
        abs_dir: str,
        real_dir: str,
        rel: str,
        display_prefix: str,
        chain: _IgnoreChain,
        apply_exclude: bool,
        in_templates: bool,
    ) -> Iterator[Candidate]:
        try:
            with os.scandir(abs_dir) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError:
            return  # unreadable directory: nothing we can lint in it
        names = {entry.name for entry in entries}
        if self.respect_gitignore and ".gitignore" in names:
            found = _read_gitignore(abs_dir, rel + "/" if rel else "")
            chain = (*chain, found) if found is not None else chain
        is_chart_root = "Chart.yaml" in names
        for entry in entries:
            child_rel = f"{rel}/{entry.name}" if rel else entry.name
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
                is_link = entry.is_symlink()
            except OSError:
                continue
            if (is_dir and entry.name in VCS_DIRS) or not (is_dir or is_file):
                continue  # VCS internals, dangling symlinks, sockets, fifos
            if self._ignored(child_rel, is_dir, chain, apply_exclude):
                continue
            # Only a symlink can lead somewhere else: spare the realpath() calls for the rest.
            child_real = os.path.realpath(entry.path) if is_link else os.path.join(real_dir, entry.name)
            if is_dir:
                if child_real in self.seen_dirs:
                    continue
                self.seen_dirs.add(child_real)
                yield from self._walk_dir(
                    abs_dir=entry.path,
                    real_dir=child_real,
                    rel=child_rel,
                    display_prefix=display_prefix,
                    chain=chain,
                    apply_exclude=apply_exclude,
                    in_templates=in_templates or (is_chart_root and entry.name == "templates"),
                )
                continue
            if child_real in self.yielded_files:
                continue
            if is_chart_root and _is_chart_metadata(entry.name):
                continue
            place = _Place(entry.path, child_rel, display_prefix + child_rel)
            candidate = self._classify(place, entry.name, explicit=False, in_templates=in_templates)
            if candidate is not None:
                self.yielded_files.add(child_real)
                yield candidate

    def _ignored(self, rel: str, is_dir: bool, chain: _IgnoreChain, apply_exclude: bool) -> bool:
        spelled = rel + "/" if is_dir else rel  # "dir/" so that "build/" patterns match
        if apply_exclude and self.exclude is not None and self.exclude.match_file(spelled):
            return True
        return bool(chain) and _gitignored(rel, is_dir, chain)

    # -- classification -----------------------------------------------------------------------

    def _classify(self, place: _Place, name: str, *, explicit: bool, in_templates: bool) -> Candidate | None:
        """Decide what a file is. Skip rules come first: such files are never lintable as is."""

        def candidate(kind: FileKind | None, skip_reason: str | None = None) -> Candidate:
            return Candidate(Path(place.abs_path), place.display, kind, explicit, skip_reason)

        name_class = classify_name(name)
        if name_class is NameClass.KUSTOMIZATION:
            return candidate(None, SKIP_KUSTOMIZATION)
        is_yaml = name_class in (NameClass.COMPOSE, NameClass.YAML)
        head: str | None = None
        if is_yaml:
            if in_templates:
                return candidate(None, SKIP_HELM_TEMPLATE)
            head = _read_head(place.abs_path)
            if head is not None and looks_like_helm_template(head):
                return candidate(None, SKIP_HELM_TEMPLATE)
        configured = self._configured_kind(place.rel)
        if configured is not None:
            return candidate(configured)
        if name_class is not None and name_class.kind is not None:
            return candidate(name_class.kind)
        if self.detect_kind is not None:
            if head is None:
                head = _read_head(place.abs_path)
            detected = self.detect_kind(Path(place.abs_path), head) if head is not None else None
            if detected is not None:
                return candidate(detected)
        if is_yaml:
            return candidate(None)  # the engine decides by content
        return None  # not ours: skipped quietly, even when named explicitly

    def _configured_kind(self, rel: str) -> FileKind | None:
        for spec, kind in self.kind_globs:  # first matching glob wins, in config order
            if spec.match_file(rel):
                return kind
        return None

    # -- paths --------------------------------------------------------------------------------

    def _relative_to_root(self, path: Path) -> str | None:
        try:
            return path.relative_to(self.root).as_posix() if path != self.root else ""
        except ValueError:
            return None


def _read_head(path: str) -> str | None:
    """The first 4 KiB as text, or ``None`` for unreadable or binary (NUL-bearing) files."""
    try:
        with open(path, "rb") as f:
            data = f.read(HEAD_SIZE)
    except OSError:
        return None
    if b"\0" in data:
        return None
    return data.decode("utf-8", errors="replace").removeprefix("\ufeff")
