"""hadolint DL3016 -> CL3202 unpinned-npm-package: every package npm installs needs a version."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3202"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def run(command: str) -> list[tuple[int, int]]:
    return found(f"FROM node:20\nRUN {command}\n")


@pytest.mark.parametrize(
    ("command", "column"),
    [
        ("npm install lodash", 17),
        ("npm install @acme/widgets", 17),
        ("npm install --global typescript", 26),
        ("npm install -g typescript", 20),
        ("npm install --registry https://registry.example typescript", 53),
        ("npm install --registry=https://registry.example typescript", 53),
        ("npm install git+ssh://git@github.com:acme/widgets.git", 17),
        ("npm install git+http://github.com/acme/widgets", 17),
        ("npm install git+https://github.com/acme/widgets.git", 17),
        ("npm install git://github.com/acme/widgets.git", 17),
        # npm's aliases of install
        ("npm i lodash", 11),
        ("npm add lodash", 13),
        # a dist-tag that floats is no pin
        ("npm install lodash@latest", 17),
    ],
)
def test_unpinned_package(command: str, column: int) -> None:
    assert run(command) == [(2, column)]


@pytest.mark.parametrize(
    "command",
    [
        # package.json and the lockfile decide
        "npm install",
        "npm install --no-audit --progress=false",
        "npm ci",
        # versions, tags and ranges
        "npm install lodash@4.17.21",
        'npm install @acme/widgets@">=1.0.0 <2.0.0"',
        'npm install lodash@"4.17.21" left-pad@1.3.0',
        'npm install --global typescript@"5.5.4"',
        "npm install -g typescript@5.5.4",
        # tarballs and folders
        "npm install widgets-1.0.0.tar",
        "npm install widgets-1.0.0.tar.gz",
        "npm install widgets-1.0.0.tgz",
        "npm install /src/widgets",
        "npm install ./widgets",
        "npm install ../widgets",
        "npm install ~/widgets",
        # git URLs with a commit, tag or semver fragment
        "npm install git+ssh://git@github.com:acme/widgets.git#v1.0.0",
        "npm install git+http://github.com/acme/widgets#semver:^1.0",
        "npm install git+https://github.com/acme/widgets.git#3f2a1b0",
        "npm install git://github.com/acme/widgets.git#v1.0.0",
        # option values are not packages
        "npm install --loglevel verbose lodash@4.17.21",
        "npm install --registry https://registry.example lodash@4.17.21",
        "npm install --omit dev",
        # `install` is not npm's subcommand here
        "npm run --silent install",
        "npm run build -- install",
    ],
)
def test_pinned_or_not_applicable(command: str) -> None:
    assert run(command) == []


def test_each_unpinned_package_is_reported() -> None:
    assert run("npm install lodash left-pad@1.3.0 chalk") == [(2, 17), (2, 39)]


def test_onbuild() -> None:
    assert found("FROM node:20\nONBUILD RUN npm install lodash\n") == [(2, 25)]
    assert found("FROM node:20\nONBUILD RUN npm install lodash@4.17.21\n") == []
