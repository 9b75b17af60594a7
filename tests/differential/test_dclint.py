"""Differential test: containerlint and the real dclint (npm, 3.1) on the same Compose files.

The files: the corpus in tests/differential/compose_corpus/ (small cases for every rule, and a few
files written like real projects), the Compose files of examples/, and every ```yaml compose block
of the rule pages of the rules that have a dclint alias. dclint runs once over all of them (each copied to
a folder of its own as ``compose.yaml``; ``dclint -r -f json``, every rule on through a
``.dclintrc``), containerlint in-process with every rule that has a dclint alias selected, each
file a project of its own. What is compared is the set of (file, line, dclint rule):

- our findings count through their rule's dclint alias, at the line dclint reports for that rule:
  dclint reports the line of the ``ports:`` / ``depends_on:`` key for the port and dependency rules
  (ours point at the entry), and line 1 for a missing ``name``;
- a finding of ours suppressed by a ``# dclint`` comment is absent, as in dclint;
- a file dclint finds invalid (``invalid-schema``, ``invalid-yaml``) is compared only on that, at
  line 0: dclint runs no rule on such a file. Our schema rule (CL8001) answers for
  ``invalid-schema``, our syntax error (CL0001) for ``invalid-yaml``.

Every disagreement must be listed in dclint_known_differences.toml with a reason; the test fails on
an unexplained disagreement and on an entry that no longer matches one (stale).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from containerlint.model import FileKind, Finding
from tests.differential.differences import compare, load_entries
from tests.helpers import builtin_ruleset, lint_texts, skip_or_fail

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover - Python 3.10
    pass

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CORPUS = HERE / "compose_corpus"
KNOWN = HERE / "dclint_known_differences.toml"
DCLINT = REPO / "tests" / "tools" / "node_modules" / ".bin" / "dclint"
SIDES = ("only-dclint", "only-containerlint")
FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```\s*$", re.MULTILINE | re.DOTALL)
COMPOSE_NAME = re.compile(r"(?:docker-)?compose.*\.ya?ml")
FILE_LEVEL = {"invalid-schema": "CL8001", "invalid-yaml": "CL0001"}
# dclint reports these rules at the line of the section key, ours at the entry.
SECTION_OF = {
    "no-duplicate-exported-ports": "ports",
    "no-unbound-port-interfaces": "ports",
    "service-ports-alphabetical-order": "ports",
    "service-dependencies-alphabetical-order": "depends_on",
}
AT_LINE_ONE = {"require-project-name-field"}

Key = tuple[str, int, str]  # (case id, line, dclint rule)


@dataclass(frozen=True)
class Case:
    id: str
    text: str


def collect_cases() -> list[Case]:
    cases = [
        Case(f"compose_corpus/{path.name}", path.read_text(encoding="utf-8")) for path in sorted(CORPUS.glob("*.yaml"))
    ]
    for path in sorted((REPO / "examples").rglob("*.yaml")):
        if COMPOSE_NAME.fullmatch(path.name):
            cases.append(Case(path.relative_to(REPO).as_posix(), path.read_text(encoding="utf-8")))
    codes = {rule.code for rule in builtin_ruleset() if _dclint_names(rule.aliases)}
    for code in sorted(codes):
        page = REPO / "rules" / f"{code}.md"
        blocks = [
            m
            for m in FENCE.finditer(page.read_text(encoding="utf-8"))
            if m.group("info").split()[:2] == ["yaml", "compose"]
        ]
        for number, match in enumerate(blocks, start=1):
            if "options=" in match.group("info") or "context=" in match.group("info"):
                continue  # examples that need options or files next to them are not dclint's defaults
            cases.append(Case(f"rules/{code}.md#{number}", match.group("body")))
    return cases


def _dclint_names(aliases: Sequence[str]) -> list[str]:
    return [alias.split(":", 1)[1] for alias in aliases if alias.startswith("dclint:")]


def _folder(index: int) -> str:
    return f"case{index:03d}"


# ---------------------------------------------------------------------------------------------
# Running both


def run_dclint(cases: Sequence[Case], workdir: Path) -> set[Key]:
    names = {}
    for index, case in enumerate(cases):
        folder = workdir / "files" / _folder(index)
        folder.mkdir(parents=True)
        (folder / "compose.yaml").write_text(case.text, encoding="utf-8")
        names[_folder(index)] = case.id
    (workdir / ".dclintrc").write_text(json.dumps({"rules": {}}), encoding="utf-8")
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": str(workdir)}
    completed = subprocess.run(
        [str(DCLINT), "-r", "-f", "json", "-o", "report.json", "files"],
        cwd=workdir,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = workdir / "report.json"  # not stdout: node cuts a piped stdout at 64 KiB on exit
    assert report.is_file(), completed.stderr
    found = set()
    for result in json.loads(report.read_text(encoding="utf-8")):
        case_id = names[Path(result["filePath"]).parent.name]
        for message in result["messages"]:
            rule = message["rule"]
            line = 0 if rule in FILE_LEVEL or rule == "unknown-error" else int(message["line"])
            found.add((case_id, line, rule))
    return found


def run_containerlint(cases: Sequence[Case]) -> set[Key]:
    ruleset = builtin_ruleset()
    aliased = [rule for rule in ruleset if _dclint_names(rule.aliases)]
    files = [(f"{_folder(index)}/compose.yaml", case.text, FileKind.COMPOSE) for index, case in enumerate(cases)]
    # dclint's default list of floating tags, which CL1001 takes as an option (its default is 'latest').
    dclint_tags = ["latest", "stable", "edge", "test", "nightly", "dev", "beta", "canary", "lts"]
    findings = lint_texts(
        files,
        select=[rule.code for rule in aliased] + ["CL0001"],
        rule_options={"CL1001": {"prohibited-tags": dclint_tags}},
    )
    by_path = {path: (cases[index], text) for index, (path, text, _) in enumerate(files)}
    invalid: dict[str, set[str]] = {}
    found: set[Key] = set()
    for finding in findings:
        if finding.path not in by_path:
            continue
        case, text = by_path[finding.path]
        if finding.code in FILE_LEVEL.values():
            rule_name = next(name for name, code in FILE_LEVEL.items() if code == finding.code)
            invalid.setdefault(case.id, set()).add(rule_name)
            continue
        if finding.suppression is not None and finding.suppression.source == "dclint":
            continue
        for name in _names_of(finding, ruleset):
            found.add((case.id, _dclint_line(finding, name, text), name))
    # dclint runs no rule on a file it finds invalid: compare such a file on that alone.
    if invalid:
        found = {key for key in found if key[0] not in invalid}
        for case_id, rules in invalid.items():
            rule = "invalid-yaml" if "invalid-yaml" in rules else "invalid-schema"
            found.add((case_id, 0, rule))
    return found


def _names_of(finding: Finding, ruleset: object) -> list[str]:
    names = _dclint_names(finding.aliases)
    if names:
        return names
    rule = ruleset.get(finding.code)  # type: ignore[attr-defined]
    return _dclint_names(rule.aliases) if rule is not None else []


def _dclint_line(finding: Finding, name: str, text: str) -> int:
    line = finding.span.start.line
    if name in AT_LINE_ONE:
        return 1
    section = SECTION_OF.get(name)
    if section is None:
        return line
    lines = text.splitlines()
    pattern = re.compile(rf"^\s*{re.escape(section)}\s*:")
    for number in range(min(line, len(lines)), 0, -1):
        if pattern.match(lines[number - 1]):
            return number
    return line


def _drop_invalid_dclint(found: set[Key]) -> set[Key]:
    """dclint's view, with the rules it ran on files it later found invalid removed (it runs none)."""
    invalid = {key[0] for key in found if key[2] in FILE_LEVEL or key[2] == "unknown-error"}
    return {key for key in found if key[0] not in invalid or key[1] == 0}


