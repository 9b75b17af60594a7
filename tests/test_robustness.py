"""Bad input never produces a traceback: the real CLI on a tree that mixes good files with hostile ones.

Each bad file must come back as a finding (CL0001 syntax-error or CL0008 unreadable-file) at a
sensible position, the good files' findings must still be there, and the run must finish: every
subprocess has a generous wall-clock ``timeout`` so that a hang fails the test instead of the CI job.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

TIMEOUT = 120  # seconds for one CLI run over the whole tree (it takes ~15 s): only a hang reaches it
BIG = 5 * 1024 * 1024


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    report: dict[str, Any]

    def findings(self, path: str) -> list[dict[str, Any]]:
        return [f for f in self.report["findings"] if f["path"] == path]

    def codes(self, path: str) -> list[str]:
        return [f["code"] for f in self.findings(path)]

    def at(self, path: str, code: str) -> list[tuple[int, int]]:
        return [(f["start"]["line"], f["start"]["column"]) for f in self.findings(path) if f["code"] == code]


def containerlint(cwd: Path, *arguments: str) -> Run:
    result = subprocess.run(
        [sys.executable, "-m", "containerlint", "--format", "json", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), (result.returncode, result.stderr)
    return Run(result.returncode, result.stdout, result.stderr, json.loads(result.stdout))


# ---------------------------------------------------------------------------------------------
# The tree


def _write(root: Path, relative: str, content: str | bytes) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="\n")


def _billion_laughs() -> str:
    lines = ["apiVersion: v1", "kind: ConfigMap", "metadata: {name: fine}", "---"]  # lines 1-4
    lines += ["apiVersion: v1", "kind: ConfigMap", "metadata: {name: bomb}", "data:"]  # lines 5-8
    lines.append('  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]')
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"  {name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines += ["---", "apiVersion: v1", "kind: Pod", "metadata: {name: after}", "spec:"]
    lines.append('  containers: [{name: c, image: "nginx:latest"}]')  # the document after the bomb
    return "\n".join(lines) + "\n"


def _big_manifest() -> tuple[str, int]:
    """About 5 MB of Deployments, then a Pod with an unpinned image; returns the text and its line."""
    parts, size, number = [], 0, 0
    while size < BIG:
        part = (
            f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-{number}\n  namespace: big\n"
            f"spec:\n  selector:\n    matchLabels: {{app: app-{number}}}\n"
            f"  template:\n    metadata:\n      labels: {{app: app-{number}}}\n"
            f"    spec:\n      containers:\n        - name: app\n"
            f"          image: registry.example.com/team/app-{number}:1.{number}.0\n"
            f'          env: [{{name: INDEX, value: "{number}"}}]\n'
        )
        parts.append(part)
        size += len(part)
        number += 1
    parts.append("apiVersion: v1\nkind: Pod\nmetadata:\n  name: last\nspec:\n  containers:\n")
    text = "---\n".join(parts) + "    - name: c\n      image: nginx:latest\n"
    return text, text.count("\n")


def _big_dockerfile() -> tuple[str, int]:
    """About 5 MB of RUN instructions no rule objects to, then an unpinned FROM; the text and its line."""
    lines = ["FROM alpine:3.20 AS base"]
    size, number = 0, 0
    while size < BIG:
        # Pinned, so that the 60,000 RUNs do not each add a finding (CL3105) and slow the run down.
        apk = f"apk add --no-cache pkg-{number}=1.{number}.0"
        line = f'RUN echo "step {number}" && {apk} \\\n    && rm -rf /var/cache/apk/*'
        lines.append(line)
        size += len(line)
        number += 1
    lines.append("FROM ubuntu")
    text = "\n".join(lines) + "\n"
    return text, text.count("\n")


def _random_bytes(seed: int, size: int, nul: bool) -> bytes:
    rng = random.Random(seed)
    low = 0 if nul else 1
    data = bytes(rng.randint(low, 255) for _ in range(size))
    return data if nul else data.replace(b"\x00", b"")


def _first_bad_byte(data: bytes) -> tuple[int, int]:
    """(line, character column) of the first invalid UTF-8 byte."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        return data.count(b"\n", 0, error.start) + 1, len(data[line_start : error.start].decode("utf-8")) + 1
    raise AssertionError("the bytes are valid UTF-8")


