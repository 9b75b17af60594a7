"""Meta rules: findings about the input and about the linter itself rather than about a concept.

Parsers and the engine report these by rule *name* (``SyntaxIssue.rule``); the engine looks the
rule up here, so they can be selected, ignored and re-levelled like any other rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

SYNTAX_ERROR = Rule(
    code="CL0001",
    name="syntax-error",
    summary="The file (or one document or instruction in it) cannot be parsed",
    severity=Severity.ERROR,
    tags=("meta",),
)
UNPARSABLE_SHELL = Rule(
    code="CL0002",
    name="unparsable-shell",
    summary="A shell-form command body cannot be parsed as shell, so shell checks skip it",
    severity=Severity.WARNING,
    tags=("meta",),
)
DUPLICATE_KEY = Rule(
    code="CL0003",
    name="duplicate-key",
    summary="A YAML mapping repeats a key; loaders silently keep only the last value",
    severity=Severity.ERROR,
    tags=("meta",),
    aliases=("yamllint:key-duplicates",),
)
INTERNAL_ERROR = Rule(
    code="CL0004",
    name="internal-error",
    summary="A rule raised an exception on this file; the other rules still ran",
    severity=Severity.ERROR,
    tags=("meta",),
)
UNUSED_SUPPRESSION = Rule(
    code="CL0005",
    name="unused-suppression",
    summary="A suppression comment or annotation suppresses nothing",
    severity=Severity.WARNING,
    tags=("meta", "suppression"),
    options={"other-tools": False},
)
UNKNOWN_RULE_REFERENCE = Rule(
    code="CL0006",
    name="unknown-rule-reference",
    summary="A suppression names a rule that does not exist",
    severity=Severity.WARNING,
    tags=("meta", "suppression"),
    options={"other-tools": False},
)
SKIPPED_FILE = Rule(
    code="CL0007",
    name="skipped-file",
    summary="A file was recognised but not linted (Helm template, kustomization)",
    severity=Severity.INFO,
    tags=("meta",),
)
UNREADABLE_FILE = Rule(
    code="CL0008",
    name="unreadable-file",
    summary="A file cannot be read as text (binary, invalid UTF-8, too large, no permission)",
    severity=Severity.ERROR,
    tags=("meta",),
)
INLINE_IGNORE_PRAGMA = Rule(
    code="CL0009",
    name="inline-ignore-pragma",
    summary="An inline ignore comment hides a finding where the project's config cannot see it",
    severity=Severity.INFO,
    tags=("meta", "suppression"),
    aliases=("hadolint:DL1001",),
    default_enabled=False,  # hadolint's DL1001 has severity "ignore": off unless asked for
)


@INLINE_IGNORE_PRAGMA.check(FileKind.DOCKERFILE)
def _inline_ignore_pragmas(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    from containerlint.suppress import instruction_ignore_comments

    comments = {(c.line, c.column, c.text): c for c in dockerfile.comments}
    for key, source in instruction_ignore_comments(list(comments)):
        comment = comments[key]
        yield Problem(
            comment.span,
            f"inline {source} ignore comment '{comment.text.strip()}': please refrain from inline ignore pragmas",
            hint="fix the finding, or record the exception in the config (ignore, per-file-ignores)",
        )


UNKNOWN_SYNTAX = Rule(
    code="CL0010",
    name="unknown-syntax",
    summary="An instruction or flag newer than containerlint knows; it is not checked",
    severity=Severity.INFO,
    tags=("meta",),
)


META_RULES = (
    SYNTAX_ERROR,
    UNPARSABLE_SHELL,
    DUPLICATE_KEY,
    INTERNAL_ERROR,
    UNUSED_SUPPRESSION,
    UNKNOWN_RULE_REFERENCE,
    SKIPPED_FILE,
    UNREADABLE_FILE,
    INLINE_IGNORE_PRAGMA,
    UNKNOWN_SYNTAX,
)

# Findings of these rules cannot be silenced by inline comments: a broken file must not hide itself.
NOT_INLINE_SUPPRESSIBLE = frozenset(
    r.name for r in (SYNTAX_ERROR, INTERNAL_ERROR, UNUSED_SUPPRESSION, UNKNOWN_RULE_REFERENCE, UNREADABLE_FILE)
)
