from __future__ import annotations

from dataclasses import replace

import pytest

from containerlint.model import LintResult, Span
from containerlint.reporters.github import (
    escape_data,
    escape_property,
    location_properties,
    render_github,
)


def test_one_command_per_unsuppressed_finding(render, sample, context):
    assert render(render_github, sample, context) == (
        "::warning file=Dockerfile,line=1,col=6,endLine=1,endColumn=18,title=CL1001 unpinned-image"
        "::Image ubuntu:latest uses a moving tag%0Ahint: pin it, e.g. ubuntu:24.04@sha256:...\n"
        "::notice file=Dockerfile,line=2,col=5,endLine=2,endColumn=15,"
        "title=CL3001 apt-install-recommends::apt-get install without --no-install-recommends\n"
        "::error file=k8s/deploy.yaml,line=4,col=5,endLine=4,endColumn=20,"
        "title=CL2001 privileged-container::Container runs privileged\n"
    )


def test_suppressed_findings_are_never_annotated(render, sample, context):
    output = render(render_github, sample, context, show_suppressed=True)
    assert "CL4001" not in output
    assert output.count("\n") == 3


def test_style_is_a_notice(render, findings, context):
    visible = replace(findings.trailing, suppression=None)
    assert render(render_github, LintResult(findings=[visible]), context).startswith("::notice ")


def test_nothing_to_report(render, context):
    assert render(render_github, LintResult(files_checked=3), context) == ""


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("100% sure", "100%25 sure"),
        ("a\r\nb", "a%0D%0Ab"),
        ("%0A is not a newline", "%250A is not a newline"),
        ("key: value, more", "key: value, more"),
        (
            "::stop-commands::x",
            "::stop-commands::x",
        ),  # harmless inside a message: data ends the line
    ],
)
def test_escape_data(text, escaped):
    assert escape_data(text) == escaped


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a,b", "a%2Cb"),
        ("C:\\x", "C%3A\\x"),
        ("50%", "50%25"),
        ("two\nlines", "two%0Alines"),
        ("title=x", "title=x"),
    ],
)
def test_escape_property(text, escaped):
    assert escape_property(text) == escaped


def test_paths_and_messages_are_escaped(render, make_finding, rules, context):
    odd = make_finding(rules[1], "dir,a:b/100%.yaml", Span.at(1, 1, 1, 2), "bad:\nvalue, 5%")
    assert render(render_github, LintResult(findings=[odd]), context) == (
        "::error file=dir%2Ca%3Ab/100%25.yaml,line=1,col=1,endLine=1,endColumn=1,"
        "title=CL2001 privileged-container::bad:%0Avalue, 5%25\n"
    )


@pytest.mark.parametrize(
    ("span", "properties"),
    [
        # GitHub's columns are inclusive: [6, 19) covers columns 6 to 18.
        (Span.at(1, 6, 1, 19), {"line": 1, "col": 6, "endLine": 1, "endColumn": 18}),
        # An insertion point marks its own column.
        (Span.at(2, 1, 2, 1), {"line": 2, "col": 1, "endLine": 2, "endColumn": 1}),
        (Span.at(2, 7, 2, 7), {"line": 2, "col": 7, "endLine": 2, "endColumn": 7}),
        # Columns are allowed only on single-line annotations.
        (Span.at(2, 3, 4, 2), {"line": 2, "endLine": 4}),
        # Ending at the start of line 4 means ending with line 3.
        (Span.at(2, 3, 4, 1), {"line": 2, "endLine": 3}),
        (Span.at(3, 1, 4, 1), {"line": 3, "endLine": 3}),
    ],
)
def test_location_properties(span, properties):
    assert location_properties(span) == properties
