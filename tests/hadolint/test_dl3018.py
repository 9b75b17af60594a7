"""hadolint DL3018 -> CL3105 unpinned-apk-package: one finding per unpinned apk package."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3105"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_unpinned_package() -> None:
    assert found("FROM alpine:3.20\nRUN apk add bash\n") == [(2, 13)]


def test_onbuild() -> None:
    assert found("FROM alpine:3.20\nONBUILD RUN apk add bash\n") == [(2, 21)]


def test_every_constraint_operator_pins() -> None:
    text = (
        "FROM alpine:3.20\n"
        "RUN apk add --no-cache bash=5.2.26-r0 git~2.45 curl~=8.9 jq=~1.7 \\\n"
        '    "python3>=3.12" "musl<2" ./vendor/tool-1.0-r0.apk\n'
    )
    assert found(text) == []


def test_only_the_unpinned_package_of_a_list() -> None:
    text = "FROM alpine:3.20\nRUN apk add --no-cache \\\n    bash=5.2.26-r0 \\\n    libffi \\\n    jq=1.7.1-r0\n"
    assert found(text) == [(4, 5)]


def test_option_values_are_not_packages() -> None:
    text = (
        "FROM alpine:3.20\n"
        "RUN apk add --virtual build-deps gcc=13.2.1 \\\n"
        " && apk add -t .x --repository https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78 \\\n"
        " && apk add --repository=https://example.org/alpine -X https://example.org/b musl=1.2 \\\n"
        " && apk add -Ut .y --no-cache --root /target --arch x86_64 make=4.4 \\\n"
        " && apk del build-deps .x .y\n"
    )
    assert found(text) == []


def test_chained_with_other_commands() -> None:
    text = "FROM alpine:3.20\nRUN apk add --no-cache bash=5.2.26-r0 && pip install -r requirements.txt\n"
    assert found(text) == []


def test_other_apk_subcommands_are_not_checked() -> None:
    assert found("FROM alpine:3.20\nRUN apk update && apk del bash && apk info curl\n") == []
