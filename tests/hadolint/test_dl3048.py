"""hadolint DL3048 -> CL3301 invalid-label-key: label keys in Docker's key format."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3301"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def label(key: str) -> list[tuple[int, int]]:
    return found(f'FROM alpine:3.20\nLABEL {key}="x"\n')


@pytest.mark.parametrize("key", ["com.docker.extension", "io.docker.thing", "org.dockerproject.build"])
def test_docker_reserved_namespaces(key: str) -> None:
    assert label(key) == [(2, 7)]


@pytest.mark.parametrize("key", ["Maintainer", "app$name", "café", "a\\\\b", "team name"])
def test_characters_outside_lower_case_letters_digits_and_separators(key: str) -> None:
    assert label(key if " " not in key else f'"{key}"') == [(2, 7)]


@pytest.mark.parametrize("key", [".hidden", "-dash", "9lives", "_under", "trailing.", "trailing-", "trailing/"])
def test_first_must_be_a_letter_and_last_a_letter_or_digit(key: str) -> None:
    assert label(key) == [(2, 7)]


@pytest.mark.parametrize("key", ["org..example", "my--label"])
def test_repeated_separators(key: str) -> None:
    assert label(key) == [(2, 7)]


@pytest.mark.parametrize(
    "key", ["maintainer", "org.opencontainers.image.source", "com.example.build_id", "a__b", "team/app2", "v1"]
)
def test_valid_keys(key: str) -> None:
    assert label(key) == []


def test_quotes_around_the_key_are_not_part_of_it() -> None:
    assert label('"org.example.key"') == []


def test_every_invalid_key_is_reported_at_the_key() -> None:
    text = "FROM alpine:3.20\nLABEL ok=1 Bad=2 \\\n      com.docker.x=3\nLABEL legacy value with spaces\n"
    assert found(text) == [(2, 12), (3, 7)]


def test_onbuild_label_keys_are_checked_too() -> None:
    # Deliberate difference: hadolint does not look inside ONBUILD.
    assert found("FROM alpine:3.20\nONBUILD LABEL com.docker.x=1\n") == [(2, 15)]


def test_no_schema_needed_and_other_instructions_ignored() -> None:
    assert found("FROM alpine:3.20\nENV Bad.Key=1\nARG Other\n") == []
