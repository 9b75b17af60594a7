"""The plugin hooks. Built-in rules and reporters are registered through these same hooks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from containerlint.model import FileKind
    from containerlint.registry import Rule
    from containerlint.reporters.base import Reporter

PROJECT = "containerlint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def containerlint_rules() -> Iterable[Rule]:  # type: ignore[empty-body]
    """Return the rules this plugin contributes. Called once per run."""


@hookspec
def containerlint_reporters() -> Mapping[str, Reporter]:  # type: ignore[empty-body]
    """Return output formats keyed by their ``--format`` name."""


@hookspec(firstresult=True)
def containerlint_detect_kind(path: Path, head: str) -> FileKind | None:
    """Classify a file the built-in patterns do not recognise; the first non-None answer wins.

    ``head`` is the first 4 KiB of the file's text.
    """
