"""Kustomize rendering: findings on rendered objects land in the base, overlay and patch files."""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from containerlint.discover import iter_candidates
from containerlint.engine import LintOptions, lint_sources, parse_source, read_source
from containerlint.kustomize import ADDED_ANNOTATIONS, expand_kustomizations
from containerlint.model import Finding
from tests.helpers import builtin_ruleset, skip_or_fail

DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: nginx:latest
          securityContext:
            privileged: true
"""
SERVICE = """\
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
"""
BASE = """\
resources:
  - deployment.yaml
  - service.yaml
"""
OVERLAY = """\
namePrefix: prod-
namespace: prod
resources:
  - ../../base
patches:
  - path: sidecar.yaml
  - path: host-network.yaml
    target:
      kind: Deployment
      name: web
  - target:
      kind: Deployment
      name: web
    patch: |-
      - op: add
        path: /spec/template/spec/containers/1/image
        value: redis
configMapGenerator:
  - name: settings
    literals:
      - password=hunter2hunter2
"""
SIDECAR = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: sidecar
          image: busybox
"""
HOST_NETWORK = """\
- op: add
  path: /spec/template/spec/hostNetwork
  value: true
"""


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def sources(root: Path, paths: Sequence[Path] | None = None) -> list:  # type: ignore[type-arg]
    candidates = iter_candidates(list(paths or [root]), root=root)
    return [read_source(c.path, c.display, c.kind, explicit=c.explicit, skip_reason=c.skip_reason) for c in candidates]


def lint_tree(root: Path, select: Sequence[str], paths: Sequence[Path] | None = None) -> list[Finding]:
    ruleset = builtin_ruleset()
    options = LintOptions(rules=ruleset.select(select), ruleset=ruleset)
    return [f for f in lint_sources(sources(root, paths), options).findings if not f.suppressed]


def places(findings: list[Finding], code: str | None = None) -> list[tuple[str, int, int, str]]:
    return sorted(
        (f.path, f.span.start.line, f.span.start.column, f.code) for f in findings if code is None or f.code == code
    )


@pytest.fixture
def kubectl() -> None:
    if shutil.which("kubectl") is None and shutil.which("kustomize") is None:
        skip_or_fail("kubectl (or kustomize) is needed to render kustomizations")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write(
        tmp_path,
        {
            "base/kustomization.yaml": BASE,
            "base/deployment.yaml": DEPLOYMENT,
            "base/service.yaml": SERVICE,
            "overlays/prod/kustomization.yaml": OVERLAY,
            "overlays/prod/sidecar.yaml": SIDECAR,
            "overlays/prod/host-network.yaml": HOST_NETWORK,
        },
    )
    return tmp_path


@pytest.mark.usefixtures("kubectl")
def test_findings_land_in_base_and_patches(tree: Path) -> None:
    findings = lint_tree(tree, ["CL1001", "CL2030", "CL2033", "CL5033"])
    assert places(findings) == [
        ("base/deployment.yaml", 18, 25, "CL2030"),  # privileged: true, in the base
        ("overlays/prod/host-network.yaml", 3, 10, "CL2033"),  # JSON 6902 value in a patch file
        ("overlays/prod/kustomization.yaml", 17, 16, "CL1001"),  # inline JSON 6902 patch: image redis
        ("overlays/prod/kustomization.yaml", 19, 11, "CL5033"),  # the generator entry of the ConfigMap
        ("overlays/prod/sidecar.yaml", 10, 18, "CL1001"),  # strategic merge patch adds a container
    ]
    # Messages name the rendered objects: namePrefix applied.
    by_code = {f.code: f for f in findings}
    assert "deployment 'prod-web' container 'app'" in by_code["CL2030"].message
    assert "(added by the kustomize build" not in by_code["CL2030"].message


