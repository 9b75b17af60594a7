"""Shared pieces of the runtime-security rules (capabilities, security profiles, users, filesystem,
ports) that judge Kubernetes security contexts and Compose services.

Kubernetes: where a finding about a *missing* setting goes (``anchor``), capability lists, the
Pod Security Standards sets, and the configured Kubernetes version (some PSS sets grew over
releases). Compose: the services of every merged project, and whether a value of the (already
interpolated) model can be judged.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from containerlint.checks.privilege._support import compose_services as compose_services
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence

if TYPE_CHECKING:
    from containerlint.compose_model import ComposeProject
    from containerlint.project import ProjectIndex
    from containerlint.registry import Context
    from containerlint.syntax.compose import SecurityOpt, Service
    from containerlint.syntax.kubernetes import Container, KubeObject

# The capabilities the Pod Security Standards baseline profile lets a container add (Docker's
# default set without NET_RAW).
PSS_BASELINE_CAPABILITIES = (
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
)
# seccompProfile.type / appArmorProfile.type values Pod Security admission accepts.
CONFINED_PROFILE_TYPES = frozenset({"RuntimeDefault", "Localhost"})

SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod"
SECCOMP_CONTAINER_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/"
APPARMOR_CONTAINER_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/"


def normalize_capability(text: str) -> str:
    """``cap_sys_admin`` -> ``SYS_ADMIN``: the spelling Docker and the container runtimes accept."""
    name = text.strip().upper()
    return name.removeprefix("CAP_")


@dataclass
class Capabilities:
    """A container's ``securityContext.capabilities`` (a mapping; null counts as unset)."""

    key: Node  # the ``capabilities`` key
    node: Mapping
    add: list[Scalar] = field(default_factory=list)
    drop: list[Scalar] = field(default_factory=list)
    add_key: Node | None = None
    drop_key: Node | None = None


def capabilities_of(container: Container) -> Capabilities | None:
    context = container.security_context
    pair = context.pair("capabilities") if context is not None else None
    if pair is None or not isinstance(pair.value, Mapping):
        return None
    caps = Capabilities(pair.key, pair.value)
    for name in ("add", "drop"):
        entry = pair.value.pair(name)
        if entry is None:
            continue
        values = _scalars(entry.value)
        if name == "add":
            caps.add, caps.add_key = values, entry.key
        else:
            caps.drop, caps.drop_key = values, entry.key
    return caps


def anchor(container: Container) -> Node:
    """Where a finding about a setting a container lacks goes: its ``securityContext`` key, else
    its ``name`` value, else its first key."""
    pair = container.node.pair("securityContext")
    if pair is not None:
        return pair.key
    if container.name_node is not None:
        return container.name_node
    return container.node.pairs[0].key if container.node.pairs else container.node


def setting_key(mapping: Mapping | None, key: str) -> Node | None:
    """The key node of ``key`` in ``mapping`` (to report on a setting whose value is a block)."""
    pair = mapping.pair(key) if mapping is not None else None
    return pair.key if pair is not None else None


def own_setting(container: Container, key: str) -> Node | None:
    """The container's own non-null ``securityContext`` value of ``key``."""
    context = container.security_context
    value = context.get(key) if context is not None else None
    return None if value is None or (isinstance(value, Scalar) and value.is_null) else value


def pod_setting(obj: KubeObject, key: str) -> Node | None:
    """The pod-level non-null ``securityContext`` value of ``key``."""
    context = obj.pod_security_context
    value = context.get(key) if context is not None else None
    return None if value is None or (isinstance(value, Scalar) and value.is_null) else value


def effective_setting(obj: KubeObject, container: Container, key: str) -> Node | None:
    """The container's own value of ``key``, else the pod's (null counts as unset at each level)."""
    own = own_setting(container, key)
    return own if own is not None else pod_setting(obj, key)


def profile_type(node: Node | None) -> Scalar | None:
    """The ``type`` of a seccompProfile / appArmorProfile mapping."""
    return node.get_scalar("type") if isinstance(node, Mapping) else None


