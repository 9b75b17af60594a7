"""Kubernetes schemas: the OpenAPI schemas of one Kubernetes version, CRD schemas, schema folders.

Where the schemas come from
---------------------------
The built-in kinds are validated against the strict JSON schemas that the ``kubernetes-validate``
package ships for many Kubernetes versions (``kubernetes-json-schema/v1.XX.0-local-strict``: one
``_definitions.json`` with every type, unknown fields forbidden). The version is the setting
``[kubernetes] version`` / ``--kubernetes-version``; without it, :data:`DEFAULT_VERSION`. Custom
resources are validated against the ``openAPIV3Schema`` of the CustomResourceDefinitions among the
linted manifests (see :class:`CrdIndex`), or against a JSON schema found in one of the folders of
``[kubernetes] schema-locations`` (kubeconform and CRDs-catalog file layouts, see
:class:`SchemaFolders`).

Cost
----
Nothing is read until the first object is validated: then the chosen version's definitions file
(1.3 MB, about 10 ms to parse) is read once, through a ``referencing`` registry that retrieves it on
demand, and a :class:`SchemaChecker` is built once per kind present. ``$ref`` lookups are memoised.
Validation walks the positioned YAML tree itself, so every error carries its node (the key of an
unknown field, the offending value, the mapping a required field is missing from) and its readable
path (``spec.template.spec.containers[0].imagePullPolicy``). The walker understands the keywords
Kubernetes schemas use (``type``, ``properties``, ``additionalProperties``, ``items``,
``required``, ``enum``, ``oneOf``/``anyOf``/``allOf``/``not``, string, number and size bounds) and
the structural-schema extensions of CRDs (``nullable``, ``x-kubernetes-preserve-unknown-fields``,
``x-kubernetes-int-or-string``, ``x-kubernetes-embedded-resource``). It does not evaluate
``format`` or CEL rules (``x-kubernetes-validations``).

YAML scalars become JSON values the way Kubernetes' YAML reader (YAML 1.1) reads them: plain
``80`` is an integer, ``"80"`` a string, plain ``true``/``yes``/``on`` a boolean, ``~`` null;
explicit tags (``!!str 80``) win.
"""

from __future__ import annotations

import difflib
import functools
import json
import math
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource, Unresolvable
from referencing.jsonschema import DRAFT202012

from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence
from containerlint.syntax.yamltree import effective_pairs

__all__ = [
    "DEFAULT_VERSION",
    "CrdIndex",
    "CrdVersion",
    "Removal",
    "SchemaChecker",
    "SchemaFolders",
    "SchemaIssue",
    "SchemaStore",
    "UnknownKubernetesVersion",
    "Verdict",
    "available_versions",
    "custom_verdicts",
    "removal_for",
    "resolve_version",
    "scalar_value",
    "store_for",
]

# The version checked against when none is configured: two minor releases behind the newest one
# kubernetes-validate 1.37 ships, which is what most maintained clusters run. Kept fixed (not
# "newest minus two") so that upgrading the schema package never changes results silently.
DEFAULT_VERSION = "1.35"

SCHEMA_PACKAGE = "kubernetes_validate"
SCHEMA_FOLDER = "kubernetes-json-schema"
DEFINITIONS_URI = "https://kubernetes.io/api/_definitions.json"
OBJECT_META_REF = DEFINITIONS_URI + "#/$defs/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
_VERSION_DIR = re.compile(r"^v(\d+)\.(\d+)\.\d+-local-strict$")


# Files with an apiVersion and kind that are not API objects: a kubeconfig (``kind: Config``),
# Kustomize's kustomization files.
NOT_API_OBJECTS = frozenset({("v1", "Config")})
NOT_API_GROUPS = frozenset({"kustomize.config.k8s.io"})


class UnknownKubernetesVersion(ValueError):
    """The schema package has no schemas for the requested version."""


# ---------------------------------------------------------------------------------------------
# Versions


def _schema_root() -> Any:
    return resources.files(SCHEMA_PACKAGE).joinpath(SCHEMA_FOLDER)


@functools.lru_cache(maxsize=1)
def _version_dirs() -> dict[str, str]:
    """``{"1.31": "v1.31.0-local-strict", ...}`` for every version the package ships."""
    found: dict[str, str] = {}
    try:
        entries = list(_schema_root().iterdir())
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        return {}
    for entry in entries:
        match = _VERSION_DIR.match(entry.name)
        if match:
            found[f"{match.group(1)}.{match.group(2)}"] = entry.name
    return found


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def available_versions() -> tuple[str, ...]:
    """The Kubernetes versions with schemas, oldest first (``("1.25", ..., "1.37")``)."""
    return tuple(sorted(_version_dirs(), key=_version_key))


def resolve_version(requested: str | None) -> str:
    """The version to validate against: ``requested`` ("1.31", "v1.31.2") or the default.

    Raises UnknownKubernetesVersion, with the available versions, when there are no schemas for it.
    """
    versions = available_versions()
    if not versions:
        raise UnknownKubernetesVersion("the kubernetes-validate package has no schemas (is it installed?)")
    if requested is None:
        if DEFAULT_VERSION in versions:
            return DEFAULT_VERSION
        return versions[max(0, len(versions) - 3)]
    text = requested.strip().removeprefix("v")
    wanted = ".".join(text.split(".")[:2])
    if wanted in versions:
        return wanted
    raise UnknownKubernetesVersion(
        f"no schemas for Kubernetes {requested} in the installed kubernetes-validate package; "
        f"available versions: {', '.join(versions)}"
    )


@functools.lru_cache(maxsize=8)
def store_for(version: str | None) -> SchemaStore:
    """The schema store of a version (None: the default), shared by every rule of the run."""
    return SchemaStore(resolve_version(version))


# ---------------------------------------------------------------------------------------------
# Removed API versions (https://kubernetes.io/docs/reference/using-api/deprecation-guide/)


@dataclass(frozen=True)
class Removal:
    api_version: str
    kinds: tuple[str, ...]
    removed_in: str
    replacement: str | None  # the apiVersion to use instead; None: the API is gone
    note: str = ""


