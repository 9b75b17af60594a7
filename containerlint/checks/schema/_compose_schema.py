"""Validation of a Compose file against the Compose specification's JSON schema, every error located.

The schema is the ``compose-spec.json`` that the ``check-jsonschema`` package vendors (kept up to date
by that project, not by hand here). It is read from the package's folder without importing
``check_jsonschema`` itself (its ``__init__`` loads the whole CLI), once per process, and the
validator is built once too, the first time a Compose file is checked.

The positioned YAML tree is turned into plain data the way Compose's loader (go-yaml v3) types
scalars, keeping a map from JSON path to node, so that every error lands on the key or value it is
about. ``anyOf`` / ``oneOf`` failures are resolved to the alternative the value was evidently meant
as (the one whose type matches), so a misspelled key in a long-syntax port is reported as that key,
not as "is not valid under any of the given schemas".
"""

from __future__ import annotations

import copy
import difflib
import importlib.util
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from containerlint.model import Span
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence
from containerlint.syntax.yamltree import effective_pairs

SCHEMA_PACKAGE = "check_jsonschema"
SCHEMA_FILE = ("builtin_schemas", "vendor", "compose-spec.json")
RESET_TAG = "!reset"
OVERRIDE_TAG = "!override"
STR_TAG = "tag:yaml.org,2002:str"

JsonPath = tuple[str | int, ...]
# Keywords Compose does not enforce: it loads `cap_add: [X, X]` and duplicate `environment` entries.
IGNORED = frozenset({"uniqueItems"})


class SchemaUnavailable(RuntimeError):
    """The compose-spec schema cannot be found or read."""


# ---------------------------------------------------------------------------------------------
# The schema and the validator


def schema_path() -> Path:
    """Where check-jsonschema keeps its vendored copy of the compose-spec schema."""
    spec = importlib.util.find_spec(SCHEMA_PACKAGE)  # finds the package without importing it
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for location in locations:
        candidate = Path(location).joinpath(*SCHEMA_FILE)
        if candidate.is_file():
            return candidate
    raise SchemaUnavailable(
        "the Compose specification schema is not available: install the 'check-jsonschema' package "
        "(a dependency of containerlint), which ships it"
    )


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    path = schema_path()
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SchemaUnavailable(f"cannot read the Compose specification schema {path}: {error}") from error
    if not isinstance(schema, dict):
        raise SchemaUnavailable(f"the Compose specification schema {path} is not a JSON object")
    return schema


# Where the specification's schema is stricter than the Compose release we check against (v2.40):
# (path in the schema, keyword, the value Compose uses; None removes the keyword). Compose loads
# `mem_limit: 1.5`, `pull_policy: always_x` (its pattern is not anchored) and a network named "a b".
PULL_POLICY_SEARCHED = "always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+"
COMPOSE_ADJUSTMENTS: tuple[tuple[tuple[str, ...], str, Any], ...] = (
    (("$defs", "container_spec", "properties", "mem_limit"), "type", ["number", "string"]),
    (("$defs", "container_spec", "properties", "memswap_limit"), "type", ["number", "string"]),
    (("$defs", "container_spec", "properties", "shm_size"), "type", ["number", "string"]),
    (("$defs", "container_spec", "properties", "pull_policy"), "pattern", PULL_POLICY_SEARCHED),
    (("properties", "networks"), "additionalProperties", None),
    (("properties", "models"), "additionalProperties", None),
)


@lru_cache(maxsize=1)
def compose_schema() -> dict[str, Any]:
    """The schema with the ``COMPOSE_ADJUSTMENTS`` (a copy: ``load_schema`` stays as shipped)."""
    schema = copy.deepcopy(load_schema())
    for path, keyword, value in COMPOSE_ADJUSTMENTS:
        target: Any = schema
        for part in path:
            target = target.get(part) if isinstance(target, dict) else None
        if not isinstance(target, dict) or keyword not in target:
            continue  # the specification changed there: nothing to adjust
        if value is None:
            del target[keyword]
        else:
            target[keyword] = value
    return schema


@lru_cache(maxsize=1)
def fast_check() -> Callable[[Any], bool]:
    """A quick yes/no validator compiled from the schema (see ``_Compiler``)."""
    return _Compiler(compose_schema()).compile(compose_schema())


