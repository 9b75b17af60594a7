"""Command line: ``containerlint [check] [PATH ...]``, ``containerlint rules``, ``containerlint explain``.

Exit codes: 0 no finding at or above the failure threshold, 1 at least one, 2 usage, configuration
or plugin error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from containerlint.__about__ import __version__

if TYPE_CHECKING:
    from containerlint.config import Settings
    from containerlint.registry import RuleSet

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("check", "rules", "explain")


class UsageError(Exception):
    """A problem with how containerlint was called or configured: exit 2 with one line."""


class _Parser(argparse.ArgumentParser):
    """argparse prints its usage block before an error; we promise one line, so raise instead."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


class _Pairing(argparse.Action):
    """Keeps --format and --output in command-line order so they can be paired."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: Any = None) -> None:
        events = getattr(namespace, "report_events", None) or []
        events.append((self.dest, values))
        namespace.report_events = events


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _add_check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint (default: .); - reads stdin")
    select = parser.add_argument_group("rule selection")
    # action="extend": a repeated flag adds to the list instead of silently replacing it.
    select.add_argument(
        "--select",
        type=_split_list,
        action="extend",
        help="only these rules (codes, prefixes, names, tags, aliases, ALL)",
    )
    select.add_argument(
        "--extend-select", type=_split_list, action="extend", default=[], help="add rules to the selection"
    )
    select.add_argument("--ignore", type=_split_list, action="extend", default=[], help="turn rules off")
    select.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "style", "never"],
        help="exit 1 at this severity or above (default: warning)",
    )
    select.add_argument(
        "--no-inline-ignores",
        action="store_true",
        help="audit mode: suppression comments and annotations are not honoured",
    )
    files = parser.add_argument_group("files")
    files.add_argument(
        "--exclude", type=_split_list, action="extend", default=[], help="more gitignore-style globs to skip"
    )
    files.add_argument("--no-gitignore", action="store_true", help="do not skip paths matched by .gitignore")
    files.add_argument("--stdin-filename", help="the path to report for standard input (its name decides the kind)")
    files.add_argument(
        "--kind", choices=["dockerfile", "compose", "kubernetes"], help="force the file kind of standard input"
    )
    files.add_argument(
        "--build-arg",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a build argument, as for docker build: Dockerfiles resolve their global ARGs (and FROM) with it",
    )
    files.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="processes to use (default 0: one per CPU; 1: everything in this process)",
    )
    config = parser.add_argument_group("configuration")
    config.add_argument("--config", type=Path, help="read this config file instead of searching for one")
    config.add_argument("--isolated", action="store_true", help="ignore every config file")
    config.add_argument(
        "--kubernetes-version",
        metavar="X.Y",
        help="validate manifests against this Kubernetes version's schemas (default: kubernetes.version, else 1.35)",
    )
    output = parser.add_argument_group("output")
    output.add_argument(
        "--format",
        action=_Pairing,
        dest="format",
        help="text (default), json, sarif, github, or a plugin's format; repeatable",
    )
    output.add_argument(
        "--output", "-o", action=_Pairing, dest="output", help="write the preceding --format to this file; repeatable"
    )
    output.add_argument(
        "--show-source", action="store_true", help="show the offending line with a caret under the span"
    )
    output.add_argument(
        "--show-suppressed", action="store_true", help="include suppressed findings (SARIF: with suppressions)"
    )
    output.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour in text output (default: auto; NO_COLOR disables)",
    )


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = _Parser(
        prog="containerlint",
        description="Lint Dockerfiles, Docker Compose files and Kubernetes manifests, together.",
        epilog="Subcommands: check (default), rules, explain CODE. Run 'containerlint rules' for the catalogue.",
    )
    parser.add_argument("--version", action="version", version=f"containerlint {__version__}")
    _add_check_arguments(parser)
    subs: dict[str, argparse.ArgumentParser] = {
        "check": _Parser(prog="containerlint check", description="Lint files (the default command)."),
        "rules": _Parser(prog="containerlint rules", description="List every rule."),
        "explain": _Parser(prog="containerlint explain", description="Show a rule's documentation."),
    }
    _add_check_arguments(subs["check"])
    subs["rules"].add_argument("--format", choices=["text", "json", "markdown"], default="text")
    subs["rules"].add_argument("--all", action="store_true", help="kept for symmetry; every rule is always listed")
    subs["explain"].add_argument("rule", metavar="CODE|NAME|ALIAS")
    return parser, subs


def run() -> None:
    """The console script: ``main``, then exit without tearing the interpreter down.

    Freeing every parse tree and module one by one took longer than writing the report on large
    runs, and nothing is left to do once the output is flushed (reports go through atomic writes
    that are complete by then)."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader left; the status is what matters now
        pass
    os._exit(code)


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    stdout = stdout or sys.stdout
    parser, subs = build_parser()
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = subs[argv[0]].parse_args(argv[1:])
            command = argv[0]
        else:
            args = parser.parse_args(argv)
            command = "check"
        if command == "rules":
            return _cmd_rules(args, stdout)
        if command == "explain":
            return _cmd_explain(args, stdout)
        return _cmd_check(args, stdin or sys.stdin, stdout)
    except SystemExit as exit_request:  # argparse: --help exits 0, usage errors exit 2
        return int(exit_request.code or 0)
    except UsageError as error:
        print(f"containerlint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("containerlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `containerlint ... | head`: the reader left; no traceback
        _silence_stdout()
        return EXIT_FINDINGS


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


# ---------------------------------------------------------------------------------------------
# Plugins and rules


def _load_ruleset() -> tuple[RuleSet, dict[str, Any]]:
    ruleset, reporters, _ = _load_plugins()
    return ruleset, reporters


def _load_plugins() -> tuple[RuleSet, dict[str, Any], Any]:
    """The rules, the reporters and the kind-detection hook (None when no plugin implements it)."""
    from containerlint.plugins import PluginError, build_manager, collect_reporters, collect_rules, detect_kind_hook

    try:
        manager = build_manager()
        return collect_rules(manager), collect_reporters(manager), detect_kind_hook(manager)
    except PluginError as error:
        raise UsageError(str(error)) from None


def _cmd_rules(args: argparse.Namespace, out: TextIO) -> int:
    from containerlint.catalogue import render_rules

    ruleset, _ = _load_ruleset()
    out.write(render_rules(ruleset, args.format))
    return EXIT_OK


def _cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    from containerlint.catalogue import explain

    ruleset, _ = _load_ruleset()
    rule = ruleset.get(args.rule)
    if rule is None:
        suggestion = ruleset.suggest(args.rule)
        hint = f" (did you mean {suggestion!r}?)" if suggestion else "; run 'containerlint rules' to list them"
        raise UsageError(f"no rule named {args.rule!r}{hint}")
    out.write(explain(rule))
    return EXIT_OK


# ---------------------------------------------------------------------------------------------
# Checking


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    if args.select is not None:
        overrides["select"] = args.select
    for key, value in (("extend-select", args.extend_select), ("ignore", args.ignore), ("exclude", args.exclude)):
        if value:
            overrides[key] = value
    if args.fail_on:
        overrides["fail-on"] = args.fail_on
    if args.no_inline_ignores:
        overrides["inline-ignores"] = False
    if args.no_gitignore:
        overrides["respect-gitignore"] = False
    if getattr(args, "kubernetes_version", None):
        overrides["kubernetes"] = {"version": args.kubernetes_version}
    if args.build_arg:
        overrides["build-args"] = args.build_arg
    return overrides


def _load_settings(args: argparse.Namespace, ruleset: RuleSet) -> Settings:
    from containerlint.config import ConfigError, load_settings, validate

    paths = [Path(p) for p in args.paths if p != "-"] or [Path.cwd()]
    start = paths[0] if paths[0].exists() else Path.cwd()
    fail_never = args.fail_on == "never"
    overrides = _overrides(args)
    if fail_never:
        overrides.pop("fail-on")
    try:
        settings = load_settings(start.resolve(), config_file=args.config, isolated=args.isolated, overrides=overrides)
        validate(settings, ruleset)
        _check_kubernetes_version(settings)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    except FileNotFoundError as error:
        raise UsageError(f"config file not found: {error.filename}") from None
    if fail_never:
        settings = _with(settings, fail_on=None)
    return settings


def _check_kubernetes_version(settings: Settings) -> None:
    """A Kubernetes version without schemas is a configuration error, whatever rules run."""
    from containerlint.config import ConfigError
    from containerlint.kubeschema import UnknownKubernetesVersion, resolve_version

    version = settings.kubernetes.version
    if version is None:
        return
    try:
        resolve_version(version)
    except UnknownKubernetesVersion as error:
        given = settings.cli_overrides.get("kubernetes")
        where = "command line" if given else str(settings.config_path or "settings")
        raise ConfigError(f"{where}: kubernetes.version: {error}") from None


def _with(settings: Settings, **changes: Any) -> Settings:
    import dataclasses

    return dataclasses.replace(settings, **changes)


def _cmd_check(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    from containerlint.engine import lint_sources
    from containerlint.registry import UnknownSelector

    ruleset, reporters, detect_kind = _load_plugins()
    targets = _report_targets(args, reporters)
    settings = _load_settings(args, ruleset)
    try:
        options = _lint_options(settings, ruleset)
    except UnknownSelector as error:
        raise UsageError(str(error)) from None
    options = _without_missing_shellcheck(options, settings, ruleset)
    sources = _sources(args, settings, stdin, detect_kind)
    if settings.config_path is None and not args.isolated:
        options = _with_hadolint_config(options, sources, ruleset)
    if args.jobs < 0:
        raise UsageError(f"--jobs must be 0 (one per CPU) or more, not {args.jobs}")
    from containerlint.parallel import default_jobs

    options = dataclasses.replace(options, jobs=args.jobs or default_jobs())
    result = lint_sources(sources, options)
    _write_reports(targets, reporters, result, options, sources, args, out)
    return _exit_code(result, options)


def _without_missing_shellcheck(options: Any, settings: Settings, ruleset: RuleSet) -> Any:
    """CL3450 runs ShellCheck. Named on its own (by code, name or an SC code) while ShellCheck is
    not installed, that is an error; selected only through ALL, a tag or a prefix, the rule is
    left out with a warning."""
    from containerlint.checks.shell.shellcheck import RULE
    from containerlint.shellcheck_runner import INSTALL_HINT, find_shellcheck

    rule = ruleset.get(RULE.code)
    if rule is None or rule not in options.rules or find_shellcheck() is not None:
        return options
    for selector in (*(settings.select or ()), *settings.extend_select):
        owner = ruleset.get(selector) or (ruleset.sub_code(selector) or (None,))[0]
        if owner is rule:
            raise UsageError(f"{selector!r} is selected but ShellCheck is not installed: {INSTALL_HINT}")
    warning = f"{rule.code} ({rule.name}) skipped: ShellCheck is not installed ({INSTALL_HINT})"
    print(f"containerlint: warning: {warning}", file=sys.stderr)
    return _with(options, rules=[enabled for enabled in options.rules if enabled is not rule])


def _with_hadolint_config(options: Any, sources: list[Any], ruleset: RuleSet) -> Any:
    """Without a config file of ours, Dockerfiles get the settings of their .hadolint.yaml."""
    from containerlint.config import ConfigError
    from containerlint.hadolint_config import hadolint_file_options

    try:
        return hadolint_file_options(options, sources, ruleset, lambda settings: _lint_options(settings, ruleset))
    except ConfigError as error:
        raise UsageError(str(error)) from None


def _lint_options(settings: Settings, ruleset: RuleSet) -> Any:
    from containerlint.config import enabled_rules, options_for, severity_for
    from containerlint.engine import LintOptions

    rules = enabled_rules(settings, ruleset)
    return LintOptions(
        rules=rules,
        ruleset=ruleset,
        severities=severity_for(settings, ruleset),
        rule_options={rule.code: options_for(settings, ruleset, rule) for rule in ruleset},
        inline_ignores=settings.inline_ignores,
        per_file_ignores=settings.per_file_ignores,
        settings=settings,
        build_args=settings.build_args,
    )


def _sources(args: argparse.Namespace, settings: Settings, stdin: TextIO, detect_kind: Any = None) -> list[Any]:
    from containerlint.discover import iter_candidates
    from containerlint.engine import read_source
    from containerlint.plugins import PluginError

    paths = args.paths or ["."]
    sources = []
    if "-" in paths:
        sources.append(_stdin_source(args, settings, stdin))
    file_paths = [Path(p) for p in paths if p != "-"]
    if not file_paths:
        return sources
    try:
        candidates = list(
            iter_candidates(
                file_paths,
                root=settings.root,
                exclude=settings.exclude,
                kinds=settings.kinds,
                respect_gitignore=settings.respect_gitignore,
                detect_kind=detect_kind,
            )
        )
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None
    except PluginError as error:  # a containerlint_detect_kind implementation failed
        raise UsageError(str(error)) from None
    for candidate in candidates:
        sources.append(
            read_source(
                candidate.path,
                _display_path(candidate.path),
                candidate.kind,
                explicit=candidate.explicit,
                skip_reason=candidate.skip_reason,
            )
        )
    return sources


def _display_path(path: Path) -> str:
    """Paths are shown relative to the working directory, as editors and code scanning expect."""
    relative = os.path.relpath(path)
    return Path(path).as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _stdin_source(args: argparse.Namespace, settings: Settings, stdin: TextIO) -> Any:
    from containerlint.discover import classify_name
    from containerlint.engine import Source, decode_text
    from containerlint.model import FileKind

    name = args.stdin_filename or "-"
    kind: FileKind | None
    if args.kind:
        kind = FileKind(args.kind)
    else:
        name_class = classify_name(Path(name).name) if args.stdin_filename else None
        kind = name_class.kind if name_class else None
        if kind is None and not _looks_like_yaml_name(name):
            raise UsageError("cannot tell the kind of standard input: give --stdin-filename or --kind")
    buffer = getattr(stdin, "buffer", None)
    issues: list[Any] = []
    text = decode_text(buffer.read(), issues) if buffer is not None else stdin.read()
    return Source(path=name, text=text, kind=kind, explicit=True, read_issues=issues)


def _looks_like_yaml_name(name: str) -> bool:
    return name.endswith((".yaml", ".yml"))


def _report_targets(args: argparse.Namespace, reporters: dict[str, Any]) -> list[tuple[str, str | None]]:
    """Pair each --format with the --output that follows it; a format without one goes to stdout."""
    targets: list[tuple[str, str | None]] = []
    for dest, value in getattr(args, "report_events", None) or []:
        if dest == "format":
            if value not in reporters:
                raise UsageError(f"unknown format {value!r} (available: {', '.join(sorted(reporters))})")
            targets.append((value, None))
        elif targets and targets[-1][1] is None:
            targets[-1] = (targets[-1][0], value)
        else:
            targets.append(("text", value))
    if not targets:
        targets.append(("text", None))
    # Compare where the files land, so that "r.json" and "./r.json" count as the same file.
    outputs = [os.path.normcase(os.path.abspath(output)) for _, output in targets if output]
    if len(outputs) != len(set(outputs)):
        raise UsageError("two reports are written to the same --output file")
    return [(fmt, output) for fmt, output in targets]


def _write_reports(
    targets: Any, reporters: Any, result: Any, options: Any, sources: Any, args: Any, out: TextIO
) -> None:
    from containerlint.reporters.base import ReportContext

    ran = [options.ruleset.get(code) for code in result.rules_run]
    texts = {source.path: source.text for source in sources if source.text is not None}
    for fmt, output in targets:
        color = _use_color(args.color, output is None and out.isatty() if hasattr(out, "isatty") else False)
        context = ReportContext(
            rules=[rule for rule in ran if rule is not None],
            # SARIF fingerprints hash the flagged line, so SARIF always gets the sources.
            sources=texts if args.show_source or fmt == "sarif" else {},
            show_source=args.show_source,
            show_suppressed=args.show_suppressed,
            color=color and output is None,
            tool_version=__version__,
            fail_on=options.settings.fail_on.label if options.settings.fail_on else "never",
        )
        if output is None:
            reporters[fmt](result, context, out)
        else:
            _write_atomically(Path(output), lambda stream, r=reporters[fmt], c=context: r(result, c, stream))


def _use_color(choice: str, is_tty: bool) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return is_tty


def _write_atomically(path: Path, write: Any) -> None:
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            write(stream)
        # mkstemp creates the file 0600; a report is an ordinary file, so honour the umask instead.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _exit_code(result: Any, options: Any) -> int:
    """1 if a finding reaches the failure threshold of its file (a .hadolint.yaml may set one)."""
    for finding in result.active:
        fail_on = options.for_path(finding.path).settings.fail_on
        if fail_on is not None and finding.severity >= fail_on:
            return EXIT_FINDINGS
    return EXIT_OK
