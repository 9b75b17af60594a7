"""CL5033 credential-in-config-map: a ConfigMap ``data`` value that holds a credential: a key named
like a secret with a literal value, a known credential format, or, in a value that is a whole
config file, a ``password = ...`` style line. ConfigMaps are not meant for secrets: anyone who can
read the namespace's configuration reads them, and they are committed in plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from containerlint import secrets
from containerlint.checks.secrets._support import describe
from containerlint.model import FileKind, Position, Problem, Severity, Span
from containerlint.registry import Context, Rule
from containerlint.syntax.kubernetes import KubernetesFile
from containerlint.syntax.yamlnodes import Mapping, Scalar

RULE = Rule(
    code="CL5033",
    name="credential-in-config-map",
    summary="A ConfigMap holds a credential",
    severity=Severity.ERROR,
    tags=("security", "secrets", "kubernetes"),
)

# ``name = value``, ``name: value``, ``name=value`` lines of properties, YAML, INI and env files.
_SETTING = re.compile(
    r"""^\s*(?:export\s+)?["']?(?P<name>[A-Za-z_][\w.\-]*)["']?\s*[:=]\s*(?P<value>.*?)\s*[,;]?\s*$"""
)


@RULE.check(FileKind.KUBERNETES)
def check(manifest: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    lines = manifest.stream.text.splitlines()
    for obj in manifest.objects:
        if obj.kind != "ConfigMap":
            continue
        data = obj.node.get("data")
        if not isinstance(data, Mapping):
            continue
        for key, value in data.items():
            if not isinstance(value, Scalar) or value.is_null:
                continue
            where = f"ConfigMap '{obj.name or '?'}'"
            if "\n" not in value.value.strip():
                verdict = secrets.judge(key, value.value)
                if verdict is not None:
                    yield Problem(
                        value.span,
                        f"{where} sets '{key}' to {describe(verdict.reason)} ('{secrets.mask(value.value)}')",
                        hint="move it to a Secret (and keep that out of git), then reference it from the pod",
                    )
                continue
            yield from _file_value(where, key, value, lines)


def _file_value(where: str, key: str, value: Scalar, lines: list[str]) -> Iterator[Problem]:
    """A multi-line value is a config file: report each secret line (at that line when the value
    is a literal block), or the credential format the whole value contains."""
    reported = False
    for offset, line in enumerate(value.value.split("\n")):
        match = _SETTING.match(line)
        if match is None:
            continue
        name, text = match.group("name"), match.group("value").strip("\"'")
        verdict = secrets.judge(name, text)
        if verdict is None:
            continue
        reported = True
        yield Problem(
            _line_span(value, offset, text, lines),
            f"{where} key '{key}' sets {name} to {describe(verdict.reason)} ('{secrets.mask(text)}')",
            hint="move the credential to a Secret mounted next to the file, or read it from the environment",
        )
    if not reported and (found := secrets.credential_format(value.value)) is not None:
        yield Problem(
            value.span,
            f"{where} key '{key}' contains {describe(found)}",
            hint="move it to a Secret (and keep that out of git), then mount it into the pod",
        )


def _line_span(value: Scalar, offset: int, text: str, lines: list[str]) -> Span:
    """Where ``text`` is on the ``offset``-th line of a literal block scalar; the whole value otherwise."""
    if value.style != "|":
        return value.span
    number = value.span.start.line + 1 + offset
    if not 0 < number <= len(lines) or not text:
        return value.span
    column = lines[number - 1].find(text)
    if column < 0:
        return value.span
    return Span(Position(number, column + 1), Position(number, column + 1 + len(text)))
