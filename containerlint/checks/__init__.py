"""The built-in rules, registered through the same pluggy hook as third-party rules.

Rules are grouped by concern, one subpackage per code range (``image`` is CL1xxx, ``build``
CL3xxx, ...). Adding a rule: write its module in the right subpackage (one rule per module, named
after the rule), add the module name to that subpackage's ``RULE_MODULES``, and write
``rules/<CODE>.md`` with examples (the tests execute them and check nothing is left out).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from containerlint.hookspecs import hookimpl
from containerlint.registry import Rule

CONCERNS = (
    "image",
    "supplychain",
    "privilege",
    "build",
    "packages",
    "languages",
    "shell",
    "metadata",
    "reliability",
    "secrets",
    "network",
    "consistency",
    "style",
    "variables",
    "hygiene",
    "compose",
    "compose_style",
    "schema",
    "workloads",
)


def builtin_rules() -> list[Rule]:
    from containerlint.checks.meta import META_RULES

    rules = list(META_RULES)
    for concern in CONCERNS:
        package = importlib.import_module(f"containerlint.checks.{concern}")
        for module_name in package.RULE_MODULES:
            module = importlib.import_module(f"containerlint.checks.{concern}.{module_name}")
            rules.append(module.RULE)
    return rules


@hookimpl
def containerlint_rules() -> Iterable[Rule]:
    return builtin_rules()