@pytest.mark.usefixtures("kubectl")
def test_base_image_when_not_overridden(tree: Path) -> None:
    write(tree, {"overlays/prod/kustomization.yaml": OVERLAY.replace("value: redis", "value: nginx:latest")})
    findings = lint_tree(tree, ["CL1001"])
    # The patch sets the value the base has already: the base is where it was written first.
    assert places(findings) == [
        ("base/deployment.yaml", 16, 18, "CL1001"),
        ("overlays/prod/sidecar.yaml", 10, 18, "CL1001"),
    ]


@pytest.mark.usefixtures("kubectl")
def test_base_alone_lints_base_lines(tmp_path: Path) -> None:
    write(tmp_path, {"kustomization.yaml": BASE, "deployment.yaml": DEPLOYMENT, "service.yaml": SERVICE})
    findings = lint_tree(tmp_path, ["CL1001", "CL2030", "CL0007"])
    assert places(findings) == [
        ("deployment.yaml", 16, 18, "CL1001"),
        ("deployment.yaml", 18, 25, "CL2030"),
    ]


@pytest.mark.usefixtures("kubectl")
def test_no_double_findings(tree: Path) -> None:
    """The base is in the tree and used by the overlay: rendered once, files never linted plainly."""
    findings = lint_tree(tree, ["CL1001", "CL2030", "CL0007"])
    assert places(findings, "CL2030") == [("base/deployment.yaml", 18, 25, "CL2030")]
    assert not places(findings, "CL0007")
    # the patch files are partial objects; linted plainly, schema rules would flag them
    all_rules = lint_tree(tree, ["ALL"])
    assert not [f for f in all_rules if f.path == "overlays/prod/sidecar.yaml" and f.code.startswith("CL0")]
    assert all(" (kustomize build)" not in f.path for f in all_rules)
    keys = [(f.code, f.path, f.span, f.message) for f in all_rules]
    assert len(keys) == len(set(keys))


@pytest.mark.usefixtures("kubectl")
def test_two_overlays_share_a_base_finding_once(tree: Path) -> None:
    write(tree, {"overlays/dev/kustomization.yaml": "resources:\n  - ../../base\n"})
    findings = lint_tree(tree, ["CL2030"])
    assert places(findings) == [("base/deployment.yaml", 18, 25, "CL2030")]


@pytest.mark.usefixtures("kubectl")
def test_added_field_falls_back_to_nearest_source_node(tmp_path: Path) -> None:
    """namespace: adds metadata.namespace; a finding on it goes to 'metadata:' and says so."""
    write(
        tmp_path,
        {
            "kustomization.yaml": "namespace: kube-system\nresources:\n  - deployment.yaml\n",
            "deployment.yaml": DEPLOYMENT,
        },
    )
    ruleset = builtin_ruleset()
    result = expand_kustomizations([parse_source(s) for s in sources(tmp_path)])
    (render,) = result.renders
    rendered = next(p for p in result.parsed_files if p.path == render.virtual)
    (obj,) = rendered.tree.objects
    assert obj.namespace == "kube-system"
    target = render.table[obj.namespace_node.span]
    assert (target.path, target.span.start.line, target.exact) == ("deployment.yaml", 3, False)
    image = obj.containers[0].image
    exact = render.table[image.span]
    assert (exact.path, exact.span.start.line, exact.span.start.column, exact.exact) == (
        "deployment.yaml",
        16,
        18,
        True,
    )
    assert ruleset.get("CL7080") is not None


@pytest.mark.usefixtures("kubectl")
def test_origin_annotations_are_removed(tree: Path) -> None:
    result = expand_kustomizations([parse_source(s) for s in sources(tree)])
    (render,) = result.renders
    rendered = next(p for p in result.parsed_files if p.path == render.virtual)
    kinds = sorted(obj.kind for obj in rendered.tree.objects)
    assert kinds == ["ConfigMap", "Deployment", "Service"]
    for obj in rendered.tree.objects:
        assert not set(obj.annotations) & set(ADDED_ANNOTATIONS)
        assert obj.metadata is not None and "annotations" not in obj.metadata  # none were written
    # the resource, patch and kustomization files are not linted as plain manifests
    linted = {p.path for p in result.parsed_files if p.kind is not None}
    assert linted == {render.virtual}


