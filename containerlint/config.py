"""Settings: found in ``.containerlint.toml`` or ``[tool.containerlint]`` in ``pyproject.toml``.

The file is looked up by walking up from the linted path; values given on the command line are
merged on top (``select`` and ``fail-on`` replace, list options such as ``ignore`` extend, the way
ruff does it). Everything is checked while loading, so a typo fails fast with the file and the key
in a one-line message. Selectors and rule options can only be checked against the rules, which
:func:`validate` does once the plugins are loaded.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import functools
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pathspec

from containerlint.model import FileKind, Severity
from containerlint.registry import Rule, RuleSet, UnknownSelector

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

CONFIG_FILE = ".containerlint.toml"
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = "[tool.containerlint]"

# Folders nobody wants linted; ``exclude`` replaces this list and ``extend-exclude`` adds to it.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git",
    ".hg",
    ".svn",
    ".tox",
    ".venv",
    "__pycache__",
    "node_modules",
)


class ConfigError(Exception):
    """A configuration problem, with a one-line message naming the file and the key."""


@dataclass(frozen=True)
class ComposeProjectConfig:
    """One ``[[compose.projects]]`` entry: files loaded as one project, like ``docker compose -f``."""

    files: tuple[str, ...]  # relative to the config file's folder, in load order
    env_files: tuple[str, ...] = ()  # like ``--env-file``: replace the project's ``.env``
    profiles: tuple[str, ...] | None = None  # None: every profile is considered


@dataclass(frozen=True)
class ComposeSettings:
    """``[compose]``: how Compose projects are put together (see compose_model)."""

    env_files: tuple[str, ...] = ()  # like ``--env-file``, for every project
    profiles: tuple[str, ...] | None = None  # active profiles; None: every profile is considered
    projects: tuple[ComposeProjectConfig, ...] = ()


@dataclass(frozen=True)
class KubernetesSettings:
    """``[kubernetes]``: the cluster the manifests are for."""

    version: str | None = None  # "1.31"; None: the schema package's recommended default
    schema_locations: tuple[str, ...] = ()  # extra folders of JSON schemas (CRDs, kubeconform layout)
    # Objects that exist outside the repository, so references to them are not dangling:
    # "Kind/namespace/name" with shell-style wildcards ("ServiceAccount/*/ci-*", "Namespace/platform").
    external: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    fail_on: Severity | None = Severity.WARNING  # None: "never", the exit status ignores findings
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    kinds: Mapping[str, FileKind] = field(default_factory=dict)
    respect_gitignore: bool = True
    inline_ignores: bool = True
    root: Path = field(default_factory=Path.cwd)
    config_path: Path | None = None
    # The typed command-line values, kept so that errors can say where a selector came from.
    cli_overrides: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    compose: ComposeSettings = field(default_factory=ComposeSettings)
    kubernetes: KubernetesSettings = field(default_factory=KubernetesSettings)
    # ``[images]``: image name (no tag) -> the Dockerfile that builds it, relative to the root.
    images: Mapping[str, str] = field(default_factory=dict)
    # ``build-args`` / ``--build-arg NAME=VALUE``: what Dockerfiles' global ARGs resolve to.
    build_args: Mapping[str, str] = field(default_factory=dict)


DEFAULT_SETTINGS = Settings()


def settings_of(ctx_settings: Any) -> Settings:
    """The run's settings, or the defaults when a check runs without any (library use, tests)."""
    return ctx_settings if isinstance(ctx_settings, Settings) else DEFAULT_SETTINGS


# ---------------------------------------------------------------------------------------------
# Loading


