"""Shared test helpers: lint in-memory text through the real engine and rule set."""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest

from containerlint.checks import builtin_rules
from containerlint.engine import LintOptions, Source, lint_sources
from containerlint.model import FileKind, Finding
from containerlint.registry import RuleSet

REQUIRE_TOOLS = os.environ.get("CONTAINERLINT_REQUIRE_TOOLS") == "1"


def builtin_ruleset() -> RuleSet:
    return RuleSet(builtin_rules())


def lint_texts(
    files: Sequence[tuple[str, str, FileKind | None]],
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    rule_options: dict[str, dict[str, object]] | None = None,
    inline_ignores: bool = True,
) -> list[Finding]:
    """Lint several in-memory files as one project; returns every finding (suppressed included)."""
    ruleset = builtin_ruleset()
    rules = ruleset.select(select, extend_select=extend_select, ignore=ignore)
    options_by_code = {}
    for selector, values in (rule_options or {}).items():
        rule = ruleset.get(selector)
        assert rule is not None, selector
        options_by_code[rule.code] = values
    options = LintOptions(rules=rules, ruleset=ruleset, rule_options=options_by_code, inline_ignores=inline_ignores)
    sources = [Source(path=path, text=text, kind=kind, explicit=True) for path, text, kind in files]
    return lint_sources(sources, options).findings


def lint_text(text: str, kind: FileKind | None, path: str | None = None, **kwargs: object) -> list[Finding]:
    default_paths = {
        FileKind.DOCKERFILE: "Dockerfile",
        FileKind.COMPOSE: "compose.yaml",
        FileKind.KUBERNETES: "manifest.yaml",
        None: "file.yaml",
    }
    return lint_texts([(path or default_paths[kind], text, kind)], **kwargs)  # type: ignore[arg-type]


def skip_or_fail(reason: str) -> None:
    """Skip a test whose external tool is missing; in CI (CONTAINERLINT_REQUIRE_TOOLS=1) fail instead."""
    if REQUIRE_TOOLS:
        pytest.fail(f"required tool missing in CI: {reason}")
    pytest.skip(reason)
