"""CL5034 read-secret-from-env-var: a container reads a Secret into environment variables
(``env[].valueFrom.secretKeyRef``, or ``envFrom[].secretRef``). Environment variables leak into
logs, crash reports and child processes; a Secret mounted as a file does not.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.kubernetes import KubernetesFile
from containerlint.syntax.yamlnodes import Mapping, Sequence

RULE = Rule(
    code="CL5034",
    name="read-secret-from-env-var",
    summary="A container reads a Secret into environment variables instead of a mounted file",
    severity=Severity.INFO,
    aliases=("kube-linter:read-secret-from-env-var", "checkov:CKV_K8S_35"),
    tags=("security", "kubernetes"),
    default_enabled=False,
)

HINT = "mount the Secret as a volume and read the file; if the program only reads the environment, accept it here"


@RULE.check(FileKind.KUBERNETES)
def check(manifest: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifest.objects:
        for container in obj.containers:
            for variable in container.env:
                pair = variable.value_from.pair("secretKeyRef") if variable.value_from is not None else None
                if pair is None or not isinstance(pair.value, Mapping):
                    continue
                secret = pair.value.get_str("name") or "?"
                key = pair.value.get_str("key") or "?"
                yield Problem(
                    pair.key.span,
                    f"{container.label(obj)} reads key '{key}' of Secret '{secret}' into the environment "
                    f"variable {variable.name or '?'}",
                    hint=HINT,
                )
            env_from = container.node.get("envFrom")
            for item in env_from.items if isinstance(env_from, Sequence) else []:
                if not isinstance(item, Mapping):
                    continue
                pair = item.pair("secretRef")
                if pair is None or not isinstance(pair.value, Mapping):
                    continue
                yield Problem(
                    pair.key.span,
                    f"{container.label(obj)} reads every key of Secret '{pair.value.get_str('name') or '?'}' "
                    "into environment variables (envFrom)",
                    hint=HINT,
                    aliases=("checkov:CKV_K8S_35",),  # kube-linter looks at env[].valueFrom only
                )
