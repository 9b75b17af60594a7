"""BuildKit's CopyIgnoredFile (CL7004): COPY/ADD sources that .dockerignore leaves out."""

from __future__ import annotations

from pathlib import Path

import pytest

from containerlint.dockerignore import excluded_by, parse_ignore_lines
from containerlint.model import FileKind, Finding
from tests.helpers import lint_text


def project(tmp_path: Path, dockerfile: str, ignore: str | None, files: tuple[str, ...] = ()) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith("/"):
            path.mkdir(exist_ok=True)
        else:
            path.write_text("x\n")
    if ignore is not None:
        (tmp_path / ".dockerignore").write_text(ignore)
    (tmp_path / "Dockerfile").write_text(dockerfile)
    return tmp_path / "Dockerfile"


def lint(path: Path, text: str | None = None, **kwargs: object) -> list[Finding]:
    source = path.read_text() if text is None else text
    findings = lint_text(source, FileKind.DOCKERFILE, path=str(path), select=["CL7004"], **kwargs)
    return [f for f in findings if f.code == "CL7004"]


def found(path: Path, **kwargs: object) -> list[tuple[int, int, int]]:
    return [(f.span.start.line, f.span.start.column, f.span.end.column) for f in lint(path, **kwargs)]


def test_copy_and_add_of_an_ignored_file(tmp_path: Path) -> None:
    dockerfile = project(tmp_path, "FROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n", "\nDockerfile\n")
    findings = lint(dockerfile)
    assert [(f.span.start.line, f.span.start.column, f.span.end.column) for f in findings] == [(2, 6, 16), (3, 5, 15)]
    assert findings[0].message == (
        "COPY source 'Dockerfile' is excluded by .dockerignore (line 2: 'Dockerfile'): "
        "the build context does not have it"
    )
    assert findings[1].message.startswith("ADD source 'Dockerfile'")
    assert findings[0].hint == "stop copying it, or take it back in with a '!Dockerfile' line after 'Dockerfile'"


def test_each_source_word_is_judged(tmp_path: Path) -> None:
    dockerfile = project(
        tmp_path, 'FROM scratch\nCOPY a.txt secret.env b.txt /app/\nCOPY ["c d.env", "/x/"]\n', "*.env\n"
    )
    assert found(dockerfile) == [(2, 12, 22), (3, 7, 16)]


def test_the_destination_and_copies_from_stages_are_not_sources(tmp_path: Path) -> None:
    text = "FROM scratch AS base\nCOPY Dockerfile /foobar\nFROM base\nCOPY --from=base /foobar /Dockerfile\n"
    assert found(project(tmp_path, text, "foobar\n")) == []


def test_a_file_taken_back_by_an_exception(tmp_path: Path) -> None:
    dockerfile = project(tmp_path, "FROM scratch\nCOPY ./Dockerfile .\nCOPY . .\n", "**\n!Dockerfile\n")
    assert found(dockerfile) == []


@pytest.mark.parametrize(("ignore", "expected"), [(".*\n", []), ("*\n", [(2, 6, 7)]), ("**/*\n", [(2, 6, 7)])])
def test_the_context_root_is_reported_only_when_everything_is_ignored(
    tmp_path: Path, ignore: str, expected: list[tuple[int, int, int]]
) -> None:
    assert found(project(tmp_path, "FROM scratch\nCOPY . .\n", ignore)) == expected


def test_parent_folder_patterns(tmp_path: Path) -> None:
    text = "FROM scratch\nCOPY tmp/helloworld.txt /\nCOPY ./forever/helloworld.txt /\nCOPY src/tmp/x.txt /\n"
    assert found(project(tmp_path, text, "tmp\n")) == [(2, 6, 24)]
    assert found(project(tmp_path, text, "*/tmp/*\n")) == [(4, 6, 19)]


def test_exceptions_inside_an_ignored_folder(tmp_path: Path) -> None:
    files = ("secrets/key.pem", "secrets/public.pem", "docs/")
    text = (
        "FROM scratch\n"
        "COPY secrets/key.pem /k\n"  # a file: surely left out
        "COPY secrets/public.pem /p\n"  # taken back in
        "COPY secrets /s\n"  # a folder the exception reaches into: public.pem is copied
        "COPY docs /d\n"  # a folder no exception reaches into
        "COPY *.md /m\n"  # with exceptions around, a wildcard is not guessed at
    )
    dockerfile = project(tmp_path, text, "secrets\n!secrets/public.pem\ndocs\n*.md\n", files)
    assert found(dockerfile) == [(2, 6, 21), (5, 6, 10)]


