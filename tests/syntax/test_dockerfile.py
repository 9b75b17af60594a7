from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from containerlint.model import Position, Span
from containerlint.syntax.dockerfile import Dockerfile, Instruction, parse_dockerfile

ROOT = Path(__file__).resolve().parents[2]


def span(line: int, column: int, end_line: int, end_column: int) -> Span:
    return Span(Position(line, column), Position(end_line, end_column))


def parse(text: str) -> Dockerfile:
    return parse_dockerfile(text)


def first(dockerfile: Dockerfile, keyword: str) -> Instruction:
    return next(dockerfile.iter_instructions(keyword))


def messages(dockerfile: Dockerfile) -> list[str]:
    return [issue.message for issue in dockerfile.issues]


def source_text(dockerfile: Dockerfile, where: Span) -> str:
    """The source text covered by a single-line span."""
    assert where.start.line == where.end.line
    line = dockerfile.lines[where.start.line - 1]
    return line[where.start.column - 1 : where.end.column - 1]


# Directives and comments -------------------------------------------------------------------


def test_parser_directives_at_the_top():
    df = parse("# syntax=docker/dockerfile:1\n#ESCAPE = `\n# Check=skip=A,B;error=true\nFROM a\n")
    assert [(d.name, d.value) for d in df.directives] == [
        ("syntax", "docker/dockerfile:1"),
        ("escape", "`"),
        ("check", "skip=A,B;error=true"),
    ]
    assert df.escape == "`"
    assert df.directives[0].span == span(1, 1, 1, 29)
    assert df.directives[1].value_span == span(2, 11, 2, 12)
    check = df.directive("check")
    assert check is not None and check.options() == {"skip": "A,B", "error": "true"}
    assert df.issues == []


def test_directives_stop_at_the_first_other_line():
    df = parse("# a comment\n# escape=`\nFROM a\n")
    assert df.directives == []
    assert df.escape == "\\"
    df = parse("\n# syntax=x\nFROM a\n")
    assert df.directives == []
    df = parse("# syntax=x\n# unknown=y\n# escape=`\nFROM a\n")
    assert [d.name for d in df.directives] == ["syntax"]


def test_bad_directives_are_issues():
    df = parse("# escape=x\n# escape=\\\n# escape=`\nFROM a\n")
    assert df.escape == "\\"
    assert [(i.span.start.line, i.rule) for i in df.issues] == [
        (1, "syntax-error"),
        (3, "syntax-error"),
    ]
    assert "only one escape" in df.issues[1].message


def test_comments_are_kept_everywhere_with_lines():
    text = (
        "# hadolint ignore=DL3008\n"
        "FROM a\n"
        "  # indented\n"
        "RUN a \\\n"
        "    # inside a continuation\n"
        "    b\n"
        "RUN echo not # a comment\n"
    )
    df = parse(text)
    assert [(c.line, c.column, c.text) for c in df.comments] == [
        (1, 1, "# hadolint ignore=DL3008"),
        (3, 3, "# indented"),
        (5, 5, "# inside a continuation"),
    ]
    assert df.comments[0].body == "hadolint ignore=DL3008"
    assert df.comments[1].span == span(3, 3, 3, 13)
    assert [i.args for i in df.instructions[1:]] == ["a     b", "echo not # a comment"]


# Instructions, keywords, continuations -----------------------------------------------------


def test_keywords_are_case_insensitive_with_spans():
    df = parse("from alpine\n  run  echo hi\nCmd ls\n")
    assert [i.keyword for i in df.instructions] == ["FROM", "RUN", "CMD"]
    run = df.instructions[1]
    assert run.keyword_span == span(2, 3, 2, 6)
    assert run.span == span(2, 3, 2, 15)
    assert run.args == "echo hi"
    assert run.position_at(0) == Position(2, 8)


def test_continuation_maps_every_offset_back():
    text = (
        "FROM debian\n"
        "RUN apt-get update && \\\n"
        "    # a comment between\n"
        "\n"
        "    apt-get install -y \\\n"
        "      curl=7.88 \\  \n"
        "      git\n"
    )
    df = parse(text)
    run = df.instructions[1]
    assert run.args == "apt-get update &&     apt-get install -y       curl=7.88       git"
    assert run.span == span(2, 1, 7, 10)
    curl = run.args.index("curl")
    assert run.position_at(curl) == Position(6, 7)
    assert run.span_of(curl, curl + len("curl=7.88")) == span(6, 7, 6, 16)
    # A span that crosses lines ends just after its last character.
    install = run.args.index("apt-get install")
    assert run.span_of(install, curl + 4) == span(5, 5, 6, 11)
    assert run.position_at(len(run.args)) == Position(7, 10)


