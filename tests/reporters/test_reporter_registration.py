from __future__ import annotations

import subprocess
import sys

import pluggy

from containerlint import hookspecs, reporters


def test_builtin_formats_are_registered_through_the_hook():
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    manager.register(reporters, name="containerlint.reporters")
    (formats,) = manager.hook.containerlint_reporters()
    assert sorted(formats) == ["github", "json", "sarif", "text"]
    assert all(callable(render) for render in formats.values())


def test_importing_the_package_loads_no_format():
    # The plugin manager imports this package on every run, even for --version.
    code = (
        "import sys, containerlint.reporters\n"
        "prefixes = ('containerlint.reporters.', 'jsonschema')\n"
        "loaded = [m for m in sys.modules if m.startswith(prefixes)]\n"
        "print(','.join(sorted(loaded)))\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(filter(None, completed.stdout.strip().split(",")))
    assert loaded <= {"containerlint.reporters.base"}
