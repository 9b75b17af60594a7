"""Kustomize: render kustomizations and place the findings on rendered objects back in their sources.

How a run treats a ``kustomization.yaml`` (``kustomization.yml``, ``Kustomization``) it was given:

1. Its references are read (``resources``/``bases``, ``components``, ``patches``,
   ``patchesStrategicMerge``, ``patchesJson6902``, ``crds``, generator ``files``/``envs``/``env``),
   following resource and component folders down to their own kustomizations. A reference to a
   path that does not exist is a ``missing-kustomization-reference`` finding (CL7080). A kustomization
   that another one given to the run uses (a base of an overlay) is not rendered on its own: it is
   rendered as part of the overlay, so its objects are linted once.
2. Each remaining (root) kustomization is rendered with ``kubectl kustomize`` or ``kustomize build``
   (whichever is on ``PATH``, kubectl first). Kustomize has no flag for origin annotations, so the
   folder is rendered through a temporary wrapper kustomization that lists it as its only resource
   and sets ``buildMetadata: [originAnnotations, transformerAnnotations]``. A failed build is a
   ``kustomize-build-failed`` finding (CL7081) with kustomize's message, on the entry it names.
3. The rendered objects are linted instead of the files they were built from (every Kubernetes rule,
   per document and across objects); the annotations the wrapper asked for are removed first. Rules
   about how a file is written (``style``/``meta`` tags, style severity) run on the source files
   instead, since kustomize rewrites the text (sorted keys, no comments). The
   resource files, patch files and kustomization files of a rendered kustomization are not linted
   as plain manifests (patches are not complete objects; resources would be reported twice).
4. Each finding on a rendered object is moved to the file and node it came from: the ``origin``
   annotation names the resource file, the object is found there by kind and name, and the
   finding's node is found in it by its path from the object root. A scalar a patch changes is placed
   in the patch (strategic merge patch files, JSON 6902 ``value`` nodes, inline patches in the
   kustomization); a mapping or list is placed where it is first written. A node that no source
   holds (``metadata.namespace`` set by ``namespace:``) is placed on its nearest ancestor that a
   source holds, and the message says it comes from the kustomize build. Objects made by a
   generator are placed on the generator's entry in the kustomization.

When no renderer is available, or a build fails, the resources are linted as plain manifests and a
``skipped-file`` note (CL0007) on the kustomization says so. Helm charts are not rendered.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from containerlint.model import FILE_START, FileKind, Finding, Position, Severity, Span
from containerlint.syntax import SyntaxIssue
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence
from containerlint.syntax.yamltree import parse_yaml

__all__ = ["KUSTOMIZATION_NAMES", "Kustomization", "Kustomized", "Reference", "expand_kustomizations", "renderer"]

KUSTOMIZATION_NAMES = ("kustomization.yaml", "kustomization.yml", "Kustomization")
ORIGIN = "config.kubernetes.io/origin"
TRANSFORMATIONS = "alpha.config.kubernetes.io/transformations"
ADDED_ANNOTATIONS = (ORIGIN, TRANSFORMATIONS)
RENDER_TIMEOUT = 120  # seconds
RENDERED_SUFFIX = " (kustomize build)"  # the display path of a rendered stream; never shown in findings
MISSING_REFERENCE = "missing-kustomization-reference"
BUILD_FAILED = "kustomize-build-failed"
SKIPPED = "skipped-file"

# Kinds the transformer annotation names for the patches a kustomization applies.
_PATCH_TRANSFORMERS = {"PatchTransformer", "PatchStrategicMergeTransformer", "PatchJson6902Transformer"}
# Keys that identify an item of a merged list, in the order they are tried.
_MERGE_KEYS = ("name", "mountPath", "devicePath", "containerPort", "port", "ip", "key", "topologyKey")
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|git@|github\.com/|gitlab\.com/|bitbucket\.org/)|\?ref=|//")


def renderer() -> list[str] | None:
    """The command that renders a kustomization folder (the folder is appended), or None."""
    kubectl = shutil.which("kubectl")
    if kubectl:
        return [kubectl, "kustomize"]
    kustomize = shutil.which("kustomize")
    if kustomize:
        return [kustomize, "build"]
    return None


def find_kustomization(directory: Path) -> Path | None:
    for name in KUSTOMIZATION_NAMES:
        candidate = directory / name
        if candidate.is_file():
            return candidate
    return None


# ---------------------------------------------------------------------------------------------
# Reading kustomizations


@dataclass
class Reference:
    """One path a kustomization names: a resource, component, patch or generator input."""

    field: str  # "resources", "patches", "configMapGenerator files" ...
    text: str  # as written
    node: Scalar
    target: Path  # absolute, normalised
    directory: bool  # a folder with a kustomization (resources, components) may be named

    @property
    def exists(self) -> bool:
        if self.directory and self.target.is_dir():
            return True
        return self.target.is_file()


@dataclass
class Patch:
    """A patch of a kustomization: a strategic merge patch (a partial object) or JSON 6902 ops."""

    path: Path | None  # the patch file, or None for an inline patch (which lives in the kustomization)
    root: Node | None  # the partial object, or the list of operations
    target: Mapping | None  # the ``target`` selector, if any


@dataclass
class Kustomization:
    path: Path  # absolute
    node: Mapping | None
    text: str = ""

    @property
    def directory(self) -> Path:
        return self.path.parent

    @property
    def is_component(self) -> bool:
        return self.node is not None and self.node.get_str("kind") == "Component"

    def references(self) -> list[Reference]:
        refs: list[Reference] = []
        if self.node is None:
            return refs
        for key in ("resources", "bases", "components", "crds"):
            for scalar in _scalars(self.node.get(key)):
                if not _REMOTE.search(scalar.value):
                    refs.append(self._ref(key, scalar, directory=key != "crds"))
        for scalar in _scalars(self.node.get("patchesStrategicMerge")):
            if _is_path(scalar.value):
                refs.append(self._ref("patchesStrategicMerge", scalar))
        for key in ("patches", "patchesJson6902"):
            for entry in _mappings(self.node.get(key)):
                path = entry.get_scalar("path")
                if path is not None:
                    refs.append(self._ref(key, path))
        for key in ("configMapGenerator", "secretGenerator"):
            for entry in _mappings(self.node.get(key)):
                for scalar in _scalars(entry.get("files")):
                    refs.append(self._ref(f"{key} files", scalar, text=scalar.value.split("=", 1)[-1]))
                for scalar in _scalars(entry.get("envs")) + _scalars(entry.get("env")):
                    refs.append(self._ref(f"{key} envs", scalar))
        return refs

    def _ref(self, key: str, scalar: Scalar, *, directory: bool = False, text: str | None = None) -> Reference:
        written = scalar.value if text is None else text
        target = Path(os.path.normpath(self.directory / written))
        return Reference(key, written, scalar, target, directory)

    def patches(self) -> list[Patch]:
        """Every patch, in the order kustomize applies them (deprecated fields first)."""
        found: list[Patch] = []
        if self.node is None:
            return found
        for scalar in _scalars(self.node.get("patchesStrategicMerge")):
            if _is_path(scalar.value):
                found.extend(self._patch_file(scalar.value, None))
            else:
                found.append(Patch(None, _inline(scalar, self.text), None))
        for key in ("patchesJson6902", "patches"):
            for entry in _mappings(self.node.get(key)):
                target = entry.get_mapping("target")
                path = entry.get_str("path")
                inline = entry.get_scalar("patch")
                if path:
                    found.extend(self._patch_file(path, target))
                elif inline is not None:
                    found.append(Patch(None, _inline(inline, self.text), target))
        return found

    def _patch_file(self, written: str, target: Mapping | None) -> list[Patch]:
        """A patch file: one patch per document (a strategic merge file may patch several objects)."""
        path = Path(os.path.normpath(self.directory / written))
        return [Patch(path, root, target) for root in _load_roots(path)]

    def generator_entry(self, rendered_name: str) -> Node | None:
        """The generator entry that made an object of this (rendered) name."""
        if self.node is None:
            return None
        best: Node | None = None
        for key in ("configMapGenerator", "secretGenerator"):
            for entry in _mappings(self.node.get(key)):
                name = entry.get_scalar("name")
                if name is not None and name.value and name.value in rendered_name:
                    best = name if best is None or len(name.value) > len(getattr(best, "value", "")) else best
        return best


def load_kustomization(path: Path) -> Kustomization:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return Kustomization(path, None)
    roots = parse_yaml(text).roots
    root = roots[0] if roots and isinstance(roots[0], Mapping) else None
    return Kustomization(path, root, text)


def _scalars(node: Node | None) -> list[Scalar]:
    if isinstance(node, Scalar) and not node.is_null:
        return [node]
    if isinstance(node, Sequence):
        return [item for item in node.items if isinstance(item, Scalar) and not item.is_null]
    return []


def _mappings(node: Node | None) -> list[Mapping]:
    return [item for item in node.items if isinstance(item, Mapping)] if isinstance(node, Sequence) else []


def _is_path(text: str) -> bool:
    """patchesStrategicMerge entries are file names or inline patches (YAML text)."""
    return "\n" not in text and ": " not in text


def _load_roots(path: Path) -> list[Node]:
    try:
        return parse_yaml(path.read_text(encoding="utf-8", errors="replace")).roots
    except OSError:
        return []


def _inline(scalar: Scalar, text: str) -> Node | None:
    """An inline patch, parsed, with positions in the kustomization when it is a block scalar."""
    roots = parse_yaml(scalar.value).roots
    if not roots:
        return None
    root = roots[0]
    lines = text.splitlines()
    first = scalar.span.start.line  # the line of ``|``; the text starts below it
    if scalar.style in ("|", ">") and first < len(lines):
        body = next((line for line in lines[first:] if line.strip()), "")
        indent = len(body) - len(body.lstrip(" "))
        skipped = next((i for i, line in enumerate(lines[first:]) if line.strip()), 0)
        _shift(root, first + skipped, indent)
    else:
        _flatten(root, scalar.span)
    return root


def _walk_nodes(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, Mapping):
            for pair in current.pairs:
                stack.extend((pair.key, pair.value))
        elif isinstance(current, Sequence):
            stack.extend(current.items)


def _shift(root: Node, lines: int, columns: int) -> None:
    for node in _walk_nodes(root):
        span = node.span
        node.span = Span(
            Position(span.start.line + lines, span.start.column + columns),
            Position(span.end.line + lines, span.end.column + columns),
        )


def _flatten(root: Node, span: Span) -> None:
    for node in _walk_nodes(root):
        node.span = span


# ---------------------------------------------------------------------------------------------
# The closure of a kustomization


@dataclass
class Closure:
    """A kustomization and everything it builds on."""

    root: Kustomization
    kustomizations: list[Kustomization] = field(default_factory=list)
    missing: list[tuple[Kustomization, Reference]] = field(default_factory=list)

    @property
    def folders(self) -> set[Path]:
        return {k.directory for k in self.kustomizations}

    def files(self, *, resources: bool) -> set[Path]:
        """The files that are not linted as plain manifests: kustomizations and patches, and with
        ``resources`` the resource files too (they are linted through the rendered objects)."""
        owned = {k.path for k in self.kustomizations}
        for kustomization in self.kustomizations:
            for ref in kustomization.references():
                if ref.field in ("resources", "bases", "crds") and not resources:
                    continue
                if not ref.directory or ref.target.is_file():
                    owned.add(ref.target)
        return owned

    def resource_files(self) -> list[Path]:
        files = []
        for kustomization in self.kustomizations:
            for ref in kustomization.references():
                if ref.field in ("resources", "bases") and ref.target.is_file():
                    files.append(ref.target)
        return files


def closure_of(path: Path) -> Closure:
    root = load_kustomization(path)
    closure = Closure(root)
    pending, seen = [root], {root.directory}
    while pending:
        kustomization = pending.pop(0)
        closure.kustomizations.append(kustomization)
        for ref in kustomization.references():
            if not ref.exists:
                closure.missing.append((kustomization, ref))
            elif ref.directory and ref.target.is_dir():
                inner = find_kustomization(ref.target)
                if inner is None:
                    closure.missing.append((kustomization, ref))
                elif ref.target not in seen:
                    seen.add(ref.target)
                    pending.append(load_kustomization(inner))
    return closure


def missing_message(ref: Reference) -> str:
    if ref.directory and ref.target.is_dir():
        return f"kustomization {ref.field} entry '{ref.text}' is a folder without a kustomization.yaml"
    return f"kustomization {ref.field} entry '{ref.text}' does not exist"


# ---------------------------------------------------------------------------------------------
# Rendering


@dataclass
class Rendered:
    text: str | None
    error: str | None
    origin_base: Path  # origin paths in the output are relative to this folder


def render(directory: Path, command: list[str]) -> Rendered:
    """Render a kustomization folder with origin and transformer annotations."""
    with tempfile.TemporaryDirectory(prefix="containerlint-kustomize-") as tmp:
        wrapper = Path(tmp)
        relative = os.path.relpath(directory, wrapper)
        (wrapper / "kustomization.yaml").write_text(
            f"resources:\n  - {_quote(relative)}\nbuildMetadata: [originAnnotations, transformerAnnotations]\n",
            encoding="utf-8",
        )
        try:
            done = subprocess.run(
                [*command, str(wrapper)], capture_output=True, text=True, timeout=RENDER_TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            return Rendered(None, f"{Path(command[0]).name} failed: {error}", wrapper)
        if done.returncode != 0:
            return Rendered(None, _clean_error(done.stderr or done.stdout, relative, tmp), wrapper)
        return Rendered(done.stdout, None, wrapper)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# What accumulating the wrapper's one resource adds in front of the folder's own error.
_WRAPPER_NOISE = re.compile(r"^'[^']*' must resolve to a file': recursed accumulation of path '[^']*': ")
_KUBECTL_ERROR_BLOCK = re.compile(r"err=<\n(?P<message>.*?)\n\s*>\s*$", re.DOTALL)
_KUBECTL_ERROR = re.compile(r'err="(?P<message>(?:[^"\\]|\\.)*)"')


def _clean_error(stderr: str, relative: str, tmp: str) -> str:
    """kustomize's message without kubectl's log prefix and without the wrapper's paths."""
    text = stderr.strip()
    match = _KUBECTL_ERROR.search(text)
    block = _KUBECTL_ERROR_BLOCK.search(text)
    if match:
        text = match.group("message").replace('\\"', '"').replace("\\\\", "\\")
    elif block:  # a multi-line message: err=<, the lines indented with a tab, then a line " >"
        text = " ".join(line.strip() for line in block.group("message").splitlines() if line.strip())
    text = text.removeprefix("Error: ")
    prefix = f"accumulating resources: accumulation err='accumulating resources from '{relative}': "
    text = _WRAPPER_NOISE.sub("", text.replace(prefix, ""))
    return text.replace(tmp + "/", "").replace(relative + "/", "").strip().rstrip("'") or "kustomize failed"


