"""Where the time of one containerlint run goes: phase by phase, and rule by rule.

    python bench/phases.py bench/corpus                  # the whole corpus
    python bench/phases.py bench/corpus --kind dockerfile  # only the files of one kind (from the manifest)
    python bench/phases.py some/Dockerfile --rules 15      # any paths; show the 15 slowest rules

It runs the same stages as ``containerlint PATHS --format json`` in this process (plugins,
settings, discovery and reading, parsing, per-file checks, project checks, suppressions,
the JSON report) with a wall clock around each, so the numbers add up to the run minus
interpreter start-up. Without cProfile's overhead, which inflates small Python functions, this
is the first place to look; then profile the slowest phase.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--kind", help="with a corpus directory: only its files of this kind")
    parser.add_argument("--rules", type=int, default=10, help="how many of the slowest rules to list")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    from containerlint import cli, engine

    phases: dict[str, float] = {}
    mark = [time.perf_counter()]
    phases["import containerlint.cli/engine"] = mark[0] - started

    def tick(name: str) -> None:
        now = time.perf_counter()
        phases[name] = phases.get(name, 0.0) + now - mark[0]
        mark[0] = now

    paths = [str(p) for p in args.paths]
    cwd = None
    if args.kind:
        corpus = args.paths[0]
        manifest = json.loads((corpus / "corpus-manifest.json").read_text(encoding="utf-8"))
        paths = sorted(e["path"] for e in manifest["entries"] if e["kind"] == args.kind)
        cwd = os.getcwd()
        os.chdir(corpus)
    try:
        namespace = cli.build_parser()[0].parse_args(["--fail-on", "never", "--format", "json", *paths])
        tick("argument parsing")
        ruleset, reporters, detect_kind = cli._load_plugins()
        tick("plugins and rules")
        settings = cli._load_settings(namespace, ruleset)
        options = cli._lint_options(settings, ruleset)
        tick("settings")
        sources = cli._sources(namespace, settings, sys.stdin, detect_kind)
        if settings.config_path is None and not namespace.isolated:
            options = cli._with_hadolint_config(options, sources, ruleset)
        tick("discovery and reading")

        per_rule: dict[str, float] = defaultdict(float)
        factory = engine._FindingFactory(options)
        with engine._trees_kept_out_of_gc():
            parsed_files = [engine._parse_and_freeze(source, options.build_args) for source in sources]
            tick("parsing")
            # Rule by rule, as check_document does it (wrapping each rule's check in a timer).
            original = engine._run_check

            def timed(rule, *rest, **kw):  # type: ignore[no-untyped-def]
                t = time.perf_counter()
                try:
                    return original(rule, *rest, **kw)
                finally:
                    per_rule[f"{rule.code} {rule.name}"] += time.perf_counter() - t

            engine._run_check = timed
            try:
                linted = [p for p in parsed_files if p.kind is not None or p.issues]
                by_path: dict = {}
                for parsed in linted:
                    own = options.for_path(parsed.path)
                    own_factory = factory if own is options else engine._FindingFactory(own)
                    by_path.setdefault(parsed.path, []).extend(engine.check_document(parsed, own, own_factory))
                tick("file checks")
                for finding in engine.check_project(linted, options, factory):
                    refitted = engine._refit(finding, options.for_path(finding.path), options)
                    if refitted is not None:
                        by_path.setdefault(finding.path, []).append(refitted)
                tick("project checks")
            finally:
                engine._run_check = original
            parsed_by_path = {p.path: p for p in linted}
            findings: list = []
            for path, path_findings in by_path.items():
                own = options.for_path(path)
                if own.adjust is not None:
                    path_findings = [f for f in map(own.adjust, path_findings) if f is not None]
                findings.extend(engine.suppress(parsed_by_path.get(path), path, path_findings, own))
            tick("suppressions")
            findings.sort(key=engine.Finding.sort_key)
            result = engine.LintResult(
                findings=findings,
                files_checked=sum(1 for p in linted if p.kind is not None),
                rules_run=[rule.code for rule in options.rules],
            )
            tick("sorting")
            # As in the CLI, the trees are gone before the report is written.
            del parsed_files, linted, parsed_by_path, parsed
            tick("freeing the trees")
        sink = io.StringIO()
        with contextlib.redirect_stdout(sink):
            cli._write_reports(
                cli._report_targets(namespace, reporters), reporters, result, options, sources, namespace, sink
            )
        tick("JSON report")
    finally:
        if cwd is not None:
            os.chdir(cwd)

    total = sum(phases.values())
    print(f"{len(sources)} sources, {len(result.findings)} findings, {total:.3f} s in-process")
    for name, seconds in phases.items():
        print(f"  {name:<34} {seconds:8.3f} s {100 * seconds / total:5.1f}%")
    print(f"\nslowest rules (file and project checks; {sum(per_rule.values()):.3f} s in all):")
    for name, seconds in sorted(per_rule.items(), key=lambda item: -item[1])[: args.rules]:
        print(f"  {name:<60} {seconds:8.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
