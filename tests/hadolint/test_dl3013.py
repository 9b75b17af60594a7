"""hadolint DL3013 -> CL3201 unpinned-pip-package: every package pip installs needs a version."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL3201"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def run(command: str) -> list[tuple[int, int]]:
    return found(f"FROM python:3.12\nRUN {command}\n")


@pytest.mark.parametrize(
    ("command", "column"),
    [
        ("pip install requests", 17),
        ("pip2 install requests", 18),
        ("pip3 install requests", 18),
        ("pip3.12 install requests", 21),
        ("python -m pip install requests", 27),
        ("python3 -m pip install --index-url https://pypi.example/simple requests", 68),
        ("pip install --root-user-action=ignore requests", 43),
        ("pip install --upgrade pip", 27),
        ("pipx install black", 18),
        ("pip install git+https://github.com/acme/tool.git#egg=tool", 17),
        ("pip install git+ssh://git@github.com/acme/tool.git#egg=tool", 17),
        ("/opt/venv/bin/pip install requests", 31),
    ],
)
def test_unpinned_package(command: str, column: int) -> None:
    assert run(command) == [(2, column)]


@pytest.mark.parametrize(
    "command",
    [
        "pip install requests==2.32.3",
        "pip install 'requests~=2.32'",
        "pip install 'requests===2.32.3'",
        "pip install 'requests>=2.30'",
        "pip install 'requests<3'",
        "pip install 'requests!=2.31.0'",
        "pip install requests==2.32.3 --user --disable-pip-version-check --no-cache-dir",
        "pip install --ignore-installed requests==2.32.3",
        # the value of an option is not a package
        "pip3 install --prefix /opt/tools yamllint==1.35.1",
        "pip3 install --root /opt/tools yamllint==1.35.1",
        "pip3 install --target /opt/tools yamllint==1.35.1",
        "pip3 install --build /opt/tools yamllint==1.35.1",
        "pip3 install --trusted-host pypi.example yamllint==1.35.1",
        "pip install --index-url https://u:p@a.example/simple --extra-index-url https://b.example/simple x==1.0",
        "pip install --no-cache-dir --root-user-action ignore poetry==1.8.5",
        'pipx install --python "$(which python3)" "poetry==1.8.5"',
        "python -m pip install requests==2.32.3",
        # local archives, paths and URLs
        "pip install dist/tool-1.0-py3-none-any.whl",
        "pip install tool-1.0.tar.gz",
        "pip install ./vendor/tool",
        "pip install https://files.example/tool-1.0.zip",
        "pip install git+https://github.com/acme/tool.git@v1.0#egg=tool",
        "pip install git+ssh://git@github.com/acme/tool.git@3f2a1b0#egg=tool",
        # versions managed elsewhere: requirements or constraints files, the local project
        "pip install -r requirements.txt",
        "pip install --requirement requirements.txt",
        "pip install .",
        "pip install requests --constraint constraints.txt",
        "pip install requests -c constraints.txt",
        # not pip
        "pipenv install requests",
        "pip download requests",
    ],
)
def test_pinned_or_not_applicable(command: str) -> None:
    assert run(command) == []


def test_each_unpinned_package_is_reported() -> None:
    assert run("pip install requests==2.32.3 flask gunicorn") == [(2, 34), (2, 40)]


def test_onbuild() -> None:
    assert found("FROM python:3.12\nONBUILD RUN pip install requests\n") == [(2, 25)]
    assert found("FROM python:3.12\nONBUILD RUN pip install requests==2.32.3\n") == []


def test_reported_on_its_own_line() -> None:
    text = "FROM python:3.12\nRUN pip install --no-cache-dir \\\n      flask==3.0.3 \\\n      gunicorn\n"
    assert found(text) == [(4, 7)]


def test_a_variable_is_not_judged() -> None:
    """Differs from hadolint, which reports `$PACKAGES`: its value is not known here."""
    assert run('pip install $PACKAGES "flask==${FLASK_VERSION}"') == []
