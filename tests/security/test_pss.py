"""The Pod Security Standards groups: ``select = ["pss-baseline"]`` / ``["pss-restricted"]`` run
exactly the rules tagged for them, restricted includes baseline, and manifests that satisfy or
break a profile get the findings the profile implies."""

from __future__ import annotations

import textwrap

from containerlint.model import FileKind
from tests.helpers import builtin_ruleset, lint_text
from tests.security._process import BROKEN, line_of

# This helper's rules (CL2050-CL2069, CL6010-CL6029) by group.
MINE = {f"CL{n}" for n in range(2050, 2070)} | {f"CL{n}" for n in range(6010, 6030)}
MY_BASELINE = {"CL2051", "CL2053", "CL2055", "CL2056", "CL2058", "CL6012"}
MY_RESTRICTED_ONLY = {"CL2052", "CL2054", "CL2059", "CL2060", "CL2062"}
MY_OUTSIDE_PSS = {"CL2050", "CL2057", "CL2061", "CL6010", "CL6011", "CL6013"}


def selected(*selectors: str) -> set[str]:
    return {rule.code for rule in builtin_ruleset().select(list(selectors))}


def tagged(tag: str) -> set[str]:
    return {rule.code for rule in builtin_ruleset() if tag in rule.tags}


def test_groups_select_exactly_their_tagged_rules() -> None:
    assert selected("pss-baseline") == tagged("pss-baseline")
    assert selected("pss-restricted") == tagged("pss-restricted")
    assert tagged("pss-baseline") <= tagged("pss-restricted")  # restricted includes baseline


def test_this_packs_rules_are_in_the_intended_groups() -> None:
    registered = {rule.code for rule in builtin_ruleset()} & MINE
    assert registered == MY_BASELINE | MY_RESTRICTED_ONLY | MY_OUTSIDE_PSS
    assert tagged("pss-baseline") & MINE == MY_BASELINE
    assert tagged("pss-restricted") & MINE == MY_BASELINE | MY_RESTRICTED_ONLY


RESTRICTED_POD = textwrap.dedent("""\
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          securityContext:
            runAsNonRoot: true
            runAsUser: 10001
            runAsGroup: 10001
            seccompProfile: {type: RuntimeDefault}
            sysctls:
              - {name: net.ipv4.ip_unprivileged_port_start, value: "0"}
          initContainers:
            - name: init
              image: acme/init:1.0.0
              securityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities: {drop: [ALL]}
          containers:
            - name: web
              image: acme/web:2.3.1
              ports:
                - containerPort: 8080
              securityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
                appArmorProfile: {type: RuntimeDefault}
                seLinuxOptions: {level: "s0:c1,c2"}
              volumeMounts:
                - {name: tmp, mountPath: /tmp}
          volumes:
            - name: tmp
              emptyDir: {}
            - name: config
              configMap: {name: web}
    """)


def test_a_restricted_pod_passes_both_profiles() -> None:
    for group in ("pss-baseline", "pss-restricted"):
        findings = lint_text(RESTRICTED_POD, FileKind.KUBERNETES, select=[group, *BROKEN])
        assert findings == [], (group, findings)


# A pod that breaks every baseline control of this pack once (and, thereby, restricted ones).
BASELINE_BREAKER = textwrap.dedent("""\
    apiVersion: v1
    kind: Pod
    metadata:
      name: agent
    spec:
      securityContext:
        sysctls:
          - {name: vm.swappiness, value: "10"}
        seLinuxOptions: {type: spc_t}
      containers:
        - name: agent
          image: acme/agent:1.0.0
          ports:
            - {containerPort: 8080, hostPort: 8080}
          securityContext:
            capabilities: {add: [SYS_ADMIN]}
            seccompProfile: {type: Unconfined}
            appArmorProfile: {type: Unconfined}
    """)


def test_baseline_findings_of_this_pack() -> None:
    findings = lint_text(BASELINE_BREAKER, FileKind.KUBERNETES, select=["pss-baseline"])
    mine = sorted((f.span.start.line, f.code) for f in findings if f.code in MINE)
    text = BASELINE_BREAKER
    assert mine == sorted(
        [
            (line_of(text, "vm.swappiness"), "CL2058"),
            (line_of(text, "spc_t"), "CL2056"),
            (line_of(text, "hostPort"), "CL6012"),
            (line_of(text, "SYS_ADMIN"), "CL2051"),
            (line_of(text, "type: Unconfined"), "CL2053"),
            (line_of(text, "type: Unconfined", 1), "CL2055"),
        ]
    )


def test_restricted_adds_its_own_controls() -> None:
    text = textwrap.dedent("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: app
        spec:
          securityContext:
            runAsUser: 0
          containers:
            - name: app
              image: acme/app:1.0.0
          volumes:
            - name: share
              nfs: {server: nas, path: /export}
        """)
    baseline = {f.code for f in lint_text(text, FileKind.KUBERNETES, select=["pss-baseline"]) if f.code in MINE}
    restricted = sorted(
        (f.span.start.line, f.code)
        for f in lint_text(text, FileKind.KUBERNETES, select=["pss-restricted"])
        if f.code in MINE
    )
    assert baseline == set()
    assert restricted == [
        (7, "CL2059"),  # effective runAsUser 0 without runAsNonRoot (at the pod's runAsUser)
        (7, "CL2060"),  # runAsUser: 0 set explicitly
        (9, "CL2052"),  # no drop: [ALL]
        (9, "CL2054"),  # no seccomp profile
        (13, "CL2062"),  # nfs volume
    ]
