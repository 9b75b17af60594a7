"""hadolint DL3028 -> CL3203 unpinned-gem: every gem that gem install installs needs a version."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3203"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def run(command: str) -> list[tuple[int, int]]:
    return found(f"FROM ruby:3.3\nRUN {command}\n")


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("gem install rake", [(2, 17)]),
        ("gem i rake", [(2, 11)]),
        ("gem i rake:13.2.1 rspec", [(2, 23)]),
        ("gem install rake rspec", [(2, 17), (2, 22)]),
        # hadolint takes the word after any option as the option's value and misses these
        ("gem install --no-document rails", [(2, 31)]),
        ("gem install -N rails", [(2, 20)]),
    ],
)
def test_unpinned_gem(command: str, expected: list[tuple[int, int]]) -> None:
    assert run(command) == expected


@pytest.mark.parametrize(
    "command",
    [
        "gem install rake:13.2.1",
        "gem i rake:13.2.1",
        "gem i rake:13.2.1 rspec:3.13.0",
        "gem install rake -v '13.2.1'",
        "gem install rake --version '13.2.1'",
        "gem install rake --version='13.2.1'",
        # build options after `--` are not gems
        "gem install nokogiri:1.16.7 -- --use-system-libraries=true",
        "gem install nokogiri:1.16.7 -- --use-system-libraries true",
        # an unknown option is taken to have a value
        "gem install nokogiri:1.16.7 --use-system-libraries true",
        "gem install nokogiri:1.16.7 --use-system-libraries=true",
        "gem install --install-dir /opt/gems rake:13.2.1",
        "gem update rake",
        "bundle install",
    ],
)
def test_pinned_or_not_applicable(command: str) -> None:
    assert run(command) == []


def test_onbuild() -> None:
    assert found("FROM ruby:3.3\nONBUILD RUN gem i bundler\n") == [(2, 19)]
    assert found("FROM ruby:3.3\nONBUILD RUN gem i bundler:2.5.0\n") == []
