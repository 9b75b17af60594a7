"""File discovery: name patterns, ignore rules, symlinks, Helm and Kustomize, explicit files."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pytest

from containerlint.discover import (
    SKIP_HELM_TEMPLATE,
    SKIP_KUSTOMIZATION,
    Candidate,
    NameClass,
    classify_name,
    iter_candidates,
    looks_like_helm_template,
)
from containerlint.model import FileKind

DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"


def make_tree(root: Path, files: Iterable[str] | dict[str, str]) -> None:
    contents = files if isinstance(files, dict) else dict.fromkeys(files, "")
    for rel, text in contents.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text or ("FROM scratch\n" if "ocker" in rel else DEPLOYMENT))


def discover(root: Path, *paths: str | Path, **options) -> list[Candidate]:
    targets = [root / p for p in paths] if paths else [root]
    return list(iter_candidates(targets, root=root, **options))


def displays(candidates: list[Candidate]) -> list[str]:
    return [c.display for c in candidates]


def by_display(candidates: list[Candidate]) -> dict[str, Candidate]:
    return {c.display: c for c in candidates}


# --------------------------------------------------------------------------------------------
# classify_name


@pytest.mark.parametrize(
    "name",
    [
        "Dockerfile",
        "Containerfile",
        "dockerfile",
        "api.Dockerfile",
        "worker.dockerfile",
        "base.containerfile",
        "Dockerfile.prod",
        "Dockerfile.alpine",
        "Dockerfile.example",
        "Dockerfile-dev",
        "Dockerfile_ci",
        "Containerfile.fedora",
    ],
)
def test_dockerfile_names(name: str) -> None:
    assert classify_name(name) is NameClass.DOCKERFILE


@pytest.mark.parametrize(
    "name",
    [
        "Dockerfile.md",
        "Dockerfile.txt",
        "Dockerfile.orig",
        "Dockerfile.rej",
        "Dockerfile.bak",
        "Dockerfile.swp",
        "Dockerfile~",
        "#Dockerfile#",
        ".#Dockerfile",
        "Dockerfile.j2",
        "Dockerfile.tpl",
        "Dockerfile.template",
        "Dockerfile.in",
        "Dockerfile.dockerignore",
        "Dockerfile.prod.bak",
        "Dockerfile-dev.md",
        "Dockerfile.",
        "Dockerfiles",
        ".dockerfile",
        "Dockerfile.yaml",
        "README.md",
        "mydockerfile.txt",
        "api.Dockerfile.dockerignore",
    ],
)
def test_not_dockerfile_names(name: str) -> None:
    assert classify_name(name) is not NameClass.DOCKERFILE


@pytest.mark.parametrize(
    "name",
    [
        "compose.yaml",
        "compose.yml",
        "compose.override.yaml",
        "compose.prod.yml",
        "docker-compose.yaml",
        "docker-compose.yml",
        "docker-compose.override.yml",
        "docker-compose.ci.test.yaml",
    ],
)
def test_compose_names(name: str) -> None:
    assert classify_name(name) is NameClass.COMPOSE
    assert NameClass.COMPOSE.kind is FileKind.COMPOSE


@pytest.mark.parametrize(
    "name",
    ["deployment.yaml", "svc.yml", "docker-compose-dev.yml", "compose-prod.yaml", "X.YAML"],
)
def test_other_yaml_is_decided_by_content(name: str) -> None:
    assert classify_name(name) is NameClass.YAML
    assert NameClass.YAML.kind is None


@pytest.mark.parametrize(
    "name",
    [
        "compose.yaml.bak",
        "docker-compose.yml.j2",
        "compose.json",
        "values.json",
        "Makefile",
        "x.py",
    ],
)
def test_unrecognised_names(name: str) -> None:
    assert classify_name(name) is None


@pytest.mark.parametrize("name", ["kustomization.yaml", "kustomization.yml", "Kustomization"])
def test_kustomization_names(name: str) -> None:
    assert classify_name(name) is NameClass.KUSTOMIZATION


# --------------------------------------------------------------------------------------------
# Helm templates by content


@pytest.mark.parametrize(
    "head",
    [
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "app.fullname" . }}\n',
        'metadata:\n  name: "{{ .Release.Name }}-web"\n',
        "{{- if .Values.enabled }}\napiVersion: v1\n{{- end }}\n",
        "spec:\n  replicas: {{ .Values.replicas }}\n",
        "items:\n  - {{ template_thing }}\n",
        "{{ range $x := list 1 2 }}\nkind: ConfigMap\n{{ end }}\n",
    ],
)
def test_helm_template_heads(head: str) -> None:
    assert looks_like_helm_template(head)


@pytest.mark.parametrize(
    "head",
    [
        DEPLOYMENT,
        # PrometheusRule annotations: Go templates inside strings and block scalars are data.
        'annotations:\n  summary: "{{ $labels.instance }} down"\n'
        '  description: "VALUE = {{ $value }}\\n LABELS: {{ $labels }}"\n',
        "annotations:\n  description: |\n    {{ $labels.instance }} is down\n    {{ end }}\n  other: ok\n",
        'data:\n  slack.tmpl: >-\n    {{ define "slack.title" }}x{{ end }}\n',
        'healthcheck:\n  test: ["CMD", "docker", "inspect", "--format", "{{.State}}"]\n',
    ],
)
def test_plain_yaml_heads(head: str) -> None:
    assert not looks_like_helm_template(head)


# --------------------------------------------------------------------------------------------
# Walking


def test_walk_classifies_and_orders_deterministically(tmp_path: Path) -> None:
    make_tree(
        tmp_path,
        [
            "b/Dockerfile",
            "a/compose.yaml",
            "a/k8s/deploy.yaml",
            "a/Dockerfile.md",
            "README.md",
            "z.Dockerfile",
            "a/notes.txt",
        ],
    )
    found = discover(tmp_path)
    assert displays(found) == [
        "a/compose.yaml",
        "a/k8s/deploy.yaml",
        "b/Dockerfile",
        "z.Dockerfile",
    ]
    kinds = {c.display: c.kind for c in found}
    assert kinds == {
        "a/compose.yaml": FileKind.COMPOSE,
        "a/k8s/deploy.yaml": None,
        "b/Dockerfile": FileKind.DOCKERFILE,
        "z.Dockerfile": FileKind.DOCKERFILE,
    }
    assert all(c.path.is_absolute() and not c.explicit and c.skip_reason is None for c in found)
    assert displays(discover(tmp_path)) == displays(found)


def test_vcs_directories_skipped(tmp_path: Path) -> None:
    make_tree(tmp_path, [".git/Dockerfile", ".hg/x.yaml", ".svn/compose.yaml", ".github/Dockerfile"])
    assert displays(discover(tmp_path)) == [".github/Dockerfile"]


def test_nested_gitignore_with_negation(tmp_path: Path) -> None:
    make_tree(
        tmp_path,
        {
            ".gitignore": "*.yaml\n!keep.yaml\nbuild/\n",
            "keep.yaml": "",
            "drop.yaml": "",
            "build/Dockerfile": "",
            "sub/.gitignore": "!again.yaml\nlocal/\nkeep.yaml\n",
            "sub/again.yaml": "",
            "sub/other.yaml": "",
            "sub/keep.yaml": "",
            "sub/local/Dockerfile": "",
            "sub/Dockerfile": "",
            "elsewhere/local/Dockerfile": "",  # sub/.gitignore does not reach here
        },
    )
    assert displays(discover(tmp_path)) == [
        "elsewhere/local/Dockerfile",
        "keep.yaml",
        "sub/Dockerfile",
        "sub/again.yaml",
    ]


def test_gitignore_can_be_disregarded(tmp_path: Path) -> None:
    make_tree(tmp_path, {".gitignore": "*.yaml\n", "a.yaml": ""})
    assert displays(discover(tmp_path, respect_gitignore=False)) == ["a.yaml"]


def test_gitignore_above_a_walked_subdirectory_applies(tmp_path: Path) -> None:
    make_tree(tmp_path, {".gitignore": "generated/\n", "app/generated/x.yaml": "", "app/y.yaml": ""})
    assert displays(discover(tmp_path, "app")) == ["app/y.yaml"]


def test_exclude_globs(tmp_path: Path) -> None:
    make_tree(tmp_path, ["vendor/Dockerfile", "app/Dockerfile", "app/test/compose.yaml", "x.yml"])
    found = discover(tmp_path, exclude=["vendor/", "**/test/", "/x.yml"])
    assert displays(found) == ["app/Dockerfile"]


def test_exclude_is_relative_to_root(tmp_path: Path) -> None:
    make_tree(tmp_path, ["app/x.yml", "x.yml"])
    assert displays(discover(tmp_path, exclude=["/x.yml"])) == ["app/x.yml"]


def test_explicit_files_always_yielded(tmp_path: Path) -> None:
    make_tree(
        tmp_path,
        {".gitignore": "ignored/\n*.yml\n", "ignored/Dockerfile": "", "vendor/c.yml": ""},
    )
    found = discover(tmp_path, "ignored/Dockerfile", "vendor/c.yml", exclude=["vendor/"])
    assert [(c.display, c.kind, c.explicit) for c in found] == [
        ("ignored/Dockerfile", FileKind.DOCKERFILE, True),
        ("vendor/c.yml", None, True),
    ]


def test_explicit_unknown_file_skipped_quietly(tmp_path: Path) -> None:
    make_tree(tmp_path, {"notes.txt": "hello", "Dockerfile.md": "# docs"})
    assert discover(tmp_path, "notes.txt", "Dockerfile.md") == []


def test_explicitly_named_ignored_directory_is_walked(tmp_path: Path) -> None:
    make_tree(tmp_path, {".gitignore": "build/\n", "build/Dockerfile": "", "build/x.yaml": ""})
    assert displays(discover(tmp_path)) == []
    assert displays(discover(tmp_path, "build")) == ["build/Dockerfile", "build/x.yaml"]


def test_missing_path_raises_before_yielding(tmp_path: Path) -> None:
    make_tree(tmp_path, ["Dockerfile"])
    with pytest.raises(FileNotFoundError, match=r"path does not exist: .*nope"):
        iter_candidates([tmp_path / "Dockerfile", tmp_path / "nope"], root=tmp_path)


def test_file_reached_twice_yielded_once(tmp_path: Path) -> None:
    make_tree(tmp_path, ["app/Dockerfile"])
    found = discover(tmp_path, "app/Dockerfile", "app", ".")
    assert [(c.display, c.explicit) for c in found] == [("app/Dockerfile", True)]


# --------------------------------------------------------------------------------------------
# Symlinks


def symlink_or_skip(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target, target_is_directory=target.is_dir())
    except (OSError, NotImplementedError):
        pytest.skip("symlinks not available")


def test_symlink_loop_terminates(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a/Dockerfile"])
    symlink_or_skip(tmp_path / "a" / "loop", tmp_path)
    symlink_or_skip(tmp_path / "a" / "self", tmp_path / "a")
    assert displays(discover(tmp_path)) == ["a/Dockerfile"]


def test_symlinked_directory_followed_once(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    make_tree(outside, ["shared/Dockerfile"])
    project = tmp_path / "project"
    make_tree(project, ["app/Dockerfile"])
    symlink_or_skip(project / "linked", outside / "shared")
    symlink_or_skip(project / "zz-again", outside / "shared")
    found = discover(project)
    assert displays(found) == ["app/Dockerfile", "linked/Dockerfile"]
    assert found[1].path == project / "linked" / "Dockerfile"  # the name the user knows


def test_dangling_symlink_skipped(tmp_path: Path) -> None:
    make_tree(tmp_path, ["Dockerfile"])
    symlink_or_skip(tmp_path / "compose.yaml", tmp_path / "missing.yaml")
    assert displays(discover(tmp_path)) == ["Dockerfile"]


# --------------------------------------------------------------------------------------------
# Helm charts and Kustomize


def test_helm_chart_and_kustomization(tmp_path: Path) -> None:
    make_tree(
        tmp_path,
        {
            "chart/Chart.yaml": "apiVersion: v2\nname: web\n",
            "chart/values.yaml": "replicas: 1\n",
            "chart/values-prod.yaml": "replicas: 3\n",
            "chart/templates/deployment.yaml": DEPLOYMENT,  # plain YAML, still a template
            "chart/templates/sub/cm.yml": DEPLOYMENT,
            "chart/templates/_helpers.tpl": "{{ define }}",
            "chart/crds/crd.yaml": DEPLOYMENT,
            "overlay/kustomization.yaml": "resources: []\n",
            "overlay/patch.yaml": DEPLOYMENT,
            "loose/templated.yaml": "metadata:\n  name: {{ .Release.Name }}\n",
            "loose/templates/plain.yaml": DEPLOYMENT,  # not in a chart: an ordinary folder
            "loose/values.yaml": "a: 1\n",  # not in a chart: decided by content
        },
    )
    found = [(c.display, c.kind, c.skip_reason) for c in discover(tmp_path)]
    assert found == [
        ("chart/crds/crd.yaml", None, None),
        ("chart/templates/deployment.yaml", None, SKIP_HELM_TEMPLATE),
        ("chart/templates/sub/cm.yml", None, SKIP_HELM_TEMPLATE),
        ("loose/templated.yaml", None, SKIP_HELM_TEMPLATE),
        ("loose/templates/plain.yaml", None, None),
        ("loose/values.yaml", None, None),
        ("overlay/kustomization.yaml", None, SKIP_KUSTOMIZATION),
        ("overlay/patch.yaml", None, None),
    ]


def test_explicit_helm_template_still_skipped_with_reason(tmp_path: Path) -> None:
    make_tree(tmp_path, {"c/Chart.yaml": "name: c\n", "c/templates/d.yaml": DEPLOYMENT})
    found = discover(tmp_path, "c/templates/d.yaml", "c/Chart.yaml")
    assert [(c.display, c.skip_reason, c.explicit) for c in found] == [
        ("c/templates/d.yaml", SKIP_HELM_TEMPLATE, True),
        ("c/Chart.yaml", None, True),  # named explicitly: the engine decides by content
    ]


def test_walking_a_chart_templates_folder_directly(tmp_path: Path) -> None:
    make_tree(tmp_path, {"c/Chart.yaml": "name: c\n", "c/templates/d.yaml": DEPLOYMENT})
    found = discover(tmp_path, "c/templates")
    assert [(c.display, c.skip_reason) for c in found] == [("c/templates/d.yaml", "helm template")]


# --------------------------------------------------------------------------------------------
# Configured kinds and the detect_kind hook


def test_kinds_globs_win_over_names(tmp_path: Path) -> None:
    make_tree(tmp_path, {"deploy/compose.yaml": DEPLOYMENT, "stacks/prod.yml": "", "Jenkins.df": ""})
    found = discover(
        tmp_path,
        kinds={
            "deploy/*.yaml": FileKind.KUBERNETES,
            "stacks/": FileKind.COMPOSE,
            "*.df": FileKind.DOCKERFILE,
        },
    )
    assert [(c.display, c.kind) for c in found] == [
        ("Jenkins.df", FileKind.DOCKERFILE),
        ("deploy/compose.yaml", FileKind.KUBERNETES),
        ("stacks/prod.yml", FileKind.COMPOSE),
    ]


def test_first_matching_kinds_glob_wins(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a/x.yaml"])
    kinds = {"a/*.yaml": FileKind.COMPOSE, "*.yaml": FileKind.KUBERNETES}
    assert discover(tmp_path, kinds=kinds)[0].kind is FileKind.COMPOSE


def test_detect_kind_consulted_for_unrecognised_files(tmp_path: Path) -> None:
    make_tree(
        tmp_path,
        {"build.docker": "FROM alpine\n", "notes.txt": "hi", "blob.bin": "\0\0", "k.yaml": "a: 1"},
    )
    seen: list[tuple[str, str]] = []

    def detect(path: Path, head: str) -> FileKind | None:
        seen.append((path.name, head))
        if head.startswith("FROM "):
            return FileKind.DOCKERFILE
        return FileKind.KUBERNETES if path.suffix == ".yaml" else None

    found = discover(tmp_path, detect_kind=detect)
    assert [(c.display, c.kind) for c in found] == [
        ("build.docker", FileKind.DOCKERFILE),
        ("k.yaml", FileKind.KUBERNETES),
    ]
    assert sorted(name for name, _ in seen) == ["build.docker", "k.yaml", "notes.txt"]  # no binary


def test_explicit_unknown_file_uses_detect_kind(tmp_path: Path) -> None:
    make_tree(tmp_path, {"Buildfile": "FROM alpine\n"})
    found = discover(tmp_path, "Buildfile", detect_kind=lambda _p, _h: FileKind.DOCKERFILE)
    assert [(c.display, c.kind, c.explicit) for c in found] == [("Buildfile", FileKind.DOCKERFILE, True)]


# --------------------------------------------------------------------------------------------
# Display paths


def test_display_outside_root_is_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "root"
    make_tree(root, ["Dockerfile"])
    make_tree(tmp_path / "other", ["svc/Dockerfile", "compose.yaml"])
    monkeypatch.chdir(root)
    found = list(iter_candidates([Path("../other"), Path("../other/compose.yaml")], root=root))
    assert displays(found) == ["../other/compose.yaml", "../other/svc/Dockerfile"]
    assert found[0].explicit is False  # reached by walking ../other before being named
    assert all(c.path.is_absolute() for c in found)


def test_display_relative_to_root_for_relative_arguments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path, ["app/Dockerfile"])
    monkeypatch.chdir(tmp_path / "app")
    found = list(iter_candidates([Path("Dockerfile")], root=tmp_path))
    assert displays(found) == ["app/Dockerfile"]
    assert found[0].path == tmp_path / "app" / "Dockerfile"


def test_unreadable_directory_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root (as in CI) reads any directory, so the refusal is simulated where the OS would raise it.
    make_tree(tmp_path, ["locked/Dockerfile", "open/Dockerfile"])
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert displays(discover(tmp_path)) == ["open/Dockerfile"]
