"""CL1020 add-url-without-checksum: ADD of a remote file or Git ref without --checksum."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL1020"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_url_without_checksum_is_reported_at_the_url() -> None:
    assert found("FROM alpine:3.20\nADD https://example.com/tool.tgz /opt/\n") == [(2, 5)]
    assert found("FROM alpine:3.20\nADD --chown=1:1 http://example.com/a /a\n") == [(2, 17)]
    assert found("FROM alpine:3.20\nONBUILD ADD https://example.com/a /a\n") == [(2, 13)]


def test_each_remote_source_once() -> None:
    text = "FROM alpine:3.20\nADD https://a.example/x https://b.example/y local.txt /opt/\n"
    assert found(text) == [(2, 5), (2, 25)]


def test_checksum_satisfies() -> None:
    digest = "sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d"
    assert found(f"FROM alpine:3.20\nADD --checksum={digest} https://example.com/a.tgz /opt/\n") == []
    assert found("FROM alpine:3.20\nADD --checksum=be1f38e https://github.com/moby/buildkit.git#v0.26.2 /s\n") == []


def test_git_sources() -> None:
    assert found("FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.26.2 /src\n") == [(2, 5)]
    assert found("FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n") == [(2, 5)]
    commit = "0123456789abcdef0123456789abcdef01234567"
    assert found(f"FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#{commit} /src\n") == []
    assert found(f"FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#{commit}:docs /src\n") == []


def test_messages_say_what_and_how() -> None:
    [finding] = lint_text("FROM alpine:3.20\nADD https://example.com/a.tgz /opt/\n", FileKind.DOCKERFILE, select=[CODE])
    assert "'https://example.com/a.tgz'" in finding.message
    assert finding.hint is not None and "--checksum=sha256:" in finding.hint
    assert finding.span.end.column == 5 + len("https://example.com/a.tgz")


def test_local_sources_copy_and_heredocs_are_not_judged() -> None:
    assert found("FROM alpine:3.20\nADD app.tar.gz /opt/\nCOPY https.txt /x\n") == []
    assert found("FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhttps://example.com\nEOF\n") == []