def test_shell_words_map_to_their_physical_lines():
    text = (
        "FROM debian\n"
        "RUN apt-get update \\\n"
        "    && apt-get install \\\n"
        "    # packages we need\n"
        "    -y --no-install-recommends curl \\\n"
        "    && rm -rf /var/lib/apt/lists/*\n"
    )
    df = parse(text)
    run = df.instructions[1]
    script = run.shell
    assert script is not None and not script.has_error
    install = script.commands[1]
    assert install.subcommand == "install"
    assert install.name is not None
    assert script.span_of(install.name) == span(3, 8, 3, 15)
    curl = install.args[-1]
    assert curl.value == "curl"
    assert script.span_of(curl) == span(5, 32, 5, 36)
    assert source_text(df, script.span_of(curl)) == "curl"
    yes = install.args[1]
    assert script.span_of(yes) == span(5, 5, 5, 7)
    rm = script.commands[2]
    assert script.span_of(rm.args[1]) == span(6, 15, 6, 35)
    assert script.span_of(install) == span(3, 8, 5, 36)


def test_escape_backtick_directive():
    text = (
        "# escape=`\n"
        "FROM mcr.microsoft.com/windows/servercore\n"
        "RUN powershell -Command `\n"
        "    Get-ChildItem C:\\\n"
        "COPY testfile.txt c:\\\n"
        "WORKDIR c:\\app\n"
    )
    df = parse(text)
    assert df.escape == "`"
    assert df.issues == []
    run, copy, workdir = df.instructions[1:]
    assert run.args == "powershell -Command     Get-ChildItem C:\\"
    assert run.position_at(run.args.index("Get")) == Position(4, 5)
    assert [t.value for t in copy.tokens] == ["testfile.txt", "c:\\"]
    assert copy.span == span(5, 1, 5, 22)
    assert workdir.tokens[0].value == "c:\\app"
    assert run.shell_command == ("cmd", "/S", "/C")
    assert run.shell is None  # a Windows Dockerfile: cmd is not a POSIX shell


def test_crlf_line_endings_give_the_same_positions():
    text = "FROM a\nRUN echo a \\\n  && echo b\nCOPY <<EOF /x\nline\nEOF\nLABEL k=v\n"
    lf = parse(text)
    crlf = parse(text.replace("\n", "\r\n"))
    assert crlf.lines == lf.lines
    assert crlf.issues == lf.issues == []
    for a, b in zip(lf.instructions, crlf.instructions, strict=True):
        assert (a.keyword, a.args, a.span, a.keyword_span) == (
            b.keyword,
            b.args,
            b.span,
            b.keyword_span,
        )
    doc = crlf.instructions[2].heredocs[0]
    assert doc.body == "line\n"
    assert doc.body_span == span(5, 1, 5, 5)
    assert crlf.instructions[3].key_values[0].value == "v"


def test_tabs_count_as_one_column():
    df = parse("FROM a\n\tRUN\tapt-get\tinstall\t-y\n")
    run = df.instructions[1]
    assert run.keyword_span == span(2, 2, 2, 5)
    assert [t.value for t in run.tokens] == ["apt-get", "install", "-y"]
    assert run.tokens[1].span == span(2, 14, 2, 21)


def test_byte_order_mark_is_ignored():
    df = parse("\ufeff# syntax=x\nFROM a\n")
    assert [d.name for d in df.directives] == ["syntax"]
    assert df.instructions[0].keyword_span == span(2, 1, 2, 5)


def test_unknown_instructions_and_garbage_are_issues_and_parsing_goes_on():
    df = parse('FROM a\nFROBNICATE x\n"garbage line\nRUN echo ok\n')
    assert [i.keyword for i in df.instructions] == ["FROM", "FROBNICATE", '"GARBAGE', "RUN"]
    assert [(i.rule, i.span) for i in df.issues] == [
        ("unknown-syntax", span(2, 1, 2, 11)),  # a word: maybe a newer frontend's instruction
        ("syntax-error", span(3, 1, 3, 9)),  # not a word: garbage
    ]
    assert "unknown instruction" in df.issues[0].message


def test_a_misspelt_instruction_is_an_error_with_a_suggestion():
    df = parse("FROM a\nRUNN echo\nCOPPY a b\n")
    assert [(i.rule, i.span.start.line) for i in df.issues] == [("syntax-error", 2), ("syntax-error", 3)]
    assert "did you mean RUN?" in df.issues[0].message
    assert "did you mean COPY?" in df.issues[1].message