@lru_cache(maxsize=1)
def validator() -> Any:
    """A validator of the schema's own draft (its ``$schema``), built once."""
    from jsonschema.validators import validator_for

    schema = compose_schema()
    cls = validator_for(schema)
    return cls(schema)


def clear_caches() -> None:
    """Forget the loaded schema and validators (tests that swap the schema use it)."""
    load_schema.cache_clear()
    compose_schema.cache_clear()
    validator.cache_clear()
    fast_check.cache_clear()


# ---------------------------------------------------------------------------------------------
# YAML tree -> data, the way Compose types scalars

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_SPECIAL_FLOATS = {
    ".inf": float("inf"),
    ".Inf": float("inf"),
    ".INF": float("inf"),
    "+.inf": float("inf"),
    "+.Inf": float("inf"),
    "+.INF": float("inf"),
    "-.inf": float("-inf"),
    "-.Inf": float("-inf"),
    "-.INF": float("-inf"),
    ".nan": float("nan"),
    ".NaN": float("nan"),
    ".NAN": float("nan"),
}
# Go's strconv.ParseInt(s, 0, 64) after go-yaml removed the underscores: 0x, 0o, 0b and 0777 octal.
_INT = re.compile(r"[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


def scalar_value(node: Scalar) -> Any:
    """The value go-yaml v3 (Compose's YAML library) gives a scalar: YAML 1.2 core types, plus the
    YAML 1.1 ``0777`` octal it keeps for compatibility. ``yes``/``no`` stay strings there (Compose
    casts strings where it wants booleans); quoted and block scalars are strings."""
    text = node.value
    if node.style or node.tag == STR_TAG:
        return text
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[text]
    if text[:1] not in "0123456789+-.":
        return text
    plain = text.replace("_", "")
    if _INT.fullmatch(plain):
        digits = plain.lstrip("+-")
        sign = -1 if plain.startswith("-") else 1
        if len(digits) > 1 and digits[0] == "0" and digits[1] not in "xXoObB":
            return sign * int(digits, 8)
        return sign * int(digits, 0)
    if _FLOAT.fullmatch(plain):
        return float(plain)
    return text


@dataclass
class Located:
    """Plain data for the validator, and where each part of it is written."""

    data: Any
    values: dict[JsonPath, Node]  # path -> value node
    keys: dict[JsonPath, Node]  # path -> key node of a mapping entry
    interpolated: set[JsonPath]  # scalars with a ``$``: Compose checks them after interpolation


def to_data(root: Node) -> Located:
    located = Located(None, {}, {}, set())
    located.data = _convert(root, (), located, 0)
    return located


_MAX_DEPTH = 300


def _convert(node: Node, path: JsonPath, located: Located, depth: int) -> Any:
    located.values[path] = node
    if depth > _MAX_DEPTH:  # the YAML parser refuses deeper documents; a guard all the same
        return None
    if isinstance(node, Scalar):
        if "$" in node.value:
            located.interpolated.add(path)
        return scalar_value(node)
    if isinstance(node, Mapping):
        result: dict[str, Any] = {}
        for key, pair in effective_pairs(node).items():
            if pair.value.tag == RESET_TAG:
                continue  # `!reset`: Compose drops the attribute before validating
            child = (*path, key)
            located.keys[child] = pair.key
            result[key] = _convert(pair.value, child, located, depth + 1)
        return result
    if isinstance(node, Sequence):
        return [
            _convert(item, (*path, index), located, depth + 1)
            for index, item in enumerate(node.items)
            if item.tag != RESET_TAG
        ]
    return None


# ---------------------------------------------------------------------------------------------
# Errors -> located, readable problems


@dataclass(frozen=True)
class SchemaProblem:
    span: Span
    message: str
    hint: str | None = None


def validate(root: Node) -> Iterator[SchemaProblem]:
    """Every schema violation of the Compose document ``root``, located; duplicates (one anchored
    node reached through several aliases) once."""
    located = to_data(root)
    if fast_check()(located.data):
        return  # the common case: valid, known without jsonschema's (slow) full walk
    seen: set[tuple[Span, str]] = set()
    errors = sorted(validator().iter_errors(located.data), key=lambda e: _sort_key(located, e))
    for error in errors:
        for leaf in _leaves(error):
            if _is_interpolated(leaf, located) or leaf.validator in IGNORED:
                continue
            for problem in _describe(leaf, located):
                key = (problem.span, problem.message.split(": ", 1)[-1])
                if key not in seen:
                    seen.add(key)
                    yield problem


def _sort_key(located: Located, error: Any) -> tuple[int, int]:
    node = located.values.get(tuple(error.absolute_path))
    if node is None:
        return (0, 0)
    return (node.span.start.line, node.span.start.column)


def _is_interpolated(error: Any, located: Located) -> bool:
    return tuple(error.absolute_path) in located.interpolated


def _leaves(error: Any) -> list[Any]:
    """The errors to report for ``error``: itself, or for a failed ``oneOf``/``anyOf``, the errors
    of the alternative(s) whose shape the value has."""
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return [error]
    depth = len(error.absolute_path)
    branches: dict[Any, list[Any]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    matching = [errs for errs in branches.values() if not any(_shape_mismatch(e, depth) for e in errs)]
    if not matching:
        return [error]
    best = min(matching, key=lambda errs: (len(errs), -max(len(e.absolute_path) for e in errs)))
    return [leaf for sub in best for leaf in _leaves(sub)]


def _shape_mismatch(error: Any, depth: int) -> bool:
    """The error says the value is not of this alternative's kind at all (a type mismatch)."""
    if len(error.absolute_path) != depth:
        return False
    if error.validator == "type":
        return True
    if error.validator in ("oneOf", "anyOf") and error.context:
        groups: dict[Any, list[Any]] = {}
        for sub in error.context:
            groups.setdefault(sub.relative_schema_path[0], []).append(sub)
        return all(any(_shape_mismatch(e, depth) for e in errs) for errs in groups.values())
    return False


_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "null": "null",
}
_PORT_KEYS = ("ports", "expose")


def _describe(error: Any, located: Located) -> Iterator[SchemaProblem]:
    path: JsonPath = tuple(error.absolute_path)
    node = located.values.get(path)
    where = _path_text(path)
    validator_name = error.validator
    if validator_name in ("additionalProperties", "unevaluatedProperties") and isinstance(error.instance, dict):
        allowed, patterns = _allowed_keys(error.schema)
        for key in error.instance:
            if key in allowed or any(re.search(p, key) for p in patterns):
                continue
            key_node = located.keys.get((*path, key))
            span = key_node.span if key_node is not None else _span(node, path, located)
            suggestion = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6) if allowed else []
            guess = f" (did you mean '{suggestion[0]}'?)" if suggestion else ""
            inside = f"{where}: " if where else ""
            what = "top-level key" if not path else "key"
            hint = f"rename it to '{suggestion[0]}'" if suggestion else None
            if hint is None:
                hint = "custom keys must start with 'x-'" if any(p.startswith("^x-") for p in patterns) else None
            yield SchemaProblem(span, f"{inside}unknown {what} '{key}'{guess}", hint)
        return
    span = _span(node, path, located)
    if validator_name == "required":
        missing = [
            name for name in error.validator_value if isinstance(error.instance, dict) and name not in error.instance
        ]
        for name in missing or list(error.validator_value):
            yield SchemaProblem(span, f"{where or 'the file'}: missing required key '{name}'")
        return
    yield SchemaProblem(span, f"{where or 'the file'}: {_what(error, node, path)}")


