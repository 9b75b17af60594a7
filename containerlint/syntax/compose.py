"""A read-only view of a Compose file over its positioned YAML tree (Compose specification).

``ComposeFile(stream)`` looks at the first document of a ``YamlStream``. Every accessor returns
positioned nodes so a rule can report exactly where a value is written, and every accessor is
tolerant: an entry of the wrong shape (``ports: 8080``, a service that is not a mapping) is skipped,
never raised on; schema validation reports shapes. Values are the raw text of the file: nothing
is interpolated here (see ``interpolate``), so ``image: nginx:${TAG}`` reads as written.

Short and long syntaxes are normalised into one record type each (``PortMapping``,
``ServiceVolume``, ``ServiceReference``, ``EnvVar`` ...), which keeps the node it came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field
from functools import cached_property

from containerlint.model import Position, Span
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence
from containerlint.syntax.yamltree import YamlStream, effective_pairs

VOLUME_TYPES = ("bind", "volume", "tmpfs", "npipe", "cluster", "image")
READ_ONLY_OPTIONS = ("ro", "readonly")


def looks_like_compose(stream: YamlStream) -> bool:
    """A top-level mapping with a ``services`` mapping of mappings (or empty), and no kind."""
    root = _first_root(stream)
    if not isinstance(root, Mapping) or "apiVersion" in root or "kind" in root:
        return False
    services = root.get("services")
    if services is None or (isinstance(services, Scalar) and services.is_null):
        return "services" in root
    if not isinstance(services, Mapping):
        return False
    return all(
        isinstance(value, Mapping) or (isinstance(value, Scalar) and value.is_null)
        for value in (pair.value for pair in services.pairs)
    )


def _first_root(stream: YamlStream) -> Node | None:
    for document in stream.documents:
        if document.root is not None:
            return document.root
    return None


# ---------------------------------------------------------------------------------------------
# Records


@dataclass
class EnvVar:
    """One variable of ``environment`` or ``build.args``; ``value`` None means "no value given"
    (``- NAME`` or ``NAME:``, taken from the shell environment)."""

    name: str
    value: str | None
    name_span: Span
    value_span: Span | None
    node: Node  # the list item (``- A=b``) or the map value (``A: b``)
    key_node: Node | None = None  # the map key, in the map form


@dataclass
class PortMapping:
    """A ``ports`` entry. Port fields are strings as written: a port or a ``8000-8010`` range."""

    node: Node
    target: str | None = None
    published: str | None = None  # None: not published on a fixed host port
    host_ip: str | None = None
    protocol: str | None = None  # None: not given (tcp)
    mode: str | None = None
    name: str | None = None
    short: bool = True
    error: str | None = None  # the short syntax could not be read
    target_node: Node | None = None  # long syntax; in the short one every field is ``node``
    published_node: Node | None = None
    host_ip_node: Node | None = None
    protocol_node: Node | None = None

    @property
    def published_range(self) -> tuple[int, int] | None:
        return _port_range(self.published)

    @property
    def target_range(self) -> tuple[int, int] | None:
        return _port_range(self.target)


@dataclass
class ServiceVolume:
    """A service ``volumes`` entry. ``type`` None: the long syntax names no (string) type."""

    node: Node
    type: str | None
    source: str | None  # None for an anonymous volume or a tmpfs
    target: str | None
    read_only: bool = False
    options: tuple[str, ...] = ()  # short syntax access options: ro, rw, z, Z, nocopy ...
    short: bool = True
    source_node: Node | None = None  # long syntax; the whole scalar in the short one
    target_node: Node | None = None

    @property
    def source_span(self) -> Span:
        """Where the source is written (the whole entry in the short syntax)."""
        return (self.source_node or self.node).span

    @property
    def is_bind(self) -> bool:
        return self.type == "bind"

    @property
    def is_named(self) -> bool:
        return self.type == "volume" and self.source is not None

    @property
    def is_anonymous(self) -> bool:
        return self.type == "volume" and self.source is None


@dataclass
class ServiceNetwork:
    name: str
    key: Node  # the name as written (list item or map key)
    config: Mapping | None  # the map form's settings (aliases, ipv4_address ...)

    @property
    def span(self) -> Span:
        return self.key.span


@dataclass
class ServiceReference:
    """A ``secrets`` / ``configs`` entry, short (``- name``) or long (``- source: name``)."""

    source: str
    source_node: Node
    node: Node
    target: str | None = None
    target_node: Node | None = None

    @property
    def name(self) -> str:
        """The secret or config referred to (``source``)."""
        return self.source

    @property
    def span(self) -> Span:
        return self.source_node.span


@dataclass
class Dependency:
    name: str
    key: Node
    condition: str | None = None  # map form only
    node: Node | None = None  # the map form's settings


@dataclass
class EnvFile:
    path: str
    node: Node
    required: bool = True


@dataclass
class BuildConfig:
    node: Node  # the ``build`` value: a scalar (short form) or a mapping
    context: Scalar | None = None
    dockerfile: Scalar | None = None
    dockerfile_inline: Scalar | None = None
    target: Scalar | None = None
    args: list[EnvVar] = field(default_factory=list)
    short: bool = False


@dataclass
class Extends:
    service: str
    service_node: Node
    file: Scalar | None
    node: Node


@dataclass
class SecurityOpt:
    """A ``security_opt`` entry, ``key=value`` or the legacy ``key:value`` (Docker splits at the
    first ``=``, else at the first ``:``): ``seccomp:unconfined`` is ("seccomp", "unconfined"),
    ``label=type:spc_t`` is ("label", "type:spc_t"), ``no-new-privileges`` is (..., None)."""

    key: str  # lower-cased
    value: str | None
    node: Scalar


# ---------------------------------------------------------------------------------------------
# Services


class Service:
    """One entry of ``services``: ``name``, ``key`` (the name node) and ``node`` (its mapping)."""

    def __init__(self, name: str, key: Scalar, node: Mapping) -> None:
        self.name = name
        self.key = key
        self.node = node
        self._pairs = effective_pairs(node)

    def __repr__(self) -> str:
        return f"Service({self.name!r} at {self.key.span.start})"

    def get(self, key: str) -> Node | None:
        pair = self._pairs.get(key)
        return pair.value if pair else None

    def scalar(self, key: str) -> Scalar | None:
        """A non-null scalar value of the service, or None."""
        value = self.get(key)
        return value if isinstance(value, Scalar) and not value.is_null else None

    def __contains__(self, key: str) -> bool:
        return key in self._pairs

    @property
    def image(self) -> Scalar | None:
        return self.scalar("image")

    @property
    def user(self) -> Scalar | None:
        return self.scalar("user")

    @property
    def privileged(self) -> Scalar | None:
        return self.scalar("privileged")

    @property
    def container_name(self) -> Scalar | None:
        return self.scalar("container_name")

    @property
    def healthcheck(self) -> Mapping | None:
        value = self.get("healthcheck")
        return value if isinstance(value, Mapping) else None

    @property
    def profiles(self) -> list[Scalar]:
        return _scalars(self.get("profiles"))

    @cached_property
    def build(self) -> BuildConfig | None:
        return _build(self.get("build"))

    @cached_property
    def ports(self) -> list[PortMapping]:
        return [port for item in _items(self.get("ports")) if (port := parse_port(item))]

    @cached_property
    def volumes(self) -> list[ServiceVolume]:
        return [vol for item in _items(self.get("volumes")) if (vol := parse_volume(item))]

    @cached_property
    def networks(self) -> list[ServiceNetwork]:
        return _networks(self.get("networks"))

    @cached_property
    def secrets(self) -> list[ServiceReference]:
        return _references(self.get("secrets"))

    @cached_property
    def configs(self) -> list[ServiceReference]:
        return _references(self.get("configs"))

    @cached_property
    def environment(self) -> list[EnvVar]:
        return parse_env_entries(self.get("environment"))

    @cached_property
    def env_file(self) -> list[EnvFile]:
        return _env_files(self.get("env_file"))

    @cached_property
    def depends_on(self) -> list[Dependency]:
        return _dependencies(self.get("depends_on"))

    @cached_property
    def extends(self) -> Extends | None:
        return _extends(self.get("extends"))

    @cached_property
    def security_opt(self) -> list[SecurityOpt]:
        return [parse_security_opt(item) for item in _scalars(self.get("security_opt"))]


class ComposeFile:
    """The Compose view of a parsed stream (its first document)."""

    def __init__(self, stream: YamlStream) -> None:
        self.stream = stream
        root = _first_root(stream)
        self.root: Mapping | None = root if isinstance(root, Mapping) else None
        self._pairs = effective_pairs(self.root) if self.root is not None else {}

    def get(self, key: str) -> Node | None:
        pair = self._pairs.get(key)
        return pair.value if pair else None

    @property
    def name(self) -> Scalar | None:
        return _non_null_scalar(self.get("name"))

    @property
    def version(self) -> Scalar | None:
        return _non_null_scalar(self.get("version"))

    @property
    def include(self) -> Node | None:
        return self.get("include")

    @property
    def extensions(self) -> dict[str, Node]:
        """Top-level ``x-*`` keys."""
        return {key: pair.value for key, pair in self._pairs.items() if key.startswith("x-")}

    @property
    def services_node(self) -> Mapping | None:
        value = self.get("services")
        return value if isinstance(value, Mapping) else None

    @cached_property
    def services(self) -> list[Service]:
        node = self.services_node
        if node is None:
            return []
        return [
            Service(name, pair.key, pair.value)
            for name, pair in effective_pairs(node).items()
            if isinstance(pair.key, Scalar) and isinstance(pair.value, Mapping)
        ]

    def service(self, name: str) -> Service | None:
        return next((service for service in self.services if service.name == name), None)

    @cached_property
    def declared_volumes(self) -> dict[str, Node]:
        return self._declared("volumes")

    @cached_property
    def declared_networks(self) -> dict[str, Node]:
        return self._declared("networks")

    @cached_property
    def declared_secrets(self) -> dict[str, Node]:
        return self._declared("secrets")

    @cached_property
    def declared_configs(self) -> dict[str, Node]:
        return self._declared("configs")

    def _declared(self, section: str) -> dict[str, Node]:
        """Top-level declarations: name -> key node (``name:`` with a null value counts)."""
        node = self.get(section)
        if not isinstance(node, Mapping):
            return {}
        return {key: pair.key for key, pair in effective_pairs(node).items()}


# ---------------------------------------------------------------------------------------------
# Ports

_PORT = r"\d+(?:-\d+)?"
_PORT_RE = re.compile(_PORT)


def parse_port(node: Node) -> PortMapping | None:
    """A ``ports`` entry in short (``"127.0.0.1:8080:80/tcp"``, ``80``) or long syntax."""
    if isinstance(node, Mapping):
        return _long_port(node)
    if isinstance(node, Scalar) and not node.is_null:
        return _short_port(node)
    return None


def _short_port(node: Scalar) -> PortMapping:
    text = node.value.strip()
    port = PortMapping(node=node, short=True)
    if "/" in text:
        text, port.protocol = text.rsplit("/", 1)
    host_ip, published, target = _split_port_spec(text)
    port.host_ip, port.published, port.target = host_ip, published or None, target
    if not target or not _PORT_RE.fullmatch(target):
        port.error = f"container port {target!r} is not a port or a port range"
    elif published and not _PORT_RE.fullmatch(published):
        port.error = f"host port {published!r} is not a port or a port range"
    return port


def _split_port_spec(text: str) -> tuple[str | None, str | None, str]:
    """(host ip, published, target) of ``[[ip:]published:]target``; the ip may be IPv6."""
    if text.startswith("["):  # [::1]:8080:80
        ip, _, rest = text[1:].partition("]")
        published, _, target = rest.lstrip(":").rpartition(":")
        return ip, published, target
    parts = text.rsplit(":", 2)
    if len(parts) == 1:
        return None, None, parts[0]
    if len(parts) == 2:
        return None, parts[0], parts[1]
    return parts[0] or None, parts[1], parts[2]


def _long_port(node: Mapping) -> PortMapping:
    port = PortMapping(node=node, short=False)
    port.target_node = node.get("target")
    port.published_node = node.get("published")
    port.host_ip_node = node.get("host_ip")
    port.protocol_node = node.get("protocol")
    port.target = _text(port.target_node)
    port.published = _text(port.published_node)
    port.host_ip = _text(port.host_ip_node)
    port.protocol = _text(port.protocol_node)
    port.mode = node.get_str("mode")
    port.name = node.get_str("name")
    return port


def _port_range(text: str | None) -> tuple[int, int] | None:
    if text is None or not _PORT_RE.fullmatch(text):
        return None
    first, _, last = text.partition("-")
    return int(first), int(last or first)


# ---------------------------------------------------------------------------------------------
# Volumes

_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:[\\/]")


def parse_volume(node: Node) -> ServiceVolume | None:
    """A service ``volumes`` entry in short (``./src:/app:ro``) or long (``type: bind``) syntax."""
    if isinstance(node, Mapping):
        return _long_volume(node)
    if isinstance(node, Scalar) and not node.is_null:
        return _short_volume(node)
    return None


def _short_volume(node: Scalar) -> ServiceVolume:
    parts = _split_volume_spec(node.value)
    if len(parts) == 1:  # just a container path: an anonymous volume
        return ServiceVolume(node, "volume", None, parts[0], target_node=node)
    source, target = parts[0], parts[1]
    options = tuple(option for option in ",".join(parts[2:]).split(",") if option)
    return ServiceVolume(
        node,
        "bind" if is_bind_source(source) else "volume",
        source,
        target,
        read_only=any(option in READ_ONLY_OPTIONS for option in options),
        options=options,
        source_node=node,
        target_node=node,
    )


def _split_volume_spec(text: str) -> list[str]:
    """Split ``source:target:mode`` at colons, keeping a Windows drive (``C:\\x``) whole."""
    parts = text.split(":")
    if len(parts) > 1 and _WINDOWS_DRIVE.match(text):
        parts[0:2] = [parts[0] + ":" + parts[1]]
    return parts


def is_bind_source(source: str) -> bool:
    """Compose's rule: a path (``.``, ``/``, ``~``, or a ``/`` in it) binds; a name is a volume."""
    return (
        source.startswith((".", "/", "~", "\\"))
        or "/" in source
        or "\\" in source
        or bool(_WINDOWS_DRIVE.match(source))
    )


