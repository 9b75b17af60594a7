"""CL7019 access-to-create-pods, CL7020 access-to-secrets, CL7021 cluster-admin-role-binding,
CL7022 wildcard-in-rules."""

from __future__ import annotations

import pytest

from tests.kubernetes._k8s import at, obj, run, stream, where

RBAC = "rbac.authorization.k8s.io/v1"


def role(rules: str, kind: str = "Role", name: str = "r", namespace: str | None = None, extra: str = "") -> str:
    return obj(kind, name, namespace, f"{extra}rules: {rules}\n", api=RBAC)


def binding(
    role_name: str = "r", role_kind: str = "Role", kind: str = "RoleBinding", namespace: str | None = None
) -> str:
    body = "subjects: [{kind: ServiceAccount, name: sa}]\n"
    body += f"roleRef: {{apiGroup: {RBAC}, kind: {role_kind}, name: {role_name}}}\n"
    return obj(kind, "b", namespace, body, api=RBAC)


# ---------------------------------------------------------------------------------------------
# CL7019 / CL7020


@pytest.mark.parametrize(
    ("rules", "code", "found"),
    [
        ("[{resources: [pods], verbs: [create]}]", "CL7019", True),
        ("[{resources: [deployments], verbs: [get, create]}]", "CL7019", True),
        ("[{resources: [cronjobs], verbs: [create]}]", "CL7019", True),
        ("[{resources: [pods], verbs: ['*']}]", "CL7019", True),
        ("[{resources: ['*'], verbs: [create]}]", "CL7019", True),
        ("[{resources: [pods], verbs: [get, list]}]", "CL7019", False),
        ("[{resources: [pods/exec], verbs: [create]}]", "CL7019", False),
        ("[{resources: [secrets], verbs: [get]}]", "CL7020", True),
        ("[{resources: [secrets], verbs: [watch]}]", "CL7020", True),
        ("[{resources: [secrets], verbs: ['*']}]", "CL7020", True),
        ("[{resources: ['*'], verbs: [list]}]", "CL7020", True),
        ("[{resources: [secrets], verbs: [update, patch]}]", "CL7020", False),
        ("[{resources: [configmaps], verbs: [get]}]", "CL7020", False),
    ],
)
def test_role_rules(rules: str, code: str, found: bool) -> None:
    text = stream(role(rules), binding())
    findings = run(code, ("m.yaml", text))
    assert bool(findings) == found
    if found:
        assert at(findings[0]) == ("m.yaml", *where(text, "name: r}")[:1], where(text, "name: r}")[1] + 6)
        [related] = findings[0].related
        assert related.span.start.line == where(text, "resources")[0]


def test_message_names_binding_role_and_grant() -> None:
    text = stream(role("[{resources: [pods, services], verbs: [get, create]}]"), binding())
    [finding] = run("CL7019", ("m.yaml", text))
    assert finding.message == "rolebinding 'b' binds Role 'r', which grants create access to pods: create on pods"


def test_the_role_is_found_in_the_bindings_namespace_only() -> None:
    rules = "[{resources: [secrets], verbs: [get]}]"
    assert run("CL7020", ("m.yaml", stream(role(rules, namespace="a"), binding(namespace="a"))))
    assert not run("CL7020", ("m.yaml", stream(role(rules, namespace="a"), binding(namespace="b"))))


def test_cluster_role_binding_and_role_binding_to_cluster_role() -> None:
    rules = "[{resources: [secrets], verbs: [list]}]"
    cluster_role = role(rules, kind="ClusterRole")
    assert run("CL7020", ("m.yaml", stream(cluster_role, binding(role_kind="ClusterRole", kind="ClusterRoleBinding"))))
    assert run("CL7020", ("m.yaml", stream(cluster_role, binding(role_kind="ClusterRole", namespace="x"))))
    # a ClusterRoleBinding cannot bind a Role
    assert not run("CL7020", ("m.yaml", stream(role(rules), binding(kind="ClusterRoleBinding"))))


def test_aggregated_cluster_roles() -> None:
    aggregate = role(
        "[]",
        kind="ClusterRole",
        name="agg",
        extra="aggregationRule:\n  clusterRoleSelectors: [{matchLabels: {rbac.example.com/aggregate: 'true'}}]\n",
    )
    part = obj(
        "ClusterRole",
        "part",
        body="metadata:\n  labels: {rbac.example.com/aggregate: 'true'}\n"
        "rules: [{resources: [secrets], verbs: [get]}]\n",
        api=RBAC,
    ).replace("metadata:\n  name: part\nmetadata:\n", "metadata:\n  name: part\n")
    text = stream(aggregate, part, binding("agg", "ClusterRole", "ClusterRoleBinding"))
    [finding] = run("CL7020", ("m.yaml", text))
    assert "(aggregated from ClusterRole 'part')" in finding.message


def test_options_and_missing_roles() -> None:
    text = stream(role("[{resources: [configmaps], verbs: [get]}]"), binding())
    assert run("CL7020", ("m.yaml", text), options={"resources": ["^configmaps$"]})
    assert not run("CL7020", ("m.yaml", binding("gone")))
    [finding] = run("CL7020", ("m.yaml", binding("gone")), options={"flag-roles-not-found": True})
    assert finding.message == "rolebinding 'b' binds Role 'gone', which is not in the linted manifests"
    assert not run("CL7020", ("m.yaml", binding("edit", "ClusterRole")), options={"flag-roles-not-found": True})


# ---------------------------------------------------------------------------------------------
# CL7021 cluster-admin-role-binding


def test_cluster_admin_binding() -> None:
    text = binding("cluster-admin", "ClusterRole", "ClusterRoleBinding")
    [finding] = run("CL7021", ("m.yaml", text))
    assert at(finding) == ("m.yaml", *where(text, "cluster-admin"))
    assert finding.message == (
        "clusterrolebinding 'b' grants cluster-admin to ServiceAccount 'sa': full control of the whole cluster"
    )


@pytest.mark.parametrize(
    "text",
    [
        binding("cluster-admin", "ClusterRole", "RoleBinding"),  # namespaced: kube-linter leaves it alone
        binding("admin", "ClusterRole", "ClusterRoleBinding"),
        binding("cluster-admin", "Role", "ClusterRoleBinding"),
        obj("ClusterRoleBinding", "b", body="roleRef: 3\n", api=RBAC),
    ],
)
def test_not_cluster_admin(text: str) -> None:
    assert run("CL7021", ("m.yaml", text)) == []


# ---------------------------------------------------------------------------------------------
# CL7022 wildcard-in-rules


def test_each_wildcard_is_reported_at_itself() -> None:
    text = role("[{apiGroups: ['*'], resources: ['*'], verbs: [get, '*']}, {resources: [pods], verbs: [list]}]")
    findings = run("CL7022", ("m.yaml", text))
    assert [at(f)[1:] for f in findings] == [where(text, "'*'", 1), where(text, "'*'", 2)]
    assert [f.message for f in findings] == [
        "role 'r' grants the wildcard '*' as a resource",
        "role 'r' grants the wildcard '*' as a verb",
    ]


def test_cluster_roles_and_other_kinds() -> None:
    assert len(run("CL7022", ("m.yaml", role("[{resources: ['*'], verbs: [get]}]", kind="ClusterRole")))) == 1
    assert run("CL7022", ("m.yaml", obj("ConfigMap", "c", body="rules: [{verbs: ['*']}]\n"))) == []
    assert run("CL7022", ("m.yaml", role("3"))) == []