# Written from the Kubernetes Deprecated API Migration Guide ("Removed APIs by release"). Only
# APIs that reached beta or GA: alpha versions are dropped without a deprecation period and are
# reported as kinds the chosen version does not know.
REMOVALS: tuple[Removal, ...] = (
    # v1.16
    Removal("extensions/v1beta1", ("NetworkPolicy",), "1.16", "networking.k8s.io/v1"),
    Removal("extensions/v1beta1", ("PodSecurityPolicy",), "1.16", "policy/v1beta1"),
    Removal("extensions/v1beta1", ("DaemonSet", "Deployment", "ReplicaSet"), "1.16", "apps/v1"),
    Removal("apps/v1beta1", ("Deployment", "StatefulSet", "ReplicaSet"), "1.16", "apps/v1"),
    Removal("apps/v1beta2", ("DaemonSet", "Deployment", "StatefulSet", "ReplicaSet"), "1.16", "apps/v1"),
    # v1.22
    Removal(
        "admissionregistration.k8s.io/v1beta1",
        ("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"),
        "1.22",
        "admissionregistration.k8s.io/v1",
    ),
    Removal("apiextensions.k8s.io/v1beta1", ("CustomResourceDefinition",), "1.22", "apiextensions.k8s.io/v1"),
    Removal("apiregistration.k8s.io/v1beta1", ("APIService",), "1.22", "apiregistration.k8s.io/v1"),
    Removal("authentication.k8s.io/v1beta1", ("TokenReview",), "1.22", "authentication.k8s.io/v1"),
    Removal(
        "authorization.k8s.io/v1beta1",
        ("LocalSubjectAccessReview", "SelfSubjectAccessReview", "SubjectAccessReview", "SelfSubjectRulesReview"),
        "1.22",
        "authorization.k8s.io/v1",
    ),
    Removal("certificates.k8s.io/v1beta1", ("CertificateSigningRequest",), "1.22", "certificates.k8s.io/v1"),
    Removal("coordination.k8s.io/v1beta1", ("Lease",), "1.22", "coordination.k8s.io/v1"),
    Removal("extensions/v1beta1", ("Ingress",), "1.22", "networking.k8s.io/v1"),
    Removal("networking.k8s.io/v1beta1", ("Ingress", "IngressClass"), "1.22", "networking.k8s.io/v1"),
    Removal(
        "rbac.authorization.k8s.io/v1beta1",
        ("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"),
        "1.22",
        "rbac.authorization.k8s.io/v1",
    ),
    Removal("scheduling.k8s.io/v1beta1", ("PriorityClass",), "1.22", "scheduling.k8s.io/v1"),
    Removal(
        "storage.k8s.io/v1beta1",
        ("CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"),
        "1.22",
        "storage.k8s.io/v1",
    ),
    # v1.25
    Removal("batch/v1beta1", ("CronJob",), "1.25", "batch/v1"),
    Removal("discovery.k8s.io/v1beta1", ("EndpointSlice",), "1.25", "discovery.k8s.io/v1"),
    Removal("events.k8s.io/v1beta1", ("Event",), "1.25", "events.k8s.io/v1"),
    Removal("autoscaling/v2beta1", ("HorizontalPodAutoscaler",), "1.25", "autoscaling/v2"),
    Removal("policy/v1beta1", ("PodDisruptionBudget",), "1.25", "policy/v1"),
    Removal(
        "policy/v1beta1",
        ("PodSecurityPolicy",),
        "1.25",
        None,
        "PodSecurityPolicy has no replacement; use Pod Security Admission (namespace labels)",
    ),
    Removal("node.k8s.io/v1beta1", ("RuntimeClass",), "1.25", "node.k8s.io/v1"),
    # v1.26
    Removal(
        "flowcontrol.apiserver.k8s.io/v1beta1",
        ("FlowSchema", "PriorityLevelConfiguration"),
        "1.26",
        "flowcontrol.apiserver.k8s.io/v1",
    ),
    Removal("autoscaling/v2beta2", ("HorizontalPodAutoscaler",), "1.26", "autoscaling/v2"),
    # v1.27
    Removal("storage.k8s.io/v1beta1", ("CSIStorageCapacity",), "1.27", "storage.k8s.io/v1"),
    # v1.29
    Removal(
        "flowcontrol.apiserver.k8s.io/v1beta2",
        ("FlowSchema", "PriorityLevelConfiguration"),
        "1.29",
        "flowcontrol.apiserver.k8s.io/v1",
    ),
    # v1.32
    Removal(
        "flowcontrol.apiserver.k8s.io/v1beta3",
        ("FlowSchema", "PriorityLevelConfiguration"),
        "1.32",
        "flowcontrol.apiserver.k8s.io/v1",
    ),
)
_REMOVALS_BY_KEY: dict[tuple[str, str], Removal] = {
    (removal.api_version, kind): removal for removal in REMOVALS for kind in removal.kinds
}


def removal_for(api_version: str, kind: str, version: str) -> Removal | None:
    """The removal of ``api_version`` ``kind`` if it happened in or before ``version``."""
    removal = _REMOVALS_BY_KEY.get((api_version, kind))
    if removal is None or _version_key(removal.removed_in) > _version_key(version):
        return None
    return removal


def removed_groups() -> frozenset[str]:
    return frozenset(_group_of(removal.api_version) for removal in REMOVALS)


