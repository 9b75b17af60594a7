from __future__ import annotations

import pytest

from containerlint.model import Position, Span
from containerlint.syntax import shell as shell_module
from containerlint.syntax.shell import Command, ShellScript, parse_shell


def names(script: ShellScript) -> list[str | None]:
    return [command.name.value if command.name else None for command in script.commands]


def only(script: ShellScript, name: str) -> Command:
    found = script.commands_named(name)
    assert len(found) == 1, names(script)
    return found[0]


# Finding commands --------------------------------------------------------------------------


def test_finds_commands_in_lists_and_pipelines():
    script = parse_shell("a && b || c; d & e\nf | g |& h")
    assert names(script) == ["a", "b", "c", "d", "e", "f", "g", "h"]
    assert not script.has_error
    assert script.error_offset is None


def test_finds_commands_in_every_nested_construct():
    text = (
        "if [ -f x ]; then cd /x && make; elif true; then :; else echo no; fi; "
        "for i in 1 2; do echo $i; done; while read l; do w; done < f; "
        "f() { inside; }; (sub1; sub2) | sort; x=$(inner1 | inner2) outer `tick`; "
        "diff <(procsub) b; case $v in a) incase;; esac; { grouped; }"
    )
    script = parse_shell(text)
    found = set(names(script))
    expected = {"[", "cd", "make", "true", ":", "echo", "read", "w", "inside", "sub1", "sub2"}
    expected |= {"sort", "inner1", "inner2", "outer", "tick", "diff", "procsub", "incase"}
    expected |= {"grouped"}
    assert expected <= found
    assert not script.has_error


def test_commands_are_in_source_order_with_index():
    script = parse_shell("outer $(inner) && after")
    assert names(script) == ["outer", "inner", "after"]
    assert [command.index for command in script.commands] == [0, 1, 2]


def test_nesting_names_enclosing_constructs():
    script = parse_shell("top; (sub); echo $(subst); if x; then body; fi")
    assert only(script, "top").nesting == ()
    assert only(script, "sub").nesting == ("subshell",)
    assert only(script, "subst").nesting == ("command_substitution",)
    assert only(script, "body").nesting == ("if_statement",)


# Words -------------------------------------------------------------------------------------


def test_word_values_offsets_and_static():
    text = """cmd plain 'single q' "double $HOME" a"b"'c'd esc\\ aped "q\\"x" $'t\\tab' *.txt"""
    command = parse_shell(text).commands[0]
    args = command.args
    assert [w.value for w in args] == [
        "plain",
        "single q",
        "double $HOME",
        "abcd",
        "esc aped",
        'q"x',
        "t\tab",
        "*.txt",
    ]
    assert [w.is_static for w in args] == [True, True, False, True, True, True, True, True]
    for word in args:
        assert text[word.start : word.end] == word.raw
    assert args[1].raw == "'single q'"


def test_expansions_are_not_static():
    script = parse_shell("echo $X ${Y:-z} $(date) $((1+2)) pre${X}post")
    assert [w.is_static for w in script.commands[0].args] == [False] * 5
    assert script.commands[0].args[4].value == "pre${X}post"


def test_offsets_are_characters_not_bytes():
    text = "echo é ü && apt-get install -y"
    script = parse_shell(text)
    install = only(script, "apt-get")
    assert install.name is not None
    assert text[install.name.start : install.name.end] == "apt-get"
    assert [w.raw for w in install.args] == ["install", "-y"]
    assert text[install.args[1].start : install.args[1].end] == "-y"


def test_assignments_and_assignment_only_commands():
    script = parse_shell("A=1 B+=2 make all; C=3; export D=4 E")
    make = only(script, "make")
    assert [(a.name, a.operator, a.value.value if a.value else None) for a in make.assignments] == [
        ("A", "=", "1"),
        ("B", "+=", "2"),
    ]
    assert make.arg_values == ["all"]
    bare = [command for command in script.commands if command.name is None]
    assert len(bare) == 1 and bare[0].assignments[0].name == "C"
    export = only(script, "export")
    assert export.arg_values == ["D=4", "E"]


