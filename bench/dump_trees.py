"""Dump the syntax trees of many inputs in a canonical text form, to prove a parser change
changes nothing: run it with the old and the new code and compare.

    PYTHONPATH=/tmp/old python bench/dump_trees.py bench/corpus > /tmp/old.txt
    python bench/dump_trees.py bench/corpus > /tmp/new.txt
    cmp /tmp/old.txt /tmp/new.txt

Inputs are files and directories (Dockerfiles by name, ``*.yaml``/``*.yml`` as YAML), or JSON
lines ``{"kind": "dockerfile"|"yaml"|"shell", "text": ...}`` given with ``--jsonl`` (for instance
every text the test suite parses, recorded by wrapping the parsers). Each input is one line:
its name and a hash of its dump; ``--full`` prints the dumps themselves, to see what differs.

Everything a rule can reach is dumped, with positions: instructions, tokens, flags, pairs,
heredocs, stages, issues, and each shell script's commands, words, redirects, pipelines and the
links between commands; for YAML, documents and nodes with spans, tags, anchors and styles.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _span(span: Any) -> str:
    if span is None:
        return "-"
    return f"{span.start.line}:{span.start.column}-{span.end.line}:{span.end.column}"


def dump_script(script: Any, out: list[str], indent: str) -> None:
    if script is None:
        out.append(f"{indent}script None")
        return
    out.append(f"{indent}script err={script.has_error} at={script.error_offset} {_span(script.error_span())}")
    out.append(f"{indent}  excerpt={script.error_excerpt()!r} text={script.text!r}")
    index = {id(c): c.index for c in script.commands}
    pipes = {id(p): n for n, p in enumerate(script.pipelines)}
    for command in script.commands:
        dump_command(script, command, index, pipes, out, indent + "  ")
        unwrapped = command.unwrapped()
        if unwrapped is not command:
            dump_command(script, unwrapped, index, pipes, out, indent + "    unwrapped ")
    for pipeline in script.pipelines:
        members = [index.get(id(c)) for c in pipeline.commands]
        out.append(
            f"{indent}  pipeline {pipeline.start}-{pipeline.end} {_span(script.span_of(pipeline))} "
            f"ops={pipeline.operators} stages={pipeline.stages} neg={pipeline.negated} cmds={members}"
        )


def _word(script: Any, word: Any) -> str:
    if word is None:
        return "None"
    return f"W({word.raw!r},{word.value!r},{word.start},{word.end},{word.is_static},{_span(script.span_of(word))})"


def dump_command(script: Any, c: Any, index: dict, pipes: dict, out: list[str], indent: str) -> None:
    out.append(
        f"{indent}cmd#{c.index} {c.start}-{c.end} {_span(script.span_of(c))} program={c.program!r} "
        f"sub={c.subcommand!r} nest={c.nesting} prev={index.get(id(c.previous)) if c.previous else None} "
        f"conn={c.connector!r} pipe={pipes.get(id(c.pipeline)) if c.pipeline else None}/{c.pipeline_index}"
    )
    out.append(f"{indent}  name={_word(script, c.name)}")
    for word in c.args:
        out.append(f"{indent}  arg={_word(script, word)}")
    for a in c.assignments:
        out.append(f"{indent}  assign {a.name!r}{a.operator} {_word(script, a.value)} {a.start}-{a.end}")
    for r in c.redirects:
        out.append(f"{indent}  redirect {r.fd!r}{r.operator!r} {_word(script, r.target)} {r.start}-{r.end}")
    out.append(f"{indent}  positional={[w.value for w in c.positional()]} values={c.arg_values}")


def dump_instruction(i: Any, out: list[str], indent: str = "") -> None:
    out.append(
        f"{indent}{i.keyword} {_span(i.keyword_span)} {_span(i.span)} line={i.line} args={i.args!r} "
        f"body={i.body_offset} cmd={i.command_offset} hc={i.healthcheck_type} stage={i.stage_index} "
        f"shell={i.shell_command} posix={i.runs_posix_shell} exec={i.is_exec_form}"
    )
    whole = i.span_of(0, len(i.args))
    out.append(f"{indent}  whole={_span(whole)} pos0={i.position_at(0)} posend={i.position_at(len(i.args))}")
    for t in i.tokens:
        out.append(f"{indent}  token {t.raw!r} {t.value!r} {t.start}-{t.end} {_span(t.span)}")
    for t in i.exec_args or []:
        out.append(f"{indent}  exec {t.raw!r} {t.value!r} {t.start}-{t.end} {_span(t.span)}")
    for f in i.flags:
        out.append(
            f"{indent}  flag {f.name!r}={f.value!r} {f.start}-{f.end} {_span(f.span)} {_span(f.value_span)} "
            f"mount={f.mount_type}"
        )
        for key, o in f.options.items():
            out.append(f"{indent}    opt {key}={o.value!r} {_span(o.span)} {_span(o.value_span)}")
    for kv in i.key_values:
        out.append(
            f"{indent}  kv {kv.key!r}={kv.value!r} legacy={kv.legacy} {_span(kv.span)} {_span(kv.key_span)} "
            f"{_span(kv.value_span)}"
        )
    for h in i.heredocs:
        out.append(
            f"{indent}  heredoc {h.delimiter!r} {h.body!r} {_span(h.body_span)} q={h.quoted} t={h.strip_tabs} "
            f"{h.start}-{h.end} {_span(h.span)} term={h.terminated} interp={h.interpreter!r} "
            f"shell={h.runs_in_shell} p0={h.position_at(0)} pe={h.position_at(len(h.body))}"
        )
        dump_script(h.shell, out, indent + "    ")
    out.append(f"{indent}  command_text={i.command_text!r}")
    dump_script(i.shell, out, indent + "  ")
    for issue in i.shell_issues():
        out.append(f"{indent}  shell-issue {issue.rule} {_span(issue.span)} {issue.message!r}")
    if i.inner is not None:
        dump_instruction(i.inner, out, indent + "  inner ")


def dump_dockerfile(text: str) -> list[str]:
    from containerlint.syntax.dockerfile import parse_dockerfile

    d = parse_dockerfile(text)
    out = [f"escape={d.escape!r} lines={len(d.lines)} args={d.arg_defaults}"]
    for x in d.directives:
        out.append(f"directive {x.name} {x.value!r} {_span(x.span)} {_span(x.value_span)} {x.options()}")
    for c in d.comments:
        out.append(f"comment {c.line}:{c.column} {c.text!r} {_span(c.span)}")
    for kv in d.global_args:
        out.append(f"global {kv.key!r}={kv.value!r} {_span(kv.span)}")
    for s in d.stages:
        out.append(
            f"stage {s.index} {s.name!r} {_span(s.name_span)} {s.image!r} {_span(s.image_span)} "
            f"{s.resolved_image!r} base={s.base_stage} plat={s.platform!r} n={len(s.instructions)} "
            f"scratch={s.is_scratch} ref={s.image_ref}"
        )
    for issue in d.syntax_issues:
        out.append(f"syntax-issue {issue.rule} {_span(issue.span)} {issue.message!r}")
    for issue in d.issues:
        out.append(f"issue {issue.rule} {_span(issue.span)} {issue.message!r}")
    for i in d.instructions:
        dump_instruction(i, out)
        out.append(f"  scripts={len(i.scripts())}")
    return out


def dump_node(node: Any, out: list[str], indent: str) -> None:
    from containerlint.syntax.yamlnodes import Mapping, Scalar, Sequence

    head = f"{indent}{type(node).__name__} {_span(node.span)} tag={node.tag!r} anchor={node.anchor!r}"
    head += f" via={node.via_alias!r}"
    if isinstance(node, Scalar):
        out.append(f"{head} {node.value!r} style={node.style!r}")
    elif isinstance(node, Mapping):
        out.append(head)
        for pair in node.pairs:
            out.append(f"{indent} pair merged={pair.merged}")
            dump_node(pair.key, out, indent + "  k ")
            dump_node(pair.value, out, indent + "  v ")
    elif isinstance(node, Sequence):
        out.append(head)
        for item in node.items:
            dump_node(item, out, indent + "  - ")
    else:
        out.append(head)


def dump_yaml(text: str) -> list[str]:
    from containerlint.syntax.yamltree import iter_comments, parse_yaml

    stream = parse_yaml(text)
    out = []
    for issue in stream.issues:
        out.append(f"issue {issue.rule} {_span(issue.span)} {issue.message!r}")
    for doc in stream.documents:
        out.append(f"doc {doc.index} {_span(doc.span)} issues={len(doc.issues)}")
        if doc.root is not None:
            dump_node(doc.root, out, "  ")
    for comment in iter_comments(text):
        out.append(f"comment {comment}")
    return out


def dump_shell(text: str) -> list[str]:
    from containerlint.syntax.shell import parse_shell

    out: list[str] = []
    dump_script(parse_shell(text), out, "")
    return out


def inputs(paths: list[Path], jsonl: list[Path]) -> Iterator[tuple[str, str, str]]:
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            name = file.name.lower()
            if name.endswith((".yaml", ".yml")):
                kind = "yaml"
            elif "dockerfile" in name or "containerfile" in name:
                kind = "dockerfile"
            else:
                continue
            yield str(file), kind, file.read_text(encoding="utf-8", errors="replace")
    for path in jsonl:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            record = json.loads(line)
            yield f"{path.name}:{number}", record["kind"], record["text"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--jsonl", action="append", type=Path, default=[])
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args()
    dumpers = {"dockerfile": dump_dockerfile, "yaml": dump_yaml, "shell": dump_shell}
    for name, kind, text in inputs(args.paths, args.jsonl):
        try:
            lines = dumpers[kind](text)
        except Exception as error:  # a crash is a difference too
            lines = [f"CRASH {type(error).__name__}: {error}"]
        if args.full:
            sys.stdout.write(f"== {name}\n" + "\n".join(lines) + "\n")
        else:
            digest = hashlib.sha256("\n".join(lines).encode("utf-8", "surrogatepass")).hexdigest()[:16]
            crashed = " CRASH" if lines and lines[0].startswith("CRASH") else ""
            sys.stdout.write(f"{name} {digest}{crashed}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
