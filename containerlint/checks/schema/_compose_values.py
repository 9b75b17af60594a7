"""Values Compose refuses when it loads a file although the JSON schema lets them through.

The schema types most fields loosely (a port is "a number or a string", a duration "a string");
Compose then parses them and stops at the first it cannot read: ``invalid hostPort``, ``time:
unknown unit``, ``invalid size``, ``invalid boolean``. These checks follow what Compose v2 does
(each one was tried against its binary), and judge only values written literally: anything with a
``$`` is read after interpolation by Compose and is left alone.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from dataclasses import dataclass

from containerlint.checks.schema._compose_schema import scalar_value
from containerlint.model import Span
from containerlint.syntax.compose import Service
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence
from containerlint.syntax.yamltree import effective_pairs

PROTOCOLS = ("tcp", "udp", "sctp")
# Go's time.ParseDuration plus the days and weeks Compose's parser adds; "0" alone is fine.
_DURATION = re.compile(r"[-+]?(?:0|(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h|d|w))+)")
# docker/go-units RAMInBytes.
_SIZE = re.compile(r"[0-9]+(?:\.[0-9]+)* ?[kKmMgGtTpP]?[iI]?[bB]?")
_BOOLEANS = ("true", "false", "y", "yes", "on", "n", "no", "off")
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?(?:inf|infinity|nan)", re.I)

# Where Compose casts or decodes a value, and into what. A path is relative to a service, or to
# the top level when it starts with "/"; "*" is any key of a mapping, "[]" any item of a list.
DURATION, SIZE, BOOLEAN, INTEGER, NUMBER = "duration", "size", "boolean", "integer", "number"
TYPED_PATHS: tuple[tuple[str, str], ...] = (
    ("stop_grace_period", DURATION),
    ("healthcheck.interval", DURATION),
    ("healthcheck.timeout", DURATION),
    ("healthcheck.start_period", DURATION),
    ("healthcheck.start_interval", DURATION),
    ("deploy.restart_policy.delay", DURATION),
    ("deploy.restart_policy.window", DURATION),
    ("deploy.update_config.delay", DURATION),
    ("deploy.update_config.monitor", DURATION),
    ("deploy.rollback_config.delay", DURATION),
    ("deploy.rollback_config.monitor", DURATION),
    ("mem_limit", SIZE),
    ("mem_reservation", SIZE),
    ("memswap_limit", SIZE),
    ("shm_size", SIZE),
    ("build.shm_size", SIZE),
    ("deploy.resources.limits.memory", SIZE),
    ("deploy.resources.reservations.memory", SIZE),
    ("volumes.[].tmpfs.size", SIZE),
    ("privileged", BOOLEAN),
    ("read_only", BOOLEAN),
    ("init", BOOLEAN),
    ("tty", BOOLEAN),
    ("stdin_open", BOOLEAN),
    ("oom_kill_disable", BOOLEAN),
    ("healthcheck.disable", BOOLEAN),
    ("depends_on.*.restart", BOOLEAN),
    ("env_file.[].required", BOOLEAN),
    ("volumes.[].read_only", BOOLEAN),
    ("volumes.[].volume.nocopy", BOOLEAN),
    ("volumes.[].bind.create_host_path", BOOLEAN),
    ("/networks.*.external", BOOLEAN),
    ("/networks.*.internal", BOOLEAN),
    ("/networks.*.attachable", BOOLEAN),
    ("/networks.*.enable_ipv6", BOOLEAN),
    ("/volumes.*.external", BOOLEAN),
    ("/secrets.*.external", BOOLEAN),
    ("/configs.*.external", BOOLEAN),
    ("scale", INTEGER),
    ("pids_limit", INTEGER),
    ("cpu_count", INTEGER),
    ("cpu_shares", INTEGER),
    ("cpu_period", INTEGER),
    ("cpu_quota", INTEGER),
    ("oom_score_adj", INTEGER),
    ("deploy.replicas", INTEGER),
    ("deploy.update_config.parallelism", INTEGER),
    ("deploy.rollback_config.parallelism", INTEGER),
    ("deploy.restart_policy.max_attempts", INTEGER),
    ("deploy.placement.max_replicas_per_node", INTEGER),
    ("deploy.resources.limits.pids", INTEGER),
    ("healthcheck.retries", INTEGER),
    ("secrets.[].mode", INTEGER),
    ("configs.[].mode", INTEGER),
    ("ulimits.*", INTEGER),
    ("ulimits.*.soft", INTEGER),
    ("ulimits.*.hard", INTEGER),
    ("cpus", NUMBER),
    ("deploy.resources.limits.cpus", NUMBER),
    ("deploy.resources.reservations.cpus", NUMBER),
    ("deploy.update_config.max_failure_ratio", NUMBER),
    ("deploy.rollback_config.max_failure_ratio", NUMBER),
)
SERVICE_PATHS = [(tuple(path.split(".")), kind) for path, kind in TYPED_PATHS if not path.startswith("/")]
TOP_PATHS = [(tuple(path[1:].split(".")), kind) for path, kind in TYPED_PATHS if path.startswith("/")]
HEALTHCHECK_TESTS = ("CMD", "CMD-SHELL", "NONE")


@dataclass(frozen=True)
class ValueProblem:
    span: Span
    message: str
    hint: str | None = None


def check_top_level(root: Mapping) -> Iterator[ValueProblem]:
    yield from _typed(root, _TOP_TRIE, "")


def check_service(service: Service) -> Iterator[ValueProblem]:
    where = f"services.{service.name}"
    yield from _typed(service.node, _SERVICE_TRIE, where)
    test = _at(service.node, ("healthcheck", "test"))
    if isinstance(test, Sequence) and test.items:
        first = test.items[0]
        if isinstance(first, Scalar) and "$" not in first.value and first.value not in HEALTHCHECK_TESTS:
            yield ValueProblem(
                first.span,
                f"{where}.healthcheck.test[0]: a test list starts with CMD, CMD-SHELL or NONE, not '{first.value}'",
                'write ["CMD", "program", "arg"], ["CMD-SHELL", "shell command"], or the test as one string',
            )
    retries = _at(service.node, ("healthcheck", "retries"))
    if isinstance(retries, Scalar) and isinstance(scalar_value(retries), int) and scalar_value(retries) < 0:
        yield ValueProblem(retries.span, f"{where}.healthcheck.retries: {retries.value} is negative", None)
    ports = service.get("ports")
    if isinstance(ports, Sequence):
        for index, item in enumerate(ports.items):
            found = port_problem(item)
            if found is not None:
                node, message = found
                yield ValueProblem(node.span, f"{where}.ports[{index}]: {message}", _PORT_HINT)
    volumes = service.get("volumes")
    if isinstance(volumes, Sequence):
        for index, item in enumerate(volumes.items):
            trouble = volume_problem(item)
            if trouble:
                yield ValueProblem(item.span, f"{where}.volumes[{index}]: {trouble}", _VOLUME_HINT)
    hosts = service.get("extra_hosts")
    if isinstance(hosts, Sequence):
        for index, item in enumerate(hosts.items):
            if isinstance(item, Scalar) and item.value and "$" not in item.value and not re.search("[:=]", item.value):
                yield ValueProblem(
                    item.span,
                    f"{where}.extra_hosts[{index}]: '{item.value}' names no address",
                    "write 'HOST:IP' or 'HOST=IP'",
                )


_PORT_HINT = "write [[HOST_IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL], ports being 1-65535 or ranges like 8000-8010"
_VOLUME_HINT = "write SOURCE:TARGET[:MODE], or the long syntax"
_HINTS = {
    DURATION: "write a number with a unit: 30s, 1m30s, 500ms, 2h",
    SIZE: "write a number of bytes, or one with a unit: 512m, 1.5g, 64MB",
    BOOLEAN: "write true or false",
    INTEGER: "write a whole number",
    NUMBER: "write a number, like 0.5",
}


Trie = dict[str, tuple["Trie", str | None]]  # step -> (deeper steps, the kind of the value here)


def _trie(paths: list[tuple[tuple[str, ...], str]]) -> Trie:
    root: Trie = {}
    for path, kind in paths:
        level = root
        for index, step in enumerate(path):
            children, here = level.get(step, ({}, None))
            if index == len(path) - 1:
                here = kind
            level[step] = (children, here)
            level = children
    return root


def _typed(node: Node, trie: Trie, where: str) -> Iterator[ValueProblem]:
    for found, kind, concrete in _walk(node, trie, ()):
        if not isinstance(found, Scalar) or "$" in found.value or not isinstance(scalar_value(found), str):
            continue  # other YAML types are the schema's to judge (CL8001)
        if _readable(found.value, kind):
            continue
        text = _join(where, concrete)
        article = "an" if kind == INTEGER else "a"
        yield ValueProblem(found.span, f"{text}: '{found.value}' is not {article} {kind}", _HINTS[kind])


def _walk(node: Node, trie: Trie, done: tuple[str | int, ...]) -> Iterator[tuple[Node, str, tuple[str | int, ...]]]:
    """The values the trie's paths lead to in ``node``, with their kind and concrete path."""
    if isinstance(node, Sequence):
        entry = trie.get("[]")
        if entry is not None:
            children, kind = entry
            for index, item in enumerate(node.items):
                if kind is not None:
                    yield item, kind, (*done, index)
                if children:
                    yield from _walk(item, children, (*done, index))
        return
    if not isinstance(node, Mapping):
        return
    wildcard = trie.get("*")
    for key, pair in effective_pairs(node).items():
        for entry in (trie.get(key), wildcard):
            if entry is None:
                continue
            children, kind = entry
            if kind is not None:
                yield pair.value, kind, (*done, key)
            if children:
                yield from _walk(pair.value, children, (*done, key))


