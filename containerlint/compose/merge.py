"""Merging Compose models (override files, ``extends``, ``include``) the way Compose does.

Compose specification, ``13-merge.md``; the special cases follow Compose v2: mappings merge key by
key and sequences are appended, except

- ``command``, ``entrypoint``, ``healthcheck.test`` and each ``ulimits`` entry: replaced;
- ``environment``, ``labels``, ``annotations``, ``sysctls``, ``build.args``, ``build.labels``,
  ``build.additional_contexts``, ``deploy.labels``: list or map forms, merged by variable name;
- ``depends_on``, ``networks``: list or map forms, merged by name;
- ``build``: the string form is ``{context: ...}``;
- ``logging``: merged when both name the same driver (or one names none), else replaced;
- then sequences that Compose keeps unique are de-duplicated by key, the later entry replacing the
  earlier one in its place: ``ports`` by (host ip, published, target, protocol), ``volumes`` and
  ``devices`` by target, ``secrets``/``configs`` by target, ``cap_add``, ``dns``, ``expose``,
  ``env_file``, ``profiles`` ... by value;
- a value tagged ``!reset`` removes what the earlier files set; ``!override`` replaces it.

Nodes are never modified: a merge builds new ``Mapping``/``Sequence`` nodes (spans and origins of
the first file's node) that hold the written nodes of every file. ``Tracker`` remembers which file
each node was written in.
"""

from __future__ import annotations

from collections.abc import Callable

from containerlint.syntax.compose import parse_port, parse_volume
from containerlint.syntax.yamlnodes import Mapping, Node, Pair, Scalar, Sequence
from containerlint.syntax.yamltree import effective_pairs

RESET = "!reset"
OVERRIDE = "!override"

_REPLACED = frozenset({"command", "entrypoint"})
_KEY_VALUE = frozenset({"environment", "labels", "annotations", "sysctls"})
_BY_NAME = frozenset({"depends_on", "networks", "models"})
_STRING_LISTS = frozenset({"dns", "dns_opt", "dns_search", "tmpfs", "env_file", "label_file"})
_BUILD_KEY_VALUE = frozenset({"args", "labels", "additional_contexts"})


class Tracker:
    """Which file each node was written in, and which synthesized node stands for which.

    Files are claimed lazily: ``claim`` notes a file's root, and the walk that records the file
    of every node below it happens the first time an origin is asked for (most projects never
    report anything, so most walks are never done). ``resets``: some file uses ``!reset`` or
    ``!override`` (otherwise there is nothing to strip).
    """

    def __init__(self) -> None:
        self.raw: dict[int, str] = {}  # interpolated scalar -> the text as written
        self.resets = False
        self.unresolved: set[int] = set()  # scalars kept as written: an unset variable or an error
        self._origins: dict[int, str] = {}
        self._links: dict[int, Node] = {}  # synthesized node -> the node it stands for
        self._pending: list[tuple[Node, str]] = []
        self._keep: list[Node] = []  # ids stay unique while the nodes live

    def claim(self, node: Node, path: str) -> None:
        """Record ``node`` and everything below it as written in ``path`` (unless already known)."""
        self._pending.append((node, path))
        self._keep.append(node)

    def like(self, new: Node, old: Node) -> Node:
        """``new`` stands for ``old``: same file."""
        if new is not old and id(new) not in self._links:
            self._links[id(new)] = old
            self._keep.append(new)
        return new

    def relink(self, new: Node, old: Node) -> None:
        """``new`` (synthesized here) stands for ``old`` instead."""
        self._links[id(new)] = old

    def origin(self, node: Node) -> str | None:
        for _ in range(1000):  # links form chains (a merge of a merge ...), never cycles
            found = self._origins.get(id(node))
            if found is not None:
                return found
            linked = self._links.get(id(node))
            if linked is None:
                if not self._pending:
                    return None
                self._walk_pending()
                continue
            node = linked
        return None

    def _walk_pending(self) -> None:
        origins = self._origins
        for root, path in self._pending:
            stack = [root]
            while stack:
                current = stack.pop()
                if id(current) in origins:
                    continue
                origins[id(current)] = path
                if isinstance(current, Mapping):
                    for pair in current.pairs:
                        stack.append(pair.key)
                        stack.append(pair.value)
                elif isinstance(current, Sequence):
                    stack.extend(current.items)
        self._pending.clear()