# ---------------------------------------------------------------------------------------------
# YAML -> JSON values


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})
_FALSE = frozenset({"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})
_KEYWORDS = _NULLS | _TRUE | _FALSE
_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*|0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+)")
_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOATS = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
_TAG = "tag:yaml.org,2002:"


def scalar_value(node: Scalar) -> Any:
    """The JSON value Kubernetes reads from a scalar (YAML 1.1 rules, explicit tags first)."""
    text = node.value
    if not node.tag:
        # The common cases first: quoted text, and plain words that cannot be anything else.
        if node.style:
            return text
        if text and text[0] not in _NUMBER_START and text not in _KEYWORDS:
            return text
    tag = node.tag[len(_TAG) :] if node.tag.startswith(_TAG) else ""
    if tag in ("str", "binary", "timestamp"):
        return text
    if node.style and not tag:
        return text
    if tag == "null" or (not tag and text in _NULLS):
        return None
    if tag in ("", "bool"):
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    if tag in ("", "int") and _INT.fullmatch(text):
        return _parse_int(text)
    if tag in ("", "float", "int"):
        number = _parse_float(text)
        if number is not None:
            return number
    return text


def _parse_int(text: str) -> int | str:
    clean = text.replace("_", "")
    sign = -1 if clean.startswith("-") else 1
    digits = clean.lstrip("+-")
    try:
        if digits.startswith(("0b", "0x", "0o")):
            return sign * int(digits, 0)
        if len(digits) > 1 and digits.startswith("0"):
            return sign * int(digits, 8)
        return sign * int(digits)
    except ValueError:
        return text


def _parse_float(text: str) -> float | None:
    low = text.lower()
    if low in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[low]
    if not any(ch.isdigit() for ch in text) or not _FLOAT.fullmatch(text):
        return None
    try:
        return float(text.replace("_", ""))
    except ValueError:
        return None


def to_data(node: Node | None) -> Any:
    """A node as plain JSON data (mappings keep their effective pairs; keys are their text)."""
    if isinstance(node, Scalar):
        return scalar_value(node)
    if isinstance(node, Mapping):
        return {key: to_data(pair.value) for key, pair in effective_pairs(node).items()}
    if isinstance(node, Sequence):
        return [to_data(item) for item in node.items]
    return None


# ---------------------------------------------------------------------------------------------
# Validation


@dataclass(frozen=True)
class SchemaIssue:
    """One schema violation: the node to report at, the readable path, what is wrong."""

    node: Node
    path: str
    message: str
    hint: str | None = None


# How messages name JSON types.
_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "null": "null",
}
_TYPE_ONLY_KEYS = frozenset({"type", "description", "format", "nullable", "title"})
_MAX_ENUM_SHOWN = 12


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    return "array"


def _path_text(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$-]*", part):
            text += f".{part}" if text else part
        else:
            text += f"[{json.dumps(part)}]"
    return text


def _shown(value: Any, secret: bool) -> str:
    """A value for a message: short, and masked where it may be a secret."""
    from containerlint.secrets import mask

    if isinstance(value, str):
        text = mask(value) if secret else value
        if len(text) > 40:
            text = text[:37] + "..."
        return json.dumps(text)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return mask(str(value)) if secret else str(value)
    return ""


def _describe_value(value: Any, secret: bool) -> str:
    actual = _json_type(value)
    shown = _shown(value, secret)
    name = _TYPE_NAMES[actual]
    return f"{name} ({shown})" if shown and actual != "null" else name


class _Resolver:
    """``$ref`` lookups through a ``referencing`` registry, memoised by (base URI, reference)."""

    def __init__(self, registry: Registry[Any]) -> None:
        self.registry = registry
        self._cache: dict[tuple[str, str], tuple[Any, str]] = {}

    def lookup(self, base: str, ref: str) -> tuple[Any, str]:
        key = (base, ref)
        found = self._cache.get(key)
        if found is None:
            resolved = self.registry.resolver(base_uri=base).lookup(ref)
            target = urldefrag(urljoin(base, ref)).url or base
            found = self._cache[key] = (resolved.contents, target)
        return found


@dataclass
class _Walk:
    """The state of one validation: where errors go and how values are shown."""

    issues: list[SchemaIssue] = field(default_factory=list)
    secret: bool = False


