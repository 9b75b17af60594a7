from __future__ import annotations

from dataclasses import replace

from containerlint.model import LintResult, Span, Suppression
from containerlint.reporters.text import render_text


def test_groups_by_file_with_hint_and_summary(render, sample, context):
    assert render(render_text, sample, context) == (
        "Dockerfile:1:6: CL1001 [warning] Image ubuntu:latest uses a moving tag (unpinned-image)\n"
        "    hint: pin it, e.g. ubuntu:24.04@sha256:...\n"
        "Dockerfile:2:5: CL3001 [info] apt-get install without --no-install-recommends"
        " (apt-install-recommends)\n"
        "\n"
        "k8s/deploy.yaml:4:5: CL2001 [error] Container runs privileged (privileged-container)\n"
        "\n"
        "Found 3 problems (1 error, 1 warning, 1 info) in 2 files; 1 suppressed.\n"
    )


def test_show_source_and_suppressed(render, sample, context):
    # Line 3 starts with a tab: it is expanded to 4 columns and the caret follows it.
    output = render(render_text, sample, context, show_source=True, show_suppressed=True)
    assert output == (
        "Dockerfile:1:6: CL1001 [warning] Image ubuntu:latest uses a moving tag (unpinned-image)\n"
        "    1 | FROM ubuntu:latest\n"
        "      |      ^^^^^^^^^^^^^\n"
        "    hint: pin it, e.g. ubuntu:24.04@sha256:...\n"
        "Dockerfile:2:5: CL3001 [info] apt-get install without --no-install-recommends"
        " (apt-install-recommends)\n"
        "    2 | RUN apt-get install -y curl\n"
        "      |     ^^^^^^^^^^^\n"
        "Dockerfile:3:13: CL4001 [style] Trailing whitespace (trailing-whitespace)"
        " (suppressed: containerlint # containerlint: disable=CL4001)\n"
        "    3 |     RUN echo hi \n"
        "      |                ^\n"
        "    reason: generated file\n"
        "\n"
        "k8s/deploy.yaml:4:5: CL2001 [error] Container runs privileged (privileged-container)\n"
        "    4 |     privileged: true\n"
        "      |     ^^^^^^^^^^^^^^^^\n"
        "\n"
        "Found 3 problems (1 error, 1 warning, 1 info) in 2 files; 1 suppressed.\n"
    )


def test_colour(render, sample, context):
    output = render(render_text, sample, context, color=True, show_source=True)
    assert output.splitlines()[:4] == [
        "\x1b[1mDockerfile\x1b[0m:1:6: \x1b[1;33mCL1001\x1b[0m \x1b[33m[warning]\x1b[0m"
        " Image ubuntu:latest uses a moving tag \x1b[2m(unpinned-image)\x1b[0m",
        "    \x1b[34m1 |\x1b[0m FROM ubuntu:latest",
        "    \x1b[34m  |\x1b[0m      \x1b[1;33m^^^^^^^^^^^^^\x1b[0m",
        "    \x1b[36mhint:\x1b[0m pin it, e.g. ubuntu:24.04@sha256:...",
    ]
    assert "\x1b[1;31mCL2001\x1b[0m \x1b[31m[error]\x1b[0m" in output
    assert "\x1b[1;34mCL3001\x1b[0m \x1b[34m[info]\x1b[0m" in output
    assert output.endswith("\x1b[1mFound 3 problems (1 error, 1 warning, 1 info) in 2 files\x1b[0m; 1 suppressed.\n")


def test_no_colour_codes_unless_asked(render, sample, context):
    assert "\x1b" not in render(render_text, sample, context, show_source=True)


def test_clean_run(render, context):
    assert render(render_text, LintResult(files_checked=4), context) == ("All checked: no problems in 4 files.\n")
    assert render(render_text, LintResult(files_checked=1), context) == ("All checked: no problems in 1 file.\n")
    assert render(render_text, LintResult(files_checked=1), context, color=True) == (
        "\x1b[32mAll checked: no problems in 1 file\x1b[0m.\n"
    )


def test_only_suppressed_findings(render, findings, context):
    result = LintResult(findings=[findings.trailing], files_checked=2)
    assert render(render_text, result, context) == "All checked: no problems in 2 files; 1 suppressed.\n"


def test_singular_summary(render, findings, context):
    result = LintResult(findings=[findings.privileged], files_checked=1)
    assert render(render_text, result, context).endswith("\nFound 1 problem (1 error) in 1 file.\n")