def _mapping(like: Mapping, pairs: list[Pair], tracker: Tracker) -> Mapping:
    node = Mapping(like._span, tag="" if like.tag in (RESET, OVERRIDE) else like.tag, anchor=like.anchor, pairs=pairs)
    return tracker.like(node, like)  # type: ignore[return-value]


def _sequence(like: Sequence, items: list[Node], tracker: Tracker) -> Sequence:
    node = Sequence(like._span, tag="" if like.tag in (RESET, OVERRIDE) else like.tag, anchor=like.anchor, items=items)
    return tracker.like(node, like)  # type: ignore[return-value]


def strip_resets(node: Node, tracker: Tracker, memo: dict[int, Node | None] | None = None) -> Node | None:
    """``node`` without its ``!reset`` parts (None if it is one); nothing is copied when none."""
    if not tracker.resets:
        return node
    if node.tag == RESET:
        return None
    if not isinstance(node, (Mapping, Sequence)):
        return node
    if memo is None:
        memo = {}
    elif id(node) in memo:  # a subtree shared through aliases is looked at once
        return memo[id(node)]
    memo[id(node)] = result = _strip(node, tracker, memo)
    return result


def _strip(node: Mapping | Sequence, tracker: Tracker, memo: dict[int, Node | None]) -> Node | None:
    if isinstance(node, Mapping):
        pairs, changed = [], False
        for pair in node.pairs:
            value = strip_resets(pair.value, tracker, memo)
            if value is None:
                changed = True
                continue
            if value is not pair.value:
                changed = True
                pair = Pair(pair.key, value, pair.merged)
            pairs.append(pair)
        return _mapping(node, pairs, tracker) if changed else node
    if isinstance(node, Sequence):
        items, changed = [], False
        for item in node.items:
            value = strip_resets(item, tracker, memo)
            changed = changed or value is not item
            if value is not None:
                items.append(value)
        return _sequence(node, items, tracker) if changed else node
    return node  # pragma: no cover - only collections get here


def merge(base: Node, over: Node, path: tuple[str, ...], tracker: Tracker) -> Node | None:
    """``over`` merged onto ``base`` at ``path`` (keys from the top: ``services``, name, key ...)."""
    if over.tag == RESET:
        return None
    if over.tag == OVERRIDE:
        return strip_resets(over, tracker)
    kind = _special(path)
    if kind == "replace":
        return strip_resets(over, tracker)
    if kind == "key-value":
        return _merge_by_key(base, over, path, tracker, _env_key)
    if kind == "by-name":
        return _merge_by_key(base, over, path, tracker, _scalar_text)
    if kind == "extra-hosts":
        return _merge_extra_hosts(base, over, tracker)
    if kind == "build":
        return merge(_as_mapping(base, "context", tracker), _as_mapping(over, "context", tracker), (*path, ""), tracker)
    if kind == "string-list":
        base, over = _as_sequence(base, tracker), _as_sequence(over, tracker)
    if kind == "logging" and isinstance(base, Mapping) and isinstance(over, Mapping):
        driver, other = base.get_str("driver"), over.get_str("driver")
        if driver is not None and other is not None and driver != other:
            return strip_resets(over, tracker)
    if isinstance(base, Mapping) and isinstance(over, Mapping):
        return merge_mappings(base, over, path, tracker)
    if isinstance(base, Sequence) and isinstance(over, Sequence):
        items = [item for item in (strip_resets(i, tracker) for i in over.items) if item is not None]
        return _sequence(base, [*base.items, *items], tracker)
    return strip_resets(over, tracker)