def test_redirects_are_not_arguments():
    script = parse_shell("echo > out x 2>&1 y; cat < in; tr a b <<< s")
    echo = only(script, "echo")
    assert echo.arg_values == ["x", "y"]
    assert [(r.operator, r.fd, r.target.value if r.target else None) for r in echo.redirects] == [
        (">", None, "out"),
        (">&", "2", "1"),
    ]
    assert only(script, "cat").redirects[0].operator == "<"
    tr = only(script, "tr")
    assert tr.arg_values == ["a", "b"]
    assert tr.redirects[0].operator == "<<<"


def test_redirect_after_a_pipeline_belongs_to_the_last_command():
    script = parse_shell("a && b | tee log > /dev/null 2>&1")
    tee = only(script, "tee")
    assert tee.arg_values == ["log"]
    assert [r.operator for r in tee.redirects] == [">", ">&"]
    assert only(script, "a").redirects == []


def test_heredoc_inside_a_script():
    script = parse_shell("cat <<EOF > /etc/conf\nvalue $(generate)\nEOF\nnext")
    cat = only(script, "cat")
    assert cat.args == []
    assert [r.operator for r in cat.redirects] == ["<<", ">"]
    assert "generate" in names(script)
    assert "next" in names(script)


# Flags and positional arguments ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("apt-get install -y curl", True),
        ("apt-get install -qy curl", True),
        ("apt-get install -yq curl", True),
        ("apt-get install --yes curl", True),
        ("apt-get install --assume-yes curl", True),
        ("apt-get install --assume-yes=true curl", True),
        ("apt-get install curl", False),
        ("apt-get install -q curl", False),
        ("apt-get install -- -y", False),  # after "--" it is an operand
        ("apt-get install -oAPT::Get::y=1 curl", False),  # not a cluster of short flags
        ("apt-get install --yesterday curl", False),
    ],
)
def test_has_flag(text, expected):
    command = parse_shell(text).commands[0]
    assert command.has_flag("-y", "--yes", "--assume-yes") is expected


def test_positional_subcommand_and_option_values():
    command = parse_shell("apt-get -o Dpkg::Opt=x -y install --no-install-recommends a b").commands[0]
    assert command.subcommand == "Dpkg::Opt=x"  # without knowing that -o takes a value
    assert [w.value for w in command.positional(takes_value=["-o"])] == ["install", "a", "b"]
    value = command.option_value("-o")
    assert value is not None and value.value == "Dpkg::Opt=x"

    pip = parse_shell("pip install --target=/opt/x -r req.txt").commands[0]
    target = pip.option_value("--target")
    assert target is not None and target.value == "/opt/x"
    assert target.raw == "/opt/x"
    assert target.start == len("pip install --target=")


def test_program_strips_directories():
    command = parse_shell("/usr/bin/apt-get update").commands[0]
    assert command.program == "apt-get"
    assert command.is_named("apt-get")
    assert command.is_named("/usr/bin/apt-get")
    assert not command.is_named("apt")


@pytest.mark.parametrize(
    "text",
    [
        "sudo apt-get install -y x",
        "sudo -u root -E apt-get install -y x",
        "env DEBIAN_FRONTEND=noninteractive apt-get install -y x",
        "sudo env A=1 nice -n 5 apt-get install -y x",
        "gosu app apt-get install -y x",
    ],
)
def test_unwrapped_sees_through_wrappers(text):
    command = parse_shell(text).commands[0].unwrapped()
    assert command.program == "apt-get"
    assert command.arg_values == ["install", "-y", "x"]


def test_unwrapped_without_a_program_keeps_the_wrapper():
    command = parse_shell("sudo -v").commands[0]
    assert command.unwrapped() is command


# Order, lists and pipelines ----------------------------------------------------------------


def test_previous_and_connector_follow_the_list():
    script = parse_shell("apt-get update && apt-get install -y x || true; rm -rf /tmp/x\nls")
    update, install, true, rm, ls = script.commands
    assert install.previous is update and install.connector == "&&"
    assert true.previous is install and true.connector == "||"
    assert rm.previous is true and rm.connector == ";"
    assert ls.previous is rm and ls.connector == "\n"
    assert update.previous is None and update.connector is None
    assert list(rm.preceding()) == [true, install, update]


