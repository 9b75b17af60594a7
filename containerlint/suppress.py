"""Inline suppressions: directives read from comments and annotations, and applying them.

Besides our own ``# containerlint: ignore=...`` the directives other tools understand are read
too, so a project that moves over keeps its suppressions working (their ids resolve through the
rules' aliases, e.g. ``hadolint:DL3007``):

- ours: ``# containerlint: ignore=CL1001,unpinned-image -- why`` covers the next instruction
  (Dockerfile) or the next line with content, or its own line when written after content (YAML);
  ``# containerlint: ignore-file[=CL1001,...]`` covers the file; the annotation
  ``containerlint.io/ignore: "CL1001 -- why"`` covers its object. No selectors means every rule.
- hadolint: ``# hadolint ignore=DL3008,SC2086`` (next instruction), ``# hadolint stage
  ignore=DL3008`` (from the next instruction to the end of its stage), ``# hadolint global
  ignore=DL3003`` (the file). SC codes are ShellCheck's: they become ``shellcheck:SC2086``.
  (``# hadolint shell=powershell`` is no suppression: see :func:`shell_pragmas`.)
- checkov: ``# checkov:skip=CKV_DOCKER_3:why`` covers a whole Dockerfile, or the rest of the YAML
  document; the annotation ``checkov.io/skip1: CKV_K8S_20=why`` covers its object.
- dclint: ``# dclint disable-line [rule ...]`` covers its own line, or the next line when on a
  line of its own; ``# dclint disable-file`` and ``# dclint disable [rule ...]`` cover the file
  when written on its first line.
- kube-linter: the annotations ``ignore-check.kube-linter.io/<check>: why`` and
  ``kube-linter.io/ignore-all: why`` cover their object.
- BuildKit: the parser directive ``# check=skip=JSONArgsRecommended,UndefinedVar`` (or
  ``skip=all``) at the top of a Dockerfile covers the file; the same comment among the comments
  right above an instruction covers that instruction. Check names become ``buildkit:<Name>``,
  ``all`` every rule with a ``buildkit:`` alias or tag. ``# check=error=true`` (top only) makes
  BuildKit fail the build on any check: it raises those findings to ERROR (``effect="error"``).

A selector that is one of several aliases of a rule (``hadolint:DL3006`` of CL1001, which is
also ``hadolint:DL3007``) suppresses only the findings that correspond to it (``Finding.aliases``).

The inputs are plain data (comment positions, instruction and stage line ranges, annotation
values) so that this module does not depend on the parsers.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from containerlint.config import path_matches
from containerlint.model import Finding, Position, Severity, Span, Suppression
from containerlint.registry import RuleSet, UnknownSelector

OURS = "containerlint"

# Rules about the suppressions and the parse itself: an inline directive never hides these.
META_RULES = frozenset({"unused-suppression", "unknown-rule-reference", "syntax-error"})
UNUSED_SUPPRESSION = "unused-suppression"
UNKNOWN_RULE_REFERENCE = "unknown-rule-reference"

Comment = tuple[int, int, str]  # (line, column, text including the "#")
MakeFinding = Callable[[str, Span, str], Finding | None]


@dataclass(frozen=True)
class Directive:
    source: str  # "containerlint", "hadolint", "dclint", "checkov", "kube-linter"
    scope: str  # "lines", "file" or "object"
    selectors: tuple[str, ...]  # as written; other tools' ids namespaced; () means every rule
    first_line: int
    last_line: int
    span: Span  # where the directive itself is written
    reason: str | None
    text: str
    # "suppress", or "error": raise the findings it names to ERROR (BuildKit's check=error=true).
    effect: str = "suppress"
    # Selectors whose rules a namespace wildcard among ``selectors`` ("buildkit:*") leaves out.
    excluded: tuple[str, ...] = ()

    def covers(self, line: int) -> bool:
        return self.scope == "file" or self.first_line <= line <= self.last_line


@dataclass(frozen=True)
class ObjectAnnotations:
    """A Kubernetes object's lines and its annotations: key -> (value, span of the key)."""

    first_line: int
    last_line: int
    annotations: Mapping[str, tuple[str, Span]]


# ---------------------------------------------------------------------------------------------
# Reading comments. A comment first becomes a _Pragma (what it says); the file type then decides
# which lines it covers.