def merge_mappings(base: Mapping, over: Mapping, path: tuple[str, ...], tracker: Tracker) -> Mapping:
    result: dict[str, Pair] = dict(effective_pairs(base))
    others = [pair for pair in base.pairs if pair.key_text is None]
    for key, pair in effective_pairs(over).items():
        current = result.get(key)
        if current is None:
            value = strip_resets(pair.value, tracker)
            if value is not None:
                result[key] = Pair(pair.key, value, pair.merged)
            continue
        merged = merge(current.value, pair.value, (*path, key), tracker)
        if merged is None:
            del result[key]
        else:
            # a merged collection stays where it was first written; a replaced value moves to its file
            keep_base = isinstance(merged, (Mapping, Sequence)) and merged is not pair.value
            if keep_base and path == ("services",) and merged is not current.value:
                # a service defined in several files: at the name of its first definition
                merged._span = current.key._span
                tracker.relink(merged, current.key)
            result[key] = Pair(current.key if keep_base else pair.key, merged, False)
    return _mapping(base, [*result.values(), *others], tracker)


def _special(path: tuple[str, ...]) -> str:
    if not path:
        return ""
    if path[0] == "services":
        if len(path) == 3:
            key = path[2]
            if key in _REPLACED:
                return "replace"
            if key in _KEY_VALUE:
                return "key-value"
            if key in _BY_NAME:
                return "by-name"
            if key in _STRING_LISTS:
                return "string-list"
            if key in ("build", "logging"):
                return key
            if key == "extra_hosts":
                return "extra-hosts"
        elif len(path) == 4:
            if path[2] == "healthcheck" and path[3] == "test":
                return "replace"
            if path[2] == "ulimits":
                return "replace"
            if path[2] == "build" and path[3] in _BUILD_KEY_VALUE:
                return "key-value"
            if path[2] == "deploy" and path[3] == "labels":
                return "key-value"
        elif len(path) == 5 and path[2:4] == ("build", "") and path[4] in _BUILD_KEY_VALUE:
            return "key-value"
    elif path[0] in ("networks", "volumes") and len(path) == 3 and path[2] == "labels":
        return "key-value"
    return ""


def _as_mapping(node: Node, key: str, tracker: Tracker) -> Node:
    """``build: ./dir`` as ``build: {context: ./dir}``."""
    if isinstance(node, Scalar) and not node.is_null:
        key_node = tracker.like(Scalar(node._span, value=key), node)
        return _mapping_of([Pair(key_node, node)], node, tracker)
    return node


def _mapping_of(pairs: list[Pair], like: Node, tracker: Tracker) -> Mapping:
    node = Mapping(like._span, pairs=pairs)
    return tracker.like(node, like)  # type: ignore[return-value]


def _as_sequence(node: Node, tracker: Tracker) -> Node:
    if isinstance(node, Scalar) and not node.is_null:
        seq = Sequence(node._span, items=[node])
        return tracker.like(seq, node)
    return node


def _env_key(item: Node) -> str | None:
    return item.value.partition("=")[0] if isinstance(item, Scalar) and not item.is_null else None


def _scalar_text(item: Node) -> str | None:
    return item.value if isinstance(item, Scalar) and not item.is_null else None