@pytest.mark.usefixtures("kubectl")
def test_own_annotations_are_kept(tmp_path: Path) -> None:
    deployment = DEPLOYMENT.replace("  name: web\n", "  name: web\n  annotations:\n    team: a\n", 1)
    write(tmp_path, {"kustomization.yaml": "resources:\n  - deployment.yaml\n", "deployment.yaml": deployment})
    result = expand_kustomizations([parse_source(s) for s in sources(tmp_path)])
    rendered = next(p for p in result.parsed_files if p.path == result.renders[0].virtual)
    assert rendered.tree.objects[0].annotations.strings() == {"team": "a"}


@pytest.mark.usefixtures("kubectl")
def test_suppression_comment_in_the_base_applies(tmp_path: Path) -> None:
    deployment = DEPLOYMENT.replace(
        "          image: nginx:latest\n", "          # containerlint: ignore=CL1001\n          image: nginx:latest\n"
    )
    write(tmp_path, {"kustomization.yaml": "resources:\n  - deployment.yaml\n", "deployment.yaml": deployment})
    assert places(lint_tree(tmp_path, ["CL1001"])) == []


def test_missing_references(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "kustomization.yaml": (
                "resources:\n"
                "  - deployment.yaml\n"
                "  - service.yaml\n"
                "  - ../nothing\n"
                "  - https://github.com/example/repo//base?ref=v1\n"
                "components:\n"
                "  - ../component\n"
                "patches:\n"
                "  - path: patch.yaml\n"
                "patchesStrategicMerge:\n"
                "  - smp.yaml\n"
                "configMapGenerator:\n"
                "  - name: app\n"
                "    files:\n"
                "      - config=app.properties\n"
                "    envs:\n"
                "      - app.env\n"
            ),
            "deployment.yaml": DEPLOYMENT,
            "../component/readme.txt": "not a kustomization\n",
        },
    )
    findings = lint_tree(tmp_path, ["CL7080", "CL7081"], paths=[tmp_path])
    assert [(f.span.start.line, f.span.start.column, f.message) for f in findings if f.code == "CL7080"] == [
        (3, 5, "kustomization resources entry 'service.yaml' does not exist"),
        (4, 5, "kustomization resources entry '../nothing' does not exist"),
        (7, 5, "kustomization components entry '../component' is a folder without a kustomization.yaml"),
        (9, 11, "kustomization patches entry 'patch.yaml' does not exist"),
        (11, 5, "kustomization patchesStrategicMerge entry 'smp.yaml' does not exist"),
        (15, 9, "kustomization configMapGenerator files entry 'app.properties' does not exist"),
        (17, 9, "kustomization configMapGenerator envs entry 'app.env' does not exist"),
    ]
    assert {f.path for f in findings} == {"kustomization.yaml"}
    assert not [f for f in findings if f.code == "CL7081"]  # the missing files explain the failure


@pytest.mark.usefixtures("kubectl")
def test_render_failure_is_reported_and_resources_linted_plainly(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "kustomization.yaml": "resources:\n  - deployment.yaml\npatches:\n  - path: patch.yaml\n",
            "deployment.yaml": DEPLOYMENT,
            "patch.yaml": SIDECAR.replace("name: web", "name: nothing-like-this"),
        },
    )
    findings = lint_tree(tmp_path, ["CL7081", "CL0007", "CL1001"])
    failure = next(f for f in findings if f.code == "CL7081")
    assert failure.path == "kustomization.yaml"
    assert failure.message.startswith("kustomize build failed: ")
    assert "nothing-like-this" in failure.message
    assert not re.search(r"\b[EWIF]\d{4} ", failure.message) and "containerlint-kustomize-" not in failure.message
    assert "must resolve to a file" not in failure.message  # the wrapper's part of the message
    assert (failure.span.start.line, failure.span.start.column) in {(1, 1), (4, 11)}
    note = next(f for f in findings if f.code == "CL0007")
    assert "the build failed" in note.message
    assert places(findings, "CL1001") == [("deployment.yaml", 16, 18, "CL1001")]  # linted plainly; patch is not


