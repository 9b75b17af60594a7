"""The lint pipeline: read → parse → document checks → project checks → suppressions → sorted result.

Each stage is a plain function of its inputs, so an API user or a language server can call
``lint_sources`` directly with in-memory text.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import re
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from containerlint.checks.meta import NOT_INLINE_SUPPRESSIBLE
from containerlint.model import FILE_START, FileKind, Finding, LintResult, Position, Problem, Severity, Span
from containerlint.registry import Context, Rule, RuleSet
from containerlint.syntax import SyntaxIssue, gc_paused

MAX_FILE_BYTES = 20 * 1024 * 1024  # larger files are refused, not parsed (a 20 MB manifest is a mistake)


@dataclass
class Source:
    """One input: where it is shown, its text, and what we know of its kind before parsing."""

    path: str  # display path, POSIX, relative where possible
    text: str | None
    kind: FileKind | None  # None: YAML whose kind is decided by its content
    explicit: bool = False
    skip_reason: str | None = None
    read_issues: list[SyntaxIssue] = field(default_factory=list)
    abspath: Path | None = None


@dataclass
class ParsedFile:
    source: Source
    kind: FileKind | None
    tree: Any  # Dockerfile | ComposeFile | KubernetesFile | None
    issues: list[SyntaxIssue] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.source.path


class DeferredFile:
    """A file whose per-file work runs in a child process (see ``lint_sources``).

    Project checks may still need its tree (a Dockerfile a Compose service builds): it is parsed
    here on first use only, so a run that never asks pays nothing twice."""

    def __init__(self, source: Source, build_args: Mapping[str, str]) -> None:
        self.source = source
        self.kind = source.kind
        self._build_args = build_args
        self._parsed: ParsedFile | None = None

    @property
    def path(self) -> str:
        return self.source.path

    def _parse(self) -> ParsedFile:
        if self._parsed is None:
            self._parsed = _parse_and_freeze(self.source, self._build_args)
        return self._parsed

    @property
    def tree(self) -> Any:
        return self._parse().tree

    @property
    def issues(self) -> list[SyntaxIssue]:
        return self._parse().issues


@dataclass(frozen=True)
class LintOptions:
    """What the engine needs from the settings (the CLI builds it from config and flags)."""

    rules: Sequence[Rule]  # enabled rules
    ruleset: RuleSet  # every known rule, for resolving suppression selectors
    severities: Mapping[str, Severity] = field(default_factory=dict)  # code -> override
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # code -> options
    inline_ignores: bool = True
    per_file_ignores: Mapping[str, Sequence[str]] = field(default_factory=dict)
    settings: Any = None
    # Options that replace these for some files (display path -> options), e.g. the settings a
    # .hadolint.yaml gives the Dockerfiles below it; project checks still run with these.
    file_options: Mapping[str, LintOptions] = field(default_factory=dict)
    # Applied to each finding of a file before suppressions; returning None drops the finding.
    adjust: Callable[[Finding], Finding | None] | None = None
    # ``--build-arg`` values: Dockerfiles resolve their global ARGs (and so FROM) with them.
    build_args: Mapping[str, str] = field(default_factory=dict)
    # Processes to use: with 2 or more, Dockerfiles are parsed and checked in a forked child while
    # this process does the YAML (containerlint.parallel). 1 keeps everything in this process.
    jobs: int = 1
    # Values derived from these options, computed once per run (see _merged_options).
    # init=False: dataclasses.replace gives a derived LintOptions a fresh memo, not this one.
    memo: dict[Any, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def for_path(self, path: str) -> LintOptions:
        return self.file_options.get(path, self)


# ---------------------------------------------------------------------------------------------
# Reading


def read_source(path: Path, display: str, kind: FileKind | None, **extra: Any) -> Source:
    """Read a file as UTF-8 text. Problems become issues on the Source, never exceptions."""
    source = Source(path=display, text=None, kind=kind, abspath=path, **extra)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            source.read_issues.append(_unreadable(f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,} byte limit"))
            return source
        data = path.read_bytes()
    except OSError as error:
        source.read_issues.append(_unreadable(f"cannot read file: {error.strerror or error}"))
        return source
    source.text = decode_text(data, source.read_issues)
    return source


def decode_text(data: bytes, issues: list[SyntaxIssue]) -> str | None:
    if b"\x00" in data[:8192]:
        issues.append(_unreadable("file is binary (contains NUL bytes), not text"))
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        # Columns count characters, not bytes; everything before the first bad byte is valid UTF-8.
        column = len(data[data.rfind(b"\n", 0, error.start) + 1 : error.start].decode("utf-8")) + 1
        issues.append(
            SyntaxIssue(
                "unreadable-file",
                Span.at(line, column),
                f"invalid UTF-8 at byte {error.start} (0x{data[error.start]:02x}); "
                "the rest was read with replacement characters",
            )
        )
        return data.decode("utf-8", errors="replace")


def _unreadable(message: str) -> SyntaxIssue:
    return SyntaxIssue("unreadable-file", FILE_START, message)


# ---------------------------------------------------------------------------------------------
# Parsing


def parse_source(source: Source, build_args: Mapping[str, str] | None = None) -> ParsedFile:
    """Parse one source into the tree its kind calls for. Never raises."""
    parsed = ParsedFile(source, source.kind, None, list(source.read_issues))
    if source.text is None or source.skip_reason:
        if source.skip_reason:
            parsed.issues.append(SyntaxIssue("skipped-file", FILE_START, f"skipped: {source.skip_reason}"))
        return parsed
    try:
        _parse_into(parsed, source.text, build_args or {})
    except Exception as error:
        parsed.tree = None
        parsed.issues.append(
            SyntaxIssue("internal-error", FILE_START, f"the parser failed: {type(error).__name__}: {error}")
        )
    return parsed


def _parse_into(parsed: ParsedFile, text: str, build_args: Mapping[str, str]) -> None:
    if parsed.kind is FileKind.DOCKERFILE:
        from containerlint.syntax.dockerfile import parse_dockerfile

        parsed.tree = parse_dockerfile(text, build_args)
        _apply_shell_pragmas(parsed.tree)  # before .issues, which parses the shell bodies
        parsed.issues.extend(parsed.tree.issues)
        return
    from containerlint.syntax.yamltree import parse_yaml

    stream = parse_yaml(text)
    parsed.issues.extend(stream.issues)
    kind = parsed.kind or classify_yaml(stream)
    parsed.kind = kind
    if kind is FileKind.COMPOSE:
        from containerlint.syntax.compose import ComposeFile

        parsed.tree = ComposeFile(stream)
    elif kind is FileKind.KUBERNETES:
        from containerlint.syntax.kubernetes import KubernetesFile

        parsed.tree = KubernetesFile(stream)
    elif not parsed.source.explicit:
        parsed.issues.clear()  # YAML that is none of ours is ignored quietly, errors included


def _apply_shell_pragmas(dockerfile: Any) -> None:
    """``# hadolint shell=powershell``: the shell the base image runs RUN lines with.

    Like a SHELL instruction it holds for the instructions after it: before the first FROM for
    every stage, inside a stage for the rest of that stage (and for stages built on it), until
    a SHELL instruction says otherwise. A non-POSIX shell there means the bodies are not parsed
    as POSIX shell: no shell findings and no ``unparsable-shell`` for them. (This belongs in the
    Dockerfile parser, next to SHELL; it is done here until it moves there.)
    """
    from containerlint.suppress import shell_pragmas

    pragmas = shell_pragmas([(c.line, c.column, c.text) for c in dockerfile.comments])
    if not pragmas:
        return
    first_from = next((i.line for i in dockerfile.instructions if i.keyword == "FROM"), None)
    before_from = [name for line, name in pragmas if first_from is None or line < first_from]
    default = before_from[-1] if before_from else None
    final: dict[int, str | None] = {}
    previous = 0  # the line of the instruction before, in file order
    for stage in dockerfile.stages:
        shell = final.get(stage.base_stage, default) if stage.base_stage is not None else default
        for instruction in stage.instructions:
            shell = next((name for line, name in reversed(pragmas) if previous < line < instruction.line), shell)
            previous = instruction.line
            if instruction.keyword == "SHELL":
                shell = None  # an explicit SHELL replaces the pragma from here on
            elif shell is not None:
                _run_with(instruction, shell)
        final[stage.index] = shell


def _run_with(instruction: Any, shell: str) -> None:
    for target in (instruction, instruction.inner):
        if target is None:
            continue
        target.shell_command = (shell,)
        for heredoc in target.heredocs:
            if target.keyword == "RUN" and not heredoc.body.startswith("#!"):
                heredoc.interpreter = shell


def classify_yaml(stream: Any) -> FileKind | None:
    from containerlint.syntax.kubernetes import looks_like_compose, looks_like_kubernetes

    if looks_like_kubernetes(stream):
        return FileKind.KUBERNETES
    if looks_like_compose(stream):
        return FileKind.COMPOSE
    if _broken_kubernetes(stream):
        return FileKind.KUBERNETES
    return None


# Top-level keys every Kubernetes object has, looked for in the text of a file that did not parse.
_KUBERNETES_KEY_LINES = (re.compile(r"^apiVersion[ \t]*:", re.MULTILINE), re.compile(r"^kind[ \t]*:", re.MULTILINE))


def _broken_kubernetes(stream: Any) -> bool:
    """A stream with syntax errors whose text has top-level ``apiVersion:`` and ``kind:`` lines is a
    broken manifest (truncated, an alias bomb, nested too deeply), not somebody else's YAML: its
    errors are reported even when it was found by walking a directory."""
    return bool(stream.issues) and all(pattern.search(stream.text) for pattern in _KUBERNETES_KEY_LINES)


# ---------------------------------------------------------------------------------------------
# Checking


class _FindingFactory:
    """Turns problems into findings with the rule's code, name and effective severity."""

    def __init__(self, options: LintOptions) -> None:
        self.options = options

    def severity(self, rule: Rule, problem: Problem | None = None) -> Severity:
        configured = self.options.severities.get(rule.code, rule.severity)
        if problem is not None and problem.severity is not None and configured == rule.severity:
            return problem.severity  # the finding's own level, unless the rule was re-levelled
        return configured

    def make(self, rule: Rule, path: str, problem: Problem) -> Finding:
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=self.severity(rule, problem),
            path=problem.path or path,
            span=problem.span,
            message=problem.message,
            hint=problem.hint,
            fix=problem.fix,
            aliases=problem.aliases,
            related=problem.related,
        )


