"""hadolint DL3060 -> CL3206 yarn-cache-not-cleaned: yarn's cache must not end up in a shipped layer."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3206"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_no_yarn() -> None:
    assert found("FROM node:20\nRUN npm ci\n") == []


def test_install_without_clean() -> None:
    assert found("FROM node:20\nRUN yarn install --frozen-lockfile\n") == [(2, 5)]


def test_install_then_clean() -> None:
    assert found("FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n") == []


def test_clean_before_install_is_too_early() -> None:
    assert found("FROM node:20\nRUN yarn cache clean && yarn install\n") == [(2, 25)]


def test_every_install_needs_a_clean_after_it() -> None:
    """Differs from hadolint, which accepts a clean anywhere after the first install."""
    text = "FROM node:20\nRUN yarn install && yarn cache clean && yarn install\n"
    assert found(text) == [(2, 41)]


def test_add_and_global_add_fill_the_cache_too() -> None:
    """Differs from hadolint, which only knows `yarn install`."""
    text = "FROM node:20\nRUN yarn add left-pad@1.3.0\nRUN yarn global add serve@14.2.3 && yarn cache clean\n"
    assert found(text) == [(2, 5)]


def test_cache_and_tmpfs_mounts() -> None:
    text = (
        "FROM node:20\n"
        "RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n"
        "RUN --mount=type=tmpfs,target=/home/node/.cache/yarn yarn install\n"
        "RUN --mount=type=cache,target=/var/cache/build yarn install\n"
        "RUN --mount=type=tmpfs,target=/tmp/build yarn install\n"
    )
    assert found(text) == [(4, 48), (5, 42)]


def test_only_the_last_stage_and_base_stages_matter() -> None:
    text = (
        "FROM node:20 AS deps\n"
        "RUN yarn install\n"  # built on by `FROM deps`: ships
        "FROM node:20 AS assets\n"
        "RUN yarn install\n"  # only copied from: its layers do not ship
        "FROM deps\n"
        "COPY --from=assets /app/dist /app/dist\n"
        "RUN yarn install\n"
    )
    assert found(text) == [(2, 5), (7, 5)]


def test_a_base_stage_that_cleans() -> None:
    text = "FROM node:20 AS deps\nRUN yarn install && yarn cache clean\nFROM deps\nRUN echo ok\n"
    assert found(text) == []


def test_last_stage_built_on_scratch() -> None:
    text = "FROM node:20 AS tools\nRUN echo hi\nFROM scratch\nRUN yarn install\n"
    assert found(text) == [(4, 5)]


def test_onbuild_always_matters() -> None:
    """The trigger runs in a child image, so even an unused stage's ONBUILD counts."""
    text = "FROM node:20 AS lib\nONBUILD RUN yarn install\nFROM scratch\nRUN echo hi\n"
    assert found(text) == [(2, 13)]
    text = "FROM node:20\nONBUILD RUN --mount=type=cache,target=/root/.cache/yarn yarn install\n"
    assert found(text) == []
