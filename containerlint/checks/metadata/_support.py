"""What the label rules share: the label schema option and the LABEL pairs of a Dockerfile.

The schema maps a label name to the kind of value it must hold, the way hadolint's
``label-schema`` does: ``text`` (anything), ``url``, ``rfc3339``, ``semver``, ``hash``, ``spdx`` or
``email``. Only labels of *this* image count: an ``ONBUILD LABEL`` labels the images built from it,
which have their own schema.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from containerlint.model import Problem, Span

if TYPE_CHECKING:
    from containerlint.registry import Context
    from containerlint.syntax.dockerfile import Dockerfile, KeyValue, Stage

LABEL_TYPES = frozenset({"text", "url", "rfc3339", "semver", "hash", "spdx", "email"})
SCHEMA_OPTION = "label-schema"
SHOWN_VALUE_LENGTH = 60


def label_schema(ctx: Context) -> dict[str, str]:
    """Label name -> type; hadolint reads an empty type as ``text``."""
    schema: Mapping[str, Any] = ctx.options.get(SCHEMA_OPTION) or {}
    return {str(name): str(kind or "text").strip().lower() for name, kind in schema.items()}


def label_pairs(dockerfile: Dockerfile, onbuild: bool = False) -> Iterator[KeyValue]:
    """Every ``key=value`` of the file's LABEL instructions (and ONBUILD LABEL if asked)."""
    for instruction in dockerfile.iter_instructions("LABEL", onbuild=onbuild):
        yield from instruction.key_values


def value_span(pair: KeyValue) -> Span:
    """The value of a pair, or its key when the value is empty (an empty span shows nothing)."""
    span = pair.value_span
    if span is None or span.start == span.end:
        return pair.key_span
    return span


def shown(value: str) -> str:
    if len(value) <= SHOWN_VALUE_LENGTH:
        return value
    return value[: SHOWN_VALUE_LENGTH - 3] + "..."


def check_label_format(
    dockerfile: Dockerfile,
    ctx: Context,
    label_type: str,
    is_valid: Callable[[str], bool],
    expected: str,
    hint: str,
) -> Iterator[Problem]:
    """One problem per LABEL value of a schema label of ``label_type`` that ``is_valid`` rejects."""
    names = {name for name, kind in label_schema(ctx).items() if kind == label_type}
    if not names:
        return
    for pair in label_pairs(dockerfile):
        value = pair.value or ""
        if pair.key in names and not is_valid(value):
            message = f"label '{pair.key}' must be {expected}, not '{shown(value)}'"
            yield Problem(value_span(pair), message, hint=hint)


def describe_stage(stage: Stage) -> str:
    if stage.name:
        return f"stage '{stage.name}'"
    return f"the stage FROM {stage.image}" if stage.image else f"stage {stage.index + 1}"