def _what(error: Any, node: Node | None, path: JsonPath) -> str:
    shown = _shown(node, error.instance)
    validator_name, expected = error.validator, error.validator_value
    port = len(path) >= 2 and isinstance(path[-1], int) and path[-2] in _PORT_KEYS
    if validator_name == "type":
        if port:
            return f"{shown} is not a valid port"
        types = [expected] if isinstance(expected, str) else list(expected)
        return f"{shown} is not {_either(types)}"
    if validator_name in ("oneOf", "anyOf"):
        if not error.context:
            return f"{shown} matches more than one of the allowed forms"
        if port:
            return f"{shown} is not a valid port"
        types = _branch_types(error)
        return f"{shown} is not {_either(types)}" if types else f"{shown} is not valid here"
    if validator_name == "enum":
        return f"{shown} is not one of {', '.join(repr(v) for v in expected)}"
    if validator_name == "const":
        return f"{shown} must be {expected!r}"
    if validator_name == "pattern":
        return f"{shown} does not match the pattern {expected!r}"
    if validator_name in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        relation = {"minimum": ">=", "exclusiveMinimum": ">", "maximum": "<=", "exclusiveMaximum": "<"}
        return f"{shown} must be {relation[validator_name]} {expected}"
    if validator_name in ("minItems", "maxItems", "minProperties", "maxProperties", "minLength", "maxLength"):
        return f"{shown} is too {'short' if validator_name.startswith('min') else 'long'}"
    if validator_name == "not":
        return f"{shown} is not allowed here"
    return str(error.message)