def test_unknown_flags_are_noted_where_they_are_and_known_ones_are_not():
    df = parse(
        "FROM --platform=linux/amd64 a\nRUN --frob=1 --mount=type=cache,target=/x --network=none echo\n"
        "COPY --chmod=644 --link --newflag a b/\nHEALTHCHECK --interval=5s CMD true\n"
    )
    assert [(i.rule, i.span, i.message) for i in df.issues] == [
        ("unknown-syntax", span(2, 5, 2, 13), "RUN: unknown flag --frob: newer than containerlint, or a typo"),
        ("unknown-syntax", span(3, 25, 3, 34), "COPY: unknown flag --newflag: newer than containerlint, or a typo"),
    ]
    assert df.instructions[1].flags[0].name == "frob"  # still parsed, and the RUN body too
    assert df.instructions[1].shell is not None
    assert df.instructions[3].shell is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM a\nRUN\n", "requires at least one argument"),
        ("FROM a\nCOPY onlyone\n", "at least two arguments"),
        ("FROM a\nENV\n", "at least one argument"),
        ("FROM a\nENV A\n", "two arguments"),
        ("FROM a\nENV A=1 B\n", "can't find ="),
        ("FROM a\nARG\n", "at least one argument"),
        ("FROM a b\n", "one or three arguments"),
        ("FROM a AS\n", "one or three arguments"),
        ("FROM a AS 1bad\n", "invalid stage name"),
        ("FROM a\nSHELL /bin/bash -c\n", "JSON form"),
        ("FROM a\nCMD [1, 2]\n", "only strings"),
        ("FROM a\nVOLUME []\n", "at least one argument"),
        ("FROM a\nHEALTHCHECK CMD\n", "missing command"),
        ("FROM a\nHEALTHCHECK NONE x\n", "takes no arguments"),
        ("FROM a\nHEALTHCHECK WHAT\n", "unknown type"),
        ("FROM a\nONBUILD ONBUILD RUN x\n", "isn't allowed"),
        ("FROM a\nONBUILD FROM b\n", "isn't allowed"),
        ("FROM a AS x\nFROM b AS X\n", "duplicate stage name"),
        ("", "no instructions"),
    ],
)
def test_instruction_errors(text, expected):
    df = parse(text)
    assert any(expected in message for message in messages(df)), messages(df)
    assert all(issue.rule == "syntax-error" for issue in df.issues)


# Flags -------------------------------------------------------------------------------------


def test_run_flags_and_mount_options():
    df = parse("FROM a\nRUN --mount=type=secret,id=x,env=Y --network=none cmd arg\n")
    run = df.instructions[1]
    mount, network = run.flags
    assert (mount.name, mount.value) == ("mount", "type=secret,id=x,env=Y")
    assert mount.span == span(2, 5, 2, 35)
    assert mount.value_span == span(2, 13, 2, 35)
    assert list(mount.options) == ["type", "id", "env"]
    assert {k: o.value for k, o in mount.options.items()} == {
        "type": "secret",
        "id": "x",
        "env": "Y",
    }
    assert mount.options["id"].span == span(2, 25, 2, 29)
    assert mount.options["id"].value_span == span(2, 28, 2, 29)
    assert mount.mount_type == "secret"
    assert (network.name, network.value, network.span) == ("network", "none", span(2, 36, 2, 50))
    assert run.body == "cmd arg"
    assert run.flag("network") is network
    script = run.shell
    assert script is not None
    assert [c.program for c in script.commands] == ["cmd"]
    assert script.span_of(script.commands[0]) == span(2, 51, 2, 58)


def test_mount_bare_words_and_default_type():
    df = parse("FROM a\nRUN --mount=target=/src,Z,ro --mount=type=cache,target=/c make\n")
    first_mount, second_mount = df.instructions[1].flags_named("mount")
    assert first_mount.mount_type == "bind"
    assert first_mount.options["z"].value is None
    assert first_mount.options["ro"].value_span is None
    assert second_mount.mount_type == "cache"


def test_copy_flags_and_words():
    df = parse("FROM a\nCOPY --chmod=755 --link --from=build a b\n")
    copy = df.instructions[1]
    assert [(f.name, f.value) for f in copy.flags] == [
        ("chmod", "755"),
        ("link", None),
        ("from", "build"),
    ]
    assert copy.flag("link") is not None and copy.flag("link").value_span is None  # type: ignore[union-attr]
    assert copy.flags[2].value_span == span(2, 32, 2, 37)
    assert [(t.value, t.span) for t in copy.words] == [
        ("a", span(2, 38, 2, 39)),
        ("b", span(2, 40, 2, 41)),
    ]
    assert df.issues == []