@dataclass(frozen=True)
class _Pragma:
    source: str
    placement: str  # "next", "stage", "file", "resource", "dclint-line", "dclint-file"
    selectors: tuple[str, ...]
    reason: str | None


_OURS = re.compile(r"^\s*#+\s*containerlint\s*:\s*(?P<verb>ignore-file|ignore)(?![\w-])(?P<rest>.*)$", re.I)
_HADOLINT = re.compile(
    r"^\s*#+\s*hadolint\s+(?:(?P<scope>global|stage)\s+)?ignore\s*=\s*"
    r"(?P<codes>[A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*)\s*(?:#\s*(?P<reason>.*))?$",
    re.I,
)
# checkov searches the whole comment for one id, with an optional ":reason" after it.
_CHECKOV = re.compile(r"(?:checkov|bridgecrew):skip=\s*(?P<id>[A-Za-z0-9_]+)(?::(?P<reason>.*))?", re.I)
_DCLINT_LINE = re.compile(r"#\s*dclint\s+disable-line(?![\w-])(?P<rules>.*)$", re.I)
_DCLINT_FILE = re.compile(r"#\s*dclint\s+disable-file(?![\w-])", re.I)
_DCLINT_DISABLE = re.compile(r"#\s*dclint\s+disable(?![\w-])(?P<rules>.*)$", re.I)


def _split_reason(text: str) -> tuple[str, str | None]:
    body, separator, reason = text.partition("--")
    return body, (_clean_reason(reason) if separator else None)


def _clean_reason(reason: str | None) -> str | None:
    if reason is None:
        return None
    reason = reason.strip()
    if len(reason) >= 2 and reason[0] == reason[-1] and reason[0] in "\"'":
        reason = reason[1:-1].strip()
    return reason or None


def _selector_list(text: str) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[\s,]+", text) if part)


def _parse_ours(text: str) -> _Pragma | None:
    match = _OURS.match(text)
    if match is None:
        return None
    body, reason = _split_reason(match.group("rest"))
    body = body.strip().lstrip("=:")
    placement = "file" if match.group("verb").lower() == "ignore-file" else "next"
    return _Pragma(OURS, placement, _selector_list(body), reason)


def _hadolint_selector(code: str) -> str:
    # hadolint passes SC codes on to ShellCheck; they are ShellCheck's ids, not hadolint's.
    code = code.upper()
    return f"shellcheck:{code}" if code.startswith("SC") else f"hadolint:{code}"


def _parse_hadolint(text: str) -> _Pragma | None:
    match = _HADOLINT.match(text)
    if match is None:
        return None
    selectors = tuple(_hadolint_selector(code) for code in _selector_list(match.group("codes")))
    placement = {"global": "file", "stage": "stage"}.get((match.group("scope") or "").lower(), "next")
    return _Pragma("hadolint", placement, selectors, _clean_reason(match.group("reason")))


def _parse_checkov(text: str) -> _Pragma | None:
    match = _CHECKOV.search(text)
    if match is None:
        return None
    selector = f"checkov:{match.group('id')}"
    return _Pragma("checkov", "resource", (selector,), _clean_reason(match.group("reason")))


def _dclint_pragma(placement: str, rules: str) -> _Pragma:
    # dclint has no reason syntax; "-- why" is accepted anyway rather than read as rule names.
    body, reason = _split_reason(rules)
    selectors = tuple(f"dclint:{rule}" for rule in body.split())
    return _Pragma("dclint", placement, selectors, reason)


def _parse_dclint(text: str) -> _Pragma | None:
    line = _DCLINT_LINE.search(text)
    if line is not None:
        return _dclint_pragma("dclint-line", line.group("rules"))
    if _DCLINT_FILE.search(text):
        return _Pragma("dclint", "dclint-file", (), None)
    disable = _DCLINT_DISABLE.search(text)
    if disable is not None:
        return _dclint_pragma("dclint-file", disable.group("rules"))
    return None


_DOCKERFILE_PARSERS = (_parse_ours, _parse_hadolint, _parse_checkov)
_YAML_PARSERS = (_parse_ours, _parse_dclint, _parse_checkov)


def _parse(text: str, parsers: Sequence[Callable[[str], _Pragma | None]]) -> _Pragma | None:
    for parse in parsers:
        pragma = parse(text)
        if pragma is not None:
            return pragma
    return None


def _comment_span(line: int, column: int, text: str) -> Span:
    return Span(Position(line, column), Position(line, column + len(text)))


