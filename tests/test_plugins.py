"""Third-party plugins, discovered for real through the ``containerlint`` entry-point group.

The plugin package under ``tests/fixtures/plugin/`` is copied to a temporary folder next to a
hand-written ``*.dist-info`` (METADATA and entry_points.txt), and the CLI runs in a subprocess with
that folder on ``PYTHONPATH``: ``importlib.metadata`` finds it exactly as it finds an installed
distribution, and nothing is installed into the environment.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "plugin"

# No built-in rule that is on by default reports this but CL1001 (the ``latest`` tag), so each
# test can tell the plugin's findings (ACME001 on line 2, ACME002 on line 3) from the built-ins'.
DOCKERFILE = "FROM nginx:latest\nLABEL maintainer=someone@example.com\nEXPOSE 80\n"


def install(site: Path, target: str, name: str = "acme") -> Path:
    """Make ``site`` hold the fixture modules and a distribution whose entry point is ``name = target``."""
    shutil.copytree(FIXTURE, site, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", "*.md"))
    dist_info = site / "acme_containerlint-0.1.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-containerlint\nVersion: 0.1\n")
    (dist_info / "entry_points.txt").write_text(f"[containerlint]\n{name} = {target}\n")
    return site


def run(site: Path, *argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    python_path = [str(site), str(REPO), os.environ.get("PYTHONPATH", "")]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, python_path)),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "containerlint", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def findings(completed: subprocess.CompletedProcess[str]) -> set[tuple[str, int, str]]:
    report = json.loads(completed.stdout)
    return {(f["path"], f["start"]["line"], f["code"]) for f in report["findings"]}


def assert_plugin_error(completed: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert completed.returncode == 2, (completed.stdout, completed.stderr)
    assert "Traceback" not in completed.stderr
    lines = completed.stderr.splitlines()
    assert len(lines) == 1, completed.stderr
    assert lines[0].startswith("containerlint: error: "), lines[0]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert completed.stdout == ""


@pytest.fixture(scope="module")
def acme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site folder with the working ``acme`` plugin; shared by the tests that only read it."""
    return install(tmp_path_factory.mktemp("site"), "acme_containerlint")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "Dockerfile").write_text(DOCKERFILE)
    return folder


# ---------------------------------------------------------------------------------------------
# A working plugin


def test_plugin_rules_are_listed(acme: Path, project: Path) -> None:
    completed = run(acme, "rules", cwd=project)
    assert completed.returncode == 0, completed.stderr
    rows = {line.split()[0]: line.split() for line in completed.stdout.splitlines()[1:]}
    assert rows["ACME001"] == ["ACME001", "maintainer-label", "on", "warning", "dockerfile", "acmelint:A1"]
    assert rows["ACME002"] == ["ACME002", "expose-instruction", "off", "info", "dockerfile"]
    assert "CL1001" in rows  # the built-ins are still there
    catalogue = json.loads(run(acme, "rules", "--format", "json", cwd=project).stdout)
    assert {"ACME001", "ACME002", "CL1001"} <= {row["code"] for row in catalogue}


def test_plugin_rule_explained(acme: Path, project: Path) -> None:
    by_code = run(acme, "explain", "ACME001", cwd=project)
    assert by_code.returncode == 0, by_code.stderr
    assert by_code.stdout.startswith(
        "ACME001 maintainer-label: The legacy 'maintainer' label; ACME uses org.opencontainers.image.authors\n"
    )
    assert run(acme, "explain", "acmelint:A1", cwd=project).stdout == by_code.stdout


def test_plugin_findings_are_reported(acme: Path, project: Path) -> None:
    completed = run(acme, cwd=project)
    assert completed.returncode == 1, completed.stderr
    lines = completed.stdout.splitlines()
    assert lines[0].startswith("Dockerfile:1:6: CL1001 [warning] ")
    assert "Dockerfile:2:7: ACME001 [warning] the 'maintainer' label is legacy (maintainer-label)" in lines
    assert "    hint: use LABEL org.opencontainers.image.authors=..." in lines
    assert "ACME002" not in completed.stdout  # off by default
    assert completed.stdout.endswith("Found 2 problems (2 warnings) in 1 file.\n")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--select", "ACME001"], {"ACME001"}),
        (["--select", "maintainer-label"], {"ACME001"}),
        (["--select", "acmelint:A1"], {"ACME001"}),
        (["--select", "ACME"], {"ACME001", "ACME002"}),  # a prefix selects rules that are off, too
        # ALL is every rule: the plugin's and the built-ins' that are off by default (CL2020, CL3014).
        (["--select", "ALL"], {"CL1001", "CL2020", "CL3014", "ACME001", "ACME002"}),
        (["--ignore", "ACME001"], {"CL1001"}),
        (["--extend-select", "expose-instruction"], {"CL1001", "ACME001", "ACME002"}),
    ],
)
def test_plugin_rules_are_selectable(acme: Path, project: Path, argv: list[str], expected: set[str]) -> None:
    completed = run(acme, "--format", "json", *argv, cwd=project)
    assert completed.stderr == ""
    assert {code for _, _, code in findings(completed)} == expected