_SERVICE_TRIE = _trie(SERVICE_PATHS)
_TOP_TRIE = _trie(TOP_PATHS)


def _join(where: str, path: tuple[str | int, ...]) -> str:
    text = where
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _at(node: Node, path: tuple[str, ...]) -> Node | None:
    current: Node | None = node
    for key in path:
        if not isinstance(current, Mapping):
            return None
        current = current.get(key)
    return current


def _readable(text: str, kind: str) -> bool:
    if kind == DURATION:
        return _DURATION.fullmatch(text) is not None
    if kind == SIZE:
        return _SIZE.fullmatch(text) is not None
    if kind == BOOLEAN:
        return text.lower() in _BOOLEANS
    if kind == INTEGER:
        return _INT.fullmatch(text) is not None
    return _FLOAT.fullmatch(text) is not None


# ---------------------------------------------------------------------------------------------
# Ports, as Docker's nat.ParsePortSpec and Compose read them


def _port_range(text: str) -> tuple[int, int] | None:
    first, dash, last = text.partition("-")
    if not first.isdigit() or (dash and not last.isdigit()):
        return None
    start, end = int(first), int(last) if dash else int(first)
    if start > 65535 or end > 65535 or end < start:
        return None
    return start, end


def port_problem(item: Node) -> tuple[Node, str] | None:
    """(where, what) when Compose cannot read a ``ports`` entry."""
    if isinstance(item, Mapping):
        target = item.get("target")
        if target is None or (isinstance(target, Scalar) and target.is_null):
            return item, "the long syntax needs a 'target' port"
        if isinstance(target, Scalar) and "$" not in target.value and not _INT.fullmatch(target.value.strip()):
            return target, f"target '{target.value}' is not a port number"
        host_ip = item.get("host_ip")
        if isinstance(host_ip, Scalar) and host_ip.value and "$" not in host_ip.value and not _is_ip(host_ip.value):
            return host_ip, f"host_ip '{host_ip.value}' is not an IP address"
        return None
    if not isinstance(item, Scalar) or item.is_null or "$" in item.value:
        return None
    text = item.value
    if item.style == "" and re.fullmatch(r"[-+]?[0-9]*\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+", text):
        return item, f"{text} is not a valid port (a number with a fraction)"
    message = _short_port_problem(text)
    return (item, message) if message else None