def _directive(pragma: _Pragma, comment: Comment, scope: str, lines: tuple[int, int]) -> Directive:
    line, column, text = comment
    text = text.rstrip("\r\n")
    return Directive(
        source=pragma.source,
        scope=scope,
        selectors=pragma.selectors,
        first_line=lines[0],
        last_line=lines[1],
        span=_comment_span(line, column, text),
        reason=pragma.reason,
        text=text,
    )


# ---------------------------------------------------------------------------------------------
# Dockerfiles


def dockerfile_directives(
    comments: Sequence[Comment],
    instruction_lines: Sequence[tuple[int, int]],
    stage_lines: Sequence[tuple[int, int]] = (),
) -> list[Directive]:
    """Directives in a Dockerfile's comments.

    A line directive covers the whole of the next instruction (all its continuation lines), so
    comments stacked above one instruction all apply to it. A directive written between the
    continuation lines of an instruction covers that instruction. A stage directive covers the
    next instruction and the rest of the stage it belongs to (``stage_lines``: the first and
    last line of each stage); above a ``FROM`` that is the whole stage.
    """
    instructions = sorted(instruction_lines)
    lasts = [last for _, last in instructions]  # ascending: instructions do not overlap
    directives = []
    for comment in comments:
        pragma = _parse(comment[2], _DOCKERFILE_PARSERS)
        if pragma is None:
            continue
        if pragma.placement == "next":
            target = _instruction_for(comment[0], instructions, lasts)
            directives.append(_directive(pragma, comment, "lines", target))
        elif pragma.placement == "stage":
            first, last = _instruction_for(comment[0], instructions, lasts)
            end = _stage_end(first, stage_lines, max((ins[1] for ins in instructions), default=last))
            directives.append(_directive(pragma, comment, "stage", (first, max(end, last))))
        else:
            # checkov reads every skip comment of a Dockerfile as applying to the whole file.
            directives.append(_directive(pragma, comment, "file", (1, 1)))
    return directives


def _instruction_for(line: int, instructions: Sequence[tuple[int, int]], lasts: Sequence[int]) -> tuple[int, int]:
    """The instruction holding ``line``, else the next one after it (``lasts``: each one's last line)."""
    index = bisect.bisect_left(lasts, line)
    return instructions[index] if index < len(instructions) else (line, line)


def _stage_end(line: int, stage_lines: Sequence[tuple[int, int]], fallback: int) -> int:
    """The last line of the stage holding ``line``; ``fallback`` when no stage holds it."""
    for first, last in stage_lines:
        if first <= line <= last:
            return last
    return fallback


# hadolint's shell pragma: the name is everything up to the first blank, a "#" comment may follow.
_HADOLINT_SHELL = re.compile(r"^\s*#+\s*hadolint\s+shell\s*=\s*(?P<shell>[^\s#]\S*)\s*(?:#.*)?$")


def shell_pragmas(comments: Sequence[Comment]) -> list[tuple[int, str]]:
    """(line, shell) of each ``# hadolint shell=powershell`` comment, in order.

    The pragma tells which shell runs RUN lines when the base image's default shell is not
    ``/bin/sh`` (Windows images). It suppresses nothing itself; the engine applies it.
    """
    found = []
    for line, _, text in comments:
        match = _HADOLINT_SHELL.match(text)
        if match is not None:
            found.append((line, match.group("shell")))
    return sorted(found)


def instruction_ignore_comments(comments: Sequence[Comment]) -> list[tuple[Comment, str]]:
    """(comment, source) of each comment that suppresses rules for the next instruction only:
    ``# hadolint ignore=...`` (not its ``global`` and ``stage`` forms, as hadolint's DL1001)
    and our ``# containerlint: ignore=...`` (not ``ignore-file``)."""
    found = []
    for comment in comments:
        pragma = _parse(comment[2], (_parse_ours, _parse_hadolint))
        if pragma is not None and pragma.placement == "next":
            found.append((comment, pragma.source))
    return found


# ---------------------------------------------------------------------------------------------
# BuildKit's ``# check=`` directive (Dockerfiles). Read as BuildKit's frontend reads it: the
# value ends at the first space; up to three ";"-separated options; keys are case-sensitive;
# an option BuildKit rejects voids the whole directive (BuildKit fails the build instead).