class SchemaChecker:
    """Validates positioned YAML against one JSON schema. Built once per kind and reused.

    ``openapi=True`` selects CRD (structural schema) semantics: unknown fields are errors unless
    ``x-kubernetes-preserve-unknown-fields`` says otherwise, and null values are accepted (the
    API server prunes nulls of fields that are not ``nullable``). Otherwise JSON Schema
    semantics apply (the built-in schemas spell out ``additionalProperties: false``).
    """

    def __init__(
        self,
        schema: Any,
        base_uri: str,
        resolver: _Resolver,
        openapi: bool = False,
        root_extra: dict[str, Any] | None = None,
    ) -> None:
        self.schema = schema
        self.base_uri = base_uri
        self.resolver = resolver
        self.openapi = openapi
        # Properties every object of this kind may have besides the schema's (a custom
        # resource's apiVersion, kind and metadata).
        self.root_extra = root_extra or {}
        self._compiled: dict[tuple[int, str], _Compiled] = {}

    def validate(self, root: Mapping, anchor: Node | None = None, secret: bool = False) -> list[SchemaIssue]:
        """Every violation in ``root``, in document order. ``anchor`` is where a field missing
        at the top level is reported (the object's ``kind``)."""
        walk = _Walk(secret=secret)
        try:
            self._node(walk, root, self._compile(self.schema, self.base_uri), (), anchor or root, self.root_extra)
        except RecursionError:  # a document nested deeper than any real one (the parser caps it at 256)
            walk.issues.append(SchemaIssue(anchor or root, "", "the object is nested too deeply to be validated"))
        walk.issues.sort(key=lambda issue: (issue.node.span.start, issue.message))
        return walk.issues

    # --- compiled schemas --------------------------------------------------------------------

    def _compile(self, schema: Any, base: str) -> _Compiled:
        """The facts about a schema the walk needs, worked out once per schema (and base URI)."""
        key = (id(schema), base)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = _Compiled(schema, base, self)
        return compiled

    def _types_of(self, schema: dict[str, Any]) -> frozenset[str] | None:
        """The JSON types a schema accepts, None for any."""
        if schema.get("x-kubernetes-int-or-string") is True:
            return frozenset({"integer", "string"})
        declared = schema.get("type")
        types: list[str] | None = None
        if isinstance(declared, str):
            types = [declared]
        elif isinstance(declared, list):
            types = [t for t in declared if isinstance(t, str)]
        if types is None:
            # oneOf/anyOf of bare types (IntOrString, Quantity): a union of types.
            for keyword in ("oneOf", "anyOf"):
                branches = schema.get(keyword)
                if isinstance(branches, list) and branches and all(_type_only(b) for b in branches):
                    types = [t for branch in branches for t in (self._types_of(branch) or ())]
        if types is not None and schema.get("nullable") is True:
            types = [*types, "null"]
        return None if types is None else frozenset(types)

    # --- the walk --------------------------------------------------------------------------

    def _node(
        self,
        walk: _Walk,
        node: Node,
        compiled: _Compiled,
        path: tuple[str | int, ...],
        anchor: Node,
        extra: dict[str, Any] | None = None,
    ) -> None:
        if compiled.schema is False:
            walk.issues.append(SchemaIssue(node, _path_text(path), f"{_path_text(path)} is not allowed"))
            return
        if compiled.ref is not None:
            target = compiled.target()
            if target is not None:
                self._node(walk, node, target, path, anchor, extra)
        if compiled.passive:
            return
        value: Any = None
        if isinstance(node, Scalar):
            value = scalar_value(node)
            actual = _json_type(value)
        elif isinstance(node, Mapping):
            actual = "object"
        elif isinstance(node, Sequence):
            actual = "array"
        else:
            return
        if actual == "null" and self.openapi:
            return  # pruned by the API server unless nullable; null is fine either way
        types = compiled.types
        if types is not None and actual not in types and not _is_type_in(value, actual, types):
            self._type_error(walk, node, types, value, actual, path)
            return
        if compiled.scalar_checks and isinstance(node, Scalar):
            self._scalar(walk, node, compiled.schema, value, path)
        elif actual == "object":
            self._object(walk, node, compiled, path, anchor, extra)  # type: ignore[arg-type]
        elif actual == "array":
            self._array(walk, node, compiled, path)  # type: ignore[arg-type]
        if compiled.combinators:
            self._combinators(walk, node, compiled, path, anchor, extra)

    def _type_error(
        self, walk: _Walk, node: Node, types: frozenset[str], value: Any, actual: str, path: tuple[str | int, ...]
    ) -> None:
        ordered = [t for t in _TYPE_ORDER if t in types]
        wanted_names = list(dict.fromkeys(_TYPE_NAMES.get(t, t) for t in ordered if t != "null"))
        expected = " or ".join(wanted_names) or "null"
        where = _path_text(path) or "the object"
        secret = _secret(walk, path)
        given = _describe_value(value, secret) if isinstance(node, Scalar) else _TYPE_NAMES[actual]
        message = f"{where} must be {expected}, not {given}"
        walk.issues.append(SchemaIssue(node, where, message, _type_hint(node, ordered, actual, secret)))

    def _scalar(
        self, walk: _Walk, node: Scalar, schema: dict[str, Any], value: Any, path: tuple[str | int, ...]
    ) -> None:
        if "enum" in schema and isinstance(schema["enum"], list):
            self._enum(walk, node, schema["enum"], value, path)
        if "const" in schema and not _same(value, schema["const"]):
            where = _path_text(path)
            walk.issues.append(SchemaIssue(node, where, f"{where} must be {_shown(schema['const'], False)}"))
        self._scalar_bounds(walk, node, schema, value, path)

    def _enum(self, walk: _Walk, node: Scalar, choices: list[Any], value: Any, path: tuple[str | int, ...]) -> None:
        if any(_same(value, choice) for choice in choices):
            return
        if value is None and None not in choices and not self.openapi:
            # JSON Schema would reject null here, but every optional enum field also takes null.
            return
        shown = ", ".join(_shown(c, False) for c in choices[:_MAX_ENUM_SHOWN])
        if len(choices) > _MAX_ENUM_SHOWN:
            shown += ", ..."
        where = _path_text(path)
        close = [c for c in choices if isinstance(c, str) and isinstance(value, str) and c.lower() == value.lower()]
        if not close and isinstance(value, str):
            strings = [c for c in choices if isinstance(c, str)]
            close = difflib.get_close_matches(value, strings, n=1, cutoff=0.6)
        suffix = f" (did you mean {_shown(close[0], False)}?)" if close else ""
        message = f"{where} must be one of {shown}, not {_shown(value, _secret(walk, path))}{suffix}"
        walk.issues.append(SchemaIssue(node, where, message))

    def _object(
        self,
        walk: _Walk,
        node: Mapping,
        compiled: _Compiled,
        path: tuple[str | int, ...],
        anchor: Node,
        extra: dict[str, Any] | None,
    ) -> None:
        properties = compiled.properties
        if compiled.embedded:
            extra = {**_EMBEDDED_RESOURCE, **(extra or {})}
        if extra:
            # Kubernetes validates these itself (metadata as ObjectMeta), whatever the schema says.
            properties = {**properties, **extra}
        patterns = compiled.patterns
        additional = compiled.additional
        base = compiled.base
        children = compiled.children if not extra else {}
        pairs = effective_pairs(node)
        for key, pair in pairs.items():
            child = children.get(key)
            if child is None:
                sub = properties.get(key, _ABSENT)
                if sub is not _ABSENT:
                    child = children[key] = self._compile(sub, base)
            if child is not None:
                self._node(walk, pair.value, child, (*path, key), pair.key)
                continue
            matched = False
            for pattern, pattern_schema in patterns.items():
                if _search(pattern, key):
                    matched = True
                    self._node(walk, pair.value, self._compile(pattern_schema, base), (*path, key), pair.key)
            if matched:
                continue
            if additional is False:
                self._unknown(walk, pair.key, key, properties, (*path, key))
            elif isinstance(additional, dict):
                self._node(walk, pair.value, self._compile(additional, base), (*path, key), pair.key)
        if compiled.required:
            missing = [name for name in compiled.required if name not in pairs]
            if missing:
                self._missing(walk, node, missing, path, anchor)
        if compiled.size_checks:
            self._size(walk, compiled.schema, len(pairs), path, anchor)

    def _size(self, walk: _Walk, schema: dict[str, Any], count: int, path: tuple[str | int, ...], anchor: Node) -> None:
        where = _path_text(path) or "the object"
        if isinstance(schema.get("minProperties"), int) and count < schema["minProperties"]:
            walk.issues.append(
                SchemaIssue(anchor, where, f"{where} needs at least {schema['minProperties']} entries, has {count}")
            )
        if isinstance(schema.get("maxProperties"), int) and count > schema["maxProperties"]:
            walk.issues.append(
                SchemaIssue(anchor, where, f"{where} takes at most {schema['maxProperties']} entries, has {count}")
            )

    def _unknown(
        self, walk: _Walk, key_node: Node, key: str, properties: dict[str, Any], path: tuple[str | int, ...]
    ) -> None:
        where = _path_text(path)
        close = difflib.get_close_matches(key, list(properties), n=1, cutoff=0.6)
        if not close:
            close = [name for name in properties if name.lower() == key.lower()]
        suffix = f" (did you mean '{close[0]}'?)" if close else ""
        parent = _path_text(path[:-1]) or "the object"
        hint = "remove it or fix its name: the API server rejects unknown fields (strict field validation)"
        if properties and not close:
            known = sorted(properties)
            listed = ", ".join(known[:15]) + (", ..." if len(known) > 15 else "")
            hint = f"{parent} takes: {listed}"
        walk.issues.append(SchemaIssue(key_node, where, f"unknown field {where}{suffix}", hint))

    def _missing(
        self, walk: _Walk, node: Mapping, missing: list[str], path: tuple[str | int, ...], anchor: Node
    ) -> None:
        where = _path_text(path) or "the object"
        target = anchor
        if anchor is node:
            # A list item has no key: report at its first key (the item's first line).
            first = node.pairs[0].key if node.pairs else None
            target = first if first is not None else node
        fields = ", ".join(f"'{name}'" for name in missing)
        noun = "field" if len(missing) == 1 else "fields"
        walk.issues.append(
            SchemaIssue(target, where, f"{where} is missing the required {noun} {fields}", f"add {fields}")
        )

    def _array(self, walk: _Walk, node: Sequence, compiled: _Compiled, path: tuple[str | int, ...]) -> None:
        items = compiled.items
        if items is not None:
            target = self._compile(items, compiled.base)
            for index, item in enumerate(node.items):
                self._node(walk, item, target, (*path, index), item)
        if not compiled.size_checks:
            return
        schema = compiled.schema
        where = _path_text(path)
        count = len(node.items)
        if isinstance(schema.get("minItems"), int) and count < schema["minItems"]:
            walk.issues.append(
                SchemaIssue(node, where, f"{where} needs at least {schema['minItems']} items, has {count}")
            )
        if isinstance(schema.get("maxItems"), int) and count > schema["maxItems"]:
            walk.issues.append(
                SchemaIssue(node, where, f"{where} takes at most {schema['maxItems']} items, has {count}")
            )
        if schema.get("uniqueItems") is True:
            seen: list[Any] = []
            for index, item in enumerate(node.items):
                data = to_data(item)
                if data in seen:
                    walk.issues.append(
                        SchemaIssue(item, f"{where}[{index}]", f"{where}[{index}] repeats an earlier item")
                    )
                else:
                    seen.append(data)

    def _scalar_bounds(
        self, walk: _Walk, node: Scalar, schema: dict[str, Any], value: Any, path: tuple[str | int, ...]
    ) -> None:
        problems: list[str] = []
        if isinstance(value, str):
            if isinstance(schema.get("pattern"), str) and not _search(schema["pattern"], value):
                problems.append(f"must match the pattern {schema['pattern']!r}")
            if isinstance(schema.get("minLength"), int) and len(value) < schema["minLength"]:
                problems.append(f"must be at least {schema['minLength']} characters long")
            if isinstance(schema.get("maxLength"), int) and len(value) > schema["maxLength"]:
                problems.append(f"must be at most {schema['maxLength']} characters long")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            problems.extend(_number_problems(schema, value))
        for problem in problems:
            where = _path_text(path)
            walk.issues.append(SchemaIssue(node, where, f"{where} {problem}, not {_shown(value, _secret(walk, path))}"))

    def _combinators(
        self,
        walk: _Walk,
        node: Node,
        compiled: _Compiled,
        path: tuple[str | int, ...],
        anchor: Node,
        extra: dict[str, Any] | None,
    ) -> None:
        schema, base = compiled.schema, compiled.base
        where = _path_text(path) or "the object"
        for branch in schema.get("allOf") or ():
            self._node(walk, node, self._compile(branch, base), path, anchor, extra)
        for keyword in ("anyOf", "oneOf"):
            branches = schema.get(keyword)
            if not isinstance(branches, list) or not branches or all(_type_only(b) for b in branches):
                continue  # bare types were checked as a union
            outcomes: list[list[SchemaIssue]] = [
                self._probe(walk, node, self._compile(branch, base), path, anchor, extra) for branch in branches
            ]
            passing = sum(1 for issues in outcomes if not issues)
            if passing == 1 or (passing > 1 and keyword == "anyOf"):
                continue
            if passing > 1:
                walk.issues.append(SchemaIssue(anchor, where, f"{where} matches more than one of its alternatives"))
                continue
            alternatives = _required_alternatives(branches)
            if alternatives:
                choice = " or ".join(alternatives)
                walk.issues.append(SchemaIssue(anchor, where, f"{where} must set {choice}"))
                continue
            best: list[SchemaIssue] = min(outcomes, key=len)
            walk.issues.extend(best)
        negated = schema.get("not")
        if isinstance(negated, dict) and not self._probe(walk, node, self._compile(negated, base), path, anchor, extra):
            walk.issues.append(SchemaIssue(anchor, where, f"{where} matches a form that is not allowed"))

    def _probe(
        self,
        walk: _Walk,
        node: Node,
        compiled: _Compiled,
        path: tuple[str | int, ...],
        anchor: Node,
        extra: dict[str, Any] | None,
    ) -> list[SchemaIssue]:
        trial = _Walk(secret=walk.secret)
        self._node(trial, node, compiled, path, anchor, extra)
        return trial.issues