def test_previous_links_across_compound_items():
    script = parse_shell("cd /x && (make; make install) && echo done")
    echo = only(script, "echo")
    assert echo.previous is not None and echo.previous.arg_values == ["install"]
    assert script.commands_named("make")[0].previous is None  # first in its own list


def test_pipelines():
    script = parse_shell("set -o pipefail; curl -s x | tar xz && a |& b | c; ! single")
    assert len(script.pipelines) == 2
    first, second = script.pipelines
    assert [c.program for c in first.commands] == ["curl", "tar"]
    assert first.operators == ["|"]
    assert second.operators == ["|&", "|"]
    assert second.stages == 3
    tar = only(script, "tar")
    assert tar.in_pipeline and tar.pipeline is first and tar.pipeline_index == 1
    assert tar.previous is only(script, "curl") and tar.connector == "|"
    assert not only(script, "single").in_pipeline
    assert not only(script, "set").in_pipeline


def test_pipeline_with_compound_stage():
    script = parse_shell("(a; b) | sort")
    pipeline = script.pipelines[0]
    assert pipeline.stages == 2
    assert [c.program for c in pipeline.commands] == ["sort"]
    assert only(script, "sort").previous is only(script, "b")


# Errors, positions, caching ----------------------------------------------------------------


def test_errors_are_reported_with_offset():
    script = parse_shell('echo "unterminated ; ls')
    assert script.has_error
    assert script.error_offset == 5
    assert names(script)[0] == "echo"
    assert script.error_span() == Span(Position(1, 6), Position(1, 7))


@pytest.mark.parametrize("text", ["if then", "echo $(", "a && ", "case x in", "((("])
def test_broken_scripts_do_not_raise(text):
    script = parse_shell(text)
    assert script.has_error


def test_span_of_without_locator_uses_script_lines():
    script = parse_shell("echo a\n  apt-get install -y curl")
    install = only(script, "apt-get")
    assert install.name is not None
    assert script.span_of(install.name) == Span(Position(2, 3), Position(2, 10))
    assert script.span_of(install) == Span(Position(2, 3), Position(2, 26))


def test_span_of_uses_the_locator():
    calls = []

    def locate(start: int, end: int) -> Span:
        calls.append((start, end))
        return Span(Position(9, start + 1), Position(9, end + 1))

    script = parse_shell("ls -la", locate=locate)
    assert script.span_of(script.commands[0].args[0]) == Span(Position(9, 4), Position(9, 7))
    assert calls == [(3, 6)]


def test_parser_is_created_once():
    parse_shell("a")
    first = shell_module._parser()
    parse_shell("b")
    assert shell_module._parser() is first


def test_deeply_nested_input_does_not_overflow():
    script = parse_shell("echo " + "$(" * 400 + "x" + ")" * 400)
    assert script.commands  # parsed what it could, did not raise


# The rules this model is for, each a few lines ---------------------------------------------


def apt_install_without_yes(script: ShellScript) -> list[Command]:
    return [
        c
        for c in (c.unwrapped() for c in script.commands)
        if c.is_named("apt-get")
        and c.positional(takes_value=["-o", "-t", "-c"])[:1]
        and c.positional(takes_value=["-o", "-t", "-c"])[0].value == "install"
        and not c.has_flag("-y", "--yes", "--assume-yes")
    ]


def pip_without_no_cache(script: ShellScript) -> list[Command]:
    return [
        c
        for c in script.commands
        if c.program in ("pip", "pip3") and c.subcommand == "install"
        if not c.has_flag("--no-cache-dir")
    ]


def test_rule_examples():
    script = parse_shell(
        "apt-get update && sudo apt-get -o X=1 install curl && apt-get install -qy git "
        "&& pip install --no-cache-dir a && pip3 install b && cd /src && apt install x"
    )
    assert [c.arg_values[-1] for c in apt_install_without_yes(script)] == ["curl"]
    assert [c.arg_values[-1] for c in pip_without_no_cache(script)] == ["b"]
    assert len(script.commands_named("cd")) == 1
    assert len(script.commands_named("sudo")) == 1
    assert [c.subcommand for c in script.commands_named("apt")] == ["install"]
    install = script.commands_named("apt-get")[1]
    assert any(c.is_named("apt-get") and c.subcommand == "update" for c in install.preceding())