def test_plugin_rules_in_config(acme: Path, project: Path) -> None:
    (project / ".containerlint.toml").write_text('ignore = ["CL1001"]\n[severity]\nmaintainer-label = "error"\n')
    completed = run(acme, "--fail-on", "error", cwd=project)
    assert completed.returncode == 1
    assert completed.stdout.startswith("Dockerfile:2:7: ACME001 [error] ")
    # Without the plugin the same config names a rule that does not exist.
    bare = subprocess.run(
        [sys.executable, "-m", "containerlint"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert_plugin_error(bare, "maintainer-label")


def test_plugin_rule_inline_suppression(acme: Path, project: Path) -> None:
    (project / "Dockerfile").write_text(
        "FROM nginx:1.27.3\n# containerlint: ignore=ACME001 -- legacy\nLABEL maintainer=me\n"
    )
    completed = run(acme, cwd=project)
    assert (completed.returncode, completed.stdout) == (0, "All checked: no problems in 1 file; 1 suppressed.\n")


def test_plugin_format(acme: Path, project: Path) -> None:
    completed = run(acme, "--format", "acme-count", cwd=project)
    assert completed.returncode == 1, completed.stderr
    assert completed.stdout == "acme-count: 2\n"
    together = run(acme, "--select", "ALL", "--format", "acme-count", "--format", "json", "-o", "r.json", cwd=project)
    assert together.stdout == "acme-count: 5\n"  # CL1001, CL2020 + CL3014 (off by default), ACME001, ACME002
    assert len(json.loads((project / "r.json").read_text())["findings"]) == 5


def test_plugin_detects_kinds(acme: Path, project: Path) -> None:
    # Without the containerlint_detect_kind hook, a *.acmefile is not ours and is skipped quietly.
    (project / "base.acmefile").write_text("FROM alpine\nLABEL maintainer=x\n")
    completed = run(acme, "--format", "json", cwd=project)
    assert findings(completed) == {
        ("Dockerfile", 1, "CL1001"),
        ("Dockerfile", 2, "ACME001"),
        ("base.acmefile", 1, "CL1001"),
        ("base.acmefile", 2, "ACME001"),
    }


# ---------------------------------------------------------------------------------------------
# Broken plugins: exit 2, one line naming the plugin, no traceback


@pytest.mark.parametrize("command", [[], ["rules"], ["explain", "CL1001"]])
def test_plugin_that_cannot_be_imported(tmp_path: Path, project: Path, command: list[str]) -> None:
    site = install(tmp_path / "site", "acme_import_error")
    completed = run(site, *command, cwd=project)
    assert_plugin_error(completed, "plugin acme", "ImportError", "libacme")


def test_plugin_whose_hook_raises(tmp_path: Path, project: Path) -> None:
    site = install(tmp_path / "site", "acme_hook_error")
    completed = run(site, cwd=project)
    assert_plugin_error(completed, "plugin acme", "containerlint_rules", "RuntimeError", "misconfigured")


def test_plugin_whose_hook_returns_garbage(tmp_path: Path, project: Path) -> None:
    site = install(tmp_path / "site", "acme_not_rules")
    completed = run(site, "rules", cwd=project)
    assert_plugin_error(completed, "plugin acme", "not a Rule")


def test_plugin_rule_code_collides_with_a_builtin(tmp_path: Path, project: Path) -> None:
    site = install(tmp_path / "site", "acme_collision")
    completed = run(site, cwd=project)
    assert_plugin_error(completed, "plugin acme", "acme-pinning", "CL1001", "unpinned-image", "built-in")


def test_plugin_rule_that_raises_while_checking(tmp_path: Path, project: Path) -> None:
    site = install(tmp_path / "site", "acme_crash")
    (project / "app").mkdir()
    (project / "app" / "Dockerfile").write_text("FROM python:3.12-slim\n")
    completed = run(site, "--format", "json", cwd=project)
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr == ""
    assert findings(completed) == {
        ("Dockerfile", 1, "CL0004"),
        ("Dockerfile", 1, "CL1001"),  # the other rules still ran on the same file
        ("app/Dockerfile", 1, "CL0004"),  # and the next file was still checked
    }
    internal = [f for f in json.loads(completed.stdout)["findings"] if f["code"] == "CL0004"]
    for finding in internal:
        assert finding["severity"] == "error"
        assert "ACME009" in finding["message"] and "crashing-rule" in finding["message"]
        assert "ZeroDivisionError" in finding["message"]
    # The exit status follows the usual threshold, and CL0004 can be re-levelled like any rule.
    assert run(site, "--fail-on", "never", cwd=project).returncode == 0
    (project / ".containerlint.toml").write_text('[severity]\ninternal-error = "info"\n')
    relevelled = run(site, "--fail-on", "error", cwd=project)
    assert relevelled.returncode == 0
    assert "CL0004 [info]" in relevelled.stdout


def test_internal_error_can_be_ignored(tmp_path: Path, project: Path) -> None:
    # checks/meta.py: meta rules "can be selected, ignored and re-levelled like any other rule".
    site = install(tmp_path / "site", "acme_crash")
    completed = run(site, "--format", "json", "--ignore", "CL0004", cwd=project)
    assert findings(completed) == {("Dockerfile", 1, "CL1001")}