def _merge_by_key(
    base: Node, over: Node, path: tuple[str, ...], tracker: Tracker, key_of: Callable[[Node], str | None]
) -> Node | None:
    """List-or-map fields: two lists append (unique later), two maps merge, mixed forms become a map."""
    if isinstance(base, Sequence) and isinstance(over, Sequence):
        if path[-1] in _BY_NAME:  # depends_on / networks lists: a name once
            seen = {key_of(item) for item in base.items}
            added = [item for item in over.items if key_of(item) is None or key_of(item) not in seen]
            return _sequence(base, [*base.items, *added], tracker)
        return merge(base, over, (*path, "*"), tracker)  # appended; ``enforce_unique`` keeps one per key
    if not isinstance(base, (Mapping, Sequence)) or not isinstance(over, (Mapping, Sequence)):
        return strip_resets(over, tracker)
    base_map = base if isinstance(base, Mapping) else _list_to_mapping(base, tracker, key_of)
    over_map = over if isinstance(over, Mapping) else _list_to_mapping(over, tracker, key_of)
    by_name = path[-1] in _BY_NAME
    result: dict[str, Pair] = dict(effective_pairs(base_map))
    for key, pair in effective_pairs(over_map).items():
        current = result.get(key)
        if pair.value.tag == RESET:
            result.pop(key, None)
        elif by_name and current is not None:  # depends_on / networks settings merge
            merged = merge(current.value, pair.value, (*path, key), tracker)
            if merged is None:
                result.pop(key, None)
            else:
                result[key] = Pair(pair.key, merged)
        else:
            value = strip_resets(pair.value, tracker)
            if value is not None:
                result[key] = Pair(pair.key, value)
    return _mapping_of(list(result.values()), base, tracker)


def _host_key(item: Node) -> str | None:
    if not isinstance(item, Scalar) or item.is_null:
        return None
    text = item.value
    return text.partition("=")[0] if "=" in text else text.partition(":")[0]


def _merge_extra_hosts(base: Node, over: Node, tracker: Tracker) -> Node | None:
    """Two lists: appended, entries already there dropped; two maps: merged; mixed: a map."""
    if isinstance(base, Sequence) and isinstance(over, Sequence):
        seen = {item.value for item in base.items if isinstance(item, Scalar)}
        added = [item for item in over.items if not (isinstance(item, Scalar) and item.value in seen)]
        return _sequence(base, [*base.items, *added], tracker)
    if not isinstance(base, (Mapping, Sequence)) or not isinstance(over, (Mapping, Sequence)):
        return strip_resets(over, tracker)
    base_map = base if isinstance(base, Mapping) else _list_to_mapping(base, tracker, _host_key)
    over_map = over if isinstance(over, Mapping) else _list_to_mapping(over, tracker, _host_key)
    return _merge_by_key(base_map, over_map, ("extra_hosts",), tracker, _host_key)


def _list_to_mapping(node: Sequence, tracker: Tracker, key_of: Callable[[Node], str | None]) -> Mapping:
    """``- A=b`` / ``- name`` items as pairs whose key and value nodes cover their part of the item."""
    from containerlint.syntax.compose import _split_span

    pairs = []
    for item in node.items:
        if not isinstance(item, Scalar) or item.is_null or key_of(item) is None:
            continue
        if key_of is _env_key:
            name, equals, value = item.value.partition("=")
        elif key_of is _host_key:
            separator = "=" if "=" in item.value else ":"
            name, equals, value = item.value.partition(separator)
        else:
            name, equals, value = item.value, "", ""
        if equals:
            name_span, value_span = _split_span(item, len(name))
            value_node = Scalar(value_span, value=value, style=item.style)
        else:
            name_span = item.span
            value_node = Scalar(item.span, value="")
        key_node = Scalar(name_span, value=name, style=item.style)
        tracker.like(key_node, item)
        tracker.like(value_node, item)
        pairs.append(Pair(key_node, value_node))
    return _mapping_of(pairs, node, tracker)


# ---------------------------------------------------------------------------------------------
# Unique entries


def _port_keys(item: Node) -> list[str]:
    port = parse_port(item)
    if port is None:
        return []
    return [f"{port.host_ip or ''}:{port.published or ''}:{port.target}/{port.protocol or 'tcp'}"]


def _volume_key(item: Node) -> str | None:
    volume = parse_volume(item)
    return volume.target if volume is not None else None


def _device_key(item: Node) -> str | None:
    if isinstance(item, Mapping):
        return item.get_str("target")
    if isinstance(item, Scalar) and not item.is_null:
        parts = item.value.split(":")
        return parts[0] if len(parts) == 1 else parts[1]
    return None


