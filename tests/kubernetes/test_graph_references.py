"""CL7015 non-existent-service-account, CL7017 env-value-from, CL7024 missing-referenced-object:
references from pod specs and role bindings to objects that must exist."""

from __future__ import annotations

import pytest

from tests.kubernetes._k8s import at, deployment, obj, run, run_external, stream, where

# ---------------------------------------------------------------------------------------------
# CL7015 non-existent-service-account


def with_account(account: str, field: str = "serviceAccountName", namespace: str | None = None) -> str:
    return deployment(namespace=namespace, pod_spec=f"{field}: {account}\ncontainers: [{{name: app, image: 'a:1'}}]")


def test_service_account_found_in_another_file() -> None:
    assert run("CL7015", ("d.yaml", with_account("runner")), ("sa.yaml", obj("ServiceAccount", "runner"))) == []


@pytest.mark.parametrize("field", ["serviceAccountName", "serviceAccount"])
def test_missing_service_account(field: str) -> None:
    text = with_account("runner", field)
    [finding] = run("CL7015", ("d.yaml", text))
    assert at(finding) == ("d.yaml", *where(text, "runner"))
    assert finding.message == (
        "deployment 'web' runs as ServiceAccount 'runner', which is not in the linted manifests (namespace 'default')"
    )
    assert '"ServiceAccount/default/runner"' in (finding.hint or "")


def test_service_account_name_wins_over_the_deprecated_field() -> None:
    spec = "serviceAccountName: good\nserviceAccount: gone\ncontainers: []"
    assert run("CL7015", ("d.yaml", stream(deployment(pod_spec=spec), obj("ServiceAccount", "good")))) == []


@pytest.mark.parametrize(
    ("workload_ns", "account_ns", "found"),
    [(None, None, False), (None, "default", False), ("a", "a", False), ("a", None, True), (None, "b", True)],
)
def test_service_account_namespaces(workload_ns: str | None, account_ns: str | None, found: bool) -> None:
    text = stream(with_account("runner", namespace=workload_ns), obj("ServiceAccount", "runner", account_ns))
    assert bool(run("CL7015", ("m.yaml", text))) == found


def test_default_and_external_service_accounts() -> None:
    assert run("CL7015", ("d.yaml", with_account("default"))) == []
    assert run("CL7015", ("d.yaml", deployment())) == []
    assert run_external("CL7015", ("ServiceAccount/*/run*",), ("d.yaml", with_account("runner"))) == []


def test_service_account_in_cronjob_and_list() -> None:
    cronjob = """\
        apiVersion: v1
        kind: List
        items:
          - apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly}
            spec:
              schedule: "0 1 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      serviceAccountName: batch
                      containers: [{name: c, image: "a:1"}]
        """
    [finding] = run("CL7015", ("list.yaml", cronjob))
    assert finding.message.startswith("cronjob 'nightly' runs as ServiceAccount 'batch'")


# ---------------------------------------------------------------------------------------------
# CL7017 env-value-from


def env_deployment(env: str, namespace: str | None = None) -> str:
    return deployment(namespace=namespace, pod_spec=f"containers:\n  - name: app\n    image: 'a:1'\n    env: {env}")


SECRET = obj("Secret", "db", body="data: {password: cGFzcw==}\nstringData: {user: app}\n")
CONFIG = obj("ConfigMap", "settings", body="data: {mode: prod}\nbinaryData: {blob: AA==}\n")


@pytest.mark.parametrize(
    "env",
    [
        "[{name: A, valueFrom: {secretKeyRef: {name: db, key: password}}}]",
        "[{name: A, valueFrom: {secretKeyRef: {name: db, key: user}}}]",  # stringData counts
        "[{name: A, valueFrom: {configMapKeyRef: {name: settings, key: mode}}}]",
        "[{name: A, valueFrom: {configMapKeyRef: {name: settings, key: blob}}}]",  # binaryData counts
        "[{name: A, valueFrom: {secretKeyRef: {name: gone, key: x, optional: true}}}]",
        "[{name: A, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]",
        "[{name: A, value: plain}]",
    ],
)
def test_env_references_that_resolve(env: str) -> None:
    assert run("CL7017", ("d.yaml", env_deployment(env)), ("s.yaml", stream(SECRET, CONFIG))) == []


