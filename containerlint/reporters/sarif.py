"""SARIF 2.1.0 output, shaped for GitHub code scanning.

One run. ``tool.driver.rules`` lists every rule that ran (plus a minimal entry for any code that
reached a finding without one), so that GitHub can show rule help even for rules without results.

Locations: relative paths become relative URIs against ``%SRCROOT%``, which
``run.originalUriBaseIds`` defines as the working directory; absolute paths become ``file:`` URIs.
Regions copy our positions unchanged: our ends are exclusive, like SARIF's ``endColumn``, and our
columns count code points (``columnKind: unicodeCodePoints``).

Fingerprints: ``partialFingerprints.primaryLocationLineHash`` (the only key GitHub reads) is
``<hash>:<n>``. ``<hash>`` is the first 16 hex digits of SHA-256 over the rule code, the path
(POSIX form, relative to the working directory when inside it) and the text of the flagged line
with whitespace runs collapsed and ends stripped; ``<n>`` counts the findings with that same
(code, path, text), in report order, from 1. Adding or removing lines elsewhere, or re-indenting,
keeps the fingerprint; editing the flagged line changes it. The line comes from
``ReportContext.sources``; for a file missing there the finding's message stands in for it, which
is stable too but tells apart fewer findings, so callers should pass the sources.

Suppressed findings are left out unless ``show_suppressed`` is set; then they carry
``suppressions`` (``inSource``, or ``external`` for ones from the config file).

GitHub's limits (docs: "SARIF support for code scanning") are kept: at most 25,000 results per run
(the most severe are kept and a notification says how many were dropped), at most 10 tags per rule
(GitHub shows no more), rule names of at most 255 characters and descriptions of at most 1,024;
result messages are cut at 1,024 characters too, to keep large runs under the 10 MB upload limit.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any, TextIO, TypedDict
from urllib.parse import quote

from containerlint.model import Edit, Finding, LintResult, Related, Severity, Span
from containerlint.registry import Rule
from containerlint.reporters.base import ReportContext, SecretSpans, redact, secret_spans

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "containerlint"
INFORMATION_URI = "https://github.com/containerlint/containerlint"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "primaryLocationLineHash"

MAX_RESULTS = 25_000
MAX_TAGS = 10
MAX_NAME = 255
MAX_TEXT = 1_024

LEVELS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
    Severity.STYLE: "note",
}
# GitHub ranks non-security alerts by this property; it has no level below "recommendation".
PROBLEM_SEVERITY = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "recommendation",
    Severity.STYLE: "recommendation",
}
SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")


# --- the SARIF objects used, as typed dictionaries (names and keys as in the SARIF spec) ---


class Message(TypedDict):
    text: str


class MultiformatMessageString(TypedDict, total=False):
    text: str
    markdown: str


class ReportingConfiguration(TypedDict):
    level: str


class ReportingDescriptor(TypedDict, total=False):
    id: str
    name: str
    shortDescription: MultiformatMessageString
    fullDescription: MultiformatMessageString
    help: MultiformatMessageString
    helpUri: str
    defaultConfiguration: ReportingConfiguration
    properties: dict[str, Any]


class ToolComponent(TypedDict, total=False):
    name: str
    version: str
    semanticVersion: str
    informationUri: str
    rules: list[ReportingDescriptor]


class Tool(TypedDict):
    driver: ToolComponent


class ArtifactLocation(TypedDict, total=False):
    uri: str
    uriBaseId: str
    description: Message


class Region(TypedDict):
    startLine: int
    startColumn: int
    endLine: int
    endColumn: int


class PhysicalLocation(TypedDict):
    artifactLocation: ArtifactLocation
    region: Region


class Location(TypedDict):
    physicalLocation: PhysicalLocation


class ArtifactContent(TypedDict):
    text: str


class Replacement(TypedDict):
    deletedRegion: Region
    insertedContent: ArtifactContent


class ArtifactChange(TypedDict):
    artifactLocation: ArtifactLocation
    replacements: list[Replacement]


class SarifFix(TypedDict):
    description: Message
    artifactChanges: list[ArtifactChange]


class SarifSuppression(TypedDict, total=False):
    kind: str
    justification: str
    properties: dict[str, Any]


class _RequiredResult(TypedDict):
    ruleId: str
    ruleIndex: int
    level: str
    message: Message
    locations: list[Location]
    partialFingerprints: dict[str, str]


class RelatedLocation(Location):
    id: int
    message: Message


class Result(_RequiredResult, total=False):
    relatedLocations: list[RelatedLocation]
    fixes: list[SarifFix]
    suppressions: list[SarifSuppression]


class Notification(TypedDict):
    level: str
    message: Message


class _RequiredInvocation(TypedDict):
    executionSuccessful: bool


class Invocation(_RequiredInvocation, total=False):
    toolExecutionNotifications: list[Notification]


class Run(TypedDict):
    tool: Tool
    invocations: list[Invocation]
    originalUriBaseIds: dict[str, ArtifactLocation]
    columnKind: str
    results: list[Result]


SarifLog = TypedDict("SarifLog", {"$schema": str, "version": str, "runs": list[Run]})


# --- building the log ---


def render_sarif(result: LintResult, context: ReportContext, out: TextIO) -> None:
    out.write(json.dumps(build_sarif(result, context), indent=2))  # one write: json.dump writes in tiny pieces
    out.write("\n")


def build_sarif(result: LintResult, context: ReportContext) -> SarifLog:
    rules = rule_descriptors(context.rules, result.findings)
    rule_index = {rule["id"]: index for index, rule in enumerate(rules)}
    # Fingerprints are counted over every finding, so showing or truncating results never renumbers.
    root = Path.cwd()
    hashes = line_hashes(result.findings, context.sources, root, secret_spans(result, context.rules))
    shown = [
        (finding, line_hash)
        for finding, line_hash in zip(result.findings, hashes, strict=True)
        if context.show_suppressed or not finding.suppressed
    ]
    kept = most_severe(shown, MAX_RESULTS)
    run: Run = {
        "tool": {"driver": driver(rules, context.tool_version)},
        "invocations": [invocation(dropped=len(shown) - len(kept))],
        "originalUriBaseIds": {SRCROOT: source_root(root)},
        "columnKind": "unicodeCodePoints",
        "results": [sarif_result(f, rule_index[f.code], line_hash, root) for f, line_hash in kept],
    }
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def driver(rules: list[ReportingDescriptor], version: str) -> ToolComponent:
    component: ToolComponent = {"name": TOOL_NAME, "version": version}
    if SEMVER.match(version):
        component["semanticVersion"] = version
    component["informationUri"] = INFORMATION_URI
    component["rules"] = rules
    return component


def rule_descriptors(rules: Sequence[Rule], findings: Sequence[Finding]) -> list[ReportingDescriptor]:
    """Every rule that ran, then a stand-in for any code that reached a finding without a rule."""
    descriptors = [reporting_descriptor(rule) for rule in rules]
    known = {rule.code for rule in rules}
    orphans: dict[str, Finding] = {}
    for finding in findings:
        if finding.code not in known:
            orphans.setdefault(finding.code, finding)
    descriptors += [stand_in_descriptor(finding) for _, finding in sorted(orphans.items())]
    return descriptors


def reporting_descriptor(rule: Rule) -> ReportingDescriptor:
    summary = clip(sentence(rule.summary), MAX_TEXT)
    return {
        "id": rule.code,
        "name": clip(rule.name, MAX_NAME),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {
            "text": f"{summary} Documentation: {rule.docs_url}",
            "markdown": f"{summary}\n\n[{rule.code} {rule.name}]({rule.docs_url})",
        },
        "helpUri": rule.docs_url,
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": list(rule.tags[:MAX_TAGS]),
            "aliases": list(rule.aliases),
            "problem.severity": PROBLEM_SEVERITY[rule.severity],
        },
    }


def stand_in_descriptor(finding: Finding) -> ReportingDescriptor:
    summary = sentence(finding.name.replace("-", " ").capitalize())
    return {
        "id": finding.code,
        "name": clip(finding.name, MAX_NAME),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {"text": summary},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"tags": [], "problem.severity": PROBLEM_SEVERITY[finding.severity]},
    }


def invocation(dropped: int) -> Invocation:
    result: Invocation = {"executionSuccessful": True}
    if dropped:
        text = (
            f"{dropped} less severe results were left out: GitHub code scanning accepts at most "
            f"{MAX_RESULTS:,} results per run."
        )
        result["toolExecutionNotifications"] = [{"level": "warning", "message": {"text": text}}]
    return result


def source_root(root: Path) -> ArtifactLocation:
    uri = root.as_uri()
    return {
        "uri": uri if uri.endswith("/") else uri + "/",
        "description": {"text": "The directory containerlint ran in; result paths are relative to it."},
    }


def sarif_result(finding: Finding, rule_index: int, line_hash: str, root: Path) -> Result:
    result: Result = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message_text(finding)},
        "locations": [location(artifact_location(finding.path, root), finding.span)],
        "partialFingerprints": {FINGERPRINT_KEY: line_hash},
    }
    if finding.related:
        result["relatedLocations"] = [
            related_location(number, related, root) for number, related in enumerate(finding.related, start=1)
        ]
    if finding.fix is not None and finding.fix.edits:
        where = artifact_location(finding.path, root)
        result["fixes"] = [sarif_fix(where, finding.fix.description, finding.fix.edits)]
    if finding.suppression is not None:
        suppression: SarifSuppression = {
            "kind": "external" if finding.suppression.kind == "config" else "inSource",
            "properties": {
                "source": finding.suppression.source,
                "directive": finding.suppression.directive,
            },
        }
        if finding.suppression.reason:
            suppression["justification"] = finding.suppression.reason
        result["suppressions"] = [suppression]
    return result


def message_text(finding: Finding) -> str:
    # GitHub shows the first sentence as the alert title, so the hint goes after the message.
    text = sentence(finding.message)
    if finding.hint:
        text = f"{text} {sentence(finding.hint)}"
    return clip(text, MAX_TEXT)


def related_location(number: int, related: Related, root: Path) -> RelatedLocation:
    where = artifact_location(related.path, root)
    return {
        "physicalLocation": {"artifactLocation": where, "region": region(related.span)},
        "id": number,
        "message": {"text": sentence(related.message)},
    }


def location(artifact: ArtifactLocation, span: Span) -> Location:
    return {"physicalLocation": {"artifactLocation": artifact, "region": region(span)}}


def artifact_location(path: str, root: Path) -> ArtifactLocation:
    """A relative URI against %SRCROOT% where possible: GitHub matches those to repository files."""
    pure = portable_path(path, root)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    # Percent-encoding keeps a ':' in the first segment from reading as a URI scheme.
    return {"uri": quote(pure.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def portable_path(path: str, root: Path) -> PurePath:
    """``path`` relative to ``root`` when it lies inside it, so reports do not name the machine."""
    pure = PurePath(path)
    if pure.is_absolute() and pure.is_relative_to(root):
        return pure.relative_to(root)
    return pure


def region(span: Span) -> Region:
    return {
        "startLine": span.start.line,
        "startColumn": span.start.column,
        "endLine": span.end.line,
        "endColumn": span.end.column,
    }


def sarif_fix(artifact: ArtifactLocation, description: str, edits: Sequence[Edit]) -> SarifFix:
    replacements: list[Replacement] = [
        {"deletedRegion": region(edit.span), "insertedContent": {"text": edit.text}} for edit in edits
    ]
    return {
        "description": {"text": sentence(description)},
        "artifactChanges": [{"artifactLocation": artifact, "replacements": replacements}],
    }


# --- fingerprints and limits ---


def line_hashes(
    findings: Sequence[Finding],
    sources: Mapping[str, str],
    root: Path | None = None,
    secrets: SecretSpans | None = None,
) -> list[str]:
    """A ``primaryLocationLineHash`` for each finding, in order (see the module docstring).

    Secrets on the flagged line are masked before hashing: a short hash of a line holding a weak
    password could be brute-forced from an uploaded report.
    """
    root = Path.cwd() if root is None else root
    seen: Counter[str] = Counter()
    lines_of: dict[str, list[str]] = {}  # split each file once, not once per finding
    hashes = []
    for finding in findings:
        path = portable_path(finding.path, root).as_posix()
        source = sources.get(finding.path)
        if source is not None and finding.path not in lines_of:
            lines_of[finding.path] = source.split("\n")
        line = flagged_line(lines_of.get(finding.path), finding.span.start.line)
        if line is not None:
            line = redact(line, (secrets or {}).get((finding.path, finding.span.start.line), ()))
        digest = line_digest(finding, path, line)
        seen[digest] += 1
        hashes.append(f"{digest}:{seen[digest]}")
    return hashes


def line_digest(finding: Finding, path: str, line: str | None) -> str:
    anchor = "line:" + " ".join(line.split()) if line is not None else "message:" + finding.message
    material = "\0".join((finding.code, path, anchor))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


def flagged_line(lines: list[str] | None, number: int) -> str | None:
    if lines is None or number < 1:
        return None
    return lines[number - 1] if number <= len(lines) else None


def most_severe(items: list[tuple[Finding, str]], limit: int) -> list[tuple[Finding, str]]:
    """At most ``limit`` items, preferring unsuppressed and more severe ones; order is kept."""
    if len(items) <= limit:
        return items

    def rank(index: int) -> tuple[bool, int]:
        finding = items[index][0]
        return finding.suppressed, -finding.severity

    best = sorted(range(len(items)), key=rank)[:limit]
    return [items[i] for i in sorted(best)]


def sentence(text: str) -> str:
    """``text`` ending with a full stop, as SARIF's guidance asks of messages and descriptions."""
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?")) else text + "."


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
