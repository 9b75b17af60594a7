"""CL5032 committed-kubernetes-secret: a ``kind: Secret`` manifest with values in ``data`` or
``stringData``. base64 is an encoding, not encryption: the value is in the repository.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator

from containerlint import secrets
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.kubernetes import KubernetesFile
from containerlint.syntax.yamlnodes import Mapping, Scalar

RULE = Rule(
    code="CL5032",
    name="committed-kubernetes-secret",
    summary="A Kubernetes Secret manifest commits its values to the repository",
    severity=Severity.ERROR,
    tags=("security", "secrets", "kubernetes"),
)


@RULE.check(FileKind.KUBERNETES)
def check(manifest: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifest.objects:
        if obj.kind != "Secret" or obj.api_version != "v1":
            continue
        for field in ("data", "stringData"):
            section = obj.node.get(field)
            if not isinstance(section, Mapping):
                continue
            for key, value in section.items():
                if not isinstance(value, Scalar) or value.is_null:
                    continue
                plain = decode(value.value) if field == "data" else value.value
                if not committed(plain) or not committed(value.value):
                    continue
                yield Problem(
                    value.span,
                    f"Secret '{obj.name or '?'}' commits the value of '{key}' in {field} "
                    f"('{secrets.mask(value.value)}'); base64 is not encryption",
                    hint="keep Secret values out of git: create the Secret at deploy time, or commit it "
                    "encrypted (Sealed Secrets, SOPS) or as an ExternalSecret",
                )


def decode(text: str) -> str:
    """The base64 ``data`` value decoded (as text), or the text itself when it is not base64."""
    compact = "".join(text.split())
    try:
        return base64.b64decode(compact, validate=True).decode("utf-8", errors="replace")
    except (binascii.Error, ValueError):
        return text


def committed(value: str) -> bool:
    """A value worth reporting: not empty, not a placeholder or template, not a public certificate."""
    stripped = value.strip()
    if not stripped or secrets.is_placeholder(stripped):
        return False
    return not ("-----BEGIN CERTIFICATE-----" in stripped and "PRIVATE KEY" not in stripped)