def test_no_renderer_lints_resources_plainly(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    findings = lint_tree(tree, ["CL1001", "CL0007", "CL2030"], paths=[tree / "base", tree / "overlays"])
    assert places(findings) == [
        ("base/deployment.yaml", 16, 18, "CL1001"),
        ("base/deployment.yaml", 18, 25, "CL2030"),
        ("overlays/prod/kustomization.yaml", 1, 1, "CL0007"),  # the base is part of the overlay: one note
    ]
    notes = [f.message for f in findings if f.code == "CL0007"]
    assert all("neither kubectl nor kustomize is on PATH" in message for message in notes)


def test_no_renderer_base_outside_the_linted_folder(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    findings = lint_tree(tree, ["CL2030"], paths=[tree / "overlays" / "prod"])
    assert places(findings) == [("base/deployment.yaml", 18, 25, "CL2030")]


@pytest.mark.usefixtures("kubectl")
def test_overlay_alone_reaches_base_outside_the_linted_folder(tree: Path) -> None:
    findings = lint_tree(tree, ["CL2030", "CL1001"], paths=[tree / "overlays" / "prod"])
    assert places(findings) == [
        ("base/deployment.yaml", 18, 25, "CL2030"),
        ("overlays/prod/kustomization.yaml", 17, 16, "CL1001"),
        ("overlays/prod/sidecar.yaml", 10, 18, "CL1001"),
    ]


def test_in_memory_kustomization_is_only_noted() -> None:
    from containerlint.engine import Source

    ruleset = builtin_ruleset()
    options = LintOptions(rules=ruleset.select(["CL0007"]), ruleset=ruleset)
    source = Source(path="kustomization.yaml", text=BASE, kind=None, skip_reason="kustomization")
    findings = lint_sources([source], options).findings
    assert [(f.code, f.message) for f in findings] == [("CL0007", "skipped: kustomization")]


@pytest.mark.usefixtures("kubectl")
def test_broken_shapes_never_raise(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "kustomization.yaml": "resources: deployment.yaml\npatches: {a: 1}\nconfigMapGenerator: [1, {files: x}]\n",
            "deployment.yaml": DEPLOYMENT,
        },
    )
    findings = lint_tree(tmp_path, ["ALL"])
    assert not [f for f in findings if f.code == "CL0004"]


@pytest.mark.usefixtures("kubectl")
def test_missing_reference_in_a_base_outside_the_run_fails_the_overlay(tree: Path) -> None:
    write(tree, {"base/kustomization.yaml": BASE + "  - missing.yaml\n"})
    findings = lint_tree(tree, ["CL7080", "CL7081"], paths=[tree / "overlays"])
    assert [(f.code, f.path) for f in findings] == [("CL7081", "overlays/prod/kustomization.yaml")]
    assert "missing.yaml" in findings[0].message
    # with the base in the run, the missing entry is reported there and explains the failure
    findings = lint_tree(tree, ["CL7080", "CL7081"])
    assert [(f.code, f.path, f.span.start.line) for f in findings] == [("CL7080", "base/kustomization.yaml", 4)]


@pytest.mark.usefixtures("kubectl")
def test_multi_document_patch_and_cross_object_check(tmp_path: Path) -> None:
    """A strategic merge file patching two objects; a project check (CL7002) on rendered objects."""
    write(
        tmp_path,
        {
            "base/kustomization.yaml": BASE,
            "base/deployment.yaml": DEPLOYMENT,
            "base/service.yaml": SERVICE,
            "overlay/kustomization.yaml": "resources:\n  - ../base\npatches:\n  - path: both.yaml\n",
            "overlay/both.yaml": (
                "apiVersion: v1\n"
                "kind: Service\n"
                "metadata:\n"
                "  name: web\n"
                "spec:\n"
                "  selector:\n"
                "    app: webb\n"
                "---\n"
                "apiVersion: apps/v1\n"
                "kind: Deployment\n"
                "metadata:\n"
                "  name: web\n"
                "spec:\n"
                "  template:\n"
                "    spec:\n"
                "      containers:\n"
                "        - name: app\n"
                "          image: nginx:1.27\n"
            ),
        },
    )
    findings = lint_tree(tmp_path, ["CL1001", "CL7002", "CL2030", "CL4206"])
    assert places(findings) == [
        ("base/deployment.yaml", 15, 17, "CL4206"),  # the patch repeats the name only to match the container
        ("base/deployment.yaml", 18, 25, "CL2030"),  # the base's field, under the patched container
        ("overlay/both.yaml", 7, 5, "CL7002"),  # the selector's values all come from the patch
    ]
    (dangling,) = [f for f in findings if f.code == "CL7002"]
    assert "'webb'" in dangling.message or "webb" in dangling.message


@pytest.mark.usefixtures("kubectl")
def test_related_places_are_moved_too(tmp_path: Path) -> None:
    """CL7023: the Service's targetPort names no container port; the related pod template is in the base."""
    service = SERVICE.replace("    - port: 80\n", "    - port: 80\n      targetPort: http\n")
    deployment = DEPLOYMENT.replace(
        "          securityContext:\n",
        "          ports:\n            - containerPort: 8080\n          securityContext:\n",
    )
    write(
        tmp_path,
        {"kustomization.yaml": BASE, "deployment.yaml": deployment, "service.yaml": service},
    )
    (finding,) = lint_tree(tmp_path, ["CL7023"])
    assert (finding.path, finding.span.start.line) == ("service.yaml", 10)
    assert [(r.path, r.span.start.line) for r in finding.related] == [("deployment.yaml", 18)]  # ports:


@pytest.mark.usefixtures("kubectl")
def test_style_rules_run_on_the_sources_not_on_the_rendered_output(tmp_path: Path) -> None:
    """kustomize sorts keys: sorted-keys (CL4312) is about the files as written, not the output."""
    write(tmp_path, {"kustomization.yaml": BASE, "deployment.yaml": DEPLOYMENT, "service.yaml": SERVICE})
    with_kustomization = lint_tree(tmp_path, ["CL4312", "CL2030", "CL0007"])
    (tmp_path / "kustomization.yaml").unlink()
    plain = lint_tree(tmp_path, ["CL4312", "CL2030"])
    assert places(with_kustomization) == places(plain)
    assert {f.code for f in plain} == {"CL4312", "CL2030"}
    assert [(f.message, f.path) for f in with_kustomization] == [(f.message, f.path) for f in plain]


@pytest.mark.usefixtures("kubectl")
def test_multi_line_kubectl_error_is_cleaned(tmp_path: Path) -> None:
    """kustomize refuses a duplicate key; kubectl prints that error over several lines."""
    write(tmp_path, {"kustomization.yaml": BASE, "deployment.yaml": DEPLOYMENT, "service.yaml": SERVICE})
    write(tmp_path, {"service.yaml": SERVICE.replace("  name: web\n", "  name: web\n  name: web\n")})
    findings = lint_tree(tmp_path, ["CL7081", "CL0003"])
    assert places(findings) == [("kustomization.yaml", 1, 1, "CL7081"), ("service.yaml", 5, 3, "CL0003")]
    failure = findings[0].message if findings[0].code == "CL7081" else findings[1].message
    assert 'mapping key "name" already defined at line 4' in failure
    assert not re.search(r"\b[EWIF]\d{4} ", failure) and "err=<" not in failure and "\n" not in failure