# ---------------------------------------------------------------------------------------------
# Mapping rendered nodes back to their sources


@dataclass(frozen=True)
class Target:
    path: str  # display path
    span: Span
    exact: bool = True  # False: the node itself is in no source; this is its nearest ancestor


class _Sources:
    """Files read for mapping: parsed once, with display paths."""

    def __init__(self, displays: dict[Path, str]) -> None:
        self.displays = displays  # absolute path -> display path of the run's sources
        self.objects: dict[Path, list[Any]] = {}

    def display(self, path: Path, near: tuple[Path, str]) -> str:
        """The display path of a file: the run's own, else relative to a file whose display is known."""
        known = self.displays.get(path)
        if known is not None:
            return known
        anchor_path, anchor_display = near
        relative = os.path.relpath(path, anchor_path.parent)
        return os.path.normpath(os.path.join(os.path.dirname(anchor_display), relative)).replace(os.sep, "/")

    def objects_of(self, path: Path) -> list[Any]:
        if path not in self.objects:
            from containerlint.syntax.kubernetes import KubernetesFile

            try:
                text = path.read_text(encoding="utf-8", errors="replace")
                self.objects[path] = KubernetesFile(parse_yaml(text)).objects
            except OSError:
                self.objects[path] = []
        return self.objects[path]


