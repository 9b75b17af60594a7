"""CL7081 kustomize-build-failed: ``kubectl kustomize`` / ``kustomize build`` failed on a kustomization.

Reported by the Kustomize step of the engine (``containerlint.kustomize``) with kustomize's own
message, on the kustomization entry the message names (else line 1). Not reported when a
``missing-kustomization-reference`` finding already explains the failure. The rule has no check
function of its own: kustomizations are not a document kind the rules are run on.
"""

from __future__ import annotations

from containerlint.model import Severity
from containerlint.registry import Rule

RULE = Rule(
    code="CL7081",
    name="kustomize-build-failed",
    summary="Kustomize cannot build a kustomization; its objects are linted unrendered",
    severity=Severity.ERROR,
    tags=("correctness", "kubernetes", "kustomize"),
)