BUILDKIT = "buildkit"
BUILDKIT_ALL = "buildkit:*"
# Checks BuildKit runs once over the whole file with the file's own settings: a check comment
# above an instruction does not reach them, only the directive at the top does.
BUILDKIT_FILE_WIDE_CHECKS = (
    "ConsistentInstructionCasing",
    "DuplicateStageName",
    "InvalidBaseImagePlatform",
    "InvalidDefaultArgInFrom",
    "NoEmptyContinuation",
    "ReservedStageName",
)
_DIRECTIVE_SYNTAX = re.compile(r"([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$")
_TRUE = frozenset({"1", "t", "T", "TRUE", "true", "True"})
_FALSE = frozenset({"0", "f", "F", "FALSE", "false", "False"})


@dataclass(frozen=True)
class BuildkitCheck:
    """What one ``check=`` value says: the checks to skip (() and ``skip_all``) and ``error``."""

    skip: tuple[str, ...]
    skip_all: bool
    error: bool
    reason: str | None  # what follows the value after a space: "// allow secret in arg"


def parse_check_value(value: str) -> BuildkitCheck | None:
    """The options of a ``check=`` value, or None when BuildKit would reject them."""
    head, _, tail = value.strip().partition(" ")
    skip: tuple[str, ...] = ()
    skip_all = error = False
    for part in head.strip().split(";", 2) if head.strip() else ():
        key, equals, option = part.partition("=")
        key, option = key.strip(), option.strip()
        if not equals:
            return None
        if key == "skip" and option == "all":
            skip_all = True
        elif key == "skip":
            skip = tuple(name.strip() for name in option.split(",") if name.strip())
        elif key == "error":
            if option not in _TRUE | _FALSE:
                return None
            error = option in _TRUE
        elif key != "experimental":  # experimental checks: none of ours is one
            return None
    reason = _clean_reason(tail.strip().lstrip("/#-").strip() or None)
    return BuildkitCheck(skip, skip_all, error, reason)


def _check_value(text: str) -> str | None:
    """The value of a comment that is a ``check=`` directive, else None."""
    match = _DIRECTIVE_SYNTAX.match(text[1:].strip()) if text.startswith("#") else None
    if match is None or match.group(1).lower() != "check":
        return None
    return match.group(2)


def buildkit_directives(
    comments: Sequence[Comment],
    instruction_lines: Sequence[tuple[int, int]],
    directive_lines: Collection[int] = (),
) -> list[Directive]:
    """BuildKit's check settings in a Dockerfile's comments.

    ``directive_lines`` are the lines of the parser directives at the top of the file: a check
    directive there covers the file. Any other comment in the first column counts for the next
    instruction, as BuildKit keeps the comments above an instruction (blank lines between do not
    matter; a bare ``#`` line drops the ones before it) and applies the first check comment among
    them to that instruction's checks, except the file-wide ones.
    """
    directives = []
    tops = set(directive_lines)
    for comment in comments:
        value = _check_value(comment[2]) if comment[0] in tops else None
        parsed = parse_check_value(value) if value is not None else None
        if parsed is not None:
            directives.extend(_file_check_directives(parsed, comment))
    above: list[Comment] = []
    remaining = sorted((c for c in comments if c[0] not in tops and c[1] == 1), reverse=True)
    for first, last in sorted(instruction_lines):
        above.clear()
        while remaining and remaining[-1][0] < first:
            above.append(remaining.pop())
        while remaining and remaining[-1][0] <= last:
            remaining.pop()  # between continuation lines: BuildKit does not keep these
        directive = _instruction_check_directive(above, (first, last))
        if directive is not None:
            directives.append(directive)
    return directives


def _file_check_directives(parsed: BuildkitCheck, comment: Comment) -> list[Directive]:
    found = []
    skipped = (BUILDKIT_ALL,) if parsed.skip_all else tuple(f"buildkit:{name}" for name in parsed.skip)
    if skipped:
        found.append(_directive(_Pragma(BUILDKIT, "file", skipped, parsed.reason), comment, "file", (1, 1)))
    if parsed.error:
        raise_all = _directive(_Pragma(BUILDKIT, "file", (BUILDKIT_ALL,), parsed.reason), comment, "file", (1, 1))
        found.append(replace(raise_all, effect="error"))
    return found