def _source_object(objects: list[Any], kind: str, name: str, namespace: str | None) -> Any:
    """The object of a resource file a rendered object came from (names may have gained a prefix,
    a suffix or a hash; the namespace may have been set or changed)."""
    best, best_score = None, -1
    for obj in objects:
        if obj.kind != kind:
            continue
        source_name = obj.name or ""
        score = 1000 if source_name == name else (len(source_name) if source_name and source_name in name else 0)
        score = score * 2 + (obj.namespace == namespace)
        if score > best_score:
            best, best_score = obj, score
    return best


def _patch_applies(patch: Patch, kind: str, names: set[str]) -> bool:
    if patch.target is not None:
        target_kind = patch.target.get_str("kind")
        target_name = patch.target.get_str("name")
        if target_kind and target_kind != kind:
            return False
        if target_name:
            try:
                return any(re.fullmatch(target_name, name) for name in names)
            except re.error:
                return target_name in names
        return True
    if isinstance(patch.root, Mapping):
        metadata = patch.root.get_mapping("metadata")
        name = metadata.get_str("name") if metadata else None
        return patch.root.get_str("kind") == kind and (name is None or name in names)
    return False


def _json_pointer(path: str) -> list[str]:
    return [part.replace("~1", "/").replace("~0", "~") for part in path.split("/")[1:]]