def _is_ip(text: str) -> bool:
    bare = text[1:-1] if text.startswith("[") and text.endswith("]") else text
    try:
        ipaddress.ip_address(bare)
    except ValueError:
        return False
    return True


def _short_port_problem(text: str) -> str | None:
    spec, slash, protocol = text.partition("/")
    if slash and protocol and protocol.lower() not in PROTOCOLS:
        return f"'{protocol}' in '{text}' is not a protocol (tcp, udp or sctp)"
    parts = spec.split(":")
    container = parts[-1]
    host = parts[-2] if len(parts) >= 2 else ""
    address = ":".join(parts[:-2]) if len(parts) >= 3 else ""
    if address and not _is_ip(address):
        return f"'{address}' in '{text}' is not an IP address"
    container_range = _port_range(container)
    if container_range is None:
        return f"container port '{container}' in '{text}' is not a port (1-65535) or a range"
    if container_range[0] == 0:
        return f"'{text}' has no container port"
    if host:
        host_range = _port_range(host)
        if host_range is None:
            return f"host port '{host}' in '{text}' is not a port (0-65535) or a range"
        same_size = host_range[1] - host_range[0] == container_range[1] - container_range[0]
        if not same_size and container_range[0] != container_range[1]:
            return f"'{text}' maps host ports {host} onto container ports {container}, ranges of different sizes"
    return None


# ---------------------------------------------------------------------------------------------
# Volumes, short syntax

_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:[\\/]")


def volume_problem(item: Node) -> str | None:
    if not isinstance(item, Scalar) or item.is_null or "$" in item.value:
        return None
    text = item.value
    if _WINDOWS_DRIVE.match(text) or "\\" in text:
        return None  # Windows paths: Compose's rules for them are its own
    parts = text.split(":")
    if len(parts) > 3:
        return f"'{text}' has too many ':' (SOURCE:TARGET:MODE at most)"
    if len(parts) > 1 and (parts[0] == "" or parts[-1] == ""):
        return f"'{text}' has an empty part between its ':'"
    return None
