"""Dockerfiles checked in a forked worker give exactly the findings of a run in one process."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from containerlint import engine, parallel
from containerlint.engine import LintOptions, Source, lint_sources
from containerlint.model import FileKind, LintResult
from tests.helpers import builtin_ruleset

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="no os.fork on this platform")

DOCKERFILES = [
    "FROM python AS dev\nRUN apt-get update && apt-get install -y curl\nEXPOSE 80\n",
    "# containerlint: ignore=CL1001 -- vendored\nFROM nginx\n# hadolint ignore=DL3008\nRUN apt-get install -y git\n",
    "FROM alpine:3.20 AS base\nFROM base AS dev\nFROM alpine:3.20 AS lint\nFROM alpine:3.20\n",
    "# containerlint: ignore=CL3020\nFROM alpine:3.20\nRUN echo unused-directive\n",
    "FROM alpine:3.20\nRUNN broken\n",
]
COMPOSE = textwrap.dedent(
    """\
    services:
      app0:
        build: {{context: ./d{first}, target: dev}}
        ports: ["8080:8080"]  # d{first} EXPOSEs only 80
      app2:
        build: {{context: ./d{second}, target: dev}}
    """
)
MANIFEST = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: nginx}\n"


def sources(tmp_path: Path, copies: int, built: tuple[int, int] = (0, 2)) -> list[Source]:
    result = []
    for number in range(copies):
        text = DOCKERFILES[number % len(DOCKERFILES)]
        path = tmp_path / f"d{number}" / "Dockerfile"
        path.parent.mkdir(parents=True)
        path.write_text(text)
        result.append(Source(str(path), text, FileKind.DOCKERFILE, explicit=True))
    compose = COMPOSE.format(first=built[0], second=built[1])
    (tmp_path / "compose.yaml").write_text(compose)
    result.append(Source(str(tmp_path / "compose.yaml"), compose, FileKind.COMPOSE, explicit=True))
    result.append(Source(str(tmp_path / "pod.yaml"), MANIFEST, FileKind.KUBERNETES, explicit=True))
    return result


def run(files: list[Source], jobs: int) -> LintResult:
    ruleset = builtin_ruleset()
    # Every rule but those that read every Dockerfile as a project (unused-stage, ShellCheck),
    # which keep the Dockerfiles in this process; cross-file checks on some Dockerfiles included.
    options = LintOptions(rules=ruleset.select(["ALL"], ignore=["CL3450", "CL3705"]), ruleset=ruleset, jobs=jobs)
    return lint_sources(files, options)


def keys(result: LintResult) -> list[tuple[object, ...]]:
    return [(f.path, f.span, f.code, f.message, f.suppressed) for f in result.findings]


def test_two_processes_find_exactly_what_one_finds(tmp_path: Path) -> None:
    files = sources(tmp_path, 40)
    alone, shared = run(files, 1), run(files, 2)
    assert keys(shared) == keys(alone)
    assert shared.files_checked == alone.files_checked == 42
    codes = {f.code for f in alone.findings}
    # The run exercises what crosses the process boundary: per-file findings, suppressions and
    # unused ones, parse errors, and a project check that reads Dockerfiles (EXPOSE vs ports).
    assert {"CL1001", "CL0005", "CL0001", "CL7054"} <= codes
    assert any(f.suppressed for f in shared.findings)


def test_a_failed_worker_is_redone_in_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sources(tmp_path, 30)
    expected = keys(run(files, 1))

    def crash() -> None:
        raise MemoryError("simulated")

    original = parallel.Forked.__init__
    monkeypatch.setattr(parallel.Forked, "__init__", lambda self, work: original(self, crash))
    assert keys(run(files, 2)) == expected


def test_deferred_dockerfiles_are_parsed_here_only_when_a_project_check_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed_here: list[str] = []
    original = engine.DeferredFile._parse

    def counting(self: engine.DeferredFile) -> engine.ParsedFile:
        if self._parsed is None:
            parsed_here.append(Path(self.path).parent.name)
        return original(self)

    monkeypatch.setattr(engine.DeferredFile, "_parse", counting)
    ruleset = builtin_ruleset()
    options = LintOptions(rules=ruleset.select(), ruleset=ruleset, jobs=2)  # the default rules
    # The child takes the last Dockerfiles (about half of the work); the services build two of them.
    lint_sources(sources(tmp_path, 30, built=(25, 29)), options)
    # Only the two Dockerfiles the Compose services build are read by the cross-file checks.
    assert sorted(parsed_here) == ["d25", "d29"]


def test_small_runs_stay_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork(self: object, work: object) -> None:
        raise AssertionError("forked for a small run")

    monkeypatch.setattr(parallel.Forked, "__init__", no_fork)
    small = sources(tmp_path, parallel.MIN_FILES - 3)  # with the Compose file and the manifest: one short
    assert run(small, 2).files_checked == parallel.MIN_FILES - 1


MANIFESTS = [
    "apiVersion: v1\nkind: Service\nmetadata: {{name: s{n}}}  # containerlint: ignore=CL2030\n"
    "spec:\n  selector: {{app: nothing{n}}}\n"
    "  ports: [{{port: 80}}]\n",
    "# containerlint: ignore-file=CL1001\napiVersion: v1\nkind: Pod\nmetadata: {{name: p{n}}}\n"
    "spec:\n  containers:\n    - {{name: c, image: nginx, ports: [{{containerPort: 22}}]}}\n",
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d{n}\n  annotations:\n"
    "    ignore-check.kube-linter.io/latest-tag: ok\nspec:\n  selector: {{matchLabels: {{app: d{n}}}}}\n"
    "  template:\n    metadata: {{labels: {{app: d{n}}}}}\n    spec:\n      containers:\n"
    "        - {{name: c, image: 'nginx:latest', unknownField: 1}}\n",
]


def test_yaml_files_checked_in_a_child_match_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forks: list[object] = []
    original = parallel.Forked.__init__

    def counting(self: parallel.Forked[object], work: object) -> None:
        forks.append(work)
        original(self, work)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel.Forked, "__init__", counting)
    files = []
    for number in range(36):
        text = MANIFESTS[number % len(MANIFESTS)].format(n=number)
        (tmp_path / f"m{number}.yaml").write_text(text)
        files.append(Source(str(tmp_path / f"m{number}.yaml"), text, FileKind.KUBERNETES, explicit=True))
    alone = run(files, 1)
    assert not forks
    shared = run(files, 2)
    assert len(forks) == 1  # no Dockerfiles: the one child checks half of the manifests
    assert keys(shared) == keys(alone)
    codes = {f.code for f in alone.findings}
    # per-file rules, schema errors, a project check, suppressed findings and unused suppressions
    assert {"CL6011", "CL8010", "CL7002", "CL0005"} <= codes
    assert any(f.suppressed for f in alone.findings)