def _follow(node: Node | None, parts: list[str]) -> Node | None:
    for part in parts:
        if isinstance(node, Mapping):
            node = node.get(part)
        elif isinstance(node, Sequence) and node.items:
            if part == "-":
                node = node.items[-1]
            elif part.isdigit() and int(part) < len(node.items):
                node = node.items[int(part)]
            else:
                return None
        else:
            return None
    return node


Layer = tuple[str, Node]


class _Mapper:
    """Builds the rendered span -> source place table of one rendered object."""

    def __init__(self, table: dict[Span, Target], generated: bool = False) -> None:
        self.table = table
        self.anchored: dict[int, list[Layer]] = {}  # id(rendered node) -> JSON 6902 values put there
        self.generated = generated  # a generated object: all of it is placed on the generator entry

    def walk(self, rendered: Node, layers: list[Layer], inherited: Target, item: bool = False) -> None:
        """Map ``rendered`` and below. ``layers`` are the nodes at the same path in the resource
        file and the patches, in the order they were applied; ``inherited`` is where the nearest
        ancestor in a source is (the key of the pair it is the value of), for nodes no source holds."""
        layers = layers + self.anchored.get(id(rendered), [])
        chosen = _choose(rendered, layers)
        here = Target(layers[chosen][0], layers[chosen][1].span) if chosen is not None else self._inherit(inherited)
        self.table[rendered.span] = here
        if item:  # a list item (a container): its own first line is nearer than the list's key
            inherited = here
        if isinstance(rendered, Mapping):
            winners: set[int] = set()  # the layers the scalar values of this mapping were placed in
            for pair in rendered.pairs:
                key = pair.key_text
                pairs = [
                    (index, path, found)
                    for index, (path, node) in enumerate(layers)
                    if key is not None and isinstance(node, Mapping) and (found := node.pair(key)) is not None
                ]
                value_layers: list[Layer] = [(path, found.value) for _, path, found in pairs]
                operations = self.anchored.get(id(pair.value), [])
                pick = _choose(pair.value, value_layers + operations)
                if pick is None:
                    key_target = self._inherit(inherited)
                elif pick < len(pairs):
                    key_target = Target(pairs[pick][1], pairs[pick][2].key.span)
                    if isinstance(pair.value, Scalar):
                        winners.add(pairs[pick][0])
                else:  # set by a JSON 6902 operation: its value is the nearest place
                    path, value = operations[pick - len(pairs)]
                    key_target = Target(path, value.span)
                self.table[pair.key.span] = key_target
                self.walk(pair.value, value_layers, key_target)
            if chosen is not None and len(winners) == 1 and (winner := winners.pop()) > chosen:
                # Every value in it comes from one patch (a selector the patch replaces): there.
                self.table[rendered.span] = Target(layers[winner][0], layers[winner][1].span)
        elif isinstance(rendered, Sequence):
            for index, entry in enumerate(rendered.items):
                child_layers = []
                for path, node in layers:
                    match = _match_item(node, entry, index) if isinstance(node, Sequence) else None
                    if match is not None:
                        child_layers.append((path, match))
                self.walk(entry, child_layers, inherited, item=True)

    def _inherit(self, target: Target) -> Target:
        return target if self.generated else Target(target.path, target.span, False)


