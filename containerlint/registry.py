"""Rules and the set of rules a run uses.

A :class:`Rule` is metadata plus check functions registered with decorators::

    RULE = Rule(code="CL1001", name="unpinned-image", summary="...", severity=Severity.WARNING)

    @RULE.check(FileKind.DOCKERFILE)
    def _dockerfile(doc, ctx): yield Problem(...)

    @RULE.check_project(FileKind.KUBERNETES)
    def _project(project, ctx): yield Problem(..., path=...)

A :class:`RuleSet` resolves selectors (codes, code prefixes, names, tags, aliases, ``ALL``) the same
way everywhere: in the config, on the command line and in suppression comments.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from containerlint.model import FileKind, Problem, Severity

DOCS_BASE = "https://github.com/containerlint/containerlint/blob/main/rules"
CODE_PATTERN = re.compile(r"^[A-Z]{1,6}[0-9]{3,5}$")
NAME_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ALIAS_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*:\S+$")

CheckFn = Callable[[Any, "Context"], Iterable[Problem]]


@dataclass(frozen=True)
class Context:
    """What a check function gets besides the document: its options and the run's settings."""

    options: Mapping[str, Any]
    path: str | None = None
    settings: Any = None


@dataclass(eq=False)
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    default_enabled: bool = True
    options: Mapping[str, Any] = field(default_factory=dict)
    docs_base: str = DOCS_BASE
    checks: dict[FileKind, CheckFn] = field(default_factory=dict)
    project_checks: list[tuple[frozenset[FileKind], CheckFn]] = field(default_factory=list)
    # Another tool's codes this rule reports, one per finding (CL3450 runs ShellCheck and
    # reports its SC codes): a regular expression for the selectors that name one of them,
    # like r"shellcheck:SC\d+". Such a selector names the rule for that code only: selecting
    # it runs the rule for the selected codes, ignoring it drops that code, through the rule's
    # ``include`` and ``exclude`` options (config.options_for); suppressions match it against
    # ``Finding.aliases``.
    sub_codes: str | None = None

    def __post_init__(self) -> None:
        if not CODE_PATTERN.match(self.code):
            raise ValueError(f"rule code {self.code!r} must be letters then digits, like CL1001")
        if not NAME_PATTERN.match(self.name):
            raise ValueError(f"rule name {self.name!r} must be kebab-case")
        for alias in self.aliases:
            if not ALIAS_PATTERN.match(alias):
                raise ValueError(f"alias {alias!r} of {self.code} must be namespaced, like hadolint:DL3007")
        if self.sub_codes is not None and not {"include", "exclude"} <= set(self.options):
            raise ValueError(f"{self.code} has sub_codes, so it needs the options 'include' and 'exclude'")

    @property
    def kinds(self) -> frozenset[FileKind]:
        kinds = set(self.checks)
        for project_kinds, _ in self.project_checks:
            kinds |= project_kinds
        return frozenset(kinds)

    @property
    def docs_url(self) -> str:
        return f"{self.docs_base}/{self.code}.md"

    def check(self, *kinds: FileKind) -> Callable[[CheckFn], CheckFn]:
        """Register a function that checks one parsed document of each of ``kinds``."""

        def register(fn: CheckFn) -> CheckFn:
            for kind in kinds:
                self.checks[kind] = fn
            return fn

        return register

    def check_project(self, *kinds: FileKind) -> Callable[[CheckFn], CheckFn]:
        """Register a function that checks the whole project index; ``kinds`` are the kinds it reports on."""

        def register(fn: CheckFn) -> CheckFn:
            self.project_checks.append((frozenset(kinds), fn))
            return fn

        return register

    def __repr__(self) -> str:
        return f"<Rule {self.code} {self.name}>"


class UnknownSelector(ValueError):
    def __init__(self, selector: str, suggestion: str | None) -> None:
        hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
        super().__init__(f"unknown rule selector {selector!r}{hint}")
        self.selector = selector
        self.suggestion = suggestion


# How specific a selector is: the most specific selector that matches a rule decides.
_SPECIFIC = 1000


