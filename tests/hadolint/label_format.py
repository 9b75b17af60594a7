"""Shared harness for the label-format rules (hadolint DL3052-DL3058): each checks the labels
that the label schema gives its type, and they share how labels are found and positioned."""

from __future__ import annotations

from dataclasses import dataclass

from containerlint.model import FileKind
from tests.helpers import lint_text


@dataclass(frozen=True)
class LabelFormatRule:
    code: str
    label: str
    type: str  # the label-schema type the rule checks

    def found(self, text: str, schema: dict[str, str] | None = None) -> list[tuple[int, int]]:
        options = {self.code: {"label-schema": {self.label: self.type} if schema is None else schema}}
        findings = lint_text(text, FileKind.DOCKERFILE, select=[self.code], rule_options=options)
        return [(f.span.start.line, f.span.start.column) for f in findings if f.code == self.code]

    def value(self, text: str) -> list[tuple[int, int]]:
        return self.found(f"FROM alpine:3.20\nLABEL {self.label}='{text}'\n")


LABEL_FORMAT_RULES = (
    LabelFormatRule("CL3305", "homepage", "url"),
    LabelFormatRule("CL3306", "created", "rfc3339"),
    LabelFormatRule("CL3307", "license", "spdx"),
    LabelFormatRule("CL3308", "revision", "hash"),
    LabelFormatRule("CL3309", "version", "semver"),
    LabelFormatRule("CL3310", "maintainer", "email"),
)