def _choose(rendered: Node, layers: list[Layer]) -> int | None:
    """Which layer a rendered node is placed in. A scalar: the first layer that holds its final value
    (a patch overrides the base; a patch that repeats a value, like a container's name to match it,
    did not write it). A mapping or a list: where it was first written (patches add to it)."""
    if not layers:
        return None
    last = layers[-1][1]
    if isinstance(rendered, Scalar) and isinstance(last, Scalar):
        return next(
            index for index, (_, node) in enumerate(layers) if isinstance(node, Scalar) and node.value == last.value
        )
    return len(layers) - 1 if isinstance(rendered, Scalar) else 0


def _match_item(sequence: Sequence, item: Node, index: int) -> Node | None:
    if isinstance(item, Mapping):
        for key in _MERGE_KEYS:
            value = item.get_str(key)
            if value is None:
                continue
            for candidate in sequence.items:
                if isinstance(candidate, Mapping) and candidate.get_str(key) == value:
                    return candidate
            return None
    if isinstance(item, Scalar):
        for candidate in sequence.items:
            if isinstance(candidate, Scalar) and candidate.value == item.value:
                return candidate
        return None
    return sequence.items[index] if index < len(sequence.items) else None


# ---------------------------------------------------------------------------------------------
# The run


@dataclass
class _Render:
    """One rendered root kustomization: its display path, the virtual file and the span table."""

    display: str  # of the kustomization file
    virtual: str  # display path of the rendered stream
    table: dict[Span, Target]