@dataclass
class Tree:
    root: Path
    big_manifest_line: int
    big_dockerfile_line: int
    random_compose_error: tuple[int, int]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Tree:
    root = tmp_path_factory.mktemp("robustness")
    # good files, with findings that must survive the bad ones
    _write(root, "good/Dockerfile", "FROM python\nRUN pip install flask==3.0.3\n")
    _write(root, "good/compose.yaml", "services:\n  db:\n    image: postgres:latest\n")
    _write(
        root,
        "good/k8s/deploy.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector:\n"
        "    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n"
        "    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n",
    )
    # unreadable
    _write(root, "bad/binary/Dockerfile", b"FROM alpine\n\x00\x01\x02\xffbinary\x00" * 50)
    _write(
        root,
        "bad/utf8/compose.yaml",
        b"services:\n  web:\n    image: nginx\n    environment:\n"
        b'      GREETING: "caf\xc3\xa9 \xe2\x82\xac \xff\xfe"\n'  # line 5: the bad byte is character 25
        b"  db:\n    image: postgres:latest\n",
    )
    _write(root, "bad/random/random.yaml", _random_bytes(1, 3000, nul=True))
    random_compose = b"services:\n  web:\n    image: nginx\n    command: " + _random_bytes(2, 3000, nul=False)
    _write(root, "bad/random/docker-compose.yml", random_compose)
    # YAML that does not parse, or is refused
    _write(
        root,
        "bad/truncated/pod.yaml",
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: "nginx\n',
    )
    _write(root, "bad/bomb/bomb.yaml", _billion_laughs())
    deep_10k = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + "[" * 10_000 + "]" * 10_000
    _write(root, "bad/deep/deep10k.yaml", deep_10k + "\n")
    _write(root, "bad/deep/compose.deep.yaml", "[" * 100_000 + "]" * 100_000 + "\n")
    deep_block = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  k:\n    " + "- " * 10_000
    _write(root, "bad/deep/block.yaml", deep_block + "x\n")
    # empty and near-empty
    _write(root, "bad/empty/compose.yaml", "")
    _write(root, "bad/empty/Dockerfile", "")
    _write(root, "bad/comment/manifest.yaml", "# nothing here yet\n# still nothing\n")
    _write(root, "bad/separators/only.yaml", "---\n---\n---\n")
    # Dockerfile syntax
    _write(root, "bad/heredoc/Dockerfile", "FROM alpine:3.20\nRUN <<EOF\necho hi\n")
    # large
    manifest, manifest_line = _big_manifest()
    _write(root, "big/manifests.yaml", manifest)
    dockerfile, dockerfile_line = _big_dockerfile()
    _write(root, "big/Dockerfile", dockerfile)
    # a directory symlink loop and a file symlink loop inside the tree
    if hasattr(os, "symlink"):
        (root / "loop/sub").mkdir(parents=True)
        _write(root, "loop/sub/Dockerfile", "FROM python:3.12\n")
        try:
            os.symlink("..", root / "loop/sub/up")
            os.symlink(root / "loop", root / "loop/sub/again")
            os.symlink("Dockerfile.self", root / "loop/Dockerfile.self")
        except OSError:  # pragma: no cover - no symlink permission (Windows)
            pass
    return Tree(root, manifest_line, dockerfile_line, _first_bad_byte(random_compose))


@pytest.fixture(scope="module")
def run(tree: Tree) -> Run:
    return containerlint(tree.root, ".")


# ---------------------------------------------------------------------------------------------
# The whole tree


def test_the_run_finishes_with_findings_and_valid_json(run: Run) -> None:
    assert run.returncode == 1
    assert run.report["summary"]["total"] == len(run.report["findings"])
    for finding in run.report["findings"]:
        assert finding["start"]["line"] >= 1 and finding["start"]["column"] >= 1
        assert finding["path"]
        assert finding["code"] != "CL0004", finding  # no rule crashed on the hostile files


def test_good_files_keep_their_findings(run: Run) -> None:
    assert run.at("good/Dockerfile", "CL1001") == [(1, 6)]
    assert run.at("good/compose.yaml", "CL1001") == [(3, 12)]
    assert run.at("good/k8s/deploy.yaml", "CL1001") == [(13, 18)]
    # CL3205 (pip-cache-not-disabled) reads the RUN's parsed shell: that survives the bad files too.
    assert run.at("good/Dockerfile", "CL3205") == [(2, 5)]
    assert sorted(run.codes("good/Dockerfile")) == ["CL1001", "CL3205"]


def test_binary_dockerfile(run: Run) -> None:
    [finding] = run.findings("bad/binary/Dockerfile")
    assert finding["code"] == "CL0008"
    assert "binary" in finding["message"]


def test_invalid_utf8_is_reported_where_it_is_and_the_rest_is_linted(run: Run) -> None:
    path = "bad/utf8/compose.yaml"
    assert run.at(path, "CL0008") == [(5, 25)]  # a character column: "é" and "€" count once
    assert run.at(path, "CL1001") == [(3, 12), (7, 12)]  # before and after the bad bytes


def test_random_bytes_with_yaml_names(run: Run, tree: Tree) -> None:
    assert run.codes("bad/random/random.yaml") == ["CL0008"]  # NUL bytes: binary
    compose = run.findings("bad/random/docker-compose.yml")
    unreadable = [f for f in compose if f["code"] == "CL0008"]
    assert [(f["start"]["line"], f["start"]["column"]) for f in unreadable] == [tree.random_compose_error]
    assert tree.random_compose_error >= (4, 14)  # after the valid head of the file
    assert {f["code"] for f in compose} <= {"CL0001", "CL0008"}


def test_truncated_manifest(run: Run) -> None:
    [finding] = run.findings("bad/truncated/pod.yaml")
    assert finding["code"] == "CL0001"
    assert finding["start"]["line"] >= 8  # where the quoted scalar runs off the end, not 1:1
    assert "8:14" in finding["message"]  # and where the scalar started