_ABSENT = object()
_TYPE_ORDER = ("integer", "number", "string", "boolean", "object", "array", "null")
_SCALAR_KEYWORDS = frozenset(
    {
        "enum",
        "const",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
    }
)
_SIZE_KEYWORDS = frozenset({"minProperties", "maxProperties", "minItems", "maxItems", "uniqueItems"})


def _is_type_in(value: Any, actual: str, types: frozenset[str]) -> bool:
    """JSON Schema's number/integer overlap: an integer is a number, 2.0 is an integer."""
    if actual == "integer":
        return "number" in types
    return actual == "number" and "integer" in types and float(value).is_integer()


class _Compiled:
    """What the walk needs to know about one schema, worked out once."""

    __slots__ = (
        "_target",
        "additional",
        "base",
        "checker",
        "children",
        "combinators",
        "embedded",
        "items",
        "passive",
        "patterns",
        "properties",
        "ref",
        "required",
        "scalar_checks",
        "schema",
        "size_checks",
        "types",
    )

    def __init__(self, schema: Any, base: str, checker: SchemaChecker) -> None:
        self.schema = schema
        self.base = base
        self.checker = checker
        self.ref: str | None = None
        self._target: _Compiled | bool | None = False  # False: not looked up yet
        self.passive = True  # nothing to check besides the reference
        self.types: frozenset[str] | None = None
        self.properties: dict[str, Any] = {}
        self.patterns: dict[str, Any] = {}
        self.additional: Any = None
        self.required: tuple[str, ...] = ()
        self.items: Any = None
        self.embedded = self.scalar_checks = self.size_checks = self.combinators = False
        self.children: dict[str, _Compiled] = {}  # compiled property schemas, filled as met
        if not isinstance(schema, dict):
            self.passive = schema is not False
            return
        ref = schema.get("$ref")
        if isinstance(ref, str):
            self.ref = ref
            self.passive = all(key in _TYPE_ONLY_KEYS or key == "$ref" for key in schema)
        else:
            self.passive = False
        self.types = checker._types_of(schema)
        declared = schema.get("properties")
        self.properties = declared if isinstance(declared, dict) else {}
        patterns = schema.get("patternProperties")
        self.patterns = patterns if isinstance(patterns, dict) else {}
        additional = schema.get("additionalProperties")
        if additional is None and checker.openapi:
            # Structural schemas: fields the schema does not declare are pruned, and rejected
            # under strict field validation, unless the object preserves unknown fields.
            preserve = schema.get("x-kubernetes-preserve-unknown-fields") is True
            additional = preserve or not (schema.get("type") == "object" or "properties" in schema)
        self.additional = additional
        required = schema.get("required")
        if isinstance(required, list):
            self.required = tuple(name for name in required if isinstance(name, str))
        items = schema.get("items")
        self.items = items if isinstance(items, (dict, bool)) else None
        self.embedded = schema.get("x-kubernetes-embedded-resource") is True
        self.scalar_checks = not _SCALAR_KEYWORDS.isdisjoint(schema)
        self.size_checks = not _SIZE_KEYWORDS.isdisjoint(schema)
        self.combinators = (
            "allOf" in schema
            or "not" in schema
            or any(
                isinstance(schema.get(keyword), list) and not all(_type_only(b) for b in schema[keyword])
                for keyword in ("anyOf", "oneOf")
            )
        )

    def target(self) -> _Compiled | None:
        """The compiled schema ``$ref`` points at; None when it cannot be resolved."""
        if self._target is False:
            assert self.ref is not None
            try:
                contents, base = self.checker.resolver.lookup(self.base, self.ref)
            except (Unresolvable, NoSuchResource, ValueError):
                self._target = None
            else:
                self._target = self.checker._compile(contents, base)
        return self._target  # type: ignore[return-value]


