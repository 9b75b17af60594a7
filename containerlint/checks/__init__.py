"""The built-in rules, registered through the same pluggy hook as third-party rules.

Adding a rule: write its module here (one rule per module, named after the rule), add it to
``_RULE_MODULES``, and write ``rules/<CODE>.md`` with examples (the tests execute them).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from containerlint.hookspecs import hookimpl
from containerlint.registry import Rule

_RULE_MODULES = (
    "unpinned_image",
    "secret_in_environment",
    "undefined_compose_resource",
    "service_selects_no_pods",
    "selector_template_mismatch",
)


def builtin_rules() -> list[Rule]:
    from containerlint.checks.meta import META_RULES

    rules = list(META_RULES)
    for module_name in _RULE_MODULES:
        module = importlib.import_module(f"containerlint.checks.{module_name}")
        rules.append(module.RULE)
    return rules


@hookimpl
def containerlint_rules() -> Iterable[Rule]:
    return builtin_rules()