def _branch_types(error: Any) -> list[str]:
    types: list[str] = []
    for sub in error.context:
        if sub.validator == "type" and len(sub.absolute_path) == len(error.absolute_path):
            expected = sub.validator_value
            for name in [expected] if isinstance(expected, str) else expected:
                if name not in types:
                    types.append(name)
    return types


def _either(types: list[str]) -> str:
    if "number" in types and "integer" in types:
        types = [t for t in types if t != "integer"]
    names = [_TYPE_NAMES.get(t, t) for t in types]
    if len(names) <= 1:
        return "".join(names) or "valid"
    return ", ".join(names[:-1]) + " or " + names[-1]


def _shown(node: Node | None, instance: Any) -> str:
    if isinstance(node, Scalar):
        if node.is_null:
            return "an empty value" if node.value == "" else node.value
        text = node.value if len(node.value) <= 60 else node.value[:57] + "..."
        if node.style in ("'", '"'):
            return f"{node.style}{text}{node.style}"
        if isinstance(instance, str) and node.style == "":
            return f"'{text}'"
        return text if node.style == "" else "the text block"
    if isinstance(node, Mapping) or isinstance(instance, dict):
        return "a mapping"
    if isinstance(node, Sequence) or isinstance(instance, list):
        return "a list"
    return repr(instance)


def _span(node: Node | None, path: JsonPath, located: Located) -> Span:
    """Where to report about the value at ``path``: a scalar itself, a collection at its key."""
    key = located.keys.get(path)
    if isinstance(node, Scalar) and not node.is_null:
        return node.span
    if key is not None:
        return key.span
    target = node if node is not None else located.values.get(())
    if target is None:
        return Span.at(1, 1)
    start = target.span.start
    return Span.at(start.line, start.column)


def _path_text(path: JsonPath) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def _allowed_keys(schema: Any) -> tuple[set[str], list[str]]:
    """Property names and patternProperties patterns a (sub)schema allows, through ``$ref``/``allOf``."""
    names: set[str] = set()
    patterns: list[str] = []
    root = load_schema()
    stack = [schema]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if not isinstance(current, dict) or id(current) in seen:
            continue
        seen.add(id(current))
        names.update(current.get("properties", {}))
        patterns.extend(current.get("patternProperties", {}))
        ref = current.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            target: Any = root
            for part in ref[2:].split("/"):
                target = target.get(part, {}) if isinstance(target, dict) else {}
            stack.append(target)
        for keyword in ("allOf",):
            stack.extend(current.get(keyword, []))
    return names, patterns


# ---------------------------------------------------------------------------------------------
# A fast yes/no validator for the valid case


Check = Callable[[Any], bool]
_IGNORED_KEYWORDS = frozenset(
    {"description", "deprecated", "default", "$schema", "$id", "title", "$defs", "definitions", "uniqueItems"}
)


def _always(value: Any) -> bool:
    return True


def _never(value: Any) -> bool:
    return False