def _long_volume(node: Mapping) -> ServiceVolume:
    source_node = node.get("source")
    source = _text(source_node)
    declared_type = node.get_str("type")
    volume_type = declared_type
    if volume_type is None and source is not None:  # Compose requires type; guess for rules
        volume_type = "bind" if is_bind_source(source) else "volume"
    read_only = node.get_scalar("read_only")
    return ServiceVolume(
        node,
        volume_type,
        source,
        _text(node.get("target")),
        read_only=bool(read_only and read_only.as_bool()),
        short=False,
        source_node=source_node,
        target_node=node.get("target"),
    )


# ---------------------------------------------------------------------------------------------
# Environment, build, references


def parse_env_entries(node: Node | None) -> list[EnvVar]:
    """``environment`` / ``build.args`` in list (``- A=b``, ``- A``) or map (``A: b``) form."""
    if isinstance(node, Mapping):  # a duplicated name counts once, with its last value
        pairs = effective_pairs(node).values()
        return [var for pair in pairs if (var := _map_env(pair.key, pair.value))]
    if isinstance(node, Sequence):
        return [var for item in node.items if (var := _list_env(item))]
    return []


def _map_env(key: Node, value: Node) -> EnvVar | None:
    if not isinstance(key, Scalar) or not key.value:
        return None
    if isinstance(value, Scalar):
        if value.is_null:
            return EnvVar(key.value, None, key.span, None, value, key_node=key)
        return EnvVar(key.value, value.value, key.span, value.span, value, key_node=key)
    return None  # a list or mapping value: not an environment value