_EMBEDDED_RESOURCE: dict[str, Any] = {
    "apiVersion": {"type": "string"},
    "kind": {"type": "string"},
    "metadata": {"$ref": OBJECT_META_REF},
}


def _secret(walk: _Walk, path: tuple[str | int, ...]) -> bool:
    """Values of a Secret, and env values anywhere, are masked in messages."""
    return walk.secret or "env" in path


def _same(a: Any, b: Any) -> bool:
    """JSON equality: ``1`` and ``true`` differ (they are equal in Python)."""
    return bool(a == b) and isinstance(a, bool) == isinstance(b, bool)


def _type_only(schema: Any) -> bool:
    return isinstance(schema, dict) and "type" in schema and set(schema) <= _TYPE_ONLY_KEYS


def _required_alternatives(branches: list[Any]) -> list[str]:
    """``oneOf: [{required: [a]}, {required: [b]}]`` as ["'a'", "'b'"]; [] for other shapes."""
    names = []
    for branch in branches:
        if not isinstance(branch, dict) or set(branch) != {"required"} or not isinstance(branch["required"], list):
            return []
        names.append(" and ".join(f"'{name}'" for name in branch["required"]))
    return names


def _number_problems(schema: dict[str, Any], value: float) -> list[str]:
    problems = []
    minimum, maximum = schema.get("minimum"), schema.get("maximum")
    exclusive_min, exclusive_max = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    if isinstance(exclusive_min, (int, float)) and not isinstance(exclusive_min, bool) and value <= exclusive_min:
        problems.append(f"must be greater than {exclusive_min}")
    if isinstance(minimum, (int, float)) and not isinstance(minimum, bool):
        if exclusive_min is True and value <= minimum:
            problems.append(f"must be greater than {minimum}")
        elif value < minimum:
            problems.append(f"must be at least {minimum}")
    if isinstance(exclusive_max, (int, float)) and not isinstance(exclusive_max, bool) and value >= exclusive_max:
        problems.append(f"must be less than {exclusive_max}")
    if isinstance(maximum, (int, float)) and not isinstance(maximum, bool):
        if exclusive_max is True and value >= maximum:
            problems.append(f"must be less than {maximum}")
        elif value > maximum:
            problems.append(f"must be at most {maximum}")
    step = schema.get("multipleOf")
    if isinstance(step, (int, float)) and not isinstance(step, bool) and step > 0:
        quotient = value / step
        if not math.isclose(quotient, round(quotient)):
            problems.append(f"must be a multiple of {step}")
    return problems


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:
        return None  # a pattern Python cannot read (RE2-only syntax) is not enforced


def _search(pattern: str, text: str) -> bool:
    compiled = _compiled(pattern)
    return compiled is None or compiled.search(text) is not None


def _type_hint(node: Node, types: list[str], actual: str, secret: bool) -> str | None:
    if not isinstance(node, Scalar):
        return None
    if "string" in types and actual in ("integer", "number", "boolean") and not node.style:
        advice = "quote the value" if secret else f'quote it ("{node.value}")'
        return f"{advice}: Kubernetes does not turn numbers or booleans into strings"
    if node.style and any(t in ("integer", "number", "boolean") for t in types):
        return "remove the quotes: a quoted value is a string"
    return None


# ---------------------------------------------------------------------------------------------
# The built-in schemas of one version


def _group_of(api_version: str) -> str:
    group, slash, _ = api_version.rpartition("/")
    return group if slash else ""