# ---------------------------------------------------------------------------------------------
# Known differences


@dataclass(frozen=True)
class Known:
    file: str  # or "*"
    line: int | None  # None: every line
    rule: str  # the dclint rule name
    side: str
    reason: str

    def matches(self, key: Key, side: str) -> bool:
        file, line, rule = key
        return (
            side == self.side
            and rule == self.rule
            and self.file in (file, "*")
            and (self.line is None or self.line == line)
        )


def load_known() -> list[Known]:
    entries = load_entries(KNOWN, ("file", "rule"), SIDES)
    return [Known(e["file"], e.get("line"), e["rule"], e["side"], e["reason"]) for e in entries]


def test_containerlint_agrees_with_dclint(tmp_path: Path) -> None:
    if not DCLINT.exists() or shutil.which("node") is None:
        skip_or_fail("dclint (npm ci in tests/tools) or node is not installed")
    cases = collect_cases()
    assert len([c for c in cases if c.id.startswith("compose_corpus/")]) >= 20
    theirs = _drop_invalid_dclint(run_dclint(cases, tmp_path))
    ours = run_containerlint(cases)
    result = compare(theirs, ours, load_known(), "only-dclint")
    unexplained = [
        f'file = "{file}"\nline = {line}\nrule = "{rule}"\nside = "{side}"'
        for (file, line, rule), side in sorted(result.unexplained.items())
    ]
    assert not unexplained, "unexplained disagreements with dclint:\n\n" + "\n\n".join(unexplained)
    assert not result.stale, f"stale entries in {KNOWN.name}: {result.stale}"
    assert theirs & ours, "the two tools agree on nothing: the comparison itself is broken"