def load_settings(
    start: Path,
    config_file: Path | None = None,
    isolated: bool = False,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Settings for linting ``start`` (a file or a directory).

    ``config_file`` skips the search; ``isolated`` ignores config files altogether. ``overrides``
    are typed command-line values keyed like the TOML (``"extend-select"``, ``"fail-on"``, ...).
    """
    overrides = dict(overrides or {})
    if isolated and config_file is not None:
        raise ConfigError("an explicit config file cannot be combined with isolated mode")
    start_dir = _start_directory(start)
    found = None if isolated else _locate(start_dir, config_file)
    file_values: dict[str, Any] = {}
    root, config_path = start_dir, None
    if found is not None:
        config_path, table, source = found
        file_values = _parse_table(table, source)
        root = config_path.parent
    cli_values = _parse_table(overrides, _Source("command line"))
    return _build(_merge(file_values, cli_values), root, config_path, overrides)


def with_file_values(settings: Settings, table: Mapping[str, Any], label: str) -> Settings:
    """``settings`` as if ``table`` (keys as in our TOML) had been read from the file ``label``,
    with the command-line values on top again. For settings translated from another tool's
    config (``.hadolint.yaml``) when no config file of ours was found."""
    if settings.config_path is not None:
        raise ValueError("with_file_values replaces the file values: settings must come from no file")
    file_values = _parse_table(table, _Source(label))
    cli_values = _parse_table(settings.cli_overrides, _Source("command line"))
    merged = _merge(file_values, cli_values)
    return _build(merged, settings.root, settings.config_path, settings.cli_overrides)


def find_config(start: Path) -> Path | None:
    """The config file that applies to ``start``, or None."""
    found = _discover(_start_directory(start))
    return None if found is None else found[0]


def _start_directory(start: Path) -> Path:
    start = Path(start).resolve()
    return start if start.is_dir() else start.parent


def _locate(start_dir: Path, config_file: Path | None) -> tuple[Path, dict[str, Any], _Source] | None:
    if config_file is None:
        return _discover(start_dir)
    path = Path(config_file).resolve()
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    document = _read_toml(path)
    if path.name != PYPROJECT:
        return path, document, _Source(str(path))
    table = _pyproject_table(document, path)
    if table is None:
        raise ConfigError(f"{path}: no {PYPROJECT_TABLE} table")
    return path, table, _Source(str(path), PYPROJECT_TABLE)


def _discover(start_dir: Path) -> tuple[Path, dict[str, Any], _Source] | None:
    """Walk up to the first folder with our file, or a pyproject.toml that has our table."""
    for folder in (start_dir, *start_dir.parents):
        dedicated = folder / CONFIG_FILE
        if dedicated.is_file():
            return dedicated, _read_toml(dedicated), _Source(str(dedicated))
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            table = _pyproject_table(_read_toml(pyproject), pyproject)
            if table is not None:
                return pyproject, table, _Source(str(pyproject), PYPROJECT_TABLE)
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_toml_error_message(path, exc)) from None


def _toml_error_message(path: Path, exc: Exception) -> str:
    # tomllib puts the position in the message text: "Invalid value (at line 2, column 5)".
    message = str(exc)
    position = re.search(r"\s*\(at line (\d+), column (\d+)\)", message)
    if position is None:
        return f"{path}: invalid TOML: {message}"
    reason = message[: position.start()] + message[position.end() :]
    return f"{path}:{position.group(1)}:{position.group(2)}: invalid TOML: {reason.strip()}"


def _pyproject_table(document: Mapping[str, Any], path: Path) -> dict[str, Any] | None:
    tool = document.get("tool")
    if not isinstance(tool, dict) or "containerlint" not in tool:
        return None
    table = tool["containerlint"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {PYPROJECT_TABLE} must be a table, not {_kind(table)}")
    return table


# ---------------------------------------------------------------------------------------------
# Checking the values of one source (a file's table or the command line)


@dataclass(frozen=True)
class _Source:
    label: str  # the file, or "command line"
    table: str = ""  # e.g. "[tool.containerlint]" when the settings live inside a bigger file

    def error(self, key: Sequence[str], problem: str) -> ConfigError:
        return ConfigError(f"{self.label}: {_dotted(key)}: {problem}")

    def unknown_key(self, key: str, known: Iterable[str], where: Sequence[str] = ()) -> ConfigError:
        inside = f" in {_dotted(where)}" if where else (f" in {self.table}" if self.table else "")
        return ConfigError(f"{self.label}: unknown key {key!r}{inside}{_did_you_mean(key, known)}")


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _dotted(key: Sequence[str]) -> str:
    """A key path as TOML spells it: per-file-ignores."tests/**"."""
    bare = re.compile(r"^[A-Za-z0-9_-]+$")
    return ".".join(part if bare.match(part) else json.dumps(part) for part in key)


def _kind(value: Any) -> str:
    """The TOML name of a value's type, for messages."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, Mapping):
        return "table"
    return type(value).__name__


def _string_list(value: Any, source: _Source, key: Sequence[str]) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise source.error(key, f"expected an array of strings, got {_describe(value)}")
    return tuple(value)


def _describe(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        kinds = sorted({_kind(v) for v in value if not isinstance(v, str)})
        if kinds:
            return f"an array containing {' and '.join(kinds)} values"
    return f"{_kind(value)} {value!r}"


def _boolean(value: Any, source: _Source, key: Sequence[str]) -> bool:
    if not isinstance(value, bool):
        raise source.error(key, f"expected true or false, got {_describe(value)}")
    return value


def _table(value: Any, source: _Source, key: Sequence[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise source.error(key, f"expected a table, got {_describe(value)}")
    return value


def _fail_on(value: Any, source: _Source, key: Sequence[str]) -> Severity | None:
    if value is None or (isinstance(value, str) and value.strip().lower() == "never"):
        return None
    return _severity(value, source, key)


def _severity(value: Any, source: _Source, key: Sequence[str]) -> Severity:
    if isinstance(value, Severity):
        return value
    if not isinstance(value, str):
        raise source.error(key, f"expected a severity name, got {_describe(value)}")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise source.error(key, str(exc)) from None


def _file_kind(value: Any, source: _Source, key: Sequence[str]) -> FileKind:
    if isinstance(value, FileKind):
        return value
    if not isinstance(value, str):
        raise source.error(key, f"expected a file kind, got {_describe(value)}")
    try:
        return FileKind.parse(value)
    except ValueError as exc:
        raise source.error(key, str(exc)) from None


def _severity_table(value: Any, source: _Source, key: Sequence[str]) -> dict[str, Severity]:
    table = _table(value, source, key)
    return {sel: _severity(level, source, (*key, sel)) for sel, level in table.items()}


def _per_file_ignores(value: Any, source: _Source, key: Sequence[str]) -> dict[str, tuple[str, ...]]:
    table = _table(value, source, key)
    return {glob: _string_list(sels, source, (*key, glob)) for glob, sels in table.items()}


def _kinds(value: Any, source: _Source, key: Sequence[str]) -> dict[str, FileKind]:
    table = _table(value, source, key)
    return {glob: _file_kind(kind, source, (*key, glob)) for glob, kind in table.items()}


def _rules(value: Any, source: _Source, key: Sequence[str]) -> dict[str, dict[str, Any]]:
    table = _table(value, source, key)
    return {rule: dict(_table(opts, source, (*key, rule))) for rule, opts in table.items()}


def _optional_string_list(value: Any, source: _Source, key: Sequence[str]) -> tuple[str, ...]:
    return _string_list(value, source, key)


def _string(value: Any, source: _Source, key: Sequence[str]) -> str:
    if not isinstance(value, str):
        raise source.error(key, f"expected a string, got {_describe(value)}")
    return value


def _sub_table(value: Any, source: _Source, key: Sequence[str], parsers: Mapping[str, _Parser]) -> dict[str, Any]:
    """A table whose keys each have their own parser (``[compose]``, ``[kubernetes]``)."""
    table = _table(value, source, key)
    parsed = {}
    for name, item in table.items():
        parser = parsers.get(name)
        if parser is None:
            raise source.unknown_key(name, parsers, key)
        parsed[name] = parser(item, source, (*key, name))
    return parsed


def _compose_project(value: Any, source: _Source, key: Sequence[str]) -> ComposeProjectConfig:
    table = _sub_table(value, source, key, _COMPOSE_PROJECT_KEYS)
    if not table.get("files"):
        raise source.error(key, "a compose project needs 'files', the Compose files in load order")
    return ComposeProjectConfig(
        files=table["files"], env_files=table.get("env-files", ()), profiles=table.get("profiles")
    )


def _compose_projects(value: Any, source: _Source, key: Sequence[str]) -> tuple[ComposeProjectConfig, ...]:
    if not isinstance(value, (list, tuple)):
        raise source.error(key, f"expected an array of tables ([[compose.projects]]), got {_describe(value)}")
    return tuple(_compose_project(item, source, (*key, str(number))) for number, item in enumerate(value))


def _compose(value: Any, source: _Source, key: Sequence[str]) -> ComposeSettings:
    table = _sub_table(value, source, key, _COMPOSE_KEYS)
    return ComposeSettings(
        env_files=table.get("env-files", ()), profiles=table.get("profiles"), projects=table.get("projects", ())
    )


def _kubernetes_version(value: Any, source: _Source, key: Sequence[str]) -> str:
    text = _string(value, source, key).strip().removeprefix("v")
    if not re.fullmatch(r"1\.\d+(\.\d+)?", text):
        raise source.error(key, f'expected a Kubernetes version like "1.31", got {value!r}')
    return ".".join(text.split(".")[:2])


def _kubernetes(value: Any, source: _Source, key: Sequence[str]) -> KubernetesSettings:
    table = _sub_table(value, source, key, _KUBERNETES_KEYS)
    return KubernetesSettings(
        version=table.get("version"),
        schema_locations=table.get("schema-locations", ()),
        external=table.get("external", ()),
    )


def _build_args(value: Any, source: _Source, key: Sequence[str]) -> dict[str, str]:
    if isinstance(value, (list, tuple)):  # the command line's NAME=VALUE words
        pairs = {}
        for word in _string_list(value, source, key):
            name, equals, text = word.partition("=")
            if not name:
                raise source.error(key, f"expected NAME=VALUE, got {word!r}")
            if equals:
                pairs[name] = text
            elif name in os.environ:  # ``--build-arg NAME`` takes the value from the environment
                pairs[name] = os.environ[name]
        return pairs
    table = _table(value, source, key)
    return {name: _string(text, source, (*key, name)) for name, text in table.items()}


def _images(value: Any, source: _Source, key: Sequence[str]) -> dict[str, str]:
    table = _table(value, source, key)
    return {image: _string(path, source, (*key, image)) for image, path in table.items()}


_Parser = Callable[[Any, _Source, Sequence[str]], Any]

_COMPOSE_PROJECT_KEYS: dict[str, _Parser] = {
    "files": _string_list,
    "env-files": _string_list,
    "profiles": _string_list,
}
_COMPOSE_KEYS: dict[str, _Parser] = {
    "env-files": _string_list,
    "profiles": _string_list,
    "projects": _compose_projects,
}
_KUBERNETES_KEYS: dict[str, _Parser] = {
    "version": _kubernetes_version,
    "schema-locations": _string_list,
    "external": _string_list,
}

_KEYS: dict[str, _Parser] = {
    "select": _string_list,
    "extend-select": _string_list,
    "ignore": _string_list,
    "exclude": _string_list,
    "extend-exclude": _string_list,
    "fail-on": _fail_on,
    "respect-gitignore": _boolean,
    "inline-ignores": _boolean,
    "severity": _severity_table,
    "per-file-ignores": _per_file_ignores,
    "kinds": _kinds,
    "rules": _rules,
    "compose": _compose,
    "kubernetes": _kubernetes,
    "images": _images,
    "build-args": _build_args,
}


def _parse_table(table: Mapping[str, Any], source: _Source) -> dict[str, Any]:
    values = {}
    for key, value in table.items():
        parser = _KEYS.get(key)
        if parser is None:
            raise source.unknown_key(key, _KEYS)
        values[key] = parser(value, source, (key,))
    return values


# ---------------------------------------------------------------------------------------------
# Combining file and command line


def _merge(file_values: Mapping[str, Any], cli_values: Mapping[str, Any]) -> dict[str, Any]:
    """Command-line values on top of the file's: lists extend, tables merge, the rest replaces."""
    merged = dict(file_values)
    if "select" in cli_values:
        # As in ruff: a selection given on the command line starts fresh, so the file's
        # ignore and extend-select no longer apply (the command line's own still do).
        merged.pop("ignore", None)
        merged.pop("extend-select", None)
    for key, value in cli_values.items():
        if key in ("extend-select", "ignore", "exclude", "extend-exclude"):
            merged[f"cli-{key}"] = value
        elif key == "compose":
            merged[key] = _replace_set_fields(merged.get(key, ComposeSettings()), value)
        elif key == "kubernetes":
            merged[key] = _replace_set_fields(merged.get(key, KubernetesSettings()), value)
        elif key in ("severity", "per-file-ignores", "kinds", "images", "build-args"):
            merged[key] = {**merged.get(key, {}), **value}
        elif key == "rules":
            rules = {name: dict(opts) for name, opts in merged.get("rules", {}).items()}
            for name, opts in value.items():
                rules[name] = {**rules.get(name, {}), **opts}
            merged[key] = rules
        else:
            merged[key] = value
    return merged


def _replace_set_fields(base: Any, given: Any) -> Any:
    """``base`` with the fields the command line set (non-default in ``given``) replaced."""
    defaults = type(given)()
    changes = {
        name: getattr(given, name)
        for name in given.__dataclass_fields__
        if getattr(given, name) != getattr(defaults, name)
    }
    return dataclasses.replace(base, **changes)


def _build(values: Mapping[str, Any], root: Path, config_path: Path | None, overrides: Mapping[str, Any]) -> Settings:
    select = values.get("select")
    exclude = (
        *values.get("exclude", DEFAULT_EXCLUDE),
        *values.get("extend-exclude", ()),
        *values.get("cli-exclude", ()),
        *values.get("cli-extend-exclude", ()),
    )
    return Settings(
        select=None if select is None else tuple(select),
        extend_select=(*values.get("extend-select", ()), *values.get("cli-extend-select", ())),
        ignore=(*values.get("ignore", ()), *values.get("cli-ignore", ())),
        severity=dict(values.get("severity", {})),
        per_file_ignores=dict(values.get("per-file-ignores", {})),
        exclude=tuple(dict.fromkeys(exclude)),
        fail_on=values.get("fail-on", Severity.WARNING),
        rule_options=dict(values.get("rules", {})),
        kinds=dict(values.get("kinds", {})),
        respect_gitignore=values.get("respect-gitignore", True),
        inline_ignores=values.get("inline-ignores", True),
        root=root,
        config_path=config_path,
        cli_overrides=dict(overrides),
        compose=values.get("compose", ComposeSettings()),
        kubernetes=values.get("kubernetes", KubernetesSettings()),
        images=dict(values.get("images", {})),
        build_args=dict(values.get("build-args", {})),
    )


# ---------------------------------------------------------------------------------------------
# Checking against the rules


def validate(settings: Settings, ruleset: RuleSet) -> None:
    """Raise ConfigError for a selector that names no rule, or a bad rule option."""
    for key, selectors in (
        ("select", settings.select or ()),
        ("extend-select", settings.extend_select),
        ("ignore", settings.ignore),
        ("severity", tuple(settings.severity)),
    ):
        for selector in selectors:
            _check_selector(settings, ruleset, (key,), selector)
    for selector in settings.severity:
        sub_code = ruleset.sub_code(selector)
        if sub_code is not None:
            where = _origin(settings, "severity", selector)
            problem = f"{selector!r} is one code of {sub_code[0].code}; severities are set for the whole rule"
            raise ConfigError(f"{where}: severity: {problem}")
    for glob, selectors in settings.per_file_ignores.items():
        for selector in selectors:
            _check_selector(settings, ruleset, ("per-file-ignores", glob), selector)
    for key, options in settings.rule_options.items():
        _check_rule_options(settings, ruleset, key, options)


def _origin(settings: Settings, key: str, item: str) -> str:
    """Where a setting came from: the command line if it was given there, else the file."""
    given = settings.cli_overrides.get(key, ())
    if isinstance(given, (Mapping, list, tuple)) and item in given:
        return "command line"
    return str(settings.config_path) if settings.config_path else "settings"


def _check_selector(settings: Settings, ruleset: RuleSet, key: Sequence[str], selector: str) -> None:
    try:
        ruleset.match(selector)
    except UnknownSelector as exc:
        # For a table (per-file-ignores) the command line would have given the glob.
        where = _origin(settings, key[0], key[1] if len(key) > 1 else selector)
        raise ConfigError(f"{where}: {_dotted(key)}: {exc}") from None


def _check_rule_options(settings: Settings, ruleset: RuleSet, key: str, options: Mapping[str, Any]) -> None:
    where = _origin(settings, "rules", key)
    rule = ruleset.get(key)
    if rule is None:
        hint = ruleset.suggest(key)
        suffix = f" (did you mean {hint!r}?)" if hint else ""
        raise ConfigError(f"{where}: {_dotted(('rules', key))}: no rule is called {key!r}{suffix}")
    for option, value in options.items():
        if option not in rule.options:
            raise ConfigError(f"{where}: {_dotted(('rules', key))}: {_unknown_option(rule, option)}")
        problem = _option_type_problem(rule.options[option], value)
        if problem:
            raise ConfigError(f"{where}: {_dotted(('rules', key, option))}: {problem}")


def _unknown_option(rule: Rule, option: str) -> str:
    label = f"{rule.code} ({rule.name})"
    if not rule.options:
        return f"unknown option {option!r}: {label} takes no options"
    valid = ", ".join(sorted(rule.options))
    return f"unknown option {option!r}{_did_you_mean(option, rule.options)}; {label} takes: {valid}"


def _option_type_problem(default: Any, value: Any) -> str | None:
    """Why ``value`` cannot replace ``default``, or None. Defaults define the option's type."""
    if default is None:
        return None
    expected, actual = _kind(default), _kind(value)
    if expected == actual or (expected == "float" and actual == "integer"):
        return None
    return f"expected {expected} (like the default {default!r}), got {_describe(value)}"


def options_for(settings: Settings, ruleset: RuleSet, rule: Rule) -> dict[str, Any]:
    """The rule's default options with the configured ones on top.

    Options may be keyed by the rule's name or code (or an alias); when both are given the
    code's table wins, being the more deliberate spelling.
    """
    options = copy.deepcopy(dict(rule.options))
    tables = [(k, v) for k, v in settings.rule_options.items() if ruleset.get(k) is rule]
    tables.sort(key=lambda item: item[0].strip().lower() == rule.code.lower())
    for _, configured in tables:
        options.update(copy.deepcopy(dict(configured)))
    if rule.sub_codes is not None:
        _add_sub_code_selectors(settings, ruleset, rule, options)
    return options


def _add_sub_code_selectors(settings: Settings, ruleset: RuleSet, rule: Rule, options: dict[str, Any]) -> None:
    """Selectors of single sub-codes (``shellcheck:SC2086``, see ``Rule.sub_codes``) become the
    rule's options: ignored codes are added to ``exclude``; selected codes to ``include``, unless
    the rule is also selected as a whole (``CL3450``, ``ALL``, a tag), which runs every code."""

    def codes(selectors: Iterable[str]) -> list[str]:
        found = (ruleset.sub_code(selector) for selector in selectors)
        return [code for owner, code in filter(None, found) if owner is rule]

    def names_whole_rule(selector: str) -> bool:
        try:
            return ruleset.sub_code(selector) is None and rule in ruleset.match(selector)[0]
        except UnknownSelector:
            return False

    options["exclude"] = [*options["exclude"], *codes(settings.ignore)]
    selected = [*(settings.select or ()), *settings.extend_select]
    if not any(names_whole_rule(selector) for selector in selected):
        options["include"] = [*options["include"], *codes(selected)]


def severity_for(settings: Settings, ruleset: RuleSet) -> dict[str, Severity]:
    """Every rule's severity: its default, or the most specific configured override."""
    severities = {rule.code: rule.severity for rule in ruleset}
    severities.update(ruleset.resolve_mapping(settings.severity))
    return severities


def enabled_rules(settings: Settings, ruleset: RuleSet) -> list[Rule]:
    return ruleset.select(settings.select, settings.extend_select, settings.ignore)


# ---------------------------------------------------------------------------------------------
# Globs


@functools.lru_cache(maxsize=512)
def _glob_spec(pattern: str) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines([pattern])


def path_matches(path: str, pattern: str) -> bool:
    """Whether ``path`` (relative to the root, any separator) matches a gitignore-style glob.

    As in .gitignore, a pattern without a slash matches the file name at any depth
    (``Dockerfile.*``), one with a slash is relative to the root (``deploy/**/*.yaml``).
    """
    normalized = path.replace("\\", "/")
    while normalized.startswith("./"):
        normalized = normalized[2:]
    return _glob_spec(pattern).match_file(normalized)