def _mount_key(default: str) -> Callable[[Node], str | None]:
    def key(item: Node) -> str | None:
        if isinstance(item, Scalar) and not item.is_null:
            return f"{default}/{item.value}"
        if isinstance(item, Mapping):
            return item.get_str("target") or f"{default}/{item.get_str('source')}"
        return None

    return key


def _env_file_key(item: Node) -> str | None:
    if isinstance(item, Mapping):
        return item.get_str("path")
    return _scalar_text(item)


_UNIQUE: dict[str, Callable[[Node], str | None]] = {
    "ports": lambda item: next(iter(_port_keys(item)), None),
    "volumes": _volume_key,
    "devices": _device_key,
    "secrets": _mount_key("/run/secrets"),
    "configs": _mount_key(""),
    "environment": _env_key,
    "labels": _env_key,
    "annotations": _env_key,
    "sysctls": _env_key,
    "cap_add": _scalar_text,
    "cap_drop": _scalar_text,
    "dns": _scalar_text,
    "dns_opt": _scalar_text,
    "dns_search": _scalar_text,
    "expose": _scalar_text,
    "links": _env_key,
    "profiles": _scalar_text,
    "tmpfs": _scalar_text,
    "env_file": _env_file_key,
}
_BUILD_UNIQUE: dict[str, Callable[[Node], str | None]] = {
    "args": _env_key,
    "labels": _env_key,
    "additional_contexts": _env_key,
    "tags": _scalar_text,
    "platforms": _scalar_text,
}


def enforce_unique(root: Mapping, tracker: Tracker) -> Mapping:
    """The services' sequences with one entry per key (Compose's ``EnforceUnicity``)."""
    services = root.get("services")
    if not isinstance(services, Mapping):
        return root
    new_services, changed = [], False
    for pair in services.pairs:
        value = pair.value
        if isinstance(value, Mapping):
            unique = _unique_service(value, tracker)
            if unique is not value:
                changed = True
                pair = Pair(pair.key, unique, pair.merged)
        new_services.append(pair)
    if not changed:
        return root
    new_root_pairs = [
        Pair(p.key, _mapping(services, new_services, tracker), p.merged) if p.value is services else p
        for p in root.pairs
    ]
    return _mapping(root, new_root_pairs, tracker)


def _unique_service(service: Mapping, tracker: Tracker) -> Mapping:
    pairs, changed = [], False
    for pair in service.pairs:
        key, value = pair.key_text, pair.value
        new_value: Node = value
        if key in _UNIQUE and isinstance(value, Sequence):
            new_value = _unique_items(value, _UNIQUE[key], tracker)
        elif key == "build" and isinstance(value, Mapping):
            build_pairs, build_changed = [], False
            for build_pair in value.pairs:
                inner = build_pair.value
                function = _BUILD_UNIQUE.get(build_pair.key_text or "")
                if function is not None and isinstance(inner, Sequence):
                    unique = _unique_items(inner, function, tracker)
                    if unique is not inner:
                        build_changed = True
                        build_pair = Pair(build_pair.key, unique, build_pair.merged)
                build_pairs.append(build_pair)
            if build_changed:
                new_value = _mapping(value, build_pairs, tracker)
        if new_value is not value:
            changed = True
            pair = Pair(pair.key, new_value, pair.merged)
        pairs.append(pair)
    return _mapping(service, pairs, tracker) if changed else service


def _unique_items(node: Sequence, key_of: Callable[[Node], str | None], tracker: Tracker) -> Sequence:
    if len(node.items) < 2:
        return node
    items: list[Node] = []
    positions: dict[str, int] = {}
    for item in node.items:
        key = key_of(item)
        if key is None:
            items.append(item)
        elif key in positions:
            items[positions[key]] = item
        else:
            positions[key] = len(items)
            items.append(item)
    if len(items) == len(node.items) and all(a is b for a, b in zip(items, node.items, strict=True)):
        return node
    return _sequence(node, items, tracker)