def unconfined_profiles(obj: KubeObject, field: str) -> Iterator[tuple[Scalar, str]]:
    """The ``<field>.type`` values (``seccompProfile``, ``appArmorProfile``) that Pod Security admission
    does not accept as confined, the pod's first, then each container's own: (type value, what sets
    it, e.g. "deployment 'web' sets seccompProfile.type 'Unconfined' for its pod")."""
    pod_type = profile_type(pod_setting(obj, field))
    if pod_type is not None and pod_type.value not in CONFINED_PROFILE_TYPES:
        yield pod_type, f"{obj.describe()} sets {field}.type '{pod_type.value}' for its pod"
    for container in obj.containers:
        own = profile_type(own_setting(container, field))
        if own is not None and own.value not in CONFINED_PROFILE_TYPES:
            yield own, f"{container.label(obj)} sets {field}.type '{own.value}'"


def is_windows_pod(obj: KubeObject) -> bool:
    """``spec.os.name: windows``: Pod Security admission exempts such pods from the Linux-only
    restricted checks (capabilities, seccomp)."""
    os_node = obj.pod_spec.get_mapping("os") if obj.pod_spec is not None else None
    return os_node is not None and (os_node.get_str("name") or "").lower() == "windows"


def in_user_namespace(obj: KubeObject) -> bool:
    """``hostUsers: false``: the pod runs in its own user namespace (root inside is not root)."""
    node = obj.pod_spec.get_scalar("hostUsers") if obj.pod_spec is not None else None
    return node is not None and node.as_bool() is False


def kubernetes_version(ctx: Context) -> tuple[int, int] | None:
    """The Kubernetes version the run targets as (major, minor): ``[kubernetes] version``, else the
    schema store's default (so schema validation and these rules agree); None when unreadable."""
    from containerlint.config import settings_of
    from containerlint.kubeschema import DEFAULT_VERSION

    text = (settings_of(ctx.settings).kubernetes.version or DEFAULT_VERSION).strip().lstrip("vV")
    parts = text.split(".")
    if len(parts) < 2 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    return int(parts[0]), int(parts[1])


def version_at_least(ctx: Context, major: int, minor: int) -> bool:
    """Whether the targeted Kubernetes version is at least ``major.minor`` (unreadable: assume so)."""
    version = kubernetes_version(ctx)
    return version is None or version >= (major, minor)


# ---------------------------------------------------------------------------------------------
# Compose (``compose_services``, shared with the isolation rules, walks the merged projects'
# services for the active profiles)


def known(text: str) -> str | None:
    """A value of the merged model, or None when it cannot be judged: the loader has already
    interpolated the model, so a ``$`` left in a value is a variable the project does not set
    (or, rarely, a literal ``$$``), and no rule guesses what it would be."""
    return text if "$" not in text else None


def unconfined_security_opts(
    index: ProjectIndex, ctx: Context, key: str
) -> Iterator[tuple[ComposeProject, Service, SecurityOpt]]:
    """Every ``security_opt`` entry ``<key>:unconfined`` (``key`` is ``seccomp`` or ``apparmor``) of
    the services of the Compose projects, with its project and service."""
    for project, service in compose_services(index, ctx):
        for option in service.security_opt:
            value = known(option.value) if option.value is not None else None
            if option.key == key and value is not None and value.strip().lower() == "unconfined":
                yield project, service, option


def scalar_items(node: Node | None) -> list[Scalar]:
    return _scalars(node)


def _scalars(node: Node | None) -> list[Scalar]:
    if not isinstance(node, Sequence):
        return []
    return [item for item in node.items if isinstance(item, Scalar) and not item.is_null]


def pod_sysctls(obj: KubeObject) -> list[Scalar]:
    """The ``name`` values of the pod's ``securityContext.sysctls``."""
    sysctls = obj.pod_security_context.get("sysctls") if obj.pod_security_context is not None else None
    if not isinstance(sysctls, Sequence):
        return []
    names = [item.get_scalar("name") for item in sysctls.items if isinstance(item, Mapping)]
    return [name for name in names if name is not None]
