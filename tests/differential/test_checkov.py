"""Differential test: containerlint and checkov on the same Kubernetes manifests and Dockerfiles.

The files: tests/differential/checkov_corpus/ (Kubernetes manifests and ``*.Dockerfile``s written
to exercise, flagged and clean, every checkov id that some containerlint rule lists as an alias).
checkov (its own venv, tests/tools/checkov-venv) runs once over the directory for both frameworks;
containerlint runs once in-process with every rule that has a checkov alias selected. What is
compared is the set of (file, object, checkov id):

- checkov reports a *resource* with a line range, not a field. For a manifest the object is the
  Kubernetes object (``Kind/name``) whose document starts inside checkov's range; a finding of
  ours counts for the object that contains it. (CKV2_K8S_6 reports a Deployment's pod template as
  ``Pod.ns.name.app-name`` but with the Deployment's lines, so it lands on the Deployment too.)
- For a Dockerfile the object is the instruction (``RUN@7``: keyword and first line), or ``file``
  for checks checkov makes on the whole file (WHOLE_FILE: CKV_DOCKER_3, "no USER at all").
- Our findings count through the rule's checkov aliases, or the finding's own (``Finding.aliases``)
  when it says which of several it is; only ids of the file's framework (``_K8S_`` for manifests,
  ``_DOCKER_`` for Dockerfiles) are taken from the rule.

Every disagreement must be listed in checkov_known_differences.toml with a reason; the test fails
on an unexplained disagreement and on an entry that no longer matches one (stale). ``file``,
``object`` and ``code`` are glob patterns (``object = "Job/*"``, ``file = "*"``) for a systematic
difference.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

import pytest

from containerlint.model import FileKind, Finding
from containerlint.syntax.dockerfile import parse_dockerfile
from containerlint.syntax.kubernetes import KubernetesFile
from containerlint.syntax.yamltree import parse_yaml
from tests.differential import differences
from tests.differential.differences import Comparison, load_entries
from tests.helpers import builtin_ruleset, lint_texts, skip_or_fail

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover - Python 3.10
    pass

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CORPUS = HERE / "checkov_corpus"
KNOWN = HERE / "checkov_known_differences.toml"
CHECKOV = REPO / "tests" / "tools" / "checkov-venv" / "bin" / "checkov"
SIDES = ("only-checkov", "only-containerlint")
WHOLE_FILE = frozenset({"CKV_DOCKER_3"})  # checkov's Dockerfile checks about the file as a whole
FILE_OBJECT = "file"

Key = tuple[str, str, str]  # (file name, object, checkov id)


# ---------------------------------------------------------------------------------------------
# The corpus and how its lines map to objects


def corpus_files() -> list[Path]:
    return sorted(path for path in CORPUS.iterdir() if path.suffix in (".yaml", ".Dockerfile"))


def kind_of(path: Path) -> FileKind:
    return FileKind.DOCKERFILE if path.suffix == ".Dockerfile" else FileKind.KUBERNETES


@dataclass(frozen=True)
class Region:
    name: str  # "Deployment/web", "RUN@7"
    first: int
    last: int


def regions(text: str, kind: FileKind) -> list[Region]:
    """The objects of a file with their lines: Kubernetes objects, or Dockerfile instructions."""
    if kind is FileKind.DOCKERFILE:
        return [
            Region(f"{ins.keyword}@{ins.span.start.line}", ins.span.start.line, ins.span.end.line)
            for ins in parse_dockerfile(text).instructions
        ]
    return [
        Region(f"{obj.kind}/{obj.name}", obj.span.start.line, obj.span.end.line)
        for obj in KubernetesFile(parse_yaml(text)).objects
    ]


def region_at(found: Sequence[Region], line: int) -> str:
    """The object a finding on ``line`` belongs to."""
    return next((region.name for region in found if region.first <= line <= region.last), f"line {line}")


def region_starting_in(found: Sequence[Region], first: int, last: int) -> str:
    """The object checkov means by the line range ``first``-``last``."""
    return next((region.name for region in found if first <= region.first <= last), f"lines {first}-{last}")


# ---------------------------------------------------------------------------------------------
# Running both


def aliased_rules() -> dict[str, tuple[str, ...]]:
    """Rule code -> its checkov ids, for every rule that lists one."""
    return {rule.code: ids for rule in builtin_ruleset() if (ids := checkov_ids(rule.aliases))}


def checkov_ids(aliases: Iterable[str]) -> tuple[str, ...]:
    return tuple(alias.split(":", 1)[1].upper() for alias in aliases if alias.lower().startswith("checkov:"))


def framework_ids(ids: Iterable[str], kind: FileKind) -> tuple[str, ...]:
    marker = "_DOCKER_" if kind is FileKind.DOCKERFILE else "_K8S_"
    return tuple(code for code in ids if marker in code)


def run_checkov(files: Sequence[Path], compared: set[str]) -> set[Key]:
    """checkov once over the corpus; its failed checks as (file, object, id)."""
    command = [str(CHECKOV), "-d", str(CORPUS), "--framework", "kubernetes", "dockerfile", "-o", "json"]
    command += ["--quiet", "--compact", "--skip-download", "--check", ",".join(sorted(compared))]
    environment = {**os.environ, "BC_SKIP_MAPPING": "TRUE"}
    completed = subprocess.run(
        command, capture_output=True, text=True, env=environment, timeout=300, check=False, cwd=CORPUS
    )
    assert completed.stdout.strip(), f"checkov printed nothing: {completed.stderr[-2000:]}"
    report = json.loads(completed.stdout)
    by_name = {path.name: regions(path.read_text(encoding="utf-8"), kind_of(path)) for path in files}
    found: set[Key] = set()
    for part in report if isinstance(report, list) else [report]:
        for failed in part.get("results", {}).get("failed_checks", []):
            name = Path(failed["file_path"]).name
            first, last = failed["file_line_range"]
            if failed["check_id"] in WHOLE_FILE and part.get("check_type") == "dockerfile":
                obj = FILE_OBJECT
            else:
                obj = region_starting_in(by_name[name], first, last)
            found.add((name, obj, failed["check_id"]))
    return found


def run_containerlint(files: Sequence[Path], rules: dict[str, tuple[str, ...]]) -> set[Key]:
    texts = {path.name: path.read_text(encoding="utf-8") for path in files}
    findings = lint_texts([(path.name, texts[path.name], kind_of(path)) for path in files], select=list(rules))
    by_name = {path.name: regions(texts[path.name], kind_of(path)) for path in files}
    kinds = {path.name: kind_of(path) for path in files}
    found: set[Key] = set()
    for finding in findings:
        if finding.code not in rules:
            continue  # meta findings (syntax errors) are not compared
        for code in ids_of(finding, rules[finding.code], kinds[finding.path]):
            if code in WHOLE_FILE and kinds[finding.path] is FileKind.DOCKERFILE:
                obj = FILE_OBJECT
            else:
                obj = region_at(by_name[finding.path], finding.span.start.line)
            found.add((finding.path, obj, code))
    return found


def ids_of(finding: Finding, rule_ids: Sequence[str], kind: FileKind) -> tuple[str, ...]:
    """The checkov ids one finding stands for: its own when it names some, else the rule's."""
    return framework_ids(checkov_ids(finding.aliases) or rule_ids, kind)