def _list_env(item: Node) -> EnvVar | None:
    if not isinstance(item, Scalar) or item.is_null or not item.value:
        return None
    name, equals, value = item.value.partition("=")
    if not equals:
        return EnvVar(name, None, item.span, None, item)
    name_span, value_span = _split_span(item, len(name))
    return EnvVar(name, value, name_span, value_span, item)


def _split_span(node: Scalar, at: int) -> tuple[Span, Span]:
    """Spans of ``value[:at]`` and ``value[at + 1:]`` when they map onto one line of text.

    That holds for a one-line plain scalar, or a quoted one without escapes; otherwise both
    parts get the whole scalar's span.
    """
    start, end = node.span.start, node.span.end
    quote = 1 if node.style in ("'", '"') else 0
    width = len(node.value) + 2 * quote
    if start.line != end.line or node.style not in ("", "'", '"') or end.column - start.column != width:
        return node.span, node.span
    split = start.column + quote + at
    name = Span(Position(start.line, start.column + quote), Position(start.line, split))
    value = Span(Position(start.line, split + 1), Position(start.line, end.column - quote))
    return name, value


def _build(node: Node | None) -> BuildConfig | None:
    if isinstance(node, Scalar) and not node.is_null:
        return BuildConfig(node=node, context=node, short=True)
    if not isinstance(node, Mapping):
        return None
    return BuildConfig(
        node=node,
        context=node.get_scalar("context"),
        dockerfile=node.get_scalar("dockerfile"),
        dockerfile_inline=node.get_scalar("dockerfile_inline"),
        target=node.get_scalar("target"),
        args=parse_env_entries(node.get("args")),
    )