def test_style_counts(render, make_finding, rules, context):
    trailing = rules[3]
    result = LintResult(
        findings=[
            make_finding(trailing, "a", Span.at(1, 1), "x"),
            make_finding(trailing, "a", Span.at(2, 1), "y"),
        ],
        files_checked=1,
    )
    assert render(render_text, result, context).endswith("Found 2 problems (2 style) in 1 file.\n")


def excerpt(render, make_finding, rules, context, source: str, span: Span) -> list[str]:
    """The two source lines printed under a finding at ``span`` in a file holding ``source``."""
    result = LintResult(findings=[make_finding(rules[0], "f", span, "m")], files_checked=1)
    output = render(render_text, result, context, sources={"f": source}, show_source=True)
    return output.splitlines()[1:3]


def test_tab_before_the_span(render, make_finding, rules, context):
    # "ab" ends at column 2, so the tab reaches the next stop at 4; "cd" is shown at offset 4.
    assert excerpt(render, make_finding, rules, context, "ab\tcd", Span.at(1, 4, 1, 6)) == [
        "    1 | ab  cd",
        "      |     ^^",
    ]


def test_span_covering_a_tab(render, make_finding, rules, context):
    assert excerpt(render, make_finding, rules, context, "a\tb", Span.at(1, 2, 1, 3)) == [
        "    1 | a   b",
        "      |  ^^^",
    ]


def test_multiline_span_is_underlined_to_end_of_first_line(render, make_finding, rules, context):
    source = "services:\n  web:\n    image: x\n"
    assert excerpt(render, make_finding, rules, context, source, Span.at(2, 3, 3, 13)) == [
        "    2 |   web:",
        "      |   ^^^^",
    ]


def test_empty_span_gets_one_caret(render, make_finding, rules, context):
    assert excerpt(render, make_finding, rules, context, "FROM x", Span.at(1, 7, 1, 7)) == [
        "    1 | FROM x",
        "      |       ^",
    ]


def test_wide_characters_take_two_columns(render, make_finding, rules, context):
    assert excerpt(render, make_finding, rules, context, "# 日本 x", Span.at(1, 6, 1, 7)) == [
        "    1 | # 日本 x",
        "      |        ^",
    ]


def test_crlf_line_endings(render, make_finding, rules, context):
    assert excerpt(render, make_finding, rules, context, "FROM x\r\nRUN y\r\n", Span.at(2, 5, 2, 6)) == [
        "    2 | RUN y",
        "      |     ^",
    ]


def test_control_characters_are_escaped(render, make_finding, rules, context):
    # A file's text must not be able to drive the terminal.
    result = LintResult(
        findings=[make_finding(rules[0], "f", Span.at(1, 3, 1, 4), "bad \x1b[2J name\n")],
        files_checked=1,
    )
    output = render(render_text, result, context, sources={"f": "a\x1bb"}, show_source=True)
    assert output.splitlines()[:3] == [
        "f:1:3: CL1001 [warning] bad \\x1b[2J name\\n (unpinned-image)",
        "    1 | a\\x1bb",
        "      |      ^",
    ]


def test_missing_source_prints_no_excerpt(render, findings, context):
    result = LintResult(findings=[findings.privileged], files_checked=1)
    output = render(render_text, result, context, sources={}, show_source=True)
    assert output == (
        "k8s/deploy.yaml:4:5: CL2001 [error] Container runs privileged (privileged-container)\n"
        "\n"
        "Found 1 problem (1 error) in 1 file.\n"
    )


def test_line_beyond_the_source_prints_no_excerpt(render, make_finding, rules, context):
    assert excerpt(render, make_finding, rules, context, "one line", Span.at(5, 1)) == [
        "",
        "Found 1 problem (1 warning) in 1 file.",
    ]


def test_suppression_without_reason(render, findings, context):
    bare = Suppression(kind="file", source="hadolint", directive="# hadolint global ignore=DL3007")
    quiet = replace(findings.unpinned, suppression=bare, hint=None)
    result = LintResult(findings=[quiet], files_checked=1)
    assert render(render_text, result, context, show_suppressed=True) == (
        "Dockerfile:1:6: CL1001 [warning] Image ubuntu:latest uses a moving tag (unpinned-image)"
        " (suppressed: hadolint # hadolint global ignore=DL3007)\n"
        "\n"
        "All checked: no problems in 1 file; 1 suppressed.\n"
    )