# ---------------------------------------------------------------------------------------------
# Comparing


@dataclass(frozen=True)
class Known:
    file: str
    object: str
    code: str
    side: str
    reason: str

    def matches(self, key: Key, side: str) -> bool:
        file, obj, code = key
        return (
            side == self.side
            and fnmatchcase(code, self.code)
            and fnmatchcase(file, self.file)
            and fnmatchcase(obj, self.object)
        )


def load_known(path: Path = KNOWN) -> list[Known]:
    entries = load_entries(path, ("file", "object", "code"), SIDES)
    return [Known(e["file"], e["object"], e["code"], e["side"], e["reason"]) for e in entries]


def compare(theirs: set[Key], ours: set[Key], known: Sequence[Known]) -> Comparison[Key]:
    return differences.compare(theirs, ours, known, "only-checkov")


def as_toml(unexplained: dict[Key, str]) -> str:
    """Entries to paste into checkov_known_differences.toml, once each difference is understood."""
    blocks = []
    for (file, obj, code), side in sorted(unexplained.items()):
        blocks.append(
            f'[[difference]]\nfile = "{file}"\nobject = "{obj}"\ncode = "{code}"\nside = "{side}"\nreason = "TODO"\n'
        )
    return "\n".join(blocks)


@dataclass
class Run:
    rules: dict[str, tuple[str, ...]]
    theirs: set[Key]
    ours: set[Key]
    comparison: Comparison[Key]