def _instruction_check_directive(above: Sequence[Comment], lines: tuple[int, int]) -> Directive | None:
    resets = [index for index, comment in enumerate(above) if comment[2][1:].strip() == ""]
    kept = above[resets[-1] + 1 :] if resets else above
    for comment in kept:
        value = _check_value(comment[2])
        if value is None:
            continue
        parsed = parse_check_value(value)  # only the first check comment counts, even if void
        if parsed is None:
            return None
        file_wide = tuple(f"buildkit:{name}" for name in BUILDKIT_FILE_WIDE_CHECKS)
        if parsed.skip_all:
            pragma = _Pragma(BUILDKIT, "next", (BUILDKIT_ALL,), parsed.reason)
            return replace(_directive(pragma, comment, "lines", lines), excluded=file_wide)
        file_wide_names = {name.lower() for name in BUILDKIT_FILE_WIDE_CHECKS}
        names = tuple(name for name in parsed.skip if name.lower() not in file_wide_names)
        if not names:
            return None
        pragma = _Pragma(BUILDKIT, "next", tuple(f"buildkit:{name}" for name in names), parsed.reason)
        return _directive(pragma, comment, "lines", lines)
    return None


# ---------------------------------------------------------------------------------------------
# YAML (Compose files and Kubernetes manifests)


def yaml_directives(
    comments: Sequence[Comment],
    lines: Sequence[str],
    document_ranges: Sequence[tuple[int, int]] = (),
) -> list[Directive]:
    """Directives in a YAML file's comments.

    Ours on a line of its own covers the next line with content (blank lines, comments and
    document markers are skipped); written after content, it covers that line. dclint's
    ``disable-line`` covers the very next line, as dclint does, and its file-wide forms count only
    on the first line of the file (ignoring blank lines and ``---``), again as in dclint. A checkov
    skip comment covers the rest of its document, approximating checkov's "the resource it is in".
    """
    first_content = _first_applicable_line(lines)
    directives = []
    for comment in comments:
        pragma = _parse(comment[2], _YAML_PARSERS)
        if pragma is None:
            continue
        placed = _place_yaml(pragma, comment, lines, document_ranges, first_content)
        if placed is not None:
            directives.append(_directive(pragma, comment, *placed))
    return directives


def _place_yaml(
    pragma: _Pragma,
    comment: Comment,
    lines: Sequence[str],
    document_ranges: Sequence[tuple[int, int]],
    first_content: int | None,
) -> tuple[str, tuple[int, int]] | None:
    line, column, _ = comment
    own_line = _stands_alone(lines, line, column)
    if pragma.placement == "file":
        return "file", (1, 1)
    if pragma.placement == "dclint-file":
        return ("file", (1, 1)) if line == first_content else None
    if pragma.placement == "resource":
        return "lines", (line, _document_end(line, document_ranges, len(lines)))
    if not own_line:
        return "lines", (line, line)
    if pragma.placement == "dclint-line":
        return "lines", (line + 1, line + 1)
    target = _next_content_line(lines, line)
    return "lines", (target, target)


def _stands_alone(lines: Sequence[str], line: int, column: int) -> bool:
    if not 1 <= line <= len(lines):
        return True
    return lines[line - 1][: max(column - 1, 0)].strip() == ""


