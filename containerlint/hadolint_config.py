"""hadolint's settings, read so that a project moving over keeps them: ``.hadolint.yaml`` (or
``.hadolint.yml``) and the ``HADOLINT_*`` environment variables.

Three steps, each a plain function:

1. :func:`load_hadolint_config` (a file) and :func:`hadolint_config_from_environment` read
   hadolint's keys into a :class:`HadolintConfig`, checking them: a value of the wrong type is a
   ``ConfigError`` naming the file (or the variable). Unknown keys are ignored, as hadolint does.
2. :func:`translate` turns a HadolintConfig into our settings, keyed as in our TOML
   (``ignore``, ``severity``, ``rules``, ``fail-on``, ...). hadolint's rule codes are looked up
   through the rules' aliases (``hadolint:DL3008``, ``shellcheck:SC2086``); a code no rule of
   ours has is skipped quietly. Keys that only shape hadolint's output (``format``,
   ``no-color``, ``verbose``) are ignored.
3. :func:`hadolint_file_options` gives each Dockerfile the options of the nearest
   ``.hadolint.yaml`` in its folder or above (up to the repository's top folder, the one with
   ``.git``), with the environment's settings under the file's. Compose files and manifests are
   not affected. The CLI does this only when no containerlint config file was found and
   ``--isolated`` was not given: a config file of ours always wins.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from containerlint.config import ConfigError, Settings, validate, with_file_values
from containerlint.model import FileKind, Finding, Severity

if TYPE_CHECKING:
    from containerlint.engine import LintOptions, Source
    from containerlint.registry import Rule, RuleSet
    from containerlint.syntax.yamlnodes import Node

CONFIG_NAMES = (".hadolint.yaml", ".hadolint.yml")  # hadolint's order
LEVELS = ("error", "warning", "info", "style")  # the keys of ``override``
THRESHOLDS = (*LEVELS, "ignore", "none")
LABEL_TYPES = ("text", "url", "semver", "hash", "rfc3339", "spdx", "email")
LABEL_RULES = tuple(f"DL{number}" for number in range(3049, 3059))  # rules that take label-schema
OUTPUT_ONLY_KEYS = ("format", "formats", "no-color", "verbose")


@dataclass(frozen=True)
class HadolintConfig:
    """hadolint's settings as written; ``None`` means "not given" for the scalar ones."""

    source: str = ""  # the file, or "environment"
    ignored: tuple[str, ...] = ()
    override: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # level -> codes
    failure_threshold: str | None = None
    no_fail: bool | None = None
    trusted_registries: tuple[str, ...] = ()
    label_schema: Mapping[str, str] = field(default_factory=dict)  # label -> type
    strict_labels: bool | None = None
    disable_ignore_pragma: bool | None = None

    @property
    def is_empty(self) -> bool:
        return self == HadolintConfig(source=self.source)

    def merged_with(self, later: HadolintConfig) -> HadolintConfig:
        """hadolint's combination (environment, then file): lists add up, later values win."""

        def pick(name: str) -> Any:
            value = getattr(later, name)
            return getattr(self, name) if value is None else value

        levels = {level: (*self.override.get(level, ()), *later.override.get(level, ())) for level in LEVELS}
        return HadolintConfig(
            source=later.source or self.source,
            ignored=(*self.ignored, *later.ignored),
            override={level: codes for level, codes in levels.items() if codes},
            failure_threshold=pick("failure_threshold"),
            no_fail=pick("no_fail"),
            trusted_registries=(*self.trusted_registries, *later.trusted_registries),
            label_schema={**self.label_schema, **later.label_schema},
            strict_labels=pick("strict_labels"),
            disable_ignore_pragma=pick("disable_ignore_pragma"),
        )


# ---------------------------------------------------------------------------------------------
# Reading the file


def find_hadolint_config(folder: Path) -> Path | None:
    """The ``.hadolint.yaml``/``.yml`` in ``folder`` or the nearest folder above it, not looking
    above the repository's top folder (the first one holding ``.git``)."""
    for current in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = current / name
            if candidate.is_file():
                return candidate
        if (current / ".git").exists():
            return None
    return None


def load_hadolint_config(path: Path) -> HadolintConfig:
    """Read and check one hadolint config file; ConfigError names the file and the key."""
    from containerlint.syntax.yamlnodes import Mapping as YamlMapping
    from containerlint.syntax.yamltree import parse_yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read hadolint config file: {exc}") from None
    stream = parse_yaml(text)
    if stream.issues:
        issue = stream.issues[0]
        raise ConfigError(f"{path}:{issue.span.start}: invalid YAML: {issue.message}")
    roots = stream.roots
    if len(stream.documents) > 1:
        raise ConfigError(f"{path}: expected one YAML document, found {len(stream.documents)}")
    if not roots:
        return HadolintConfig(source=str(path))  # an empty file: hadolint refuses it, nothing is lost here
    root = roots[0]
    if not isinstance(root, YamlMapping):
        raise ConfigError(f"{path}:{root.span.start}: expected a mapping of hadolint settings")
    return _read_mapping(path, root)


