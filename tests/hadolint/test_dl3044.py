"""hadolint DL3044 -> CL3012 env-uses-variable-it-defines: no references to variables the same ENV sets."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3012"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_reference_in_a_later_env_is_fine() -> None:
    assert found('ENV BLA="blubb"', 'ENV BLUBB="${BLA}/blubb"') == []


def test_names_that_only_contain_the_variable_name() -> None:
    assert found('ENV BLA="blubb" BLUBB="${FOOBLA}/blubb"') == []
    assert found('ENV BLA="blubb" BLUBB="${BLAFOO}/blubb"') == []
    assert found('ENV BLA="blubb" BLUBB="$FOOBLA/blubb"') == []
    assert found('ENV BLA="blubb" BLUBB="$BLAFOO/blubb"') == []
    assert found('ENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"') == []


def test_braced_bare_and_full_references_are_reported_at_the_reference() -> None:
    assert found('ENV BLA="blubb" BLUBB="${BLA}/blubb"') == [(1, 24)]
    assert found('ENV BLA="blubb" BLUBB="$BLA/blubb"') == [(1, 24)]
    assert found('ENV BLA="blubb" BLUBB="$BLA"') == [(1, 24)]
    assert found('ENV BLA="blubb" BLUBB="${BLA}"') == [(1, 24)]
    assert found('ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"') == [(1, 24)]


def test_defined_before_by_arg_or_env() -> None:
    assert found("ARG BLA", "ENV BLA=${BLA}") == []
    assert found("ENV BLA blubb", "ENV BLA=${BLA}") == []
    assert found("FROM a:1", "ARG HOME_DIR=/h", "ENV HOME_DIR=/x SUB=${HOME_DIR}/sub") == []


def test_self_reference() -> None:
    assert found("ENV PATH=/bla:${PATH}") == []
    assert found("ENV PATH=/bla:${PATH}", "ENV PATH=/blubb:${PATH}") == []
    # The second PATH does not see the first: reported once, at the second reference.
    assert found("ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}") == [(1, 35)]


def test_reference_before_the_definition_and_default_operators() -> None:
    assert found("ENV OPTS=-Xmx${HEAP:-1g} HEAP=2g") == [(1, 14)]


def test_single_quotes_and_escapes_are_literal() -> None:
    assert found("ENV A=1 B='$A'") == []
    assert found("ENV A=1 B=\\$A") == []
    assert found('ENV A=1 B="\\$A and $A"') == [(1, 20)]


def test_stage_scope() -> None:
    # Set in an unrelated stage: not in scope here, so the reference is empty.
    assert found("FROM a:1", "ENV A=1", "FROM b:1", "ENV A=2 B=$A") == [(4, 11)]
    # Inherited through FROM <stage>.
    assert found("FROM a:1 AS base", "ENV A=1", "FROM base", "ENV A=2 B=$A") == []
    # Global ARGs are not in scope inside a stage.
    assert found("ARG A=1", "FROM a:1", "ENV A=2 B=$A") == [(3, 11)]


def test_continuation_lines() -> None:
    assert found("ENV ROOT=/opt \\", "    BIN=$ROOT/bin") == [(2, 9)]