def test_double_dash_ends_flags_and_quoted_flag_values():
    df = parse('FROM a\nCOPY --chown="app user" -- --weird dest\n')
    copy = df.instructions[1]
    assert [(f.name, f.value) for f in copy.flags] == [("chown", "app user")]
    assert [t.value for t in copy.words] == ["--weird", "dest"]


def test_healthcheck_cmd_with_flags():
    df = parse("FROM a\nHEALTHCHECK --start-interval=5s --retries=3 CMD curl -f http://x/ || exit 1\n")
    check = df.instructions[1]
    assert check.healthcheck_type == "CMD"
    assert [(f.name, f.value) for f in check.flags] == [("start-interval", "5s"), ("retries", "3")]
    assert check.command_text == "curl -f http://x/ || exit 1"
    script = check.shell
    assert script is not None
    assert [c.program for c in script.commands] == ["curl", "exit"]
    assert script.span_of(script.commands[0].args[1]) == span(2, 57, 2, 66)
    assert df.issues == []


def test_healthcheck_none_and_exec_form():
    df = parse('FROM a\nHEALTHCHECK NONE\nHEALTHCHECK cmd ["curl", "-f", "x"]\n')
    none, exec_check = df.instructions[1:]
    assert none.healthcheck_type == "NONE"
    assert none.shell is None
    assert exec_check.healthcheck_type == "CMD"
    assert exec_check.exec_args is not None
    assert [t.value for t in exec_check.exec_args] == ["curl", "-f", "x"]
    assert exec_check.exec_args[0].span == span(3, 18, 3, 24)
    assert exec_check.shell is None
    assert df.issues == []


# Exec form ---------------------------------------------------------------------------------


def test_exec_form_elements_are_positioned():
    df = parse('FROM a\nCMD [ "python",  "-c", "print(\\"hi\\")" ]\n')
    cmd = df.instructions[1]
    assert cmd.is_exec_form
    assert cmd.exec_args is not None
    assert [t.value for t in cmd.exec_args] == ["python", "-c", 'print("hi")']
    assert [t.span for t in cmd.exec_args] == [
        span(2, 7, 2, 15),
        span(2, 18, 2, 22),
        span(2, 24, 2, 39),
    ]
    assert cmd.shell is None
    assert cmd.scripts() == []


@pytest.mark.parametrize(
    "body",
    ["[python]", "['python', 'app']", '["a", "b",]', '["a"] extra', '["unterminated'],
)
def test_invalid_json_falls_back_to_shell_form(body):
    df = parse(f"FROM a\nENTRYPOINT {body}\n")
    entrypoint = df.instructions[1]
    assert not entrypoint.is_exec_form
    assert entrypoint.shell is not None
    assert [i for i in df.syntax_issues] == []


def test_exec_form_copy_and_volume():
    df = parse('FROM a\nCOPY ["src dir/", "/dst"]\nVOLUME ["/data", "/logs"]\nVOLUME /a /b\n')
    copy, volume, plain = df.instructions[1:]
    assert [t.value for t in copy.words] == ["src dir/", "/dst"]
    assert [t.value for t in volume.words] == ["/data", "/logs"]
    assert [t.value for t in plain.words] == ["/a", "/b"]
    assert df.issues == []


def test_exec_form_across_continuation_lines():
    df = parse('FROM a\nCMD ["a", \\\n     "b"]\n')
    cmd = df.instructions[1]
    assert cmd.exec_args is not None
    assert [t.span for t in cmd.exec_args] == [span(2, 6, 2, 9), span(3, 6, 3, 9)]


# Heredocs ----------------------------------------------------------------------------------


def test_run_heredoc_runs_in_the_shell():
    text = "FROM a\nRUN <<EOF\nset -e\napt-get install curl\nEOF\nUSER app\n"
    df = parse(text)
    run, user = df.instructions[1:]
    (doc,) = run.heredocs
    assert (doc.delimiter, doc.quoted, doc.strip_tabs) == ("EOF", False, False)
    assert doc.body == "set -e\napt-get install curl\n"
    assert doc.body_span == span(3, 1, 4, 21)
    assert doc.span == span(2, 5, 2, 10)
    assert doc.interpreter == "/bin/sh" and doc.runs_in_shell
    assert run.span == span(2, 1, 5, 4)
    assert user.keyword_span == span(6, 1, 6, 5)
    script = doc.shell
    assert script is not None
    install = script.commands_named("apt-get")[0]
    assert script.span_of(install.args[1]) == span(4, 17, 4, 21)
    assert run.scripts()[-1] is script
    command_line = run.shell
    assert command_line is not None and command_line.commands == []