def _read_mapping(path: Path, root: Any) -> HadolintConfig:
    from containerlint.syntax.yamlnodes import Mapping as YamlMapping

    def fail(node: Node, key: Sequence[str], problem: str) -> ConfigError:
        return ConfigError(f"{path}:{node.span.start}: {'.'.join(key)}: {problem}")

    values: dict[str, Any] = {"source": str(path)}
    for key, node in root.items():
        if key == "ignored":
            values["ignored"] = _string_list(node, (key,), fail)
        elif key == "trustedRegistries":
            values["trusted_registries"] = _string_list(node, (key,), fail, single=True)
        elif key == "override":
            if not isinstance(node, YamlMapping):
                raise fail(node, (key,), "expected a mapping of error/warning/info/style to rule lists")
            values["override"] = {
                level: _string_list(value, (key, level), fail) for level, value in node.items() if level in LEVELS
            }
        elif key == "failure-threshold":
            values["failure_threshold"] = _choice(node, (key,), THRESHOLDS, fail)
        elif key in ("no-fail", "strict-labels", "disable-ignore-pragma"):
            values[key.replace("-", "_")] = _boolean(node, (key,), fail)
        elif key == "label-schema":
            if not isinstance(node, YamlMapping):
                raise fail(node, (key,), "expected a mapping of label names to types")
            values["label_schema"] = {
                label: _choice(value, (key, label), LABEL_TYPES, fail, empty="text") for label, value in node.items()
            }
        elif key in ("no-color", "verbose"):
            _boolean(node, (key,), fail)  # checked, as hadolint does, but only shapes its output
    return HadolintConfig(**values)


_Fail = Callable[["Node", Sequence[str], str], ConfigError]


def _scalar_text(node: Node) -> str | None:
    from containerlint.syntax.yamlnodes import Scalar

    return node.value if isinstance(node, Scalar) and not node.is_null else None


def _string_list(node: Node, key: Sequence[str], fail: _Fail, single: bool = False) -> tuple[str, ...]:
    from containerlint.syntax.yamlnodes import Scalar
    from containerlint.syntax.yamlnodes import Sequence as YamlSequence

    if isinstance(node, Scalar) and node.is_null:
        return ()
    if single and _scalar_text(node) is not None:
        return (str(_scalar_text(node)),)
    if not isinstance(node, YamlSequence):
        raise fail(node, key, "expected a list")
    items = []
    for item in node:
        text = _scalar_text(item)
        if text is None:
            raise fail(item, key, "expected a list of strings")
        items.append(text.strip())
    return tuple(items)


def _choice(node: Node, key: Sequence[str], choices: Sequence[str], fail: _Fail, empty: str | None = None) -> str:
    """One of ``choices`` (any case); ``empty`` stands for a missing or empty value if given."""
    from containerlint.syntax.yamlnodes import Scalar

    word = node.value.strip().lower() if isinstance(node, Scalar) and node.style not in ("|", ">") else None
    if empty is not None and (word == "" or (isinstance(node, Scalar) and node.is_null)):
        return empty
    if word is None or word not in choices:
        shown = repr(node.value) if isinstance(node, Scalar) else "a collection"
        raise fail(node, key, f"expected one of {', '.join(choices)}, got {shown}")
    return word


def _boolean(node: Node, key: Sequence[str], fail: _Fail) -> bool:
    from containerlint.syntax.yamlnodes import Scalar

    value = node.as_bool() if isinstance(node, Scalar) else None
    if value is None:
        raise fail(node, key, "expected true or false")
    return value


# ---------------------------------------------------------------------------------------------
# Reading the environment

_TRUTHY = ("1", "y", "on", "true", "yes")  # hadolint's; any other value is false


