"""hadolint DL3010 -> CL3002 archive-extracted-after-copy: COPY an archive, then unpack it in RUN."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3002"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_copy_then_tar_extract_by_full_path() -> None:
    assert found("COPY bundle.tar /srv/app", "RUN tar -xf /srv/app/bundle.tar") == [(1, 6)]


def test_extraction_later_in_a_chain_after_other_instructions() -> None:
    assert found(
        "FROM debian:12",
        "COPY bundle.tar /srv/app",
        "WORKDIR /srv/app",
        "RUN echo start && make prepare && tar -xf bundle.tar",
    ) == [(2, 6)]


def test_archive_named_as_destination() -> None:
    assert found("COPY out/x/bundle.tar /b.tar", "RUN tar -xf /b.tar") == [(1, 23)]


def test_windows_paths_match_by_base_name() -> None:
    assert found(
        'COPY build\\out\\pkg.tar.gz "C:\\Program Files\\Pkg"',
        'RUN tar -xf "C:\\Program Files\\Pkg\\pkg.tar.gz"',
    ) == [(1, 6)]
    assert found('COPY build\\out\\pkg.tar.gz "C:\\Program Files\\x.tar.gz"', "RUN tar -xf x.tar.gz") == [(1, 27)]


def test_unpackers_and_tar_option_styles() -> None:
    assert found("COPY a.tgz b.tar /x/", "RUN gunzip /x/a.tgz && tar -x -f /x/b.tar") == [(1, 6), (1, 12)]
    assert found("COPY a.tar.xz /x/", "RUN tar xJf /x/a.tar.xz") == [(1, 6)]
    assert found("COPY a.tar /x/", "RUN tar --extract --file /x/a.tar") == [(1, 6)]
    assert found("COPY a.tar.gz /x/", "RUN sudo tar -C /opt -xzf /x/a.tar.gz") == [(1, 6)]


def test_copy_without_extraction_or_extraction_in_another_stage() -> None:
    assert found("COPY bundle.tar /srv/app", "FROM debian:12 AS next") == []
    assert found("FROM a:1", "COPY bundle.tar /srv/", "FROM b:1", "RUN tar -xf /srv/bundle.tar") == []


def test_extraction_before_the_copy_does_not_count() -> None:
    assert found("FROM a:1", "RUN tar -xf a.tar", "COPY a.tar /x/") == []


def test_creating_an_archive_is_not_extracting_it() -> None:
    assert found("COPY a.tar /x/", "RUN tar --exclude=.git -cf /x/a.tar /src") == []


def test_not_an_archive_and_copy_from_a_stage() -> None:
    assert found("COPY package.json /srv/app", "RUN tar -xf package.json") == []
    assert (
        found(
            "FROM a:1 AS build",
            "FROM b:1",
            "COPY --from=build /opt/some.tar /opt/some.tar",
            "RUN tar -xf /opt/some.tar",
        )
        == []
    )


def test_every_stage_is_checked() -> None:
    # hadolint only keeps the findings of the last stage; each stage is reported here.
    assert found(
        "FROM a:1",
        "COPY one.tar /x/",
        "RUN tar -xf /x/one.tar",
        "FROM b:1",
        "COPY two.tgz /y/",
        "RUN tar -xzf /y/two.tgz",
    ) == [(2, 6), (5, 6)]


def test_exec_form_copy_and_heredoc_extraction() -> None:
    assert found('COPY ["q.tar", "/x/"]', "RUN <<EOF", "cd /x", "tar -xf q.tar", "EOF") == [(1, 7)]
