"""CL1022 tls-verification-disabled: options, config commands and variables that skip TLS checks."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL1022"


def found(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def run(command: str) -> list[tuple[int, int]]:
    return found(f"FROM debian:12\nRUN {command}\n")


def aliases(text: str) -> list[tuple[str, ...]]:
    return [f.aliases for f in lint_text(text, FileKind.DOCKERFILE, select=[CODE])]


def test_curl_and_wget_options_at_the_option() -> None:
    assert run("curl -k https://x.example/a -o a") == [(2, 10)]
    assert run("curl -fsSLk https://x.example/a -o a") == [(2, 10)]
    assert run("curl --insecure https://x.example/a -o a") == [(2, 10)]
    assert run("sudo curl --proxy-insecure -x p:1 https://x.example/a") == [(2, 15)]
    assert run("wget --no-check-certificate https://x.example/a") == [(2, 10)]
    assert run("curl -fsSL https://x.example/a -o a && wget -q https://x.example/b") == []


def test_pip_trusted_host() -> None:
    assert run("pip install --trusted-host pypi.internal app") == [(2, 17)]
    assert run("python3 -m pip install --trusted-host=pypi.internal app") == [(2, 28)]
    assert run("pip config set global.trusted-host pypi.internal") == [(2, 20)]
    assert run("pip install --index-url https://pypi.internal/simple app") == []


def test_npm_yarn_and_git_configuration() -> None:
    assert run("npm config set strict-ssl false") == [(2, 20)]
    assert run("npm set strict-ssl=false") == [(2, 13)]
    assert run("yarn config set strict-ssl false") == [(2, 21)]
    assert run("npm install --strict-ssl=false") == [(2, 17)]
    assert run("npm config set strict-ssl true") == []
    assert run("git config --global http.sslVerify false") == [(2, 25)]
    assert run('git config --global http.https://git.example.com/.sslVerify "false"') == [(2, 25)]
    assert run("git -c http.sslVerify=false clone https://git.example.com/r.git") == [(2, 12)]
    assert run("git config --global http.sslVerify true") == []


def test_package_manager_settings() -> None:
    assert run("apt-get -o Acquire::https::Verify-Peer=false update") == [(2, 16)]
    assert run("yum-config-manager --setopt=sslverify=false") == [(2, 24)]
    assert run("dnf -y --setopt=epel.sslverify=0 install x") == [(2, 12)]
    assert run("conda config --set ssl_verify false") == [(2, 24)]
    assert run("dnf -y --setopt=sslverify=1 install x") == []


def test_environment_variables_in_env_arg_and_run() -> None:
    assert found("FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n") == [(2, 5)]
    assert found("FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n") == []
    assert found("FROM python:3.12\nARG PYTHONHTTPSVERIFY=0\n") == [(2, 5)]
    assert found("FROM python:3.12\nARG PIP_TRUSTED_HOST\n") == []  # no value given in the file
    assert found("FROM node:20\nENV npm_config_strict_ssl=false\n") == [(2, 5)]
    assert found("FROM golang:1.22\nENV GOINSECURE=git.internal/*\n") == [(2, 5)]
    # git skips verification when GIT_SSL_NO_VERIFY is set at all, to any value.
    assert found("FROM debian:12\nENV GIT_SSL_NO_VERIFY=\n") == [(2, 5)]
    assert run("GIT_SSL_NO_VERIFY=1 git clone https://git.example.com/r.git") == [(2, 5)]
    assert run("export GIT_SSL_NO_VERIFY=true && git clone x") == [(2, 12)]
    assert run("env NODE_TLS_REJECT_UNAUTHORIZED=0 node app.js") == [(2, 9)]
    assert found("FROM debian:12\nONBUILD ENV GIT_SSL_NO_VERIFY=1\n") == [(2, 13)]


def test_every_finding_names_its_checkov_check() -> None:
    assert aliases("FROM debian:12\nRUN curl -k https://x -o x\n") == [("checkov:CKV2_DOCKER_2",)]
    assert aliases("FROM debian:12\nENV GIT_SSL_NO_VERIFY=1\n") == [("checkov:CKV2_DOCKER_14",)]
    assert aliases("FROM debian:12\nRUN git config http.sslVerify false\n") == [()]


def test_findings_are_in_file_order_and_mention_the_tool() -> None:
    text = "FROM node:20\nRUN npm config set strict-ssl false\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n"
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    assert [f.span.start.line for f in findings] == [2, 3]
    assert "npm config set strict-ssl false" in findings[0].message
    assert "ENV sets NODE_TLS_REJECT_UNAUTHORIZED" in findings[1].message


def test_text_that_only_mentions_the_option() -> None:
    assert run("echo 'use curl -k at your own risk'") == []
    assert run("curl -fsSL https://x -o a | grep -k") == []