def _networks(node: Node | None) -> list[ServiceNetwork]:
    if isinstance(node, Sequence):
        return [
            ServiceNetwork(item.value, item, None)
            for item in node.items
            if isinstance(item, Scalar) and not item.is_null
        ]
    if isinstance(node, Mapping):
        return [
            ServiceNetwork(name, pair.key, pair.value if isinstance(pair.value, Mapping) else None)
            for name, pair in effective_pairs(node).items()
        ]
    return []


def _references(node: Node | None) -> list[ServiceReference]:
    result = []
    for item in _items(node):
        if isinstance(item, Scalar) and not item.is_null:
            result.append(ServiceReference(item.value, item, item))
        elif isinstance(item, Mapping):
            source = item.get_scalar("source")
            if source is not None:
                target = item.get_scalar("target")
                result.append(
                    ServiceReference(
                        source.value,
                        source,
                        item,
                        target=target.value if target else None,
                        target_node=target,
                    )
                )
    return result


def _env_files(node: Node | None) -> list[EnvFile]:
    if isinstance(node, Scalar):
        return [] if node.is_null else [EnvFile(node.value, node)]
    result = []
    for item in _items(node):
        if isinstance(item, Scalar) and not item.is_null:
            result.append(EnvFile(item.value, item))
        elif isinstance(item, Mapping) and (path := item.get_scalar("path")) is not None:
            required = item.get_scalar("required")
            optional = required is not None and required.as_bool() is False
            result.append(EnvFile(path.value, item, required=not optional))
    return result