def test_env_missing_objects_and_keys() -> None:
    env = """[
        {name: A, valueFrom: {secretKeyRef: {name: dbx, key: password}}},
        {name: B, valueFrom: {secretKeyRef: {name: db, key: pasword}}},
        {name: C, valueFrom: {configMapKeyRef: {name: settings, key: node}}},
        {name: D, valueFrom: {configMapKeyRef: {name: cfg, key: mode}}}]"""
    text = env_deployment(" ".join(env.split()))
    findings = run("CL7017", ("d.yaml", text), ("s.yaml", stream(SECRET, CONFIG)))
    assert [(at(f)[1:], f.message) for f in findings] == [
        (
            where(text, "dbx"),
            "deployment 'web' container 'app' env 'A' reads Secret 'dbx', which is not in the linted manifests "
            "(namespace 'default')",
        ),
        (
            where(text, "pasword"),
            "deployment 'web' container 'app' env 'B' reads key 'pasword' of Secret 'db', which has no such key",
        ),
        (
            where(text, "node"),
            "deployment 'web' container 'app' env 'C' reads key 'node' of ConfigMap 'settings', which has no such key",
        ),
        (
            where(text, "cfg"),
            "deployment 'web' container 'app' env 'D' reads ConfigMap 'cfg', which is not in the linted manifests "
            "(namespace 'default')",
        ),
    ]
    assert findings[1].related[0].path == "s.yaml"


def test_env_kinds_do_not_mix_and_namespaces_count() -> None:
    env = "[{name: A, valueFrom: {configMapKeyRef: {name: db, key: password}}}]"  # db is a Secret
    assert len(run("CL7017", ("d.yaml", env_deployment(env)), ("s.yaml", SECRET))) == 1
    env = "[{name: A, valueFrom: {secretKeyRef: {name: db, key: password}}}]"
    assert len(run("CL7017", ("d.yaml", env_deployment(env, "shop")), ("s.yaml", SECRET))) == 1


def test_env_options_and_external() -> None:
    env = (
        "[{name: A, valueFrom: {secretKeyRef: {name: vault-db, key: x}}},"
        " {name: B, valueFrom: {configMapKeyRef: {name: c1, key: x}}}]"
    )
    files = ("d.yaml", env_deployment(env))
    assert len(run("CL7017", files)) == 2
    assert run("CL7017", files, options={"ignored-secrets": ["^vault-"], "ignored-config-maps": ["c[0-9]"]}) == []
    assert len(run("CL7017", files, options={"ignored-secrets": ["^vault-"]})) == 1
    assert run_external("CL7017", ("Secret/default/vault-*", "ConfigMap/c1"), files) == []


def test_env_init_containers_each_reported() -> None:
    spec = """\
        initContainers:
          - {name: init, image: 'a:1', env: [{name: A, valueFrom: {secretKeyRef: {name: gone, key: k}}}]}
        containers:
          - {name: app, image: 'a:1', env: [{name: A, valueFrom: {secretKeyRef: {name: gone, key: k}}}]}
        """
    findings = run("CL7017", ("d.yaml", deployment(pod_spec=spec)))
    assert [f.message.split(" env ")[0] for f in findings] == [
        "deployment 'web' init container 'init'",
        "deployment 'web' container 'app'",
    ]


# ---------------------------------------------------------------------------------------------
# CL7024 missing-referenced-object


POD_SPEC = """\
imagePullSecrets: [{name: pull}]
containers:
  - name: app
    image: 'a:1'
    envFrom:
      - configMapRef: {name: env-cm}
      - secretRef: {name: env-secret}
      - secretRef: {name: opt, optional: true}
volumes:
  - {name: v1, configMap: {name: vol-cm}}
  - {name: v2, secret: {secretName: vol-secret}}
  - {name: v3, persistentVolumeClaim: {claimName: data}}
  - name: v4
    projected:
      sources:
        - configMap: {name: proj-cm}
        - secret: {name: proj-secret}
        - serviceAccountToken: {path: token}
  - {name: v5, configMap: {name: kube-root-ca.crt}}
  - {name: v6, emptyDir: {}}
"""
NAMES = ["pull", "env-cm", "env-secret", "vol-cm", "vol-secret", "data", "proj-cm", "proj-secret"]


def test_every_pod_reference_is_checked() -> None:
    text = deployment(pod_spec=POD_SPEC)
    findings = run("CL7024", ("d.yaml", text))
    expected = []
    for name in NAMES:
        line, column = where(text, f" {name}")
        expected.append((line, column + 1))
    assert sorted(at(f)[1:] for f in findings) == sorted(expected)
    messages = {
        f.message.removesuffix(", which is not in the linted manifests (namespace 'default')") for f in findings
    }
    assert "deployment 'web' imagePullSecrets references Secret 'pull'" in messages
    assert "deployment 'web' container 'app' envFrom references ConfigMap 'env-cm'" in messages
    assert "deployment 'web' volume 'v3' references PersistentVolumeClaim 'data'" in messages


