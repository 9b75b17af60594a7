"""hadolint DL3042 -> CL3205 pip-cache-not-disabled: pip's cache must not end up in the layer."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3205"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def run(command: str, before: str = "") -> list[tuple[int, int]]:
    return found(f"FROM python:3.12\n{before}RUN {command}\n")


@pytest.mark.parametrize(
    "command",
    [
        "pip install requests==2.32.3",
        "pip2 install requests==2.32.3",
        "pip3 install requests==2.32.3",
        "python3 -m pip install requests==2.32.3",
        "pip install -r requirements.txt",
    ],
)
def test_cache_kept(command: str) -> None:
    assert run(command) == [(2, 5)]  # the span runs from the program name to `install`


@pytest.mark.parametrize(
    "command",
    [
        "pip install --no-cache-dir requests==2.32.3",
        "pip2 install requests==2.32.3 --no-cache-dir",
        "python -m pip install --no-cache-dir requests==2.32.3",
        # pipx and pipenv are other tools
        "pipx install black==24.8.0",
        "pipenv install requests",
        "python -m pipx install black==24.8.0",
        # the variable set for the command or exported before it
        "PIP_NO_CACHE_DIR=1 pip install requests==2.32.3",
        "PIP_NO_CACHE_DIR=on pip install requests==2.32.3",
        "export PIP_NO_CACHE_DIR=yes && pip install requests==2.32.3",
        "export PIP_NO_CACHE_DIR=true && pip install requests==2.32.3",
        # the cache lives on a mount that is not part of the layer
        "--mount=type=cache,target=/root/.cache/pip pip install requests==2.32.3",
        "--mount=type=tmpfs,target=/root/.cache/pip pip install requests==2.32.3",
        "--mount=type=cache,target=/root/.cache pip install requests==2.32.3",
        "pip download requests==2.32.3",
    ],
)
def test_cache_avoided(command: str) -> None:
    assert run(command) == []


@pytest.mark.parametrize("value", ["0", "off", "no", "false"])
def test_a_falsy_variable_keeps_the_cache(value: str) -> None:
    assert run("pip install requests==2.32.3", before=f"ENV PIP_NO_CACHE_DIR={value}\n") == [(3, 5)]
    prefix = f"PIP_NO_CACHE_DIR={value} "
    assert run(f"{prefix}pip install requests==2.32.3") == [(2, 5 + len(prefix))]
    prefix = f"export PIP_NO_CACHE_DIR={value} && "
    assert run(f"{prefix}pip install requests==2.32.3") == [(2, 5 + len(prefix))]


@pytest.mark.parametrize("value", ["1", "on", "yes", "true", "True", "YES"])
def test_env_in_the_stage(value: str) -> None:
    assert run("pip install requests==2.32.3", before=f"ENV PIP_NO_CACHE_DIR={value}\n") == []


def test_arg_in_the_stage() -> None:
    """Differs from hadolint: an ARG with a default is in the environment of the RUNs after it."""
    assert run("pip install requests==2.32.3", before="ARG PIP_NO_CACHE_DIR=1\n") == []


def test_env_after_the_run_is_too_late() -> None:
    text = "FROM python:3.12\nRUN pip install requests==2.32.3\nENV PIP_NO_CACHE_DIR=1\n"
    assert found(text) == [(2, 5)]


def test_env_is_inherited_from_the_base_stage() -> None:
    text = (
        "FROM python:3.12 AS base\n"
        "ENV PIP_NO_CACHE_DIR=1\n"
        "FROM base AS app\n"
        "RUN pip install requests==2.32.3\n"
        "FROM python:3.12\n"
        "RUN pip install requests==2.32.3\n"
    )
    assert found(text) == [(6, 5)]


def test_arg_is_not_inherited() -> None:
    text = "FROM python:3.12 AS base\nARG PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install requests==2.32.3\n"
    assert found(text) == [(4, 5)]


def test_a_mount_elsewhere_does_not_help() -> None:
    assert run("--mount=type=cache,target=/var/cache/apt pip install requests==2.32.3") == [(2, 46)]


def test_each_install_is_reported() -> None:
    text = (
        "FROM python:3.12\n"
        "RUN pip install -U pip && \\\n"
        "    pip install --no-cache-dir x==1 && \\\n"
        "    pip install y==1\n"
    )
    assert found(text) == [(2, 5), (4, 5)]


def test_onbuild() -> None:
    assert found("FROM python:3.12\nONBUILD RUN pip install requests==2.32.3\n") == [(2, 13)]
    assert found("FROM python:3.12\nONBUILD RUN --mount=type=cache,target=/root/.cache/pip pip install x==1\n") == []
    # the trigger runs in a child image, which has the ENV this stage ends with
    text = "FROM python:3.12\nONBUILD RUN pip install requests==2.32.3\nENV PIP_NO_CACHE_DIR=1\n"
    assert found(text) == []
