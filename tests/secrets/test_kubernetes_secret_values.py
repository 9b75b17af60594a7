"""Secrets in Kubernetes manifests: CL5001 (env values, kube-linter env-var-secret), CL5032
(committed Secret objects), CL5033 (credentials in ConfigMaps), CL5034 (read-secret-from-env-var)."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from containerlint.model import FileKind, Finding
from tests.helpers import builtin_ruleset, lint_text

PASSWORD = "Sup3r" + "S3cretValue99"
ENCODED = base64.b64encode(PASSWORD.encode()).decode()
AWS_KEY_ID = "AKIA" + "IOSFODNN7EXAMPLE"


def found(text: str, code: str) -> list[Finding]:
    findings = lint_text(textwrap.dedent(text), FileKind.KUBERNETES, select=[code])
    assert not [f for f in findings if f.code in ("CL0001", "CL0008")]
    return [f for f in findings if f.code == code and not f.suppressed]


def where(text: str, needle: str, occurrence: int = 0) -> tuple[int, int, int]:
    text = textwrap.dedent(text)
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column, column + len(needle)


def at(finding: Finding) -> tuple[int, int, int]:
    return finding.span.start.line, finding.span.start.column, finding.span.end.column


def workload(kind: str, env: str, api: str = "apps/v1", name: str = "app", group: str = "containers") -> str:
    body = textwrap.indent(textwrap.dedent(env), " " * 10)
    return (
        f"apiVersion: {api}\nkind: {kind}\nmetadata:\n  name: {name}\nspec:\n  template:\n    spec:\n"
        f"      {group}:\n      - name: app\n        image: acme/app:1.0\n        env:\n{body}"
    )


# ---------------------------------------------------------------------------------------------
# CL5001 in Kubernetes: kube-linter's env-var-secret fixture, and more


def test_kube_linter_env_var_secret_fixture() -> None:
    text = "---\n".join(
        [
            workload("Deployment", "- name: BLAH\n  value: secretsquirrels\n", name="dont-fire"),
            workload(
                "DeploymentConfig", "- name: BLAH\n  value: secretsquirrels\n", "apps.openshift.io/v1", "dont-fire"
            ),
            workload("Deployment", "- name: SECRET_BLAH\n  value: secretsquirrels\n"),
            workload("DeploymentConfig", "- name: SECRET_BLAH\n  value: secretsquirrels\n", "apps.openshift.io/v1"),
        ]
    )
    findings = found(text, "CL5001")
    assert [at(f) for f in findings] == [where(text, "secretsquirrels", n) for n in (2, 3)]
    assert findings[0].message == (
        "deployment 'app' container 'app' sets SECRET_BLAH to a secret committed in the manifest ('sec****')"
    )
    assert findings[1].message.startswith("deploymentconfig 'app' container 'app' sets SECRET_BLAH")


@pytest.mark.parametrize("name", ["MYSECRET", "appSecretValue", "x_secretkey", "SECRETS"])
def test_kube_linter_reads_secret_anywhere_in_the_name(name: str) -> None:
    [finding] = found(workload("Deployment", f"- name: {name}\n  value: {PASSWORD}\n"), "CL5001")
    assert f"sets {name} to a secret" in finding.message


@pytest.mark.parametrize(
    "env",
    [
        "- name: MYSECRET_FILE\n  value: app.key\n",
        "- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db, key: password}\n",
        "- name: DB_PASSWORD\n  value: $(OTHER_PASSWORD)\n",
        "- name: DB_PASSWORD\n  value: ''\n",
        "- name: SECRET_NAME\n  value: app-credentials\n",
        "- name: PASSWORD_FILE\n  value: /etc/secrets/pw\n",
        "- name: API_TOKEN\n  value: '{{ .Values.token }}'\n",
        "- name: API_TOKEN\n",
        "- value: " + PASSWORD + "\n",
    ],
)
def test_kubernetes_env_values_that_are_not_committed_secrets(env: str) -> None:
    assert found(workload("Deployment", env), "CL5001") == []


def test_init_containers_lists_and_credential_formats() -> None:
    item = workload("Job", f"- name: AWS_ACCESS_KEY_ID\n  value: {AWS_KEY_ID}\n", "batch/v1", "job", "initContainers")
    text = "apiVersion: v1\nkind: List\nitems:\n- " + textwrap.indent(item, "  ").lstrip()
    [finding] = found(text, "CL5001")
    assert at(finding) == where(text, AWS_KEY_ID)
    assert finding.message.startswith("job 'job' init container 'app' sets AWS_ACCESS_KEY_ID to an AWS access key id")


def test_kube_linter_annotation_suppresses_env_var_secret() -> None:
    text = workload("Deployment", f"- name: DB_PASSWORD\n  value: {PASSWORD}\n").replace(
        "  name: app\n", "  name: app\n  annotations:\n    ignore-check.kube-linter.io/env-var-secret: fixture\n", 1
    )
    assert found(text, "CL5001") == []


# ---------------------------------------------------------------------------------------------
# CL5032 committed-kubernetes-secret

SECRET = f"""\
apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  password: {ENCODED}
  empty: ""
  placeholder: {base64.b64encode(b"changeme").decode()}
  nothing:
stringData:
  token: {PASSWORD}
  template: "{{{{ .Values.token }}}}"
