"""The rules/ catalogue and the registry stay in step, and every example on every page is executed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from containerlint.catalogue import render_rules
from containerlint.model import FileKind
from tests.helpers import builtin_ruleset, lint_text

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```\s*$", re.MULTILINE | re.DOTALL)
MARK_SAME = re.compile(r"#\s*\[(?P<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)\]")
MARK_NEXT = re.compile(r"#\s*\+(?P<offset>[0-9]+):\s*\[(?P<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)\]")
KINDS = {"dockerfile": FileKind.DOCKERFILE, "compose": FileKind.COMPOSE, "kubernetes": FileKind.KUBERNETES}
REQUIRED_SECTIONS = ("## Why", "## Examples", "## Suppressing", "## Equivalents")
# The name an example is written under when it needs files next to it (context=...).
EXAMPLE_FILE_NAMES = {
    FileKind.DOCKERFILE: "Dockerfile",
    FileKind.COMPOSE: "compose.yaml",
    FileKind.KUBERNETES: "manifest.yaml",
}
CONTEXT = "(context)"  # not a rule option: the files written next to the example (context=...)

RULES = list(builtin_ruleset())


def page(code: str) -> str:
    return (RULES_DIR / f"{code}.md").read_text(encoding="utf-8")


def example_blocks(text: str) -> list[tuple[FileKind, str, str, dict[str, object]]]:
    """(kind, verdict, body, rule options) for every fenced example whose info string names a
    verdict. ``options={"key":value}`` (JSON without spaces) before the verdict gives the rule
    options the example runs with: ```dockerfile options={"trusted-registries":["a.io"]} bad```.
    ``context={"path":"content"}`` (JSON without spaces) lists files that sit next to the example
    on disk, for rules that read the build context; they come back under the options key
    ``CONTEXT``."""
    blocks = []
    for match in FENCE.finditer(text):
        words = match.group("info").split()
        if not words or words[-1] not in ("bad", "good"):
            continue
        options: dict[str, object] = {}
        for word in words[1:-1]:
            if word.startswith("options="):
                options.update(json.loads(word.removeprefix("options=")))
            elif word.startswith("context="):
                options[CONTEXT] = json.loads(word.removeprefix("context="))
        words = [word for word in words if not word.startswith(("options=", "context="))]
        kind_word = words[0] if words[0] == "dockerfile" else (words[1] if len(words) > 2 else "")
        assert kind_word in KINDS, f"example fence {match.group('info')!r} names no file kind"
        blocks.append((KINDS[kind_word], words[-1], match.group("body"), options))
    return blocks


def expected_marks(body: str) -> set[tuple[int, str]]:
    expected = set()
    for number, line in enumerate(body.splitlines(), start=1):
        target = number
        match = MARK_NEXT.search(line)
        if match:
            target = number + int(match.group("offset"))
        else:
            match = MARK_SAME.search(line)
        if match:
            expected.update((target, code.strip()) for code in match.group("codes").split(","))
    return expected


def test_every_rule_has_a_page_and_every_page_a_rule() -> None:
    pages = {p.stem for p in RULES_DIR.glob("CL*.md")}
    assert pages == {rule.code for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_page_structure(rule) -> None:  # type: ignore[no-untyped-def]
    text = page(rule.code)
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0] == f"# {rule.code} {rule.name}"
    assert lines[1] == rule.summary
    positions = [text.find(section + "\n") for section in REQUIRED_SECTIONS]
    assert all(p >= 0 for p in positions), f"{rule.code}.md needs sections {REQUIRED_SECTIONS}"
    assert positions == sorted(positions), f"{rule.code}.md sections out of order"
    for alias in rule.aliases:
        assert f"`{alias}`" in text, f"{rule.code}.md must list alias {alias}"
    if rule.options:
        assert "## Options" in text
        for key in rule.options:
            assert f"`{key}`" in text, f"{rule.code}.md must document option {key}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_page_has_bad_and_good_example_per_kind(rule) -> None:  # type: ignore[no-untyped-def]
    blocks = example_blocks(page(rule.code))
    for kind in rule.kinds:
        verdicts = {verdict for block_kind, verdict, _, _ in blocks if block_kind is kind}
        assert verdicts == {"bad", "good"}, f"{rule.code}.md needs a bad and a good {kind.value} example"


def _all_examples():  # type: ignore[no-untyped-def]
    for rule in RULES:
        for number, (kind, verdict, body, options) in enumerate(example_blocks(page(rule.code)), start=1):
            yield pytest.param(rule, kind, verdict, body, options, id=f"{rule.code}-{number}-{kind.value}-{verdict}")


@pytest.mark.parametrize(("rule", "kind", "verdict", "body", "options"), list(_all_examples()))
def test_examples_behave_as_marked(rule, kind, verdict, body, options, tmp_path) -> None:  # type: ignore[no-untyped-def]
    options = dict(options)
    context = options.pop(CONTEXT, None)
    for option in options:
        assert option in rule.options, f"example sets unknown option {option!r}"
    path = None
    if context is not None:  # the example is a file on disk, with these files next to it
        own_name = EXAMPLE_FILE_NAMES[kind]
        for name, content in {**context, own_name: body}.items():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text(content, encoding="utf-8")
        path = str(tmp_path / own_name)
    findings = lint_text(body, kind, path=path, extend_select=[rule.code], rule_options={rule.code: options})
    found = {(f.span.start.line, f.code) for f in findings if f.code == rule.code and not f.suppressed}
    expected = {mark for mark in expected_marks(body) if mark[1] == rule.code}
    if verdict == "good":
        assert not expected, "a good example must not carry markers"
        assert not found, f"good example produced {sorted(found)}"
    else:
        assert expected, "a bad example needs at least one marker"
        assert found == expected


def test_rules_index_is_fresh() -> None:
    index = (RULES_DIR / "README.md").read_text(encoding="utf-8")
    assert index == render_rules(builtin_ruleset(), "markdown"), (
        "rules/README.md is stale: run `containerlint rules --format markdown > rules/README.md`"
    )


def test_every_rule_module_is_registered() -> None:
    """A rule module that is not in its package's RULE_MODULES would silently never run."""
    import importlib

    from containerlint.checks import CONCERNS

    checks_dir = Path(__file__).resolve().parent.parent / "containerlint" / "checks"
    for concern in CONCERNS:
        package = importlib.import_module(f"containerlint.checks.{concern}")
        modules = {p.stem for p in (checks_dir / concern).glob("*.py") if not p.stem.startswith("_")}
        assert modules == set(package.RULE_MODULES), f"checks/{concern}: register {modules - set(package.RULE_MODULES)}"


def test_rule_modules_are_named_after_their_rule() -> None:
    import importlib

    from containerlint.checks import CONCERNS

    for concern in CONCERNS:
        package = importlib.import_module(f"containerlint.checks.{concern}")
        for name in package.RULE_MODULES:
            rule = importlib.import_module(f"containerlint.checks.{concern}.{name}").RULE
            assert rule.name.replace("-", "_") == name, f"{concern}/{name}.py holds {rule.name}"
