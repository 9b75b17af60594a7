"""Build the plugin manager: built-ins first, then third-party packages from entry points."""

from __future__ import annotations

import importlib.metadata

import pluggy

from containerlint import hookspecs

ENTRY_POINT_GROUP = "containerlint"


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