@pytest.fixture(scope="module")
def run() -> Run:
    if not CHECKOV.is_file():
        skip_or_fail("checkov is not installed (tests/tools/checkov-venv; .ci/run creates it)")
    files = corpus_files()
    rules = aliased_rules()
    compared = {code for ids in rules.values() for code in ids}
    theirs = run_checkov(files, compared)
    ours = run_containerlint(files, rules)
    return Run(rules, theirs, ours, compare(theirs, ours, load_known()))


# ---------------------------------------------------------------------------------------------
# Tests against checkov


def test_containerlint_agrees_with_checkov(run: Run) -> None:
    result = run.comparison
    problems = []
    if result.unexplained:
        problems.append(
            f"{len(result.unexplained)} disagreement(s) with checkov that checkov_known_differences.toml does "
            f"not explain; fix the rule, or add (with a reason):\n\n{as_toml(result.unexplained)}"
        )
    if result.stale:
        listed = "\n".join(f"  {k.file} {k.object} {k.code} {k.side}" for k in result.stale)
        problems.append(
            f"stale entries in checkov_known_differences.toml (the tools agree now; remove them):\n{listed}"
        )
    assert not problems, "\n\n".join(problems)


def test_every_aliased_checkov_id_is_exercised(run: Run) -> None:
    """checkov fails some corpus object for every id we alias, so each alias is really compared.

    An id checkov does not know at all fails here: such an alias is wrong.
    """
    compared = {code for ids in run.rules.values() for code in ids}
    flagged_by_checkov = {code for _, _, code in run.theirs}
    missing = sorted(compared - flagged_by_checkov)
    assert not missing, f"no corpus object fails these checkov ids (add one, or fix the alias): {missing}"


def test_every_aliased_rule_has_clean_objects_in_the_corpus(run: Run) -> None:
    """For each id some object of the right kind passes on both sides, so false positives are measured."""
    files = corpus_files()
    objects = {
        (path.name, region.name)
        for path in files
        for region in regions(path.read_text(encoding="utf-8"), kind_of(path))
        if kind_of(path) is FileKind.KUBERNETES
    }
    dockerfiles = {path.name for path in files if kind_of(path) is FileKind.DOCKERFILE}
    for code in sorted({code for ids in run.rules.values() for code in ids}):
        flagged = {(file, obj) for file, obj, c in run.theirs | run.ours if c == code}
        if "_DOCKER_" in code:
            assert dockerfiles - {file for file, _ in flagged}, f"every Dockerfile fails {code}"
        else:
            assert len(objects - flagged) >= 3, f"too few clean objects for {code}"


def test_both_tools_flag_the_same_object_for_every_id(run: Run) -> None:
    """Each compared id has an object both tools flag (a guard against a broken line/object mapping)."""
    result = run.comparison
    agreed = {code for _, _, code in result.agreements}
    compared = {code for ids in run.rules.values() for code in ids}
    assert not compared - agreed, f"no object both tools flag for {sorted(compared - agreed)}: {result.per_code()}"
    assert len(result.agreements) > len(result.disagreements), result.per_code()