class RuleSet:
    """All known rules, with lookups by code, name, alias, tag and prefix."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: list[Rule] = sorted(rules, key=lambda r: r.code)
        self._exact: dict[str, Rule] = {}
        self._tags: dict[str, list[Rule]] = {}
        for rule in self.rules:
            for key in (rule.code, rule.name, *rule.aliases):
                owner = self._exact.get(key.lower())
                if owner is not None and owner is not rule:
                    raise ValueError(f"{key!r} is claimed by both {owner.code} and {rule.code}")
                self._exact[key.lower()] = rule
            for tag in rule.tags:
                self._tags.setdefault(tag.lower(), []).append(rule)
        self._sub_codes = [(re.compile(rule.sub_codes, re.I), rule) for rule in self.rules if rule.sub_codes]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, key: str) -> Rule | None:
        """The rule with this code, name or alias, or None."""
        return self._exact.get(key.strip().lower())

    def match(self, selector: str) -> tuple[list[Rule], int]:
        """Rules a selector names and how specific it is; raises UnknownSelector if none."""
        key = selector.strip()
        low = key.lower()
        if low == "all":
            return list(self.rules), 0
        rule = self._exact.get(low)
        if rule is not None:
            return [rule], _SPECIFIC
        sub_code = self.sub_code(key)
        if sub_code is not None:
            return [sub_code[0]], _SPECIFIC + 1  # one code of a rule: narrower than the rule
        if low in self._tags:
            return list(self._tags[low]), 50
        prefixed = [r for r in self.rules if r.code.lower().startswith(low)]
        if prefixed and key[:1].isalpha():
            return prefixed, len(key)
        raise UnknownSelector(selector, self.suggest(selector))

    def sub_code(self, selector: str) -> tuple[Rule, str] | None:
        """(rule, code) when ``selector`` names one of a rule's sub-codes rather than a rule:
        ``shellcheck:SC2086`` -> (CL3450, "SC2086"). See ``Rule.sub_codes``."""
        key = selector.strip()
        if key.lower() in self._exact:
            return None
        for pattern, rule in self._sub_codes:
            if pattern.fullmatch(key):
                return rule, key.split(":", 1)[-1].upper()
        return None

    def suggest(self, selector: str) -> str | None:
        choices = list(self._exact) + list(self._tags)
        found = difflib.get_close_matches(selector.lower(), choices, n=1, cutoff=0.6)
        if not found:
            return None
        rule = self._exact.get(found[0])
        if rule is None:
            return found[0]
        # Return the spelling the user most likely meant (code, name or alias as registered).
        for key in (rule.code, rule.name, *rule.aliases):
            if key.lower() == found[0]:
                return key
        return found[0]

    def select(
        self,
        select: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> list[Rule]:
        """The enabled rules. The most specific matching selector wins; on a tie, ignore wins."""
        decisions: dict[str, tuple[int, bool]] = {}

        def decide(selectors: Iterable[str], enabled: bool) -> None:
            for selector in selectors:
                if not enabled and self.sub_code(selector) is not None:
                    continue  # ignoring one sub-code leaves the rule on (it becomes an exclude)
                rules, specificity = self.match(selector)
                for rule in rules:
                    previous = decisions.get(rule.code)
                    if previous is None or (specificity, not enabled) >= (previous[0], not previous[1]):
                        decisions[rule.code] = (specificity, enabled)

        select_list = None if select is None else list(select)
        decide(select_list or (), True)
        decide(extend_select, True)
        decide(ignore, False)
        enabled = []
        for rule in self.rules:
            if rule.code in decisions:
                if decisions[rule.code][1]:
                    enabled.append(rule)
            elif select_list is None and rule.default_enabled:
                enabled.append(rule)
        return enabled

    def resolve_mapping(self, mapping: Mapping[str, Any]) -> dict[str, Any]:
        """Turn {selector: value} into {code: value}; more specific selectors win."""
        best: dict[str, tuple[int, Any]] = {}
        for selector, value in mapping.items():
            if self.sub_code(selector) is not None:
                continue  # a value for one sub-code is not the whole rule's (config.validate refuses it)
            rules, specificity = self.match(selector)
            for rule in rules:
                if rule.code not in best or specificity >= best[rule.code][0]:
                    best[rule.code] = (specificity, value)
        return {code: value for code, (_, value) in best.items()}
