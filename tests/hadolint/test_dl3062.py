"""hadolint DL3062 -> CL3204 unpinned-go-package: go install, get and run need a fixed version."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3204"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def run(command: str) -> list[tuple[int, int]]:
    return found(f"FROM golang:1.23\nRUN {command}\n")


@pytest.mark.parametrize(
    ("command", "column"),
    [
        ("go install example.com/tool", 16),
        ("go install example.com/tool@latest", 16),
        ("go get example.com/lib", 12),
        ("go get example.com/lib@latest", 12),
        ("go get -tool example.com/gen", 18),
        ("go get -tool example.com/gen@latest", 18),
        ("go run example.com/tool", 12),
        ("go run example.com/tool@latest", 12),
        # other queries that move over time
        ("go get example.com/lib@upgrade", 12),
        ("go get example.com/lib@patch", 12),
        # a build flag's value is skipped, the package after it is judged
        ("go install -ldflags '-s -w' -tags netgo example.com/tool", 45),
    ],
)
def test_floating_version(command: str, column: int) -> None:
    assert run(command) == [(2, column)]


@pytest.mark.parametrize(
    "command",
    [
        "go install example.com/tool@v1.2.3",
        "go install /go/src/tool",
        "go install ./cmd/tool",
        "go install .",
        "go install",
        "go get example.com/lib@v1.2.3",
        "go get -tool example.com/gen@v0.3.0",
        "go run example.com/tool@v1.2.3",
        # what follows the package is the program's command line
        "go run example.com/tool@v1.2.3 -v",
        "go run example.com/tool@v1.2.3 -verbose",
        "go run example.com/tool@v1.2.3 --verbose",
        "go run example.com/tool@v1.2.3 input.txt",
        "go run example.com/tool@v1.2.3 --out result",
        "go run /go/src/tool",
        "go run ./cmd/tool",
        "go run .",
        "go run main.go",
        # the value of a build flag is not a package
        "go install -tags netgo example.com/tool@v1.2.3",
        # @none removes a module instead of installing it
        "go get example.com/lib@none",
        "go build ./...",
        "go mod download",
    ],
)
def test_pinned_or_not_applicable(command: str) -> None:
    assert run(command) == []


def test_install_and_run_in_one_run_are_both_judged() -> None:
    assert run("go run example.com/gen@v1.0.0 && go install example.com/tool") == [(2, 49)]


def test_onbuild() -> None:
    assert found("FROM golang:1.23\nONBUILD RUN go install example.com/tool\n") == [(2, 24)]
    assert found("FROM golang:1.23\nONBUILD RUN go install example.com/tool@v1.2.3\n") == []
