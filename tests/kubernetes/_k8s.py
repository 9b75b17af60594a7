"""Helpers shared by the Kubernetes cross-object rule tests."""

from __future__ import annotations

import textwrap

from containerlint.model import FileKind, Finding
from tests.helpers import lint_texts

K8S = FileKind.KUBERNETES
BROKEN = ("CL0001", "CL0004", "CL0008")


def run(code: str, *files: tuple[str, str], options: dict[str, object] | None = None) -> list[Finding]:
    """Lint manifests as one project with only ``code`` selected; returns its active findings."""
    findings = lint_texts(
        [(path, textwrap.dedent(text), K8S) for path, text in files],
        select=[code, *BROKEN],
        rule_options={code: options} if options else None,
    )
    broken = [f for f in findings if f.code in BROKEN]
    assert not broken, broken
    return [f for f in findings if f.code == code and not f.suppressed]


def at(finding: Finding) -> tuple[str, int, int]:
    return finding.path, finding.span.start.line, finding.span.start.column


def where(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based line and column of the ``occurrence``-th ``needle`` in the dedented text."""
    text = textwrap.dedent(text)
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def stream(*documents: str) -> str:
    return "---\n".join(textwrap.dedent(d) for d in documents)


def deployment(
    name: str = "web",
    labels: str = "{app: web}",
    namespace: str | None = None,
    replicas: int | None = None,
    pod_spec: str = "containers: [{name: app, image: 'acme/web:1.0'}]",
    kind: str = "Deployment",
    api: str = "apps/v1",
) -> str:
    ns = f"\n  namespace: {namespace}" if namespace else ""
    count = f"  replicas: {replicas}\n" if replicas is not None else ""
    spec = textwrap.indent(textwrap.dedent(pod_spec), "      ")
    return (
        f"apiVersion: {api}\nkind: {kind}\nmetadata:\n  name: {name}{ns}\nspec:\n{count}"
        f"  selector:\n    matchLabels: {labels}\n"
        f"  template:\n    metadata:\n      labels: {labels}\n    spec:\n{spec}\n"
    )


def obj(kind: str, name: str, namespace: str | None = None, body: str = "", api: str = "v1") -> str:
    ns = f"\n  namespace: {namespace}" if namespace else ""
    return f"apiVersion: {api}\nkind: {kind}\nmetadata:\n  name: {name}{ns}\n{textwrap.dedent(body)}"


def run_external(code: str, external: tuple[str, ...], *files: tuple[str, str]) -> list[Finding]:
    """Like :func:`run`, with ``[kubernetes] external`` patterns in the settings."""
    from containerlint.config import KubernetesSettings, Settings
    from containerlint.engine import LintOptions, Source, lint_sources
    from tests.helpers import builtin_ruleset

    ruleset = builtin_ruleset()
    settings = Settings(kubernetes=KubernetesSettings(external=external))
    options = LintOptions(rules=ruleset.select([code]), ruleset=ruleset, settings=settings)
    sources = [Source(path=path, text=textwrap.dedent(text), kind=K8S, explicit=True) for path, text in files]
    return [f for f in lint_sources(sources, options).findings if f.code == code]