def test_two_bare_run_heredocs_with_flags():
    text = "FROM a\nRUN --mount=type=cache,target=/c <<A <<B\n# not a comment\nls\nA\npwd\nB\n"
    df = parse(text)
    run = df.instructions[1]
    a, b = run.heredocs
    assert (a.body, b.body) == ("# not a comment\nls\n", "pwd\n")
    assert a.runs_in_shell and b.runs_in_shell
    assert a.span == span(2, 34, 2, 37) and b.span == span(2, 38, 2, 41)
    assert [s.commands[0].program for s in run.scripts()[1:]] == ["ls", "pwd"]
    assert b.shell is not None and b.shell.span_of(b.shell.commands[0]) == span(6, 1, 6, 4)
    assert df.comments == []  # heredoc lines are content, not Dockerfile comments
    assert run.flags[0].mount_type == "cache"


def test_heredoc_strip_tabs_and_quoted_delimiter():
    text = "FROM a\nRUN python3 <<-'PY'\n\tprint('hi')\n\t\tx = 1\n\tPY\nCMD x\n"
    df = parse(text)
    run = df.instructions[1]
    (doc,) = run.heredocs
    assert doc.quoted and doc.strip_tabs and not doc.expands
    assert doc.body == "print('hi')\nx = 1\n"
    assert doc.position_at(0) == Position(3, 2)
    assert doc.position_at(doc.body.index("x")) == Position(4, 3)
    assert doc.interpreter == "python3"
    assert not doc.runs_in_shell and doc.shell is None
    assert df.instructions[2].keyword == "CMD"


def test_several_heredocs_in_one_instruction():
    text = 'FROM a\nCOPY <<A <<"B" /dst/\nfirst\nA\nsecond\nB\nRUN x\n'
    df = parse(text)
    copy = df.instructions[1]
    a, b = copy.heredocs
    assert (a.delimiter, a.body, a.body_span, a.quoted) == ("A", "first\n", span(3, 1, 3, 6), False)
    assert (b.delimiter, b.body, b.body_span, b.quoted) == ("B", "second\n", span(5, 1, 5, 7), True)
    assert a.interpreter is None and b.interpreter is None
    assert [t.value for t in copy.words] == ["<<A", "<<B", "/dst/"]
    assert copy.span == span(2, 1, 6, 2)
    assert df.instructions[2].keyword_span == span(7, 1, 7, 4)


def test_heredoc_attached_to_commands_in_a_chain():
    text = "FROM a\nRUN cat <<X > /etc/x && bash <<Y\nhello\nX\necho $HOME\nY\n"
    df = parse(text)
    run = df.instructions[1]
    x, y = run.heredocs
    assert x.interpreter == "cat" and y.interpreter == "bash"
    assert x.shell is None
    script = y.shell
    assert script is not None and script.commands[0].program == "echo"
    command_line = run.shell
    assert command_line is not None
    assert [c.program for c in command_line.commands] == ["cat", "bash"]
    assert command_line.commands[0].redirects[0].target.value == "/etc/x"  # type: ignore[union-attr]
    assert df.issues == []


def test_shebang_picks_the_interpreter_of_a_bare_heredoc():
    text = "FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\nRUN <<EOF\n#!/bin/bash\nls\nEOF\n"
    df = parse(text)
    python, bash = (i.heredocs[0] for i in df.instructions[1:])
    assert python.interpreter == "python3" and python.shell is None
    assert bash.interpreter == "/bin/bash" and bash.shell is not None


def test_shell_instruction_changes_the_heredoc_interpreter_and_shell_parsing():
    text = (
        "FROM a\n"
        'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n'
        "RUN <<EOF\nls | wc\nEOF\n"
        'SHELL ["powershell", "-Command"]\n'
        "RUN Get-ChildItem\n"
        "FROM a\n"
        "RUN ls\n"
    )
    df = parse(text)
    bash_run, ps_run, default_run = df.iter_instructions("RUN")
    assert bash_run.shell_command == ("/bin/bash", "-o", "pipefail", "-c")
    assert bash_run.heredocs[0].interpreter == "/bin/bash"
    assert ps_run.shell is None
    assert default_run.shell_command == ("/bin/sh", "-c")
    assert default_run.shell is not None


def test_heredocs_only_for_run_copy_add_and_not_exec_form():
    df = parse('FROM a\nCMD cat <<EOF\nRUN ["cat", "<<EOF"]\nEOF\n')
    assert [i.keyword for i in df.instructions] == ["FROM", "CMD", "RUN", "EOF"]
    assert all(not i.heredocs for i in df.instructions)