def test_pod_references_resolved_by_objects_and_external() -> None:
    objects = stream(
        obj("Secret", "pull"),
        obj("ConfigMap", "env-cm"),
        obj("Secret", "env-secret"),
        obj("ConfigMap", "vol-cm"),
        obj("Secret", "vol-secret"),
        obj("ConfigMap", "proj-cm"),
        obj("Secret", "proj-secret"),
    )
    findings = run("CL7024", ("d.yaml", deployment(pod_spec=POD_SPEC)), ("o.yaml", objects))
    assert [f.message.split(" references ")[1].split(",")[0] for f in findings] == ["PersistentVolumeClaim 'data'"]
    assert (
        run_external(
            "CL7024",
            ("PersistentVolumeClaim/default/data",),
            ("d.yaml", deployment(pod_spec=POD_SPEC)),
            ("o.yaml", objects),
        )
        == []
    )
    # an object in another namespace does not count
    assert len(run("CL7024", ("d.yaml", deployment(namespace="x", pod_spec=POD_SPEC)), ("o.yaml", objects))) == 8


def test_optional_volume_sources() -> None:
    spec = "containers: []\nvolumes:\n  - {name: v, secret: {secretName: s, optional: true}}\n"
    spec += "  - {name: w, configMap: {name: c, optional: true}}"
    assert run("CL7024", ("d.yaml", deployment(pod_spec=spec))) == []


BINDING = """\
apiVersion: rbac.authorization.k8s.io/v1
kind: {kind}
metadata: {{name: b{ns}}}
subjects:
  - {{kind: ServiceAccount, name: runner{subject_ns}}}
  - {{kind: ServiceAccount, name: default}}
  - {{kind: User, name: jane}}
  - {{kind: Group, name: devs}}
roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: {role_kind}, name: {role}}}
"""


def binding(
    kind: str = "RoleBinding", role_kind: str = "Role", role: str = "reader", ns: str = "", subject_ns: str = ""
) -> str:
    return BINDING.format(kind=kind, role_kind=role_kind, role=role, ns=ns, subject_ns=subject_ns)


def test_role_binding_missing_role_and_service_account() -> None:
    text = binding()
    findings = run("CL7024", ("b.yaml", text))
    assert [(at(f)[1:], f.message) for f in findings] == [
        (
            where(text, "runner"),
            "rolebinding 'b' binds ServiceAccount 'runner', which is not in the linted manifests (namespace 'default')",
        ),
        (
            where(text, "reader"),
            "rolebinding 'b' binds Role 'reader', which is not in the linted manifests (namespace 'default')",
        ),
    ]


def test_role_binding_resolved() -> None:
    role = obj("Role", "reader", api="rbac.authorization.k8s.io/v1", body="rules: []\n")
    assert run("CL7024", ("b.yaml", binding()), ("r.yaml", stream(role, obj("ServiceAccount", "runner")))) == []


@pytest.mark.parametrize("role", ["view", "edit", "admin", "cluster-admin", "system:auth-delegator"])
def test_builtin_cluster_roles(role: str) -> None:
    findings = run(
        "CL7024",
        (
            "b.yaml",
            binding(kind="ClusterRoleBinding", role_kind="ClusterRole", role=role, subject_ns=", namespace: ci"),
        ),
    )
    assert [f.message.split(" binds ")[1].split(",")[0] for f in findings] == ["ServiceAccount 'runner'"]


def test_cluster_role_binding_subjects_need_a_namespace() -> None:
    text = binding(kind="ClusterRoleBinding", role_kind="ClusterRole", role="view")
    assert run("CL7024", ("b.yaml", text)) == []  # no namespace on the subject: the API rejects it, not us
    text = binding(kind="ClusterRoleBinding", role_kind="ClusterRole", role="custom", subject_ns=", namespace: ci")
    findings = run("CL7024", ("b.yaml", text), ("sa.yaml", obj("ServiceAccount", "runner", "ci")))
    assert [f.message for f in findings] == [
        "clusterrolebinding 'b' binds ClusterRole 'custom', which is not in the linted manifests"
    ]


def test_role_binding_to_a_cluster_role_and_subject_namespace() -> None:
    text = binding(role_kind="ClusterRole", role="custom", ns=", namespace: app", subject_ns=", namespace: ci")
    cluster_role = obj("ClusterRole", "custom", api="rbac.authorization.k8s.io/v1", body="rules: []\n")
    files = [("b.yaml", text), ("r.yaml", cluster_role)]
    [finding] = run("CL7024", *files)
    assert "ServiceAccount 'runner', which is not in the linted manifests (namespace 'ci')" in finding.message
    assert run("CL7024", *files, ("sa.yaml", obj("ServiceAccount", "runner", "ci"))) == []