def _run_check(
    rule: Rule,
    check: Callable[[Any, Context], Iterable[Problem]],
    subject: Any,
    context: Context,
    path: str,
    factory: _FindingFactory,
    scope: str = "this file",
) -> list[Finding]:
    try:
        return [factory.make(rule, path, problem) for problem in check(subject, context)]
    except Exception as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        internal = factory.options.ruleset.get("internal-error")
        if internal is None or internal not in factory.options.rules:
            return []  # ignored by the user: the failing rule's findings are simply missing
        message = (
            f"rule {rule.code} ({rule.name}) failed on {scope}: {type(error).__name__}: {error} "
            f"(at {Path(frame.filename).name}:{frame.lineno})"
        )
        return [factory.make(internal, path, Problem(FILE_START, message))]


def _context(rule: Rule, options: LintOptions, path: str | None) -> Context:
    return Context(options=_merged_options(rule, options), path=path, settings=options.settings)


def _merged_options(rule: Rule, options: LintOptions) -> Mapping[str, Any]:
    """The rule's options with the configured ones on top; read-only, computed once per run."""
    key = ("options", rule.code)
    merged = options.memo.get(key)
    if merged is None:
        merged = options.memo[key] = MappingProxyType({**rule.options, **options.rule_options.get(rule.code, {})})
    return merged