def test_wildcard_sources_without_exceptions_are_matched_as_written(tmp_path: Path) -> None:
    text = "FROM scratch\nCOPY *.md /docs/\nCOPY *.txt /\n"
    assert found(project(tmp_path, text, "*.md\n")) == [(2, 6, 10)]


def test_sources_that_are_not_context_paths(tmp_path: Path) -> None:
    text = (
        "FROM scratch\n"
        "COPY <<EOF /etc/motd\nhello\nEOF\n"
        "ADD https://example.com/secret.env /\n"
        "ARG NAME=secret\n"
        "COPY ${NAME}.env /\n"
        "COPY ../secret.env /\n"
        "ONBUILD COPY secret.env /\n"
        "COPY /secret.env /\n"  # the context's secret.env
    )
    assert found(project(tmp_path, text, "*.env\nEOF\n")) == [(10, 6, 17)]


def test_dockerfile_specific_ignore_file_takes_precedence(tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / ".dockerignore").write_text("a.txt\n")
    (app / "build.Dockerfile").write_text("FROM scratch\nCOPY a.txt b.txt /\n")
    (app / "build.Dockerfile.dockerignore").write_text("b.txt\n")
    findings = lint(app / "build.Dockerfile")
    assert [f.span.start.column for f in findings] == [12]
    assert "build.Dockerfile.dockerignore (line 1: 'b.txt')" in findings[0].message
    (app / "build.Dockerfile.dockerignore").write_text("")
    assert lint(app / "build.Dockerfile") == []  # present, even empty, it replaces .dockerignore


def test_no_ignore_file_or_an_unusable_one(tmp_path: Path) -> None:
    text = "FROM scratch\nCOPY a.txt /\n"
    assert found(project(tmp_path, text, None)) == []
    assert found(project(tmp_path, text, "a.txt\n!\n")) == []  # BuildKit refuses a lone "!"
    assert found(project(tmp_path, text, "a.txt\n[\n")) == []  # and a malformed pattern


def test_ignore_file_syntax(tmp_path: Path) -> None:
    text = "FROM scratch\nCOPY a.txt b.txt c.txt #d /\n"
    ignore = "\ufeff# a.txt is a comment\n  ./b.txt/  \n/c.txt\n #d\n"
    assert found(project(tmp_path, text, ignore)) == [(2, 12, 17), (2, 18, 23), (2, 24, 26)]


def test_check_directive_skips_it(tmp_path: Path) -> None:
    text = "# check=skip=CopyIgnoredFile\nFROM scratch\nCOPY Dockerfile .\n"
    findings = lint(project(tmp_path, text, "Dockerfile\n"))
    assert [f.suppressed for f in findings] == [True]


def test_standard_input_has_no_build_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project(tmp_path, "FROM scratch\n", "a.txt\n")
    monkeypatch.chdir(tmp_path)
    text = "FROM scratch\nCOPY a.txt /\n"
    assert found(Path("-"), text=text) == []
    option = {"CL7004": {"dockerignore": ["*.txt"]}}
    findings = lint(Path("-"), text=text, rule_options=option)
    assert [f.message for f in findings] == [
        "COPY source 'a.txt' is excluded by the 'dockerignore' option ('*.txt'): the build context does not have it"
    ]


def test_relative_display_path_resolves_against_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path / "svc", "FROM scratch\nCOPY a.txt /\n", "a.txt\n")
    monkeypatch.chdir(tmp_path)
    assert found(Path("svc/Dockerfile")) == [(2, 6, 11)]


# The matcher on its own: patternmatcher's rules for "**", parents and exceptions.


@pytest.mark.parametrize(
    ("patterns", "path", "excluded"),
    [
        (["**/*.log"], "app.log", True),
        (["**/*.log"], "var/log/app.log", True),
        (["logs/**"], "logs", False),
        (["logs/**"], "logs/today/app.log", True),
        (["**/cache"], "cache/x", True),
        (["**/.env"], "a.env", False),
        (["build*"], "build-output/x", True),
        (["a/*.txt"], "a/b/c.txt", False),
        (["a[0-9]"], "a7", True),
        (["a?c"], "a/c", False),
        (["a(b)c"], "a(b)c", True),
        (["docs", "!docs/README.md"], "docs/README.md", False),
        (["!docs/README.md", "docs"], "docs/README.md", True),
        (["**", "!src", "src/generated"], "src/generated/x.py", True),
    ],
)
def test_matcher(patterns: list[str], path: str, excluded: bool) -> None:
    parsed = parse_ignore_lines(patterns)
    assert parsed is not None
    assert (excluded_by(parsed, path) is not None) is excluded
