"""Shared inputs for the reporter tests: rules, findings and sources built by hand."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NoReturn

import pytest

from containerlint.model import Edit, Finding, Fix, LintResult, Severity, Span, Suppression
from containerlint.registry import Rule
from containerlint.reporters.base import ReportContext, Reporter

TOOLS_DIR = Path(__file__).resolve().parent.parent / "tools"

UNPINNED = Rule(
    code="CL1001",
    name="unpinned-image",
    summary="Base images should be pinned to a tag and digest",
    severity=Severity.WARNING,
    aliases=("hadolint:DL3007",),
    tags=("supply-chain",),
)
PRIVILEGED = Rule(
    code="CL2001",
    name="privileged-container",
    summary="Containers should not run privileged.",
    severity=Severity.ERROR,
    aliases=("kube-linter:privileged-container",),
    tags=("security", "kubernetes"),
)
RECOMMENDS = Rule(
    code="CL3001",
    name="apt-install-recommends",
    summary="apt-get install should use --no-install-recommends",
    severity=Severity.INFO,
)
TRAILING = Rule(
    code="CL4001",
    name="trailing-whitespace",
    summary="Lines should not end in whitespace",
    severity=Severity.STYLE,
    tags=("style",),
)
RULES = (UNPINNED, PRIVILEGED, RECOMMENDS, TRAILING)

DOCKERFILE = "FROM ubuntu:latest\nRUN apt-get install -y curl\n\tRUN echo hi \n"
DEPLOYMENT = "kind: Deployment\nspec:\n  securityContext:\n    privileged: true\n"
SOURCES = {"Dockerfile": DOCKERFILE, "k8s/deploy.yaml": DEPLOYMENT}


def finding(rule: Rule, path: str, span: Span, message: str, **extra: object) -> Finding:
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        path=path,
        span=span,
        message=message,
        **extra,  # type: ignore[arg-type]
    )


PIN_FIX = Fix(
    description="Pin to the digest the registry reports",
    edits=(Edit(Span.at(1, 19, 1, 19), "@sha256:0123"),),
)
NOQA = Suppression(
    kind="inline",
    source="containerlint",
    directive="# containerlint: disable=CL4001",
    reason="generated file",
)

UNPINNED_FINDING = finding(
    UNPINNED,
    "Dockerfile",
    Span.at(1, 6, 1, 19),
    "Image ubuntu:latest uses a moving tag",
    hint="pin it, e.g. ubuntu:24.04@sha256:...",
    fix=PIN_FIX,
)
RECOMMENDS_FINDING = finding(
    RECOMMENDS,
    "Dockerfile",
    Span.at(2, 5, 2, 16),
    "apt-get install without --no-install-recommends",
)
TRAILING_FINDING = finding(TRAILING, "Dockerfile", Span.at(3, 13, 3, 14), "Trailing whitespace", suppression=NOQA)
PRIVILEGED_FINDING = finding(
    PRIVILEGED,
    "k8s/deploy.yaml",
    Span.at(4, 5, 4, 21),
    "Container runs privileged",
)


@pytest.fixture
def rules() -> tuple[Rule, ...]:
    return RULES


@pytest.fixture
def findings() -> SimpleNamespace:
    """The sample findings by name, for tests that build their own results."""
    return SimpleNamespace(
        unpinned=UNPINNED_FINDING,
        recommends=RECOMMENDS_FINDING,
        trailing=TRAILING_FINDING,
        privileged=PRIVILEGED_FINDING,
    )


@pytest.fixture
def make_finding() -> Callable[..., Finding]:
    return finding


@pytest.fixture
def sample() -> LintResult:
    """Three files checked: two with findings, one finding suppressed."""
    found = [UNPINNED_FINDING, RECOMMENDS_FINDING, TRAILING_FINDING, PRIVILEGED_FINDING]
    return LintResult(findings=found, files_checked=3, rules_run=[r.code for r in RULES])


@pytest.fixture
def context() -> ReportContext:
    return ReportContext(rules=RULES, sources=SOURCES, tool_version="1.2.3", fail_on="warning")


@pytest.fixture
def render() -> Callable[..., str]:
    """render(reporter, result, context, **context_changes) -> the text the reporter wrote."""

    def run(reporter: Reporter, result: LintResult, context: ReportContext, **changes: Any) -> str:
        out = io.StringIO()
        reporter(result, replace(context, **changes), out)
        return out.getvalue()

    return run


@pytest.fixture
def require_tool() -> Callable[[str], NoReturn]:
    """Skip when a validator is missing, but fail under CONTAINERLINT_REQUIRE_TOOLS=1 (CI)."""

    def missing(reason: str) -> NoReturn:
        if os.environ.get("CONTAINERLINT_REQUIRE_TOOLS") == "1":
            pytest.fail(f"{reason} (CONTAINERLINT_REQUIRE_TOOLS=1 is set)")
        pytest.skip(reason)

    return missing


@pytest.fixture
def tools_dir() -> Path:
    return TOOLS_DIR