def _document_checks(options: LintOptions, kind: FileKind) -> list[tuple[Rule, Any]]:
    """The enabled rules' checks for one file kind, in rule order (computed once per run)."""
    key = ("checks", kind)
    checks = options.memo.get(key)
    if checks is None:
        checks = options.memo[key] = [(rule, rule.checks[kind]) for rule in options.rules if kind in rule.checks]
    return checks


def check_document(parsed: ParsedFile, options: LintOptions, factory: _FindingFactory) -> list[Finding]:
    findings = _issue_findings(parsed, options, factory)
    if parsed.tree is None or parsed.kind is None:
        return findings
    for rule, check in _document_checks(options, parsed.kind):
        context = _context(rule, options, parsed.path)
        findings.extend(_run_check(rule, check, parsed.tree, context, parsed.path, factory))
    return findings


def _issue_findings(parsed: ParsedFile, options: LintOptions, factory: _FindingFactory) -> list[Finding]:
    if not parsed.issues:
        return []
    enabled = {rule.name for rule in options.rules}
    findings = []
    for issue in parsed.issues:
        rule = options.ruleset.get(issue.rule)
        if rule is not None and rule.name in enabled:
            findings.append(factory.make(rule, parsed.path, Problem(issue.span, issue.message)))
    return findings


