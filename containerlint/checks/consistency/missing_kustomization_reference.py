"""CL7080 missing-kustomization-reference: a kustomization names a resource, component, patch or
generator input that does not exist (or a folder without a kustomization).

Reported by the Kustomize step of the engine (``containerlint.kustomize``), which reads every
kustomization of the run and the kustomizations they build on; the finding is an issue of the
kustomization file, placed on the entry, like the parser's meta findings. The rule has no check
function of its own: kustomizations are not a document kind the rules are run on.
"""

from __future__ import annotations

from containerlint.model import Severity
from containerlint.registry import Rule

RULE = Rule(
    code="CL7080",
    name="missing-kustomization-reference",
    summary="A kustomization names a resource, patch, component or generator file that does not exist",
    severity=Severity.ERROR,
    tags=("correctness", "kubernetes", "kustomize", "cross-file"),
)
