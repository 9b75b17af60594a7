"""hadolint DL3059 -> CL3015 consecutive-run-instructions: single-command RUNs in a row."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3015"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_no_run_one_run_and_separated_runs() -> None:
    assert found("FROM debian:12") == []
    assert found("RUN /foo.sh") == []
    assert found("RUN /foo.sh", "WORKDIR /", "RUN /bar.sh") == []
    assert found("# a comment", "RUN /foo.sh") == []


def test_two_consecutive_runs_reported_at_the_later_keyword() -> None:
    assert found("RUN /foo.sh", "RUN /bar.sh") == [(2, 1)]


def test_comments_do_not_separate() -> None:
    assert found("RUN /foo.sh", "# a comment", "RUN /bar.sh") == [(3, 1)]
    assert found("RUN /foo.sh", "# a comment", "# another one", "RUN /bar.sh") == [(4, 1)]


def test_different_flags_separate() -> None:
    assert found("RUN --mount=type=secret,id=foo /foo.sh", "RUN /bar.sh") == []
    assert found("RUN --mount=type=secret,id=foo /foo.sh", "RUN --mount=type=secret,id=bar /bar.sh") == []
    assert found("RUN --network=none a", "RUN --network=host b") == []


def test_equal_flags_in_any_order() -> None:
    assert found("RUN --mount=type=secret,id=foo /foo.sh", "RUN --mount=type=secret,id=foo /bar.sh") == [(2, 1)]
    assert found("RUN --mount=type=cache,target=/x a", "RUN --mount=target=/x,type=cache b") == [(2, 1)]


def test_chained_commands_mean_a_deliberate_split() -> None:
    assert found("RUN foo && bar", "RUN foobar") == []
    assert found("RUN foo; bar", "RUN foobar") == []
    assert found("RUN foobar", "RUN foo && bar") == []
    assert found("RUN foobar", "RUN foo; bar") == []
    assert found("RUN foo && bar", "RUN foo; bar") == []
    assert found("RUN echo $(date)", "RUN w") == []


def test_a_row_after_a_chain() -> None:
    assert found("RUN foo && bar", "RUN foo", "RUN bar") == [(3, 1)]


def test_commands_counted_like_hadolint() -> None:
    # An assignment runs no command; `$(foo)` runs only foo.
    assert found("RUN x=1", "RUN y") == [(2, 1)]
    assert found("RUN $(foo)", "RUN z") == [(2, 1)]


def test_stages_onbuild_and_exec_form() -> None:
    assert found("FROM a:1", "RUN a", "FROM b:1", "RUN b") == []
    assert found("FROM a:1", "RUN a", "ONBUILD RUN b", "RUN c") == []
    assert found("FROM a:1", 'RUN ["a"]', "RUN b") == [(3, 1)]


def test_heredoc_bodies_count_their_commands() -> None:
    assert found("FROM a:1", "RUN a", "RUN <<EOF", "b", "c", "EOF") == []
    assert found("FROM a:1", "RUN a", "RUN <<EOF", "b", "EOF") == [(3, 1)]