def _dependencies(node: Node | None) -> list[Dependency]:
    if isinstance(node, Sequence):
        return [Dependency(item.value, item) for item in node.items if isinstance(item, Scalar) and not item.is_null]
    if isinstance(node, Mapping):
        result = []
        for name, pair in effective_pairs(node).items():
            settings = pair.value if isinstance(pair.value, Mapping) else None
            condition = settings.get_str("condition") if settings else None
            result.append(Dependency(name, pair.key, condition, settings))
        return result
    return []


def parse_security_opt(node: Scalar) -> SecurityOpt:
    text = node.value.strip()
    separator = "=" if "=" in text else ":"
    key, found, value = text.partition(separator)
    return SecurityOpt(key.strip().lower(), value.strip() if found else None, node)


def _extends(node: Node | None) -> Extends | None:
    if isinstance(node, Scalar) and not node.is_null:
        return Extends(node.value, node, None, node)
    if isinstance(node, Mapping):
        service = node.get_scalar("service")
        if service is not None:
            return Extends(service.value, service, node.get_scalar("file"), node)
    return None


# ---------------------------------------------------------------------------------------------
# Small helpers


def _items(node: Node | None) -> list[Node]:
    return node.items if isinstance(node, Sequence) else []


def _scalars(node: Node | None) -> list[Scalar]:
    return [item for item in _items(node) if isinstance(item, Scalar) and not item.is_null]


def _non_null_scalar(node: Node | None) -> Scalar | None:
    return node if isinstance(node, Scalar) and not node.is_null else None


def _text(node: Node | None) -> str | None:
    scalar = _non_null_scalar(node)
    return scalar.value if scalar else None


# ---------------------------------------------------------------------------------------------
# Interpolation


@dataclass
class InterpolationResult:
    """``text`` is None when the result depends on something unknown or is an error."""

    text: str | None
    unresolved: list[str] = field(default_factory=list)  # variables needed but not set
    errors: list[str] = field(default_factory=list)
    required: list[str] = field(default_factory=list)  # of ``unresolved``: those a ``?`` form requires

    @property
    def ok(self) -> bool:
        return self.text is not None


_NAME = re.compile(r"[_A-Za-z][_A-Za-z0-9]*")
_OPERATORS = (":-", ":?", ":+", "-", "?", "+")
_MAX_NESTING = 50


