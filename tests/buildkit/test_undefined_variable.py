"""BuildKit's UndefinedVar (CL3602): a variable used before any ARG/ENV defines it."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text


def found(text: str, **options: object) -> list[tuple[int, int, int]]:
    rule_options = {"CL3602": options} if options else None
    findings = lint_text(text, FileKind.DOCKERFILE, select=["CL3602"], rule_options=rule_options)
    return [(f.span.start.line, f.span.start.column, f.span.end.column) for f in findings if f.code == "CL3602"]


def messages(text: str) -> list[str]:
    return [f.message for f in lint_text(text, FileKind.DOCKERFILE, select=["CL3602"]) if f.code == "CL3602"]


# What BuildKit's own tests establish ----------------------------------------------------------


def test_arg_without_default_defines_the_name() -> None:
    assert found("FROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n") == []


def test_child_stage_inherits_parent_args() -> None:
    assert found("FROM alpine AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n") == []


def test_run_bodies_are_the_shells_business() -> None:
    assert found('FROM alpine\nRUN echo $PATH $UNDEFINED\nCMD echo $X\nENTRYPOINT ["echo", "$Y"]\n') == []


def test_use_before_the_arg() -> None:
    text = "FROM alpine\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n"
    assert found(text) == [(2, 6, 10)]
    assert messages(text) == ["usage of undefined variable '$foo'"]


def test_typo_gets_a_suggestion() -> None:
    text = "FROM alpine\nARG DIR_BINARIES=bin/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\nCOPY $DIR_ASSET .\n"
    assert found(text) == [(5, 6, 16)]
    assert messages(text) == ["usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?)"]


def test_path_is_always_defined() -> None:
    text = "FROM alpine\nENV PATH=$PAHT:/tmp/bin\n"
    assert found(text) == [(2, 10, 15)]
    assert messages(text) == ["usage of undefined variable '$PAHT' (did you mean $PATH?)"]
    assert found("FROM scratch\nENV PATH=$PATH:/bin\n") == []


# Scope ----------------------------------------------------------------------------------------


def test_global_args_must_be_redeclared_in_the_stage() -> None:
    text = "ARG VERSION=1.0\nFROM alpine\nCOPY app-$VERSION /app\nARG VERSION\nCOPY app-$VERSION /app\n"
    assert found(text) == [(3, 10, 18)]


def test_platform_args_must_be_declared_in_the_stage() -> None:
    text = "FROM alpine\nCOPY bin/$TARGETARCH /bin/app\nARG TARGETARCH\nCOPY bin/$TARGETARCH /bin/app\n"
    assert found(text) == [(2, 10, 21)]


def test_proxy_args_are_not_defined_outside_run() -> None:
    assert found("FROM alpine\nRUN curl $HTTP_PROXY\nENV P=$HTTP_PROXY\n") == [(3, 7, 18)]


def test_sbom_args_are_never_reported() -> None:
    assert found("FROM alpine\nLABEL a=$BUILDKIT_SBOM_SCAN_CONTEXT b=$BUILDKIT_SBOM_SCAN_STAGE\n") == []


def test_env_is_inherited_through_stages_but_not_across_unrelated_ones() -> None:
    text = "FROM alpine AS base\nENV APP=/app\nFROM base AS child\nWORKDIR $APP\nFROM alpine\nWORKDIR $APP\n"
    assert found(text) == [(6, 9, 13)]


def test_parent_onbuild_env_is_defined_in_the_child() -> None:
    text = "FROM alpine AS base\nONBUILD ENV FROM_TRIGGER=1\nFROM base\nWORKDIR /$FROM_TRIGGER\n"
    assert found(text) == []


def test_pairs_of_one_env_are_expanded_together_but_arg_pairs_in_order() -> None:
    assert found("FROM alpine\nENV A=1 B=$A\n") == [(2, 11, 13)]
    assert found("FROM alpine\nARG A=1 B=$A\n") == []
    assert found("FROM alpine\nENV A=1\nENV B=$A\n") == []


def test_arg_default_referring_to_itself_is_undefined() -> None:
    assert found("FROM alpine\nARG X=$X\n") == [(2, 7, 9)]


# What is expanded -----------------------------------------------------------------------------


def test_every_expanded_place() -> None:
    text = (
        "FROM alpine\n"
        "COPY --chown=$U:$G --chmod=$M $SRC /dst/$D\n"
        "ADD --checksum=$SUM https://example.com/x /x\n"
        "LABEL $LK=$LV\n"
        "WORKDIR $W\n"
        "USER $USR\n"
        "VOLUME $V1 $V2\n"
        "STOPSIGNAL $SIG\n"
        "RUN --mount=type=cache,target=$CACHE true\n"
        'COPY ["$J", "/j"]\n'
    )
    assert [(line, column) for line, column, _ in found(text)] == [
        (2, 14), (2, 17), (2, 28), (2, 31), (2, 41),
        (3, 16),
        (4, 7), (4, 11),
        (5, 9),
        (6, 6),
        (7, 8), (7, 12),
        (8, 12),
        (9, 31),
        (10, 8),
    ]  # fmt: skip


def test_places_that_are_not_checked() -> None:
    text = (
        "FROM alpine\n"
        "EXPOSE $PORT\n"
        "HEALTHCHECK CMD curl $URL\n"
        'SHELL ["/bin/sh", "$S"]\n'
        "ONBUILD COPY $LATER /x\n"
        "COPY --from=$STAGE /a /b\n"
        "RUN <<EOF\necho $IN_HEREDOC\nEOF\n"
    )
    assert found(text) == []


def test_copy_heredoc_body_is_expanded_unless_quoted() -> None:
    text = "FROM alpine\nCOPY <<EOF /etc/motd\nhello $WHO '$QUOTED'\nEOF\nCOPY <<'EOF' /x\n$NOT\nEOF\n"
    assert found(text) == [(3, 7, 11), (3, 13, 20)]


def test_quotes_and_escapes() -> None:
    text = 'FROM alpine\nENV A=\'$SINGLE\' B="$DOUBLE" C=\\$ESCAPED D="\\$ESCAPED"\n'
    assert found(text) == [(2, 20, 27)]


def test_braced_forms_and_nested_defaults() -> None:
    text = "FROM alpine\nARG SET\nWORKDIR ${SET:-$DEF}/${UNSET:+x}/${SET#p}\n"
    assert found(text) == [(3, 16, 20), (3, 22, 33)]


def test_one_finding_per_name_per_instruction() -> None:
    assert found("FROM alpine\nCOPY $X $X /$X\nCOPY $X /\n") == [(2, 6, 8), (3, 6, 8)]


def test_continuation_lines() -> None:
    assert found("FROM alpine\nCOPY a \\\n  $SRC \\\n  /dst/\n") == [(3, 3, 7)]


# The base image's environment -----------------------------------------------------------------


def test_known_image_env() -> None:
    assert found("FROM python:3.12 AS base\nARG VERSION=$PYTHON_VERSION\n") == []
    assert found("FROM docker.io/library/python:3.12-slim\nWORKDIR /$PYTHON_VERSION\n") == []
    assert found("FROM node:22\nWORKDIR /$PYTHON_VERSION\n") == [(2, 10, 25)]


def test_image_resolved_through_global_args() -> None:
    assert found("ARG IMAGE=golang:1.23\nFROM $IMAGE\nWORKDIR $GOPATH/src\n") == []


def test_image_env_and_known_variables_options() -> None:
    text = "FROM acme/base:1\nWORKDIR $APP_HOME\nUSER $APP_USER\n"
    assert found(text) == [(2, 9, 18), (3, 6, 15)]
    assert found(text, image_env={"acme/base": ["APP_HOME"]}) == [(3, 6, 15)]
    assert found(text, known_variables=["APP_HOME", "APP_USER"]) == []


def test_scratch_has_only_path() -> None:
    assert found("FROM scratch\nWORKDIR $PYTHON_VERSION\n") == [(2, 9, 24)]
