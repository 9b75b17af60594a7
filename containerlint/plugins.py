"""Build the plugin manager: built-ins first, then third-party packages from entry points."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

from containerlint import hookspecs

if TYPE_CHECKING:
    from containerlint.model import FileKind
    from containerlint.registry import RuleSet

ENTRY_POINT_GROUP = "containerlint"
BUILTIN_PLUGINS = ("containerlint.checks", "containerlint.reporters")


class PluginError(Exception):
    """A plugin could not be loaded or returned something unusable."""


def build_manager(load_entry_points: bool = True, extra: tuple[object, ...] = ()) -> pluggy.PluginManager:
    from containerlint import checks, reporters

    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    manager.register(checks, name="containerlint.checks")
    manager.register(reporters, name="containerlint.reporters")
    for plugin in extra:
        manager.register(plugin)
    if load_entry_points:
        _load_entry_points(manager)
    return manager


def _load_entry_points(manager: pluggy.PluginManager) -> None:
    # pluggy's load_setuptools_entrypoints would raise the plugin's own exception; we name the plugin.
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if manager.get_plugin(entry_point.name) is not None or manager.is_blocked(entry_point.name):
            continue
        distribution = getattr(entry_point, "dist", None)
        owner = f"{entry_point.name} ({distribution.name})" if distribution else entry_point.name
        try:
            plugin = entry_point.load()
            manager.register(plugin, name=entry_point.name)
        except Exception as error:
            raise PluginError(f"plugin {owner} failed to load: {type(error).__name__}: {error}") from error


# ---------------------------------------------------------------------------------------------
# Calling the hooks one implementation at a time, so that a failure names the plugin at fault
# (pluggy would re-raise the plugin's exception with a traceback and no name).


def _owner(impl: Any) -> str:
    return "containerlint (built-in)" if impl.plugin_name in BUILTIN_PLUGINS else f"plugin {impl.plugin_name}"


def _impls(hook: Any) -> list[Any]:
    """A hook's implementations in registration order (built-ins first); wrappers are skipped."""
    return [
        impl
        for impl in hook.get_hookimpls()
        if not getattr(impl, "hookwrapper", False) and not getattr(impl, "wrapper", False)
    ]


def _call(impl: Any, hook_name: str, **kwargs: Any) -> Any:
    try:
        return impl.function(**{name: kwargs[name] for name in impl.argnames})
    except Exception as error:
        raise PluginError(f"{_owner(impl)} failed in {hook_name}: {type(error).__name__}: {error}") from error


def collect_rules(manager: pluggy.PluginManager) -> RuleSet:
    """Every plugin's rules; a code, name or alias claimed twice is an error naming both owners."""
    from containerlint.registry import Rule, RuleSet

    claimed: dict[str, tuple[Rule, str]] = {}
    rules: list[Rule] = []
    for impl in _impls(manager.hook.containerlint_rules):
        owner = _owner(impl)
        batch = _call(impl, "containerlint_rules")
        try:
            items = list(batch or ())
        except TypeError:
            raise PluginError(f"{owner}: containerlint_rules returned {type(batch).__name__}, not rules") from None
        for rule in items:
            if not isinstance(rule, Rule):
                raise PluginError(f"{owner}: containerlint_rules returned a {type(rule).__name__}, not a Rule")
            for key in (rule.code, rule.name, *rule.aliases):
                previous = claimed.get(key.lower())
                if previous is not None and previous[0] is not rule:
                    other, other_owner = previous
                    raise PluginError(
                        f"{owner}: rule {rule.code} ({rule.name}) claims {key!r}, "
                        f"which is already {other.code} ({other.name}) from {other_owner}"
                    )
                claimed[key.lower()] = (rule, owner)
            if rule not in rules:
                rules.append(rule)
    try:
        return RuleSet(rules)
    except ValueError as error:
        raise PluginError(f"invalid rule registration: {error}") from None


def collect_reporters(manager: pluggy.PluginManager) -> dict[str, Any]:
    """Every plugin's output formats; a later plugin's format replaces a built-in of the same name."""
    reporters: dict[str, Any] = {}
    for impl in _impls(manager.hook.containerlint_reporters):
        batch = _call(impl, "containerlint_reporters")
        if not isinstance(batch, Mapping) or not all(isinstance(k, str) and callable(v) for k, v in batch.items()):
            raise PluginError(f"{_owner(impl)}: containerlint_reporters must return a mapping of names to callables")
        reporters.update(batch)
    return reporters


def detect_kind_hook(manager: pluggy.PluginManager) -> Callable[[Path, str], FileKind | None] | None:
    """The ``containerlint_detect_kind`` hook as discovery calls it, or None if no plugin has it.

    Discovery reads every unrecognised file's head to ask the hook, so it is skipped when unused.
    """
    from containerlint.model import FileKind

    impls = list(reversed(_impls(manager.hook.containerlint_detect_kind)))  # pluggy's call order
    if not impls:
        return None

    def detect(path: Path, head: str) -> FileKind | None:
        for impl in impls:
            answer = _call(impl, "containerlint_detect_kind", path=path, head=head)
            if answer is None:
                continue
            try:
                return FileKind(answer)
            except ValueError:
                raise PluginError(
                    f"{_owner(impl)}: containerlint_detect_kind returned {answer!r}, not a file kind"
                ) from None
        return None

    return detect