def test_unterminated_heredoc():
    df = parse("FROM a\nRUN <<EOF\necho one\nFROM b\n")
    run = df.instructions[1]
    (doc,) = run.heredocs
    assert not doc.terminated
    assert doc.body == "echo one\nFROM b\n"
    assert len(df.instructions) == 2
    (issue,) = df.issues
    assert issue.rule == "syntax-error" and "unterminated heredoc" in issue.message
    assert issue.span == span(2, 5, 2, 10)


def test_empty_heredoc_at_end_of_file():
    df = parse("FROM a\nCOPY <<EOF /x")
    doc = df.instructions[1].heredocs[0]
    assert doc.body == "" and doc.body_span == span(2, 14, 2, 14)
    assert any("unterminated" in m for m in messages(df))


def test_heredoc_words_like_buildkit():
    # Blanks after << belong to the heredoc word; the delimiter is the rest of the word.
    df = parse('FROM a\nRUN cat <<  E"O"F\nx\nEOF\nCOPY <<EOF>f /d\nEOF\nEOF>f\n')
    run, copy = df.instructions[1:]
    (doc,) = run.heredocs
    assert (doc.delimiter, doc.quoted, doc.body, doc.span) == ("EOF", True, "x\n", span(2, 9, 2, 18))
    assert copy.heredocs[0].delimiter == "EOF>f"
    assert copy.heredocs[0].body == "EOF\n"
    assert df.issues == []


def test_quoted_heredoc_word_is_not_a_heredoc():
    df = parse("FROM a\nRUN echo '<<EOF' x<<EOF\nUSER x\n")
    assert df.instructions[1].heredocs == []
    assert df.instructions[2].keyword == "USER"


# ONBUILD -----------------------------------------------------------------------------------


def test_onbuild_has_an_inner_instruction():
    df = parse("FROM a\nONBUILD  run --network=none apt-get install -y \\\n   curl\n")
    onbuild = df.instructions[1]
    inner = onbuild.inner
    assert inner is not None
    assert inner.keyword == "RUN"
    assert inner.keyword_span == span(2, 10, 2, 13)
    assert inner.flags[0].span == span(2, 14, 2, 28)
    assert inner.span == span(2, 10, 3, 8)
    script = onbuild.shell
    assert script is not None and script is inner.shell
    assert script.span_of(script.commands[0].args[-1]) == span(3, 4, 3, 8)
    assert list(df.iter_instructions("RUN")) == []
    assert list(df.iter_instructions("RUN", onbuild=True)) == [inner]


def test_onbuild_copy_heredoc():
    df = parse("FROM a\nONBUILD COPY <<EOF /x\nbody\nEOF\nUSER u\n")
    inner = df.instructions[1].inner
    assert inner is not None and inner.heredocs[0].body == "body\n"
    assert df.instructions[1].span == span(2, 1, 4, 4)
    assert df.instructions[2].keyword == "USER"


# Stages and ARG resolution -----------------------------------------------------------------


def test_stages():
    text = (
        "ARG BASE=alpine\n"
        "FROM --platform=$BUILDPLATFORM golang:1.22 As Builder\n"
        "RUN go build\n"
        "FROM builder AS test\n"
        "FROM scratch\n"
        "COPY --from=builder /app /app\n"
    )
    df = parse(text)
    build, test, final = df.stages
    assert (build.index, build.name, build.image, build.platform) == (
        0,
        "builder",
        "golang:1.22",
        "$BUILDPLATFORM",
    )
    assert build.name_span == span(2, 47, 2, 54)
    assert build.image_span == span(2, 32, 2, 43)
    assert build.from_instruction is df.instructions[1]
    assert [i.keyword for i in build.instructions] == ["FROM", "RUN"]
    assert test.base_stage == 0
    assert test.image_ref is None
    assert final.is_scratch and final.base_stage is None
    assert final.instructions[1].stage_index == 2
    assert df.instructions[0].stage_index is None
    assert df.stage_named("BUILDER") is build
    assert df.stage_of(final.instructions[1]) is final
    ref = build.image_ref
    assert ref is not None and ref.tag == "1.22"
    assert [(a.key, a.value) for a in df.global_args] == [("BASE", "alpine")]
    assert df.issues == []