def hadolint_config_from_environment(environ: Mapping[str, str]) -> HadolintConfig:
    """The ``HADOLINT_*`` variables hadolint reads (NO_COLOR is ours too; FORMAT and VERBOSE
    only shape hadolint's output and are ignored)."""

    def codes(name: str) -> tuple[str, ...]:
        return tuple(part.strip() for part in environ.get(name, "").split(",") if part.strip())

    def truthy(name: str) -> bool | None:
        return None if name not in environ else environ[name].strip().lower() in _TRUTHY

    override = {level: codes(f"HADOLINT_OVERRIDE_{level.upper()}") for level in LEVELS}

    threshold = environ.get("HADOLINT_FAILURE_THRESHOLD")
    if threshold is not None and threshold.strip().lower() not in THRESHOLDS:
        expected = ", ".join(THRESHOLDS)
        raise ConfigError(f"environment: HADOLINT_FAILURE_THRESHOLD: expected one of {expected}, got {threshold!r}")
    return HadolintConfig(
        source="environment",
        ignored=codes("HADOLINT_IGNORE"),
        override={level: listed for level, listed in override.items() if listed},
        failure_threshold=None if threshold is None else threshold.strip().lower(),
        no_fail=truthy("HADOLINT_NOFAIL"),
        trusted_registries=codes("HADOLINT_TRUSTED_REGISTRIES"),
        label_schema=_label_schema_variable(environ.get("HADOLINT_REQUIRE_LABELS", "")),
        strict_labels=truthy("HADOLINT_STRICT_LABELS"),
        disable_ignore_pragma=truthy("HADOLINT_DISABLE_IGNORE_PRAGMA"),
    )


def _label_schema_variable(text: str) -> dict[str, str]:
    """``maintainer:text,version:semver`` (a missing type is text, as in hadolint)."""
    schema = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        label, _, kind = item.partition(":")
        kind = kind.strip().lower() or "text"
        if kind not in LABEL_TYPES:
            expected = ", ".join(LABEL_TYPES)
            raise ConfigError(f"environment: HADOLINT_REQUIRE_LABELS: {item!r}: the type must be one of {expected}")
        schema[label.strip()] = kind
    return schema


# ---------------------------------------------------------------------------------------------
# Translating into our settings


@dataclass(frozen=True)
class Translation:
    """What a HadolintConfig means in our terms."""

    values: dict[str, Any]  # keyed as in our TOML: ignore, extend-select, severity, rules, ...
    # hadolint codes that are one of several of a rule's (CL1001 is DL3006 and DL3007): ignoring
    # or re-levelling one must not touch the findings of the other, so it is done per finding.
    alias_ignores: frozenset[str] = frozenset()
    alias_severities: Mapping[str, Severity] = field(default_factory=dict)

    def adjust(self, finding: Finding) -> Finding | None:
        aliases = [alias.lower() for alias in finding.aliases]
        if any(alias in self.alias_ignores for alias in aliases):
            return None
        for alias in aliases:
            if alias in self.alias_severities:
                return dataclasses.replace(finding, severity=self.alias_severities[alias])
        return finding

    @property
    def needs_adjust(self) -> bool:
        return bool(self.alias_ignores or self.alias_severities)


def selector_for(code: str) -> str | None:
    """Our selector for a rule code written in a hadolint config, or None for other words."""
    word = code.strip().upper()
    if re.fullmatch(r"DL\d+", word):
        return f"hadolint:{word}"
    if re.fullmatch(r"SC\d+", word):
        return f"shellcheck:{word}"
    return None


def translate(config: HadolintConfig, ruleset: RuleSet) -> Translation:
    values: dict[str, Any] = {}
    ignore: list[str] = []
    extend_select: list[str] = []
    severity: dict[str, str] = {}
    rules: dict[str, dict[str, Any]] = {}
    alias_ignores: set[str] = set()
    alias_severities: dict[str, Severity] = {}

    ignored = {selector.lower() for selector in map(selector_for, config.ignored) if selector}
    for ignored_selector in sorted(ignored):
        if ruleset.sub_code(ignored_selector):
            alias_ignores.add(ignored_selector)  # one ShellCheck code: dropped finding by finding
            continue
        rule = ruleset.get(ignored_selector)
        if rule is None:
            continue  # a rule we do not have (yet): nothing to turn off
        if _siblings(rule, ignored_selector) <= ignored:
            ignore.append(rule.code)
        else:
            alias_ignores.add(ignored_selector)

    levels: dict[str, str] = {}
    for level in reversed(LEVELS):  # hadolint applies error last: it wins over the others
        for code in config.override.get(level, ()):
            selector = selector_for(code)
            if selector is not None:
                levels[selector.lower()] = level
    for selector, level in levels.items():
        if ruleset.sub_code(selector):
            alias_severities[selector] = Severity.parse(level)  # one ShellCheck code
            continue
        rule = ruleset.get(selector)
        if rule is None:
            continue
        siblings = _siblings(rule, selector)
        if all(levels.get(sibling) == level for sibling in siblings):
            severity[rule.code] = level
        else:
            alias_severities[selector] = Severity.parse(level)
        if not rule.default_enabled:
            extend_select.append(rule.code)  # hadolint's "ignore"-level rules run once given a level

    if config.trusted_registries:
        _set_option(ruleset, ("DL3026",), "trusted-registries", list(config.trusted_registries), rules, extend_select)
    if config.label_schema:
        _set_option(ruleset, LABEL_RULES, "label-schema", dict(config.label_schema), rules, extend_select)
    if config.strict_labels is not None:
        enable = extend_select if config.strict_labels else []
        _set_option(ruleset, ("DL3050",), "strict-labels", config.strict_labels, rules, enable)

    if config.no_fail:
        values["fail-on"] = "never"
    elif config.failure_threshold is not None:
        # hadolint fails when a finding is at least as serious as the threshold; its lowest
        # levels, "ignore" and "none", therefore fail on every finding: our "style".
        values["fail-on"] = config.failure_threshold if config.failure_threshold in LEVELS else "style"
    if config.disable_ignore_pragma:
        values["inline-ignores"] = False
    for key, items in (("ignore", ignore), ("extend-select", extend_select)):
        if items:
            values[key] = list(dict.fromkeys(items))
    if severity:
        values["severity"] = severity
    if rules:
        values["rules"] = rules
    return Translation(values, frozenset(alias_ignores), alias_severities)


