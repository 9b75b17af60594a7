"""CL2056 unsafe-selinux-options: types outside the PSS set (version-aware), user/role, Compose
label options."""

from __future__ import annotations

import pytest

from containerlint.config import KubernetesSettings, Settings
from containerlint.model import FileKind
from tests.security._process import at, located, pod, run

CODE = "CL2056"


def test_pod_and_container_options() -> None:
    text = pod("""
        securityContext:
          seLinuxOptions: {type: spc_t, level: "s0:c1,c2"}
        containers:
          - name: a
            image: acme/a:1.0
            securityContext:
              seLinuxOptions:
                type: container_init_t
                user: system_u
                role: ""
          - name: b
            image: acme/b:1.0
            securityContext:
              seLinuxOptions: {role: system_r, type: container_engine_t}
    """)
    allowed = "container_t, container_init_t, container_kvm_t, container_engine_t"
    assert located(run(text, FileKind.KUBERNETES, CODE)) == [
        (
            *at(text, "spc_t"),
            f"deployment 'app' (pod securityContext) sets SELinux type 'spc_t', outside the allowed {allowed}",
        ),
        (*at(text, "user:"), "deployment 'app' container 'a' sets a custom SELinux user 'system_u'"),
        (*at(text, "role: system_r"), "deployment 'app' container 'b' sets a custom SELinux role 'system_r'"),
    ]


def _kubernetes_version(version: str | None) -> object:
    return Settings(kubernetes=KubernetesSettings(version=version))


@pytest.mark.parametrize(("version", "flagged"), [("1.30", True), ("v1.31", False), (None, False)])
def test_container_engine_t_is_allowed_from_1_31(version: str | None, flagged: bool) -> None:
    from containerlint.checks.privilege import unsafe_selinux_options as module
    from containerlint.registry import Context

    allowed = module.allowed_types(Context(options={}, settings=_kubernetes_version(version)))
    assert ("container_engine_t" not in allowed) is flagged


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("label:disable", "service 'app' disables SELinux labeling ('label:disable')"),
        ("label=disable", "service 'app' disables SELinux labeling ('label=disable')"),
        (
            "label=type:spc_t",
            "service 'app' sets SELinux type 'spc_t', outside the allowed container_t, container_init_t, "
            "container_kvm_t, container_engine_t",
        ),
        ("label:user:USER", "service 'app' sets a custom SELinux user 'USER'"),
        ("label:role:ROLE", "service 'app' sets a custom SELinux role 'ROLE'"),
    ],
)
def test_compose_flagged(entry: str, message: str) -> None:
    text = f"services:\n  app:\n    image: acme/app:1.0\n    security_opt:\n      - {entry}\n"
    assert located(run(text, FileKind.COMPOSE, CODE)) == [(5, 9, message)]


def test_compose_clean() -> None:
    text = """\
services:
  app:
    image: acme/app:1.0
    security_opt: ["label=level:s0:c100,c200", "label:type:container_t", "seccomp=unconfined", "label"]
"""
    assert run(text, FileKind.COMPOSE, CODE) == []