def check_project(parsed_files: Sequence[ParsedFile], options: LintOptions, factory: _FindingFactory) -> list[Finding]:
    project_rules = [rule for rule in options.rules if rule.project_checks]
    if not project_rules:
        return []
    from containerlint.project import ProjectIndex

    project = ProjectIndex(parsed_files)
    findings: list[Finding] = []
    for rule in project_rules:
        context = _context(rule, options, None)
        for kinds, check in rule.project_checks:
            # A failing project check is reported on the first file of a kind it checks: a
            # finding needs a file to be shown (and SARIF rejects an empty location).
            path = min((p.path for p in parsed_files if p.kind in kinds), default="")
            path = path or min((p.path for p in parsed_files), default="")
            findings.extend(_run_check(rule, check, project, context, path, factory, "the project (all files)"))
    return _unique(findings)


def _unique(findings: list[Finding]) -> list[Finding]:
    """Each finding once: a file shared by two Compose projects (the base file of
    ``compose.yaml`` + ``compose.prod.yaml`` and of the default project) is checked in both."""
    seen: set[tuple[str, str, Span, str]] = set()
    unique = []
    for finding in findings:
        key = (finding.code, finding.path, finding.span, finding.message)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


# ---------------------------------------------------------------------------------------------
# Suppressions and the whole run


def directives_for(parsed: ParsedFile) -> list[Any]:
    """Suppression directives of one parsed file (suppress.py works on plain data, not trees)."""
    from containerlint import suppress as suppression

    tree = parsed.tree
    if tree is None or parsed.source.text is None:
        return []
    if parsed.kind is FileKind.DOCKERFILE:
        comments = [(c.line, c.column, c.text) for c in tree.comments]
        lines = [(i.span.start.line, i.span.end.line) for i in tree.instructions]
        stages = [
            (stage.instructions[0].span.start.line, stage.instructions[-1].span.end.line)
            for stage in tree.stages
            if stage.instructions
        ]
        return suppression.dockerfile_directives(comments, lines, stages) + _buildkit_directives(tree, comments, lines)
    from containerlint.syntax.yamltree import iter_comments

    stream = tree.stream
    documents = [(d.span.start.line, d.span.end.line) for d in stream.documents]
    text = parsed.source.text
    directives = suppression.yaml_directives(list(iter_comments(text)), text.splitlines(), documents)
    if parsed.kind is FileKind.KUBERNETES:
        directives += suppression.annotation_directives([_annotations(obj) for obj in tree.objects])
    return directives