def _is_content(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#") and stripped not in ("---", "...")


def _next_content_line(lines: Sequence[str], line: int) -> int:
    for number in range(line + 1, len(lines) + 1):
        if _is_content(lines[number - 1]):
            return number
    return line


def _first_applicable_line(lines: Sequence[str]) -> int | None:
    for number, text in enumerate(lines, start=1):
        if text.strip() not in ("", "---"):
            return number
    return None


def _document_end(line: int, document_ranges: Sequence[tuple[int, int]], total: int) -> int:
    # A comment above a document's first key belongs to that document, so take the first
    # document that ends at or after the comment.
    for _, last in sorted(document_ranges):
        if last >= line:
            return last
    return max(total, line)


# ---------------------------------------------------------------------------------------------
# Kubernetes annotations

_KUBE_LINTER_CHECK = "ignore-check.kube-linter.io/"
_KUBE_LINTER_ALL = "kube-linter.io/ignore-all"
_OUR_ANNOTATION = "containerlint.io/ignore"
_CHECKOV_ANNOTATION = re.compile(r"^(?:checkov|bridgecrew)\.io/skip\d*$", re.I)


def annotation_directives(objects: Sequence[ObjectAnnotations]) -> list[Directive]:
    """Directives in Kubernetes annotations; each covers the lines of the object it is on."""
    directives = []
    for obj in objects:
        for key, (value, span) in obj.annotations.items():
            pragma = _annotation_pragma(key, value)
            if pragma is None:
                continue
            directives.append(
                Directive(
                    source=pragma.source,
                    scope="object",
                    selectors=pragma.selectors,
                    first_line=obj.first_line,
                    last_line=obj.last_line,
                    span=span,
                    reason=pragma.reason,
                    text=f"{key}: {value}",
                )
            )
    return directives


def _annotation_pragma(key: str, value: str) -> _Pragma | None:
    lowered = key.strip().lower()
    value = str(value)
    if lowered == _OUR_ANNOTATION:
        body, reason = _split_reason(value)
        return _Pragma(OURS, "object", _selector_list(body), reason)
    if lowered == _KUBE_LINTER_ALL:
        return _Pragma("kube-linter", "object", (), _clean_reason(value))
    if lowered.startswith(_KUBE_LINTER_CHECK):
        check = key.strip()[len(_KUBE_LINTER_CHECK) :]
        return _Pragma("kube-linter", "object", (f"kube-linter:{check}",), _clean_reason(value))
    if _CHECKOV_ANNOTATION.match(key.strip()):
        check, _, reason = value.partition("=")
        return _Pragma("checkov", "object", (f"checkov:{check.strip()}",), _clean_reason(reason))
    return None


# ---------------------------------------------------------------------------------------------
# Applying directives to findings


@dataclass
class _Resolved:
    """A directive with its selectors looked up, and which of them suppressed something."""

    directive: Directive
    known: list[tuple[str, frozenset[str]]]  # selector -> codes of the rules it names
    unknown: list[tuple[str, str | None]]  # selector -> suggestion
    used: set[str] = field(default_factory=set)

    @property
    def every_rule(self) -> bool:
        return not self.directive.selectors

    @property
    def foreign(self) -> bool:
        return self.directive.source != OURS

    def selectors_for(self, finding: Finding) -> list[str]:
        """The selectors that name this finding's rule ("*" for a directive that names every rule)."""
        if self.every_rule:
            return ["*"]
        return [selector for selector, codes in self.known if names_finding(selector, codes, finding)]


def names_finding(selector: str, codes: Collection[str], finding: Finding) -> bool:
    """Whether a resolved selector (naming the rules ``codes``) applies to this finding.

    An alias (``hadolint:DL3006``) names only the findings that correspond to it when the
    finding says which of its rule's aliases it corresponds to; codes, names, tags and prefixes
    name every finding of their rules.
    """
    if finding.code not in codes:
        return False
    if ":" not in selector or not finding.aliases:
        return True
    selector = selector.strip().lower()
    if selector.endswith(":*"):
        return any(alias.lower().startswith(selector[:-1]) for alias in finding.aliases)
    return selector in {alias.lower() for alias in finding.aliases}


def _resolve(directive: Directive, ruleset: RuleSet) -> _Resolved:
    resolved = _Resolved(directive, [], [])
    for selector in directive.selectors:
        if selector.endswith(":*"):
            codes = _namespace_codes(selector[:-1], ruleset) - _excluded_codes(directive.excluded, ruleset)
            resolved.known.append((selector, frozenset(codes)))
            continue
        try:
            rules, _ = ruleset.match(selector)
        except UnknownSelector as exc:
            resolved.unknown.append((selector, exc.suggestion))
        else:
            resolved.known.append((selector, frozenset(rule.code for rule in rules)))
    return resolved


def _namespace_codes(prefix: str, ruleset: RuleSet) -> set[str]:
    """Codes of the rules with an alias (or a tag) in a namespace: ``buildkit:`` -> every rule
    that stands for a BuildKit check."""
    prefix = prefix.lower()
    return {rule.code for rule in ruleset if any(key.lower().startswith(prefix) for key in (*rule.aliases, *rule.tags))}


def _excluded_codes(selectors: Sequence[str], ruleset: RuleSet) -> set[str]:
    codes: set[str] = set()
    for selector in selectors:
        with contextlib.suppress(UnknownSelector):  # a check none of our rules stands for
            codes.update(rule.code for rule in ruleset.match(selector)[0])
    return codes


_SCOPE_ORDER = {"lines": 0, "stage": 1, "object": 1, "file": 2}
_SUPPRESSION_KIND = {"lines": "inline", "stage": "inline", "object": "annotation", "file": "file"}


def apply_suppressions(
    findings: list[Finding],
    directives: list[Directive],
    ruleset: RuleSet,
    path: str,
    *,
    inline_ignores: bool = True,
    per_file_ignores: Mapping[str, Sequence[str]] | None = None,
    match_path: str | None = None,
    make_finding: MakeFinding,
    report_foreign: bool | Mapping[str, bool] = False,
    enabled_codes: Collection[str] | None = None,
    never_inline: Collection[str] = META_RULES,
) -> list[Finding]:
    """The findings of one file with ``suppression`` set, followed by meta findings.

    An inline directive suppresses a finding when it covers the finding's first line and one
    of its selectors names the finding's rule; the narrowest directive is the one recorded.
    ``per_file_ignores`` (glob -> selectors, globs relative to the root like ``path``) apply
    even when ``inline_ignores`` is off. Meta findings: ``unused-suppression`` for a directive,
    or one of its selectors, that suppressed nothing, and ``unknown-rule-reference`` for a
    selector that names no rule; for other tools' directives only with ``report_foreign`` (a
    bool, or meta rule name -> bool). ``enabled_codes``, when given, keeps a selector of rules
    that did not run from being called unused. ``make_finding`` may return None to drop a meta
    finding. Findings of the rules named in ``never_inline`` are immune to inline directives.
    Directives with ``effect="error"`` suppress nothing: the findings they name become ERRORs.
    """
    raising = [_resolve(directive, ruleset) for directive in directives if directive.effect == "error"]
    resolved = [_resolve(directive, ruleset) for directive in directives if directive.effect != "error"]
    # Narrowest first, and our own directives before other tools' at the same scope.
    candidates = _ByLine(sorted(resolved, key=lambda r: (_SCOPE_ORDER.get(r.directive.scope, 3), r.foreign)))
    config_ignores = _config_ignores(match_path or path, per_file_ignores or {}, ruleset)
    results = []
    for finding in findings:
        if any(entry.directive.covers(finding.span.start.line) and entry.selectors_for(finding) for entry in raising):
            finding = replace(finding, severity=Severity.ERROR)
        suppression = None
        if inline_ignores and finding.name not in never_inline:
            suppression = _inline_suppression(finding, candidates, path)
        if suppression is None:
            suppression = _config_suppression(finding, config_ignores, path)
        if suppression is not None and finding.suppression is None:
            finding = replace(finding, suppression=suppression)
        results.append(finding)
    for entry in resolved:
        if _reported(entry, UNKNOWN_RULE_REFERENCE, report_foreign):
            results.extend(_unknown_findings(entry, make_finding))
        if inline_ignores and _reported(entry, UNUSED_SUPPRESSION, report_foreign):
            results.extend(_unused_findings(entry, make_finding, enabled_codes))
    return results


def _reported(entry: _Resolved, rule_name: str, report_foreign: bool | Mapping[str, bool]) -> bool:
    """Whether a meta rule reports on this directive: always for ours, on request for others'."""
    if not entry.foreign:
        return True
    if isinstance(report_foreign, Mapping):
        return bool(report_foreign.get(rule_name, False))
    return report_foreign


class _ByLine:
    """Directives by the lines they cover, in their order of precedence, so a finding looks only at
    the few that can apply (a file with thousands of directives is not quadratic)."""

    WIDE = 64  # a directive covering more lines than this is checked for every finding

    def __init__(self, ordered: Sequence[_Resolved]) -> None:
        self.wide: list[tuple[int, _Resolved]] = []
        self.lines: dict[int, list[tuple[int, _Resolved]]] = {}
        for rank, entry in enumerate(ordered):
            directive = entry.directive
            if directive.scope == "file" or directive.last_line - directive.first_line > self.WIDE:
                self.wide.append((rank, entry))
            else:
                for line in range(directive.first_line, directive.last_line + 1):
                    self.lines.setdefault(line, []).append((rank, entry))

    def covering(self, line: int) -> list[_Resolved]:
        """The directives that cover ``line``, in precedence order."""
        found = [(rank, entry) for rank, entry in self.wide if entry.directive.covers(line)]
        found += self.lines.get(line, ())
        found.sort(key=lambda item: item[0])
        return [entry for _, entry in found]


def _inline_suppression(finding: Finding, candidates: _ByLine, path: str) -> Suppression | None:
    chosen = None
    for entry in candidates.covering(finding.span.start.line):
        selectors = entry.selectors_for(finding)
        if not selectors:
            continue
        # Every directive that applies counts as used, so redundant ones are not reported.
        entry.used.update(selectors)
        chosen = chosen or entry.directive
    if chosen is None:
        return None
    return Suppression(
        kind=_SUPPRESSION_KIND.get(chosen.scope, "inline"),
        source=chosen.source,
        directive=chosen.text,
        reason=chosen.reason,
        path=path,
        span=chosen.span,
    )


def _config_ignores(
    path: str, per_file_ignores: Mapping[str, Sequence[str]], ruleset: RuleSet
) -> list[tuple[str, Sequence[str], list[tuple[str, frozenset[str]]]]]:
    """(glob, selectors, [(selector, codes)]) of the per-file-ignores whose glob matches ``path``."""
    matching = []
    for glob, selectors in per_file_ignores.items():
        if not path_matches(path, glob):
            continue
        resolved = []
        for selector in selectors:
            try:
                rules, _ = ruleset.match(selector)
            except UnknownSelector:
                continue  # config.validate reports these with the config file's name
            resolved.append((selector, frozenset(rule.code for rule in rules)))
        matching.append((glob, selectors, resolved))
    return matching


def _config_suppression(
    finding: Finding,
    config_ignores: Sequence[tuple[str, Sequence[str], list[tuple[str, frozenset[str]]]]],
    path: str,
) -> Suppression | None:
    for glob, selectors, resolved in config_ignores:
        if any(names_finding(selector, codes, finding) for selector, codes in resolved):
            written = ", ".join(f'"{selector}"' for selector in selectors)
            return Suppression(
                kind="config",
                source=OURS,
                directive=f'per-file-ignores "{glob}" = [{written}]',
                path=path,
            )
    return None


def _unknown_findings(entry: _Resolved, make_finding: MakeFinding) -> list[Finding]:
    findings: list[Finding | None] = []
    for selector, suggestion in entry.unknown:
        hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
        if entry.foreign:
            message = f"no rule corresponds to {selector!r} in this {entry.directive.source} directive"
        else:
            message = f"suppression names unknown rule {selector!r}"
        span = _selector_span(entry.directive, selector)
        findings.append(make_finding(UNKNOWN_RULE_REFERENCE, span, message + hint))
    return _drop_none(findings)


def _unused_findings(
    entry: _Resolved, make_finding: MakeFinding, enabled_codes: Collection[str] | None
) -> list[Finding]:
    directive = entry.directive
    if entry.every_rule:
        if entry.used:
            return []
        return _drop_none([make_finding(UNUSED_SUPPRESSION, directive.span, _unused_message(entry))])
    unused = [
        selector for selector, codes in entry.known if selector not in entry.used and _could_apply(codes, enabled_codes)
    ]
    if not unused:
        return []
    if not entry.used and not entry.unknown and len(unused) == len(entry.known):
        return _drop_none([make_finding(UNUSED_SUPPRESSION, directive.span, _unused_message(entry))])
    return _drop_none(
        [
            make_finding(
                UNUSED_SUPPRESSION,
                _selector_span(directive, selector),
                f"{selector!r} in this suppression suppresses no finding; remove it",
            )
            for selector in unused
        ]
    )


def _could_apply(codes: frozenset[str], enabled_codes: Collection[str] | None) -> bool:
    """Whether a selector's rules ran; suppressions of rules that did not run are left alone."""
    return enabled_codes is None or any(code in enabled_codes for code in codes)


def _unused_message(entry: _Resolved) -> str:
    what = ", ".join(entry.directive.selectors) or "every rule"
    return f"unused suppression ({what}): it suppresses no finding; remove it"


def _drop_none(findings: Sequence[Finding | None]) -> list[Finding]:
    return [finding for finding in findings if finding is not None]


def _selector_span(directive: Directive, selector: str) -> Span:
    """Where a selector is written inside a one-line comment; the whole directive otherwise."""
    span = directive.span
    is_comment = span.start.line == span.end.line and span.end.column - span.start.column == len(directive.text)
    if not is_comment:
        return span
    written = [selector, selector.split(":", 1)[1]] if ":" in selector else [selector]
    for token in written:
        pattern = r"(?<![\w:-])" + re.escape(token) + r"(?![\w-])"
        found = re.search(pattern, directive.text, re.I)
        if found is not None:
            start = span.start.column + found.start()
            return Span(Position(span.start.line, start), Position(span.start.line, start + len(token)))
    return span