def _is_type(value: Any, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    if isinstance(value, bool):
        return False
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if name == "number":
        return isinstance(value, (int, float))
    return False


class _Compiler:
    """Compiles the subset of JSON Schema the Compose schema uses into closures returning a bool.

    It only has to be *sound*: when it says "valid", jsonschema agrees (then nothing is reported
    and the full validation is skipped). Anything it does not know compiles to "not valid", which
    sends the document to jsonschema. ``uniqueItems`` is ignored, as the findings ignore it.
    """

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def compile(self, schema: Any) -> Check:
        if schema is True or schema == {}:
            return _always
        if not isinstance(schema, dict):
            return _never
        checks: list[Check] = []
        for keyword, value in schema.items():
            if keyword in _IGNORED_KEYWORDS or keyword in ("additionalProperties", "unevaluatedProperties"):
                continue
            method = getattr(self, "k_" + keyword.lstrip("$"), None)
            if method is None:
                return _never
            checks.append(method(value, schema))
        if "additionalProperties" in schema or "unevaluatedProperties" in schema:
            checks.append(self.extra_properties(schema))
        if len(checks) == 1:
            return checks[0]
        return lambda value: all(check(value) for check in checks)

    def resolve(self, ref: str) -> Any:
        target: Any = self.root
        for part in ref[2:].split("/"):
            target = target.get(part) if isinstance(target, dict) else None
        return target

    def k_ref(self, ref: str, schema: dict[str, Any]) -> Check:
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return _never
        refs = self.refs

        def check(value: Any) -> bool:
            compiled = refs.get(ref)
            if compiled is None:
                refs[ref] = _never  # a reference cycle meanwhile: not valid (safe)
                compiled = refs[ref] = self.compile(self.resolve(ref))
            return compiled(value)

        return check

    def k_type(self, names: Any, schema: dict[str, Any]) -> Check:
        options = [names] if isinstance(names, str) else list(names)
        return lambda value: any(_is_type(value, name) for name in options)

    def k_properties(self, properties: dict[str, Any], schema: dict[str, Any]) -> Check:
        compiled = {name: self.compile(sub) for name, sub in properties.items()}

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            return all(compiled[key](item) for key, item in value.items() if key in compiled)

        return check

    def k_patternProperties(self, patterns: dict[str, Any], schema: dict[str, Any]) -> Check:
        compiled = [(re.compile(pattern), self.compile(sub)) for pattern, sub in patterns.items()]

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            return all(sub(item) for key, item in value.items() for regex, sub in compiled if regex.search(key))

        return check

    def extra_properties(self, schema: dict[str, Any]) -> Check:
        names, patterns = _allowed_keys(schema)
        regexes = [re.compile(pattern) for pattern in patterns]
        extra = schema.get("additionalProperties", schema.get("unevaluatedProperties"))
        if extra is not False:
            if "unevaluatedProperties" in schema:
                return _never
            sub = self.compile(extra)
            own = set(schema.get("properties", {}))
            own_regexes = [re.compile(p) for p in schema.get("patternProperties", {})]

            def check_extra(value: Any) -> bool:
                if not isinstance(value, dict):
                    return True
                return all(
                    sub(item)
                    for key, item in value.items()
                    if key not in own and not any(r.search(key) for r in own_regexes)
                )

            return check_extra

        if "additionalProperties" in schema:  # only this schema's own properties count
            names = set(schema.get("properties", {}))
            regexes = [re.compile(p) for p in schema.get("patternProperties", {})]

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            return all(key in names or any(r.search(key) for r in regexes) for key in value)

        return check

    def k_items(self, items: Any, schema: dict[str, Any]) -> Check:
        sub = self.compile(items)
        return lambda value: not isinstance(value, list) or all(sub(item) for item in value)

    def k_required(self, names: list[str], schema: dict[str, Any]) -> Check:
        return lambda value: not isinstance(value, dict) or all(name in value for name in names)

    def k_enum(self, options: list[Any], schema: dict[str, Any]) -> Check:
        return lambda value: any(value == option and type(value) is type(option) for option in options)

    def k_pattern(self, pattern: str, schema: dict[str, Any]) -> Check:
        regex = re.compile(pattern)
        return lambda value: not isinstance(value, str) or regex.search(value) is not None

    def k_minimum(self, bound: float, schema: dict[str, Any]) -> Check:
        return lambda value: not _is_type(value, "number") or value >= bound

    def k_maximum(self, bound: float, schema: dict[str, Any]) -> Check:
        return lambda value: not _is_type(value, "number") or value <= bound

    def k_oneOf(self, branches: list[Any], schema: dict[str, Any]) -> Check:
        compiled = [self.compile(branch) for branch in branches]
        return lambda value: sum(1 for branch in compiled if branch(value)) == 1

    def k_anyOf(self, branches: list[Any], schema: dict[str, Any]) -> Check:
        compiled = [self.compile(branch) for branch in branches]
        return lambda value: any(branch(value) for branch in compiled)

    def k_allOf(self, branches: list[Any], schema: dict[str, Any]) -> Check:
        compiled = [self.compile(branch) for branch in branches]
        return lambda value: all(branch(value) for branch in compiled)