@pytest.mark.parametrize(
    ("args", "image", "resolved"),
    [
        ("ARG PY=3.12", "python:${PY}-slim", "python:3.12-slim"),
        ("ARG PY=3.12", "python:$PY", "python:3.12"),
        ('ARG PY="3.12"', "python:${PY}", "python:3.12"),
        ("ARG PY", "python:${PY}", None),  # no default: --build-arg decides
        ("", "python:${PY}", None),  # never declared
        ("ARG PY", "python:${PY:-3.11}", "python:3.11"),  # no value: a plain build uses the default
        ("ARG PY=", "python:${PY:-3.11}", "python:3.11"),
        ("ARG PY=3.12", "python:${PY:-3.11}", "python:3.12"),
        ("ARG PY=", "python:3${PY:+-x}", "python:3"),
        ("ARG PY=1", "python:3${PY:+-x}", "python:3-x"),
        ("ARG V=1 R=docker.io/library", "${R}/alpine:3.${V}", "docker.io/library/alpine:3.1"),
        ("ARG A=3\nARG B=python:${A}", "$B", "python:3"),
        ("ARG A\nARG B=python:${A}", "$B", None),
        ("ARG TARGETARCH=amd64", "img:${TARGETARCH}", None),  # set by the build, not the file
        ("ARG X=1", "img:${X%1}", None),  # not resolved statically
        ("ARG X=1", "img:\\$X", "img:$X"),
    ],
)
def test_from_image_resolution(args, image, resolved):
    df = parse(f"{args}\nFROM {image}\n")
    stage = df.stages[-1]
    assert stage.image == image
    assert stage.resolved_image == resolved


def test_arg_after_from_does_not_resolve_the_image():
    df = parse("FROM a\nARG V=1\nFROM b:$V\n")
    assert df.stages[1].resolved_image is None
    assert df.global_args == []


def test_fragment_without_from_uses_an_implicit_stage():
    df = parse("ARG X=1\nRUN echo $X\nUSER app\n")
    (implicit,) = df.stages
    assert implicit.index == -1 and implicit.is_implicit
    assert [i.keyword for i in implicit.instructions] == ["RUN", "USER"]
    assert [i.stage_index for i in df.instructions] == [None, -1, -1]
    assert [(i.rule, i.span) for i in df.issues] == [("syntax-error", span(2, 1, 2, 4))]
    df = parse("RUN a\nFROM b\nRUN c\n")
    assert [s.index for s in df.stages] == [-1, 0]
    assert len(df.issues) == 1


# ENV, LABEL, ARG and other words -----------------------------------------------------------


def test_env_label_arg_pairs():
    df = parse(
        'FROM a\nENV A=1 B="two words" C=\nENV legacy value with  spaces\n'
        'LABEL "com.example.key"="v" other=\'x y\'\nARG NAME OTHER=default EMPTY=\n'
    )
    env, legacy, label, arg = df.instructions[1:]
    assert [(p.key, p.value, p.legacy) for p in env.key_values] == [
        ("A", "1", False),
        ("B", "two words", False),
        ("C", "", False),
    ]
    b = env.key_values[1]
    assert (b.key_span, b.value_span, b.span) == (
        span(2, 9, 2, 10),
        span(2, 11, 2, 22),
        span(2, 9, 2, 22),
    )
    (pair,) = legacy.key_values
    assert (pair.key, pair.value, pair.legacy) == ("legacy", "value with  spaces", True)
    assert pair.value_span == span(3, 12, 3, 30)
    assert [(p.key, p.value) for p in label.key_values] == [
        ("com.example.key", "v"),
        ("other", "x y"),
    ]
    assert [(p.key, p.value) for p in arg.key_values] == [
        ("NAME", None),
        ("OTHER", "default"),
        ("EMPTY", ""),
    ]
    assert arg.key_values[0].value_span is None
    assert df.issues == []


def test_generic_tokens_for_other_instructions():
    df = parse("FROM a\nEXPOSE 80/tcp  443\nUSER app:app\nWORKDIR /my dir\nSTOPSIGNAL SIGTERM\n")
    expose, user, workdir, stop = df.instructions[1:]
    assert [(t.value, t.span) for t in expose.tokens] == [
        ("80/tcp", span(2, 8, 2, 14)),
        ("443", span(2, 16, 2, 19)),
    ]
    assert user.tokens[0].value == "app:app"
    assert workdir.args == "/my dir"
    assert stop.tokens[0].raw == "SIGTERM"


# Shell bodies and issues -------------------------------------------------------------------


def test_unparsable_shell_gives_exactly_one_issue_per_body():
    df = parse('FROM a\nRUN echo "unterminated ; \\\n  ls ( \nUSER app\nRUN ok\n')
    shell_issues = [i for i in df.issues if i.rule == "unparsable-shell"]
    assert len(shell_issues) == 1
    assert shell_issues[0].span.start.line == 2
    assert df.syntax_issues == []
    assert [i.keyword for i in df.instructions] == ["FROM", "RUN", "USER", "RUN"]
    assert df.instructions[3].shell is not None
    assert not df.instructions[3].shell.has_error