def _buildkit_directives(tree: Any, comments: list[Any], lines: list[tuple[int, int]]) -> list[Any]:
    """BuildKit's ``# check=`` settings: the parser directive at the top and the comments above
    instructions (the parser tells which comment lines are parser directives)."""
    from containerlint.suppress import buildkit_directives

    return buildkit_directives(comments, lines, [directive.span.start.line for directive in tree.directives])


def _annotations(obj: Any) -> Any:
    from containerlint.suppress import ObjectAnnotations

    annotations = obj.annotations
    values = {key: (value.value, annotations.key_nodes[key].span) for key, value in annotations.items()}
    return ObjectAnnotations(obj.span.start.line, obj.span.end.line, values)


def suppress(
    parsed: Any, path: str, findings: list[Finding], options: LintOptions, directives: list[Any] | None = None
) -> list[Finding]:
    """Apply a file's suppressions; ``directives`` when they were already read (by a worker)."""
    from containerlint import suppress as suppression

    if directives is None:
        directives = directives_for(parsed) if parsed is not None else []
    factory = _FindingFactory(options)
    enabled = {rule.name for rule in options.rules}

    def make_meta(rule_name: str, span: Span, message: str) -> Finding | None:
        rule = options.ruleset.get(rule_name)
        if rule is None or rule.name not in enabled:
            return None
        return factory.make(rule, path, Problem(span, message))

    report_foreign = {
        name: bool(options.rule_options.get(options.ruleset.get(name).code, {}).get("other-tools", False))  # type: ignore[union-attr]
        for name in ("unused-suppression", "unknown-rule-reference")
    }
    return suppression.apply_suppressions(
        findings,
        directives,
        options.ruleset,
        path,
        inline_ignores=options.inline_ignores,
        per_file_ignores=options.per_file_ignores,
        match_path=_relative_to_root(parsed, options) if options.per_file_ignores else None,
        make_finding=make_meta,
        report_foreign=report_foreign,
        never_inline=NOT_INLINE_SUPPRESSIBLE,
    )


def _relative_to_root(parsed: ParsedFile | None, options: LintOptions) -> str | None:
    """The path that per-file-ignores globs match: relative to the config's folder, not the cwd."""
    root = getattr(options.settings, "root", None)
    if parsed is None or parsed.source.abspath is None or root is None:
        return None
    try:
        return parsed.source.abspath.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return None


def lint_sources(sources: Iterable[Source], options: LintOptions) -> LintResult:
    factory = _FindingFactory(options)
    sources = list(sources)
    with _trees_kept_out_of_gc():
        # Dockerfiles need nothing from the other files for their own checks: with a second
        # process they are parsed and checked there while this one does the YAML.
        offloaded = _dockerfiles_to_offload(sources, options)
        worker = _dockerfile_worker(offloaded, options) if offloaded else None
        kept = [source for source in sources if worker is None or source.path not in worker.paths]
        parsed_files: list[Any] = [_parse_and_freeze(source, options.build_args) for source in kept]
        parsed_files += [DeferredFile(source, options.build_args) for source in offloaded]
        # Kustomizations are rendered: their objects are linted in place of the files they were
        # built from, and the findings are moved back to those files (see containerlint.kustomize).
        from containerlint.kustomize import expand_kustomizations

        kustomized = expand_kustomizations(parsed_files)
        return _lint_parsed(kustomized.parsed_files, options, factory, kustomized, worker)


def _dockerfiles_to_offload(sources: list[Source], options: LintOptions) -> list[Source]:
    from containerlint import parallel

    if options.jobs < 2 or not parallel.can_fork():
        return []
    if any(FileKind.DOCKERFILE in kinds for rule in options.rules for kinds, _ in rule.project_checks):
        return []  # a project check reads every Dockerfile (unused-stage, ShellCheck): parse them here
    dockerfiles = [s for s in sources if s.kind is FileKind.DOCKERFILE and s.text is not None and not s.skip_reason]
    if len(dockerfiles) < parallel.MIN_FILES:
        return []
    # Give the child about half of the run's work (all of the Dockerfiles at most), estimated from
    # the sizes: a byte of Dockerfile costs about three of YAML (its RUN bodies are parsed as shell).
    total = sum(_cost(source) for source in sources if source.text is not None)
    offloaded, share = [], 0.0
    for source in reversed(dockerfiles):
        if share >= total / 2:
            break
        offloaded.append(source)
        share += _cost(source)
    return offloaded[::-1]