def _siblings(rule: Rule, selector: str) -> set[str]:
    """The rule's aliases in the selector's namespace (``hadolint:``), the selector included;
    lower-case, as selectors are compared."""
    namespace = selector.split(":", 1)[0].lower() + ":"
    return {alias.lower() for alias in rule.aliases if alias.lower().startswith(namespace)} | {selector.lower()}


def _set_option(
    ruleset: RuleSet,
    codes: Iterable[str],
    option: str,
    value: Any,
    rules: dict[str, dict[str, Any]],
    enable: list[str],
) -> None:
    """Give ``option`` to every rule aliased to one of hadolint's ``codes`` that declares it
    with a default of the same type; hadolint runs these rules only when given the setting."""
    for code in codes:
        rule = ruleset.get(f"hadolint:{code}")
        if rule is None or option not in rule.options:
            continue
        given = _as_type_of(rule.options[option], value)
        if given is not None:
            rules.setdefault(rule.code, {})[option] = given
            enable.append(rule.code)


def _as_type_of(default: Any, value: Any) -> Any:
    """``value`` in the type of the option's default (a label schema as ``"name:type"`` items
    for a rule whose default is a list), or None if it has no such form."""
    if default is None or isinstance(value, type(default)):
        return value
    if isinstance(default, (list, tuple)) and isinstance(value, dict):
        return [f"{label}:{kind}" for label, kind in value.items()]
    return None


# ---------------------------------------------------------------------------------------------
# Per-file options


def hadolint_file_options(
    options: LintOptions,
    sources: Sequence[Source],
    ruleset: RuleSet,
    make_options: Callable[[Settings], LintOptions],
    environ: Mapping[str, str] | None = None,
) -> LintOptions:
    """``options`` with ``file_options`` for every Dockerfile a hadolint config applies to.

    ``make_options`` builds LintOptions from Settings (the CLI's own function). Each distinct
    config is translated once; the Settings it gives keep the command-line values on top.
    """
    settings: Settings = options.settings
    if not any(source.kind is FileKind.DOCKERFILE for source in sources):
        return options
    environment = hadolint_config_from_environment(os.environ if environ is None else environ)
    found: dict[Path, Path | None] = {}
    built: dict[Path | None, LintOptions | None] = {}
    file_options = {}
    for source in sources:
        if source.kind is not FileKind.DOCKERFILE:
            continue
        folder = _folder_of(source)
        if folder not in found:
            found[folder] = find_hadolint_config(folder)
        config_file = found[folder]
        if config_file not in built:
            config = environment
            if config_file is not None:
                config = environment.merged_with(load_hadolint_config(config_file))
            built[config_file] = None if config.is_empty else _options_for(config, settings, ruleset, make_options)
        own = built[config_file]
        if own is not None:
            file_options[source.path] = own
    if not file_options:
        return options
    return dataclasses.replace(options, file_options=file_options)


def _folder_of(source: Source) -> Path:
    if source.abspath is not None:
        return source.abspath.resolve().parent
    # Standard input: its --stdin-filename, else the working directory (where hadolint looks).
    named = Path.cwd() / source.path if source.path != "-" else Path.cwd() / "Dockerfile"
    return named.resolve().parent


def _options_for(
    config: HadolintConfig, settings: Settings, ruleset: RuleSet, make_options: Callable[[Settings], LintOptions]
) -> LintOptions:
    translation = translate(config, ruleset)
    values = dict(translation.values)
    if "select" in settings.cli_overrides:
        # A selection on the command line starts fresh, as it does over our own config file.
        translation = Translation(values)
    derived = with_file_values(settings, values, config.source or "hadolint config")
    if settings.fail_on is None:
        derived = dataclasses.replace(derived, fail_on=None)  # --fail-on never
    validate(derived, ruleset)
    built = make_options(derived)
    return dataclasses.replace(built, adjust=translation.adjust if translation.needs_adjust else None)
