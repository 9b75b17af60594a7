"""CL2060 run-as-root-uid: explicit runAsUser 0, pod once and containers each; hostUsers: false."""

from __future__ import annotations

from containerlint.config import KubernetesSettings, Settings
from containerlint.model import FileKind
from tests.helpers import builtin_ruleset
from tests.security._process import at, located, pod, run

CODE = "CL2060"


def test_pod_and_containers() -> None:
    text = pod("""
        securityContext: {runAsUser: 0}
        containers:
          - name: a
            image: acme/a:1.0
          - name: b
            image: acme/b:1.0
            securityContext: {runAsUser: 0, runAsNonRoot: true}
          - name: c
            image: acme/c:1.0
            securityContext: {runAsUser: 1000}
    """)
    assert located(run(text, FileKind.KUBERNETES, CODE)) == [
        (*at(text, "0}"), "deployment 'app' sets runAsUser: 0 for its pod"),
        (*at(text, "0,"), "deployment 'app' container 'b' sets runAsUser: 0"),
    ]


def test_user_namespace_pods_are_exempt_from_1_35() -> None:
    from containerlint.checks.privilege.run_as_root_uid import check_kubernetes
    from containerlint.registry import Context
    from containerlint.syntax.kubernetes import KubernetesFile
    from containerlint.syntax.yamltree import parse_yaml

    text = pod("hostUsers: false\nsecurityContext: {runAsUser: 0}\ncontainers: [{name: a, image: 'a:1'}]\n")
    assert run(text, FileKind.KUBERNETES, CODE) == []
    manifests = KubernetesFile(parse_yaml(text))
    old = Context(options={}, settings=Settings(kubernetes=KubernetesSettings(version="1.34")))
    assert len(list(check_kubernetes(manifests, old))) == 1
    assert builtin_ruleset().get(CODE).default_enabled is False  # type: ignore[union-attr]