@dataclass
class Kustomized:
    """What the engine lints after kustomizations were expanded (see the module docstring)."""

    parsed_files: list[Any]  # to lint: the inputs minus owned files, plus rendered streams
    context_files: list[Any] = field(default_factory=list)  # not linted; their suppressions still apply
    renders: list[_Render] = field(default_factory=list)

    @cached_property
    def source_files(self) -> list[Any]:
        """The manifests and patches of rendered kustomizations: checked by the rules about how a
        file is written only (see ``options_for``)."""
        if not self.renders:
            return []
        return [p for p in self.context_files if p.kind is FileKind.KUBERNETES and p.tree is not None]

    @cached_property
    def _paths(self) -> tuple[set[str], set[str]]:
        return {render.virtual for render in self.renders}, {p.path for p in self.source_files}

    def options_for(self, path: str, options: Any) -> Any:
        """Rendered output is written by kustomize (keys sorted, comments gone): the rules about how a
        file is written (tagged ``style`` or ``meta``, or of style severity) run on the source files
        instead, and only they do. ``internal-error`` stays on for both."""
        import dataclasses

        rendered_paths, source_paths = self._paths
        if path in rendered_paths:
            keep = [r for r in options.rules if not _about_writing(r) or r.name == "internal-error"]
        elif path in source_paths:
            keep = [r for r in options.rules if _about_writing(r)]
        else:
            return options
        return dataclasses.replace(options, rules=keep)

    def relocate(self, by_path: dict[str, list[Finding]]) -> dict[str, list[Finding]]:
        """Move the findings on rendered streams (and their related places) to the files the
        objects came from. A base rendered by two overlays is reported once: a finding of a later
        render on a place an earlier render reported with the same rule is dropped."""
        if not self.renders:
            return by_path
        virtual = {render.virtual: render for render in self.renders}
        result: dict[str, list[Finding]] = {}
        earlier: set[tuple[str, str, Span]] = set()
        for path, findings in by_path.items():
            render = virtual.get(path)
            current: set[tuple[str, str, Span]] = set()
            for finding in findings:
                moved = _relocated(finding, render, virtual)
                key = (moved.code, moved.path, moved.span)
                if render is not None and key in earlier:
                    continue
                current.add(key)
                result.setdefault(moved.path, []).append(moved)
            if render is not None:
                earlier |= current
        return result


def _about_writing(rule: Any) -> bool:
    return "style" in rule.tags or "meta" in rule.tags or rule.severity is Severity.STYLE


def _relocated(finding: Finding, render: _Render | None, renders: dict[str, _Render]) -> Finding:
    import dataclasses

    from containerlint.model import Related

    related = []
    for item in finding.related:
        item_render = renders.get(item.path)
        if item_render is not None:
            place = _lookup(item_render, item.span)
            item = Related(place.path, place.span, item.message)
        related.append(item)
    if render is None:
        return dataclasses.replace(finding, related=tuple(related)) if finding.related else finding
    target = _lookup(render, finding.span)
    message = finding.message
    if not target.exact:
        message += f" (added by the kustomize build of {render.display})"
    return dataclasses.replace(finding, path=target.path, span=target.span, message=message, related=tuple(related))


def _lookup(render: _Render, span: Span) -> Target:
    found = render.table.get(span)
    if found is not None:
        return found
    containing = [(s, t) for s, t in render.table.items() if s.start <= span.start and span.end <= s.end]
    if containing:  # the innermost node around the finding
        return min(containing, key=lambda item: (item[0].end.line - item[0].start.line, item[0].end.column))[1]
    return Target(render.display, FILE_START, False)