class SchemaStore:
    """The built-in schemas of one Kubernetes version; everything is read on first use."""

    def __init__(self, version: str) -> None:
        self.version = version
        self.folder = _version_dirs()[version]
        self._checkers: dict[tuple[str, str], SchemaChecker | None] = {}
        self.resolver = _Resolver(Registry(retrieve=self._retrieve))  # type: ignore[call-arg]

    # --- loading ---------------------------------------------------------------------------

    def _retrieve(self, uri: str) -> Resource[Any]:
        if uri == DEFINITIONS_URI:
            return Resource.from_contents(self.definitions, default_specification=DRAFT202012)
        return _retrieve_file(uri)

    @functools.cached_property
    def definitions(self) -> dict[str, Any]:
        path = _schema_root().joinpath(self.folder).joinpath("_definitions.json")
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    @functools.cached_property
    def _gvk_index(self) -> dict[tuple[str, str], str]:
        """(apiVersion, kind) -> definition name, for every kind of this version."""
        index: dict[tuple[str, str], str] = {}
        for name, schema in self.definitions.get("$defs", {}).items():
            if not isinstance(schema, dict):
                continue
            for gvk in schema.get("x-kubernetes-group-version-kind") or ():
                group, version, kind = gvk.get("group", ""), gvk.get("version", ""), gvk.get("kind", "")
                api_version = f"{group}/{version}" if group else version
                # Meta types (DeleteOptions, WatchEvent) are listed under every group; the
                # type of the group's own package wins.
                if (api_version, kind) not in index or name.startswith(f"io.k8s.api.{group.split('.')[0]}"):
                    index[(api_version, kind)] = name
        return index

    @functools.cached_property
    def groups(self) -> frozenset[str]:
        """Every API group of this version, plus the groups of removed APIs."""
        return frozenset(_group_of(api_version) for api_version, _ in self._gvk_index) | removed_groups()

    # --- lookups ---------------------------------------------------------------------------

    def knows(self, api_version: str, kind: str) -> bool:
        return (api_version, kind) in self._gvk_index

    def is_builtin_group(self, api_version: str) -> bool:
        return _group_of(api_version) in self.groups

    def checker(self, api_version: str, kind: str) -> SchemaChecker | None:
        key = (api_version, kind)
        if key not in self._checkers:
            name = self._gvk_index.get(key)
            self._checkers[key] = (
                None if name is None else SchemaChecker(self.definitions["$defs"][name], DEFINITIONS_URI, self.resolver)
            )
        return self._checkers[key]

    def versions_of(self, kind: str) -> list[str]:
        """The apiVersions this version serves ``kind`` under."""
        return sorted(api for api, known in self._gvk_index if known == kind and not kind.endswith("List"))

    def kinds_of(self, api_version: str) -> list[str]:
        return sorted(kind for api, kind in self._gvk_index if api == api_version)

    def describe_unknown(self, api_version: str, kind: str) -> str:
        """Why a built-in group's apiVersion/kind has no schema, with what would work."""
        served = self.versions_of(kind)
        if served:
            return f"Kubernetes {self.version} serves {kind} as {', '.join(served)}, not {api_version}"
        kinds = self.kinds_of(api_version)
        close = difflib.get_close_matches(kind, kinds, n=1, cutoff=0.6)
        if close:
            return f"Kubernetes {self.version} has no kind {kind} in {api_version} (did you mean {close[0]}?)"
        later = [v for v in available_versions() if _version_key(v) > _version_key(self.version)]
        for version in later:
            if store_for(version).knows(api_version, kind):
                return f"{api_version} {kind} is not served by Kubernetes {self.version} (it is from {version})"
        return f"Kubernetes {self.version} has no {api_version} {kind}"


def _retrieve_file(uri: str) -> Resource[Any]:
    """Schema files of the configured folders, by ``file://`` URI (read once)."""
    if not uri.startswith("file://"):
        raise NoSuchResource(ref=uri)  # type: ignore[call-arg]
    data = _read_json(uri[len("file://") :])
    if data is None:
        raise NoSuchResource(ref=uri)  # type: ignore[call-arg]
    return Resource.from_contents(data, default_specification=DRAFT202012)