def test_alias_bomb_is_refused_fast_and_the_next_document_is_linted(run: Run) -> None:
    path = "bad/bomb/bomb.yaml"
    [bomb] = [f for f in run.findings(path) if f["code"] == "CL0001"]
    assert 4 <= bomb["start"]["line"] <= 5  # the bomb's document, not the file's first line
    assert "alias" in bomb["message"]
    assert run.at(path, "CL1001") == [(23, 33)]


def test_deep_nesting(run: Run) -> None:
    [deep] = run.findings("bad/deep/deep10k.yaml")
    assert deep["code"] == "CL0001" and deep["start"]["line"] == 4 and deep["start"]["column"] > 6
    assert "nesting" in deep["message"]
    [deeper] = run.findings("bad/deep/compose.deep.yaml")
    assert deeper["code"] == "CL0001" and "nesting" in deeper["message"]
    [block] = run.findings("bad/deep/block.yaml")
    assert block["code"] == "CL0001" and block["start"]["line"] == 6


def test_empty_and_comment_only_files(run: Run) -> None:
    assert run.codes("bad/empty/Dockerfile") == ["CL0001"]  # BuildKit refuses an empty Dockerfile
    assert run.at("bad/empty/Dockerfile", "CL0001") == [(1, 1)]
    assert set(run.codes("bad/empty/compose.yaml")) <= {"CL0001"}
    assert run.codes("bad/comment/manifest.yaml") == []
    assert run.codes("bad/separators/only.yaml") == []


def test_unterminated_heredoc(run: Run) -> None:
    assert run.at("bad/heredoc/Dockerfile", "CL0001") == [(2, 5)]


def test_five_megabyte_files_are_linted_to_the_end(run: Run, tree: Tree) -> None:
    assert run.at("big/manifests.yaml", "CL1001") == [(tree.big_manifest_line, 14)]
    # Every document was read: no parse, crash or read finding, whatever else the rules report.
    assert not {"CL0001", "CL0004", "CL0008"} & set(run.codes("big/manifests.yaml"))
    assert run.at("big/Dockerfile", "CL1001") == [(tree.big_dockerfile_line, 6)]
    assert run.codes("big/Dockerfile") == ["CL1001"]


def test_symlink_loops_terminate(run: Run) -> None:
    looped = [f for f in run.report["findings"] if f["path"].startswith("loop/")]
    assert looped == []  # the one Dockerfile there is pinned; the loops were walked and ended


# ---------------------------------------------------------------------------------------------
# Smaller runs


def test_symlink_loop_alone(tmp_path: Path) -> None:
    if not hasattr(os, "symlink"):  # pragma: no cover
        pytest.skip("no symlinks")
    (tmp_path / "a/b").mkdir(parents=True)
    _write(tmp_path, "a/Dockerfile", "FROM python\n")
    try:
        os.symlink("..", tmp_path / "a/b/parent")
        os.symlink(tmp_path, tmp_path / "a/b/root")
    except OSError:  # pragma: no cover
        pytest.skip("cannot create symlinks")
    result = containerlint(tmp_path, ".")
    assert [(f["path"], f["code"]) for f in result.report["findings"]] == [("a/Dockerfile", "CL1001")]


def test_explicit_yaml_that_is_not_ours_still_reports_syntax_errors(tmp_path: Path) -> None:
    _write(tmp_path, "deep.yaml", "[" * 100_000 + "\n")
    _write(tmp_path, "bomb.yaml", _billion_laughs().replace("apiVersion", "version").replace("kind", "sort"))
    walked = containerlint(tmp_path, ".")
    assert walked.report["findings"] == []  # found by walking: YAML that is not ours is left alone
    named = containerlint(tmp_path, "deep.yaml", "bomb.yaml")
    assert named.codes("deep.yaml") == ["CL0001"]
    assert named.codes("bomb.yaml") == ["CL0001"]


@pytest.mark.parametrize(
    "text",
    [
        "FROM",
        "FROM \\",
        'RUN ["unterminated',
        "\\\n\\\n\\\n",
        "# escape=`\nFROM alpine:3.20 `\n",
        "FROM alpine:3.20\nCOPY <<A <<B /x\nA\n",
        "FROM alpine:3.20\nONBUILD ONBUILD RUN x\n",
        "ARG A=${A:-${A:-${A}}}\nFROM ${A}\n",
        "\ufeffFROM alpine:3.20\r\nRUN echo \\\r\n  hi\r\n",
        "FROM alpine:3.20\nRUN " + "$(" * 2_000 + ")" * 2_000 + "\n",
        "FROM alpine:3.20\nHEALTHCHECK --interval=\n",
    ],
)
def test_odd_dockerfiles_through_stdin(text: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "containerlint", "--format", "json", "--stdin-filename", "Dockerfile", "-"],
        input=text.encode("utf-8"),
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert result.returncode in (0, 1), stderr
    report = json.loads(result.stdout)
    assert all(f["code"] != "CL0004" for f in report["findings"]), report["findings"]