"""


def test_committed_secret_values() -> None:
    findings = found(SECRET, "CL5032")
    assert [at(f) for f in findings] == [where(SECRET, ENCODED), where(SECRET, PASSWORD)]
    assert findings[0].message == (
        f"Secret 'db' commits the value of 'password' in data ('{ENCODED[:3]}****'); base64 is not encryption"
    )
    assert "stringData" in findings[1].message


@pytest.mark.parametrize(
    "text",
    [
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: sa\n  annotations:\n"
        "    kubernetes.io/service-account.name: build\ntype: kubernetes.io/service-account-token\n",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ntype: kubernetes.io/tls\ndata:\n  tls.crt: "
        + base64.b64encode(b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n").decode()
        + "\n",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata: [a, b]\nstringData: token\n",
        "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: x\nspec:\n"
        "  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA==\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  token: abc\n",
    ],
)
def test_not_committed_secrets(text: str) -> None:
    assert found(text, "CL5032") == []


def test_a_private_key_next_to_a_certificate_is_reported() -> None:
    pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN " + "PRIVATE KEY-----\nMIIE\n"
    encoded = base64.b64encode(pem.encode()).decode()
    text = f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ndata:\n  tls.pem: {encoded}\n"
    assert len(found(text, "CL5032")) == 1


# ---------------------------------------------------------------------------------------------
# CL5033 credential-in-config-map

CONFIG_MAP = f"""\
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  LOG_LEVEL: info
  DB_PASSWORD: {PASSWORD}
  DB_PASSWORD_FILE: /etc/secrets/db
  application.properties: |
    spring.datasource.url=jdbc:postgresql://db/app
    spring.datasource.password={PASSWORD}
    spring.datasource.username=app
  settings.yaml: |
    database:
      password: "${{DB_PASSWORD}}"
      token: "{PASSWORD}"
  aws.conf: "[default]\\naws_access_key_id = {AWS_KEY_ID}\\n"
  notes.txt: >
    the password is in the vault
    ask the ops team
"""


def test_credentials_in_config_maps() -> None:
    findings = found(CONFIG_MAP, "CL5033")
    assert [at(f) for f in findings] == [
        where(CONFIG_MAP, PASSWORD, 0),
        where(CONFIG_MAP, PASSWORD, 1),
        where(CONFIG_MAP, PASSWORD, 2),
        (*where(CONFIG_MAP, '"[default]')[:2], where(CONFIG_MAP, '\\n"')[2]),  # the whole quoted value
    ]
    assert findings[0].message == "ConfigMap 'app-config' sets 'DB_PASSWORD' to a secret ('Sup****')"
    assert findings[1].message == (
        "ConfigMap 'app-config' key 'application.properties' sets spring.datasource.password to a secret ('Sup****')"
    )
    assert "sets token to a secret" in findings[2].message
    assert "an AWS access key id" in findings[3].message
    for finding in findings:
        assert PASSWORD not in finding.message and AWS_KEY_ID not in finding.message


def test_config_map_of_the_wrong_shape() -> None:
    text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  - password: x\n"
    assert found(text, "CL5033") == []


# ---------------------------------------------------------------------------------------------
# CL5034 read-secret-from-env-var

READ_SECRET = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app1
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: app
        env:
        - name: TOKEN
          valueFrom:
            secretKeyRef:
              name: my-secret
              key: token
        - name: CONFIG
          valueFrom:
            configMapKeyRef: {name: cfg, key: c}
        envFrom:
        - secretRef:
            name: env-secret
        - configMapRef:
            name: env-config
---
apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata:
  name: app2
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: app
        env:
        - name: TOKEN
          valueFrom:
            secretKeyRef:
              name: my-secret
              key: token
"""


def test_read_secret_from_env_var() -> None:
    findings = found(READ_SECRET, "CL5034")
    assert [at(f) for f in findings] == [
        where(READ_SECRET, "secretKeyRef", 0),
        where(READ_SECRET, "secretRef"),
        where(READ_SECRET, "secretKeyRef", 1),
    ]
    assert findings[0].message == (
        "deployment 'app1' container 'app' reads key 'token' of Secret 'my-secret' into the environment variable TOKEN"
    )
    assert findings[0].aliases == () and findings[1].aliases == ("checkov:CKV_K8S_35",)
    assert findings[2].message.startswith("deploymentconfig 'app2' container 'app'")


def test_read_secret_from_env_var_is_off_by_default() -> None:
    rule = builtin_ruleset().get("kube-linter:read-secret-from-env-var")
    assert rule is not None and rule.code == "CL5034" and not rule.default_enabled
    assert builtin_ruleset().get("checkov:CKV_K8S_35") is rule
    findings = lint_text(READ_SECRET, FileKind.KUBERNETES)
    assert "CL5034" not in {f.code for f in findings}


def test_selecting_by_kube_linter_alias() -> None:
    findings = lint_text(READ_SECRET, FileKind.KUBERNETES, select=["kube-linter:read-secret-from-env-var"])
    assert [f.code for f in findings] == ["CL5034"] * 3


# ---------------------------------------------------------------------------------------------
# Never printed in full


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_kubernetes_secret_values_never_printed(tmp_path: Path, fmt: str) -> None:
    # (without the "{{ }}" line, which makes the file look like a Helm template, skipped when walking)
    (tmp_path / "secret.yaml").write_text(SECRET.replace("{{", "<").replace("}}", ">"), encoding="utf-8")
    (tmp_path / "config.yaml").write_text(CONFIG_MAP, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "containerlint", "--select", "CL5032,CL5033", "--format", fmt, "--show-source", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    for secret in (PASSWORD, ENCODED, AWS_KEY_ID):
        assert secret not in done.stdout and secret not in done.stderr
    if fmt == "json":
        codes = [f["code"] for f in json.loads(done.stdout)["findings"]]
        assert codes.count("CL5032") == 2 and codes.count("CL5033") == 4