def test_corpus_is_big_enough_to_mean_something() -> None:
    files = corpus_files()
    manifests = [path for path in files if kind_of(path) is FileKind.KUBERNETES]
    objects = sum(len(regions(path.read_text(encoding="utf-8"), FileKind.KUBERNETES)) for path in manifests)
    assert objects >= 30
    assert len(files) - len(manifests) >= 5


# ---------------------------------------------------------------------------------------------
# The comparison itself (no checkov needed)


def test_comparison_logic() -> None:
    theirs = {("a.yaml", "Pod/x", "CKV_K8S_16"), ("a.yaml", "Pod/y", "CKV_K8S_16"), ("b.yaml", "Pod/z", "CKV_K8S_8")}
    ours = {("a.yaml", "Pod/x", "CKV_K8S_16"), ("a.yaml", "Job/j", "CKV_K8S_8")}
    known = [
        Known("a.yaml", "Pod/y", "CKV_K8S_16", "only-checkov", "r"),
        Known("*", "*", "CKV_K8S_8", "only-containerlint", "r"),
        Known("a.yaml", "Pod/x", "CKV_K8S_16", "only-checkov", "stale"),
    ]
    result = compare(theirs, ours, known)
    assert result.agreements == {("a.yaml", "Pod/x", "CKV_K8S_16")}
    assert result.unexplained == {("b.yaml", "Pod/z", "CKV_K8S_8"): "only-checkov"}
    assert [k.reason for k in result.stale] == ["stale"]
    assert result.per_code() == {"CKV_K8S_16": (1, 1), "CKV_K8S_8": (0, 2)}
    assert result.by_reason(known) == Counter({"r": 2, "UNEXPLAINED": 1})


def test_objects_are_found_by_line() -> None:
    text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\n# note\n"
    text += "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n"
    found = regions(text, FileKind.KUBERNETES)
    assert [r.name for r in found] == ["Pod/a", "Pod/b"]
    assert region_at(found, 4) == "Pod/a" and region_at(found, 10) == "Pod/b"
    assert region_starting_in(found, 6, 10) == "Pod/b"  # checkov's range may start at a comment
    assert region_starting_in(found, 40, 41) == "lines 40-41"


def test_dockerfile_objects_are_instructions() -> None:
    found = regions("FROM x\nRUN a \\\n  && b\nUSER root\n", FileKind.DOCKERFILE)
    assert [r.name for r in found] == ["FROM@1", "RUN@2", "USER@4"]
    assert region_at(found, 3) == "RUN@2"
    assert region_starting_in(found, 2, 3) == "RUN@2"


def test_finding_aliases_pick_the_checkov_id() -> None:
    rule_ids = ("CKV_K8S_14", "CKV_DOCKER_7")
    plain = Finding("CL1001", "n", None, "f", None, "m")  # type: ignore[arg-type]
    assert ids_of(plain, rule_ids, FileKind.KUBERNETES) == ("CKV_K8S_14",)
    assert ids_of(plain, rule_ids, FileKind.DOCKERFILE) == ("CKV_DOCKER_7",)
    own = Finding("CL1022", "n", None, "f", None, "m", aliases=("checkov:CKV2_DOCKER_3",))  # type: ignore[arg-type]
    assert ids_of(own, ("CKV2_DOCKER_2", "CKV2_DOCKER_3"), FileKind.DOCKERFILE) == ("CKV2_DOCKER_3",)
    hadolint_only = Finding("CL1001", "n", None, "f", None, "m", aliases=("hadolint:DL3006",))  # type: ignore[arg-type]
    assert ids_of(hadolint_only, rule_ids, FileKind.DOCKERFILE) == ("CKV_DOCKER_7",)


def test_known_differences_file_is_well_formed() -> None:
    entries = load_known()
    assert entries, "checkov_known_differences.toml is empty or missing"
    assert len(set(entries)) == len(entries), "duplicate entries"
