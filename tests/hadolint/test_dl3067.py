"""hadolint DL3067 -> CL3018 copy-entire-filesystem: no COPY --from=stage / /."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3018"


def found(*lines: str) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_root_to_root_from_another_stage_reported_at_the_source() -> None:
    assert found("COPY --from=build / /") == [(1, 19)]
    assert found('COPY --from=build "/" "/"') == [(1, 19)]
    assert found('COPY --from=build ["/", "/"]') == [(1, 20)]
    assert found("COPY --from=build /app / /") == [(1, 24)]


def test_without_from_or_not_root() -> None:
    assert found("COPY / /") == []
    assert found("COPY --from=build /app /") == []
    assert found("COPY --from=build / /app") == []
    assert found("COPY --from=build / /app/") == []