def _cost(source: Source) -> float:
    """Rough work of one file, in bytes of YAML (see _dockerfiles_to_offload)."""
    return len(source.text or "") * (DOCKERFILE_COST if source.kind is FileKind.DOCKERFILE else 1.0)


DOCKERFILE_COST = 2.7  # measured on the benchmark corpus: ~2.5 s/MB of Dockerfile, ~0.9 s/MB of YAML


class _Worker:
    """Per-file checks and suppression directives of some files, in a forked child.

    ``work()`` returns ``(path, findings, directives)`` per file; it is run here instead when the
    child fails, so a worker can only change how fast a run is."""

    def __init__(self, paths: set[str], work: Callable[[], list[tuple[str, list[Finding], list[Any]]]]) -> None:
        from containerlint.parallel import Forked

        self.paths = paths
        self._work = work
        self._child = Forked(work)

    def results(self) -> dict[str, tuple[list[Finding], list[Any]]]:
        """Path -> (per-file findings, suppression directives)."""
        from containerlint.parallel import ChildFailed

        try:
            done = self._child.result()
        except ChildFailed:
            done = self._work()
        return {path: (findings, directives) for path, findings, directives in done}


def _dockerfile_worker(sources: list[Source], options: LintOptions) -> _Worker:
    """Parse and check these Dockerfiles in a child, from their text."""
    return _Worker({source.path for source in sources}, lambda: [_document_work(s, options) for s in sources])


def _check_one(parsed: ParsedFile, options: LintOptions, factory: _FindingFactory, kustomized: Any) -> list[Finding]:
    """The per-file checks of one parsed file, with the options that apply to it."""
    own = options.for_path(parsed.path)
    if kustomized is not None:
        own = kustomized.options_for(parsed.path, own)
    return check_document(parsed, own, factory if own is options else _FindingFactory(own))


def _parsed_files_worker(
    checked: list[ParsedFile], options: LintOptions, factory: _FindingFactory, kustomized: Any
) -> _Worker | None:
    """Check the second half (by size) of these parsed files in a child that shares their trees."""
    from containerlint import parallel

    if options.jobs < 2 or len(checked) < parallel.MIN_FILES or not parallel.can_fork():
        return None
    # Whole paths go to one side (a kustomize source file can be listed twice).
    by_path: dict[str, list[ParsedFile]] = {}
    for parsed in checked:
        by_path.setdefault(parsed.path, []).append(parsed)
    sizes = {path: sum(len(p.source.text or "") for p in group) for path, group in by_path.items()}
    half, running, offloaded = sum(sizes.values()) / 2, 0, []
    for path in by_path:
        running += sizes[path]
        if running > half:
            offloaded.extend(by_path[path])
    if not offloaded:
        return None

    def work() -> list[tuple[str, list[Finding], list[Any]]]:
        done: dict[str, list[Finding]] = {}
        for parsed in offloaded:
            done.setdefault(parsed.path, []).extend(_check_one(parsed, options, factory, kustomized))
        first = {parsed.path: parsed for parsed in reversed(offloaded)}
        return [(path, findings, directives_for(first[path])) for path, findings in done.items()]

    return _Worker({parsed.path for parsed in offloaded}, work)


def _document_work(source: Source, options: LintOptions) -> tuple[str, list[Finding], list[Any]]:
    parsed = _parse_and_freeze(source, options.build_args)
    own = options.for_path(parsed.path)
    factory = _FindingFactory(own)
    return parsed.path, check_document(parsed, own, factory), directives_for(parsed)