def expand_kustomizations(parsed_files: list[Any]) -> Kustomized:
    """Render the kustomizations among ``parsed_files`` (see the module docstring). Never raises
    for a kustomization's content: problems become issues on the kustomization's parsed file."""
    from containerlint.discover import SKIP_KUSTOMIZATION

    kustomizations = [
        p for p in parsed_files if p.source.skip_reason == SKIP_KUSTOMIZATION and p.source.abspath is not None
    ]
    if not kustomizations:
        return Kustomized(list(parsed_files))
    displays = {Path(os.path.abspath(p.source.abspath)): p.path for p in parsed_files if p.source.abspath is not None}
    sources = _Sources(displays)
    closures = {id(p): closure_of(Path(os.path.abspath(p.source.abspath))) for p in kustomizations}
    used: set[Path] = set()
    for closure in closures.values():
        used |= closure.folders - {closure.root.directory}
    run_kustomizations = {Path(os.path.abspath(p.source.abspath)) for p in kustomizations}
    command = renderer()
    owned: set[Path] = set()
    extra: list[Any] = []
    renders: list[_Render] = []
    for parsed in kustomizations:
        closure = closures[id(parsed)]
        parsed.issues = [issue for issue in parsed.issues if issue.rule != SKIPPED]
        _report_missing(parsed, closure)
        if closure.root.directory in used:
            continue  # rendered with the overlay that uses it
        if closure.root.is_component:
            owned |= closure.files(resources=False)  # a component is rendered by the kustomizations using it
            continue
        rendered = render(closure.root.directory, command) if command else None
        if rendered is not None and rendered.text is not None:
            render_result = _rendered_file(parsed, rendered, closure, sources, len(renders))
            renders.append(render_result[0])
            extra.append(render_result[1])
            owned |= closure.files(resources=True) | render_result[2]
            continue
        if rendered is not None and rendered.error is not None:
            # A missing reference reported on a kustomization of the run explains the failure already.
            if not any(Path(k.path) in run_kustomizations for k, _ in closure.missing):
                parsed.issues.append(_build_failure(parsed, closure, rendered.error))
            note = "kustomization not rendered (the build failed): its resources are linted as plain manifests"
        else:
            note = (
                "kustomization not rendered (neither kubectl nor kustomize is on PATH): "
                "its resources are linted as plain manifests"
            )
        parsed.issues.append(SyntaxIssue(SKIPPED, FILE_START, note))
        owned |= closure.files(resources=False)
        extra.extend(_plain_resources(closure, displays, sources, parsed))
    lint: list[Any] = []
    context: list[Any] = []
    for parsed in parsed_files:
        abspath = Path(os.path.abspath(parsed.source.abspath)) if parsed.source.abspath is not None else None
        is_kustomization = parsed.source.skip_reason == SKIP_KUSTOMIZATION
        if abspath is not None and abspath in owned and not is_kustomization:
            context.append(parsed)
        else:
            lint.append(parsed)
    context.extend(_context_files(owned, displays, sources, kustomizations))
    return Kustomized(lint + extra, context, renders)


def _report_missing(parsed: Any, closure: Closure) -> None:
    for kustomization, ref in closure.missing:
        if kustomization is closure.root:
            parsed.issues.append(SyntaxIssue(MISSING_REFERENCE, ref.node.span, missing_message(ref)))


def _build_failure(parsed: Any, closure: Closure, error: str) -> SyntaxIssue:
    """The build error on the entry of the kustomization that the message names, else line 1."""
    span = FILE_START
    for ref in closure.root.references():
        if ref.text and (ref.text in error or ref.target.name in error):
            span = ref.node.span
            break
    return SyntaxIssue(BUILD_FAILED, span, f"kustomize build failed: {error}")


def _rendered_file(
    parsed: Any, rendered: Rendered, closure: Closure, sources: _Sources, number: int
) -> tuple[_Render, Any, set[Path]]:
    from containerlint.engine import ParsedFile, Source
    from containerlint.syntax.kubernetes import KubernetesFile

    assert rendered.text is not None
    virtual = parsed.path + RENDERED_SUFFIX + ("" if number == 0 else f" #{number + 1}")
    stream = parse_yaml(rendered.text)
    table: dict[Span, Target] = {}
    origins: set[Path] = set()
    root_path = Path(os.path.abspath(parsed.source.abspath))
    near = (root_path, parsed.path)
    cache: dict[Path, Kustomization] = {k.path: k for k in closure.kustomizations}
    for document in stream.documents:
        if isinstance(document.root, Mapping):
            origin, transformers = _take_annotations(document.root, rendered.origin_base)
            origin_path = origin["path"]
            if origin_path is not None:
                origins.add(origin_path)
            _map_object(document.root, origin, transformers, table, sources, near, cache)
    tree = KubernetesFile(stream)
    source = Source(path=virtual, text=rendered.text, kind=FileKind.KUBERNETES)
    render_info = _Render(parsed.path, virtual, table)
    return render_info, ParsedFile(source, FileKind.KUBERNETES, tree, list(stream.issues)), origins