def test_unparsable_heredoc_body_points_into_the_body():
    df = parse("FROM a\nRUN <<EOF\nls\nif then\nEOF\n")
    (issue,) = df.issues
    assert issue.rule == "unparsable-shell"
    assert issue.span.start.line == 4


def test_cmd_and_entrypoint_shell_form():
    df = parse("FROM a\nCMD exec gunicorn app:app --bind 0.0.0.0:$PORT\nENTRYPOINT ./run.sh\n")
    cmd, entrypoint = df.instructions[1:]
    assert cmd.shell is not None
    assert cmd.shell.commands[0].program == "exec"
    assert cmd.shell.commands[0].unwrapped().program == "gunicorn"
    assert entrypoint.shell is not None and entrypoint.shell.commands[0].program == "run.sh"


def test_parsing_does_not_import_tree_sitter():
    code = (
        "import sys\n"
        "from containerlint.syntax.dockerfile import parse_dockerfile\n"
        "df = parse_dockerfile('FROM a\\nRUN apt-get install x\\n')\n"
        "assert 'tree_sitter' not in sys.modules, 'imported too early'\n"
        "df.instructions[1].shell\n"
        "assert 'tree_sitter' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# Robustness and speed ----------------------------------------------------------------------

_ALPHABET = (
    list("FROMRUNCOPYADDENVARGLABELHEALTHCHECKONBUILDSHELLCMD")
    + list(" \t\n\r\\`'\"#=[]{}$-<>|&;(),:./@0123456789")
    + ["<<EOF", "\nEOF\n", "<<-", "--mount=", "\\\n", "${", ":-", "é", "\x00", "\ufeff", "\u2028"]
    + ["FROM ", "RUN ", "ONBUILD ", "COPY ", "# escape=`\n", "HEALTHCHECK ", " AS ", '["a", ']
)


def _check_never_raises(text: str) -> None:
    df = parse_dockerfile(text)
    assert not any("internal parser error" in issue.message for issue in df.syntax_issues), text
    for issue in df.issues:  # parses every shell body too
        assert issue.span.start <= issue.span.end
    for instruction in df.instructions:
        for item in (*instruction.flags, *instruction.tokens, *instruction.key_values):
            assert item.span.start <= item.span.end
        for doc in instruction.heredocs:
            assert doc.span_of(0, len(doc.body)).start <= doc.body_span.end or not doc.body


def test_fuzz_random_text_never_raises():
    rng = random.Random(20240601)
    for _ in range(400):
        pieces = rng.choices(_ALPHABET, k=rng.randint(0, 120))
        _check_never_raises("".join(pieces))


def test_fuzz_random_bytes_never_raise():
    rng = random.Random(7)
    for _ in range(300):
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
        _check_never_raises(data.decode("utf-8", errors="replace"))


def test_lone_surrogates_and_odd_input_do_not_raise():
    for text in ["FROM a\nRUN echo \ud800\n", "\\", "\\\n\\\n", "RUN <<", "RUN <<''\n", "FROM\x00"]:
        _check_never_raises(text)


def test_a_200_line_dockerfile_parses_quickly():
    block = (
        "FROM python:3.12-slim AS build{i}\n"
        "ENV PATH=/opt/venv/bin:$PATH LANG=C.UTF-8\n"
        "RUN apt-get update && \\\n"
        "    apt-get install -y --no-install-recommends \\\n"
        "      build-essential=12.9 curl=7.88 \\\n"
        "    && rm -rf /var/lib/apt/lists/*\n"
        "COPY --from=base --chown=app:app requirements.txt /app/\n"
        "RUN --mount=type=cache,target=/root/.cache pip install -r /app/requirements.txt\n"
        "WORKDIR /app\nUSER app\nEXPOSE 8080/tcp\n"
        'LABEL org.opencontainers.image.title="app" version="1"\n'
        "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/ || exit 1\n"
        'CMD ["python", "-m", "app"]\n'
        "# a comment\n"
    )
    text = "".join(block.format(i=i) for i in range(14))
    assert len(text.splitlines()) >= 200
    parse_dockerfile(text)
    start = time.perf_counter()
    for _ in range(10):
        parse_dockerfile(text)
    elapsed = (time.perf_counter() - start) / 10
    assert elapsed < 0.025  # typically ~2.5 ms; generous for slow CI machines