@functools.lru_cache(maxsize=512)
def _read_json(path: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# Custom resources: CRDs among the manifests, schema folders


@dataclass
class CrdVersion:
    """One served version of a CustomResourceDefinition."""

    crd: Any  # the KubeObject of the CRD
    path: str  # the CRD's file
    group: str
    kind: str
    version: str
    served: bool
    schema: Mapping | None  # openAPIV3Schema (None: no schema, anything goes)


class CrdIndex:
    """Every CustomResourceDefinition of the linted manifests, by (group, kind)."""

    def __init__(self) -> None:
        self.by_kind: dict[tuple[str, str], list[CrdVersion]] = {}
        self._checkers: dict[int, SchemaChecker] = {}

    def add(self, crd: Any, path: str) -> None:
        spec = crd.spec
        if spec is None:
            return
        group = spec.get_str("group") or ""
        names = spec.get_mapping("names")
        kind = names.get_str("kind") if names else None
        if not group or not kind:
            return
        shared = _schema_of(spec.get_mapping("validation"))  # apiextensions.k8s.io/v1beta1
        versions = spec.get_sequence("versions")
        entries = []
        for item in versions.items if versions else ():
            if not isinstance(item, Mapping) or not item.get_str("name"):
                continue
            served = item.get_scalar("served")
            own = _schema_of(item.get_mapping("schema"))
            entries.append(
                CrdVersion(
                    crd,
                    path,
                    group,
                    kind,
                    item.get_str("name") or "",
                    served is None or scalar_value(served) is not False,
                    own if own is not None else shared,
                )
            )
        single = spec.get_str("version")  # v1beta1's single version
        if single and not any(entry.version == single for entry in entries):
            entries.append(CrdVersion(crd, path, group, kind, single, True, shared))
        self.by_kind.setdefault((group, kind), []).extend(entries)

    def versions(self, group: str, kind: str) -> list[CrdVersion]:
        return self.by_kind.get((group, kind), [])

    def checker(self, entry: CrdVersion, store: SchemaStore) -> SchemaChecker:
        key = id(entry)
        if key not in self._checkers:
            schema = to_data(entry.schema) if entry.schema is not None else {}
            if not isinstance(schema, dict):
                schema = {}
            if entry.schema is None:
                schema = {"type": "object", "x-kubernetes-preserve-unknown-fields": True}
            root_extra = _EMBEDDED_RESOURCE
            base = f"urn:containerlint:crd:{entry.group}:{entry.kind}:{entry.version}"
            self._checkers[key] = SchemaChecker(schema, base, store.resolver, openapi=True, root_extra=root_extra)
        return self._checkers[key]


def _schema_of(validation: Mapping | None) -> Mapping | None:
    return validation.get_mapping("openAPIV3Schema") if validation is not None else None


class SchemaFolders:
    """JSON schemas of custom resources in configured folders, kubeconform / CRDs-catalog layout.

    For ``monitoring.coreos.com/v1`` ``ServiceMonitor`` a folder may hold, first match wins:
    ``monitoring.coreos.com/servicemonitor_v1.json`` (CRDs-catalog), ``servicemonitor_v1.json``
    (openapi2jsonschema), ``servicemonitor-monitoring-v1.json`` (kubeconform's
    ``{kind}-{group prefix}-{version}``) or ``servicemonitor-monitoring.coreos.com-v1.json``.
    """

    def __init__(self, folders: list[Path], store: SchemaStore) -> None:
        self.folders = [folder for folder in folders if folder.is_dir()]
        self.store = store
        self._checkers: dict[tuple[str, str], tuple[SchemaChecker, Path] | None] = {}

    def lookup(self, api_version: str, kind: str) -> tuple[SchemaChecker, Path] | None:
        key = (api_version, kind)
        if key not in self._checkers:
            self._checkers[key] = self._find(api_version, kind)
        return self._checkers[key]

    def _find(self, api_version: str, kind: str) -> tuple[SchemaChecker, Path] | None:
        group = _group_of(api_version)
        version = api_version.rpartition("/")[2]
        low = kind.lower()
        names = [f"{group}/{low}_{version}.json", f"{low}_{version}.json"]
        if group:
            names += [f"{low}-{group.split('.')[0]}-{version}.json", f"{low}-{group}-{version}.json"]
        else:
            names.append(f"{low}-{version}.json")
        for folder in self.folders:
            for name in names:
                path = folder / name
                if path.is_file():
                    data = _read_json(str(path.resolve()))
                    if isinstance(data, (dict, bool)):
                        uri = path.resolve().as_uri()
                        return SchemaChecker(data, uri, self.store.resolver), path
        return None


def iter_folders(locations: tuple[str, ...], root: Path) -> Iterator[Path]:
    for location in locations:
        path = Path(location)
        yield path if path.is_absolute() else root / path


# ---------------------------------------------------------------------------------------------
# What each object of a run is validated against


@dataclass
class Verdict:
    """How one object that has no built-in schema is judged (see :func:`custom_verdicts`)."""

    located: Any  # project.Located: .path, .item (KubeObject)
    checker: SchemaChecker | None = None  # validate against this
    source: str = ""  # where the schema came from, for messages
    problem: str | None = None  # a CL8010 finding instead (no schema for a built-in group, unserved version)
    problem_node: Node | None = None
    hint: str | None = None
    related: tuple[Any, ...] = ()  # (path, span, message) of the CRD for an unserved version
    unknown: bool = False  # a custom resource with no schema anywhere (CL8012)


_VERDICTS: weakref.WeakKeyDictionary[Any, tuple[tuple[Any, ...], list[Verdict]]] = weakref.WeakKeyDictionary()


def custom_verdicts(project: Any, settings: Any) -> list[Verdict]:
    """A verdict for every object of the project without a built-in schema or a removal entry,
    computed once per run (CL8010's project check and CL8012 share it)."""
    store = store_for(settings.kubernetes.version)
    key = (store.version, settings.kubernetes.schema_locations, str(settings.root))
    cached = _VERDICTS.get(project)
    if cached is not None and cached[0] == key:
        return cached[1]
    crds = CrdIndex()
    for located in project.objects_of_kind("CustomResourceDefinition"):
        if _group_of(located.item.api_version) == "apiextensions.k8s.io":
            crds.add(located.item, located.path)
    folders = SchemaFolders(list(iter_folders(settings.kubernetes.schema_locations, Path(settings.root))), store)
    verdicts = []
    for located in project.kubernetes_objects:
        obj = located.item
        if not obj.api_version or not obj.kind:
            continue
        if store.knows(obj.api_version, obj.kind) or removal_for(obj.api_version, obj.kind, store.version):
            continue
        if (obj.api_version, obj.kind) in NOT_API_OBJECTS or _group_of(obj.api_version) in NOT_API_GROUPS:
            continue
        if obj.kind.endswith("List"):
            continue  # a List without items
        verdicts.append(_verdict(located, store, crds, folders))
    _VERDICTS[project] = (key, verdicts)
    return verdicts


def _verdict(located: Any, store: SchemaStore, crds: CrdIndex, folders: SchemaFolders) -> Verdict:
    obj = located.item
    group, version = _group_of(obj.api_version), obj.api_version.rpartition("/")[2]
    api_node = obj.node.get_scalar("apiVersion")
    entries = crds.versions(group, obj.kind)
    if entries:
        entry = next((e for e in entries if e.version == version), None)
        crd_name = entries[0].crd.name or entries[0].kind
        if entry is None or not entry.served:
            served = sorted({e.version for e in entries if e.served})
            listed = ", ".join(f"{group}/{v}" for v in served) or "no version"
            what = "does not define" if entry is None else "does not serve"
            crd = entries[0].crd
            related = ((entries[0].path, (crd.kind_node or crd.node).span, f"CustomResourceDefinition '{crd_name}'"),)
            return Verdict(
                located,
                problem=f"CustomResourceDefinition '{crd_name}' {what} version {version}; it serves {listed}",
                problem_node=api_node,
                related=related,
                hint=f"use one of the versions the CustomResourceDefinition serves ({entries[0].path})",
            )
        return Verdict(located, checker=crds.checker(entry, store), source=f"CustomResourceDefinition '{crd_name}'")
    found = folders.lookup(obj.api_version, obj.kind)
    if found is not None:
        return Verdict(located, checker=found[0], source=f"the schema file {found[1]}")
    if store.is_builtin_group(obj.api_version):
        served = store.versions_of(obj.kind)
        node = api_node if served else obj.kind_node
        hint = f"use apiVersion {served[-1]}" if served else "check the kind and the target Kubernetes version"
        return Verdict(
            located,
            problem=f"no schema: {store.describe_unknown(obj.api_version, obj.kind)}",
            problem_node=node,
            hint=hint,
        )
    return Verdict(located, unknown=True)