def _take_annotations(root: Mapping, base: Path) -> tuple[dict[str, Path | None], list[Path]]:
    """Remove the annotations the wrapper asked for; return (origin paths, kustomizations that
    patched the object)."""
    origin: dict[str, Path | None] = {"path": None, "configuredIn": None}
    patched_in: list[Path] = []
    metadata = root.get_mapping("metadata")
    annotations = metadata.get_mapping("annotations") if metadata else None
    if metadata is None or annotations is None:
        return origin, patched_in
    for pair in [p for p in annotations.pairs if p.key_text in ADDED_ANNOTATIONS]:
        annotations.pairs.remove(pair)
        if not isinstance(pair.value, Scalar):
            continue
        roots = parse_yaml(pair.value.value).roots
        if pair.key_text == ORIGIN and roots and isinstance(roots[0], Mapping):
            if roots[0].get_str("repo"):
                continue  # a remote resource: its path is in a repository, not here
            for key in origin:
                text = roots[0].get_str(key)
                origin[key] = Path(os.path.normpath(base / text)) if text else None
        elif roots and isinstance(roots[0], Sequence):
            for entry in _mappings(roots[0]):
                by = entry.get_mapping("configuredBy")
                where = entry.get_str("configuredIn")
                if where and by is not None and by.get_str("kind") in _PATCH_TRANSFORMERS:
                    path = Path(os.path.normpath(base / where))
                    if path not in patched_in:
                        patched_in.append(path)
    if not annotations.pairs:
        metadata.pairs = [p for p in metadata.pairs if p.key_text != "annotations"]
    return origin, patched_in


def _map_object(
    root: Mapping,
    origin: dict[str, Path | None],
    patched_in: list[Path],
    table: dict[Span, Target],
    sources: _Sources,
    near: tuple[Path, str],
    cache: dict[Path, Kustomization],
) -> None:
    kind = root.get_str("kind") or ""
    metadata = root.get_mapping("metadata")
    name = (metadata.get_str("name") if metadata else None) or ""
    layers: list[Layer] = []
    fallback = Target(near[1], FILE_START, False)
    names = {name}
    if origin["path"] is not None:
        display = sources.display(origin["path"], near)
        namespace = metadata.get_str("namespace") if metadata else None
        source_obj = _source_object(sources.objects_of(origin["path"]), kind, name, namespace)
        if source_obj is not None:
            layers.append((display, source_obj.node))
            names.add(source_obj.name or name)
            fallback = Target(display, (source_obj.kind_node or source_obj.node).span, False)
        else:
            fallback = Target(display, FILE_START, False)
    elif origin["configuredIn"] is not None:  # made by a generator
        path = origin["configuredIn"]
        kustomization = cache.get(path) or load_kustomization(path)
        entry = kustomization.generator_entry(name)
        fallback = Target(sources.display(path, near), entry.span if entry is not None else FILE_START, True)
    mapper = _Mapper(table, generated=origin["path"] is None and origin["configuredIn"] is not None)
    for where in patched_in:
        kustomization = cache.setdefault(where, cache.get(where) or load_kustomization(where))
        for patch in kustomization.patches():
            if patch.root is None or not _patch_applies(patch, kind, names):
                continue
            display = sources.display(patch.path or where, near)
            if isinstance(patch.root, Mapping):
                layers.append((display, patch.root))
            elif isinstance(patch.root, Sequence):
                for operation in _mappings(patch.root):
                    value = operation.get("value")
                    pointer = operation.get_str("path")
                    if value is None or pointer is None or operation.get_str("op") not in ("add", "replace"):
                        continue
                    node = _follow(root, _json_pointer(pointer))
                    if node is not None:
                        mapper.anchored.setdefault(id(node), []).append((display, value))
    mapper.walk(root, layers, fallback)


def _plain_resources(closure: Closure, displays: dict[Path, str], sources: _Sources, parsed: Any) -> list[Any]:
    """The resource files of an unrendered kustomization that the run was not given: linted as is."""
    from containerlint.engine import parse_source, read_source

    near = (Path(os.path.abspath(parsed.source.abspath)), parsed.path)
    extra = []
    for path in closure.resource_files():
        if path in displays:
            continue
        display = sources.display(path, near)
        displays[path] = display
        extra.append(parse_source(read_source(path, display, FileKind.KUBERNETES)))
    return extra


def _context_files(
    owned: set[Path], displays: dict[Path, str], sources: _Sources, kustomizations: list[Any]
) -> list[Any]:
    """Owned files outside the run's sources: parsed so that suppression comments in them apply."""
    from containerlint.engine import parse_source, read_source

    near = (Path(os.path.abspath(kustomizations[0].source.abspath)), kustomizations[0].path)
    context = []
    for path in sorted(owned):
        if path in displays or path.name in KUSTOMIZATION_NAMES or path.suffix not in (".yaml", ".yml"):
            continue
        display = sources.display(path, near)
        displays[path] = display
        context.append(parse_source(read_source(path, display, FileKind.KUBERNETES)))
    return context