def interpolate(value: str, env: MappingABC[str, str]) -> InterpolationResult:
    """Compose variable interpolation.

    ``$VAR``, ``${VAR}``, ``${VAR:-default}``, ``${VAR-default}``, ``${VAR:?error}``,
    ``${VAR?error}``, ``${VAR:+alt}``, ``${VAR+alt}``, nesting in the words (``${A:-${B:-x}}``),
    and ``$$`` for a literal ``$``. A ``$`` that starts none of these (``$5``, a final ``$``) stays
    as it is, as in Compose; a ``${`` that is not one of the forms above is an error.

    An unset variable without a default is not replaced by "" (as Compose does, with a warning):
    it is listed in ``unresolved`` and ``text`` is None, so no rule guesses a value.
    """
    interpolator = _Interpolator(env)
    text: str | None = interpolator.expand(value, 0)
    if interpolator.unresolved or interpolator.errors:
        text = None
    return InterpolationResult(text, interpolator.unresolved, interpolator.errors, interpolator.required)


class _Interpolator:
    def __init__(self, env: MappingABC[str, str]) -> None:
        self.env = env
        self.unresolved: list[str] = []
        self.errors: list[str] = []
        self.required: list[str] = []

    def expand(self, text: str, depth: int) -> str:
        if depth > _MAX_NESTING:
            self.error(f"variables nested more than {_MAX_NESTING} levels deep")
            return ""
        pieces, index = [], 0
        while (dollar := text.find("$", index)) >= 0:
            pieces.append(text[index:dollar])
            replacement, index = self.substitution(text, dollar, depth)
            pieces.append(replacement)
        pieces.append(text[index:])
        return "".join(pieces)

    def substitution(self, text: str, dollar: int, depth: int) -> tuple[str, int]:
        """The replacement of the ``$...`` at ``dollar``, and the index after it."""
        following = text[dollar + 1 : dollar + 2]
        if following == "$":
            return "$", dollar + 2
        if following == "{":
            return self.braced(text, dollar, depth)
        name = _NAME.match(text, dollar + 1)
        if name is None:  # Compose keeps a "$" that starts nothing ("costs $5", "a$") as it is
            return "$", dollar + 1
        return self.lookup(name.group()), name.end()

    def braced(self, text: str, dollar: int, depth: int) -> tuple[str, int]:
        name = _NAME.match(text, dollar + 2)
        close = _closing_brace(text, dollar + 2)
        if name is None or close < 0:
            self.error(f"invalid interpolation format: {text[dollar:]!r}")
            return text[dollar:], len(text)
        variable, rest = name.group(), text[name.end() : close]
        if not rest:
            return self.lookup(variable), close + 1
        operator = next((op for op in _OPERATORS if rest.startswith(op)), None)
        if operator is None:
            self.error(f"invalid interpolation format: {text[dollar : close + 1]!r}")
            return "", close + 1
        return self.apply(variable, operator, rest[len(operator) :], depth), close + 1

    def apply(self, variable: str, operator: str, word: str, depth: int) -> str:
        value = self.env.get(variable)
        usable = value is not None and (value != "" or not operator.startswith(":"))
        if operator.endswith("-"):
            return value if usable and value is not None else self.expand(word, depth + 1)
        if operator.endswith("+"):
            return self.expand(word, depth + 1) if usable else ""
        if usable and value is not None:  # "?": required
            return value
        message = self.expand(word, depth + 1) or "required variable is missing a value"
        self.note_unresolved(variable)
        if variable not in self.required:
            self.required.append(variable)
        self.error(f"{variable}: {message}")
        return ""

    def lookup(self, variable: str) -> str:
        value = self.env.get(variable)
        if value is None:
            self.note_unresolved(variable)
            return ""
        return value

    def note_unresolved(self, variable: str) -> None:
        if variable not in self.unresolved:
            self.unresolved.append(variable)

    def error(self, message: str) -> None:
        self.errors.append(message)


def _closing_brace(text: str, index: int) -> int:
    """Index of the ``}`` closing a ``${`` whose content starts at ``index``, or -1."""
    depth = 0
    while index < len(text):
        char = text[index]
        if char == "$" and text.startswith("$$", index):
            index += 2
            continue
        if char == "$" and text.startswith("${", index):
            depth += 1
            index += 2
            continue
        if char == "}":
            if depth == 0:
                return index
            depth -= 1
        index += 1
    return -1
