"""Assemble a benchmark corpus from clones of public repositories (for local use: do not commit it).

    git clone --depth 1 https://github.com/docker-library/python /tmp/src/python   # and others
    python bench/real_corpus.py bench/corpus-real /tmp/src/*
    python bench/run.py bench/corpus-real --runs 5

Copies every Dockerfile, Compose file and Kubernetes manifest found in the given folders into one
flat folder (named after the repository and a counter, so the same name never collides) and
writes the ``corpus-manifest.json`` that ``run.py`` reads. The kind of a YAML file is decided the
way containerlint decides it, by content.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from containerlint.syntax.compose import looks_like_compose
from containerlint.syntax.kubernetes import looks_like_kubernetes
from containerlint.syntax.yamltree import parse_yaml

DOCKERFILE = re.compile(r"^(Dockerfile|Containerfile)([.-][\w.-]+)?$|\.[Dd]ockerfile$")
SKIPPED_PARTS = {".git", "node_modules", "vendor", "testdata", "charts", "templates"}


def kind_of(path: Path) -> str | None:
    if DOCKERFILE.search(path.name) and not path.name.endswith((".md", ".template", ".j2")):
        return "dockerfile"
    if path.suffix not in (".yaml", ".yml") or path.stat().st_size > 1_000_000:
        return None
    try:
        stream = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    if looks_like_compose(stream):
        return "compose"
    return "kubernetes" if looks_like_kubernetes(stream) else None


def candidates(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and not SKIPPED_PARTS & set(path.parts):
            yield path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path)
    parser.add_argument("sources", type=Path, nargs="+", help="folders (clones of repositories)")
    args = parser.parse_args(argv)
    shutil.rmtree(args.output, ignore_errors=True)
    args.output.mkdir(parents=True)
    entries = []
    for source in args.sources:
        for number, path in enumerate(candidates(source), start=1):
            kind = kind_of(path)
            if kind is None:
                continue
            suffix = ".Dockerfile" if kind == "dockerfile" else ".yaml"
            name = f"{source.name}-{number}{suffix}"
            if kind == "compose":
                name = f"{source.name}-{number}.compose.yaml"
            shutil.copyfile(path, args.output / name)
            entries.append({"path": name, "kind": kind, "from": str(path)})
    manifest = {"source": "real", "entries": entries}
    (args.output / "corpus-manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    counts = {kind: sum(1 for e in entries if e["kind"] == kind) for kind in ("dockerfile", "compose", "kubernetes")}
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