@contextlib.contextmanager
def _trees_kept_out_of_gc() -> Iterator[None]:
    """Parse trees live until the project checks ran; keep the cyclic GC from rescanning them.

    Every tree stays alive for the cross-file checks, so each full collection would walk all of
    them again: on 3,000 files that was two thirds of the run time. Frozen objects are still
    freed by reference counting; unfreezing at the end hands them back to the collector.
    """
    try:
        yield
    finally:
        gc.unfreeze()


def _parse_and_freeze(source: Source, build_args: Mapping[str, str]) -> ParsedFile:
    with gc_paused():  # parsing allocates in bursts; see syntax.gc_paused
        parsed = parse_source(source, build_args)
    gc.freeze()
    return parsed


def _lint_parsed(
    parsed_files: list[Any],
    options: LintOptions,
    factory: _FindingFactory,
    kustomized: Any = None,
    worker: _Worker | None = None,
) -> LintResult:
    by_path: dict[str, list[Finding]] = {}
    linted = [p for p in parsed_files if p.kind is not None or p.issues]
    # Kustomize: the files a rendered kustomization was built from get the rules about how a file
    # is written (style), the rendered objects all the others; project checks see only the latter.
    checked = linted + (kustomized.source_files if kustomized is not None else [])
    checked = [p for p in checked if not isinstance(p, DeferredFile)]  # the Dockerfile worker checks those
    # With a second process, half of the parsed YAML files get their per-file checks in a child
    # forked now, which shares the parsed trees with this process; project checks run here meanwhile.
    yaml_worker = _parsed_files_worker(checked, options, factory, kustomized)
    for parsed in checked:
        if yaml_worker is None or parsed.path not in yaml_worker.paths:
            by_path.setdefault(parsed.path, []).extend(_check_one(parsed, options, factory, kustomized))
    for finding in check_project(linted, options, factory):
        refitted = _refit(finding, options.for_path(finding.path), options)
        if refitted is not None:
            by_path.setdefault(finding.path, []).append(refitted)
    directives: dict[str, list[Any]] = {}
    for found in (worker.results() if worker else {}, yaml_worker.results() if yaml_worker else {}):
        for path, (own_findings, own_directives) in found.items():
            by_path[path] = own_findings + by_path.get(path, [])
            directives[path] = own_directives
    if kustomized is not None:  # findings on rendered kustomize output go to their source files
        by_path = kustomized.relocate(by_path)
    parsed_by_path = {p.path: p for p in linted}
    if kustomized is not None:  # the files a kustomization was built from: not linted, but suppressions apply
        parsed_by_path.update({p.path: p for p in kustomized.context_files if p.path not in parsed_by_path})
    findings: list[Finding] = []
    for path, path_findings in by_path.items():
        own = options.for_path(path)
        if own.adjust is not None:
            path_findings = [f for f in map(own.adjust, path_findings) if f is not None]
        findings.extend(suppress(parsed_by_path.get(path), path, path_findings, own, directives.get(path)))
    findings.sort(key=Finding.sort_key)
    return LintResult(
        findings=findings,
        files_checked=sum(1 for p in linted if p.kind is not None),
        rules_run=[rule.code for rule in options.rules],
    )


def _refit(finding: Finding, own: LintOptions, options: LintOptions) -> Finding | None:
    """A project check's finding on a file with options of its own: dropped if its rule is off
    for that file, else given the file's severity for it."""
    if own is options:
        return finding
    if finding.code not in {rule.code for rule in own.rules}:
        return None
    if own.severities.get(finding.code) == options.severities.get(finding.code):
        return finding  # keeps a finding's own severity (Problem.severity) when the file changes nothing
    return dataclasses.replace(finding, severity=own.severities.get(finding.code, finding.severity))


def position_after(text: str) -> Position:
    """The position just past the end of ``text`` (for spans that run to the end of a file)."""
    lines = text.split("\n")
    return Position(len(lines), len(lines[-1]) + 1)
