"""CL2051 dangerous-capability: capabilities added beyond the PSS baseline set, in Kubernetes
(exact names, as admission compares) and Compose (Docker's spelling rules), on the merged project."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.security._process import at, located, pod, run, run_files, where

CODE = "CL2051"


def test_kubernetes_one_finding_per_entry_with_exact_names() -> None:
    text = pod("""
        containers:
          - name: app
            image: acme/app:1.0
            securityContext:
              capabilities:
                add: [SYS_ADMIN, CHOWN, CAP_CHOWN, net_bind_service, ALL, NET_BIND_SERVICE]
    """)
    assert located(run(text, FileKind.KUBERNETES, CODE)) == [
        (
            *at(text, "SYS_ADMIN"),
            "deployment 'app' container 'app' adds capability 'SYS_ADMIN', outside the allowed set",
        ),
        (
            *at(text, "CAP_CHOWN"),
            "deployment 'app' container 'app' adds capability 'CAP_CHOWN': Kubernetes expects the exact name "
            "'CHOWN' (Pod Security admission rejects this spelling)",
        ),
        (
            *at(text, "net_bind_service"),
            "deployment 'app' container 'app' adds capability 'net_bind_service': Kubernetes expects the exact "
            "name 'NET_BIND_SERVICE' (Pod Security admission rejects this spelling)",
        ),
        (
            *at(text, "ALL,"),
            "deployment 'app' container 'app' adds capability 'ALL', every capability, which is close to a "
            "privileged container",
        ),
    ]


def test_kubernetes_every_container_group_and_net_raw() -> None:
    text = pod("""
        initContainers:
          - name: init
            image: acme/init:1.0
            securityContext:
              capabilities: {add: [NET_RAW]}
        containers:
          - name: app
            image: acme/app:1.0
            securityContext:
              capabilities: {add: [KILL, SETUID]}
    """)
    findings = run(text, FileKind.KUBERNETES, CODE)
    assert where(findings) == [at(text, "NET_RAW")]
    assert findings[0].message.startswith("deployment 'app' init container 'init' adds capability 'NET_RAW'")


def test_allowed_option_replaces_the_set() -> None:
    text = pod("""
        containers:
          - name: app
            image: acme/app:1.0
            securityContext:
              capabilities: {add: [cap_sys_time, CHOWN]}
    """)
    findings = run(text, FileKind.KUBERNETES, CODE, options={"allowed": ["CAP_SYS_TIME"]})
    # The option's names are normalised; the manifest's spelling still has to be exact.
    assert where(findings) == [at(text, "cap_sys_time"), at(text, "CHOWN")]
    assert "expects the exact name 'SYS_TIME'" in findings[0].message


def test_kubernetes_wrong_shapes_are_ignored() -> None:
    text = pod("""
        containers:
          - name: app
            image: acme/app:1.0
            securityContext:
              capabilities: {add: SYS_ADMIN}
          - name: other
            image: acme/app:1.0
            securityContext:
              capabilities: {add: [{name: SYS_ADMIN}, null]}
    """)
    assert run(text, FileKind.KUBERNETES, CODE) == []


def test_compose_names_are_normalised_like_docker() -> None:
    text = """\
services:
  vpn:
    image: acme/vpn:1.0
    cap_add:
      - NET_ADMIN
      - cap_chown
      - CAP_SYS_PTRACE
      - setuid
  ok:
    image: acme/ok:1.0
    cap_add: [CAP_NET_BIND_SERVICE, kill]
    cap_drop: [ALL]
"""
    assert located(run(text, FileKind.COMPOSE, CODE)) == [
        (5, 9, "service 'vpn' adds capability 'NET_ADMIN', outside the allowed set"),
        (7, 9, "service 'vpn' adds capability 'CAP_SYS_PTRACE', outside the allowed set"),
    ]


def test_compose_anchor_is_reported_once_where_written() -> None:
    text = """\
x-caps: &caps [SYS_ADMIN]
services:
  a:
    image: acme/a:1.0
    cap_add: *caps
  b:
    image: acme/b:1.0
    cap_add: *caps
"""
    findings = run(text, FileKind.COMPOSE, CODE)
    assert {(f.span.start.line, f.span.start.column) for f in findings} == {(1, 16)}
    assert sorted(f.message.split(" adds")[0] for f in findings) == ["service 'a'", "service 'b'"]


def test_compose_variables_are_resolved_or_skipped() -> None:
    text = """\
services:
  a:
    image: acme/a:1.0
    cap_add: ["${EXTRA_CAP:-SYS_ADMIN}", "${UNSET_CAP}"]
"""
    findings = run(text, FileKind.COMPOSE, CODE)
    assert located(findings) == [(4, 15, "service 'a' adds capability 'SYS_ADMIN', outside the allowed set")]


def test_compose_override_file_finding_lands_in_the_override() -> None:
    findings = run_files(
        [
            ("compose.yaml", "services:\n  app:\n    image: acme/app:1.0\n", FileKind.COMPOSE),
            ("compose.override.yaml", "services:\n  app:\n    cap_add: [SYS_ADMIN]\n", FileKind.COMPOSE),
        ],
        CODE,
    )
    assert [(f.path, f.span.start.line, f.span.start.column) for f in findings] == [("compose.override.yaml", 3, 15)]
