"""Tests for the positioned YAML tree: spans, aliases, merges, errors and hostile input."""

from __future__ import annotations

import gc
import random
import time
from textwrap import dedent

import pytest

from containerlint.model import Position, Span
from containerlint.syntax import yamltree
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence
from containerlint.syntax.yamltree import (
    MAX_ALIAS_EXPANSION,
    MAX_NESTING_DEPTH,
    effective_pairs,
    iter_comments,
    parse_yaml,
)


def span(line: int, column: int, end_line: int, end_column: int) -> Span:
    return Span(Position(line, column), Position(end_line, end_column))


def root_of(text: str) -> Node:
    stream = parse_yaml(dedent(text))
    assert stream.issues == []
    assert len(stream.documents) == 1
    root = stream.documents[0].root
    assert root is not None
    return root


def mapping_of(text: str) -> Mapping:
    root = root_of(text)
    assert isinstance(root, Mapping)
    return root


def text_at(text: str, where: Span) -> str:
    """The source text a span covers (1-based, end exclusive)."""
    lines = text.split("\n")
    if where.start.line == where.end.line:
        return lines[where.start.line - 1][where.start.column - 1 : where.end.column - 1]
    first = lines[where.start.line - 1][where.start.column - 1 :]
    middle = lines[where.start.line : where.end.line - 1]
    last = lines[where.end.line - 1][: where.end.column - 1]
    return "\n".join([first, *middle, last])


# ---------------------------------------------------------------------------------------------
# Spans


def test_block_mapping_key_and_value_spans() -> None:
    root = mapping_of("image: nginx:1.25\nreplicas: 3\n")
    image = root.pair("image")
    assert image is not None
    assert image.key.span == span(1, 1, 1, 6)
    assert image.value.span == span(1, 8, 1, 18)
    assert root.get("replicas").span == span(2, 11, 2, 12)  # type: ignore[union-attr]
    assert root.span == span(1, 1, 2, 12)


def test_nested_block_mapping_ends_at_its_last_value_not_at_trailing_comments() -> None:
    text = "spec:\n  a: 1\n  b: two\n  # trailing comment\n\nnext: 3\n"
    root = mapping_of(text)
    spec = root.get_mapping("spec")
    assert spec is not None
    assert spec.span == span(2, 3, 3, 9)
    assert text_at(text, spec.span) == "a: 1\n  b: two"


def test_flow_collections_span_their_brackets() -> None:
    text = "a: {x: 1, y: [p, q]}\n"
    root = mapping_of(text)
    flow = root.get_mapping("a")
    assert flow is not None
    assert text_at(text, flow.span) == "{x: 1, y: [p, q]}"
    seq = flow.get_sequence("y")
    assert seq is not None
    assert text_at(text, seq.span) == "[p, q]"
    assert [text_at(text, item.span) for item in seq] == ["p", "q"]
    assert seq.items[1].span == span(1, 18, 1, 19)


def test_block_sequence_spans() -> None:
    text = "items:\n  - one\n  - two\n"
    root = mapping_of(text)
    items = root.get_sequence("items")
    assert items is not None
    assert items.span == span(2, 3, 3, 8)
    assert [item.span for item in items] == [span(2, 5, 2, 8), span(3, 5, 3, 8)]


def test_quoted_scalars_include_their_quotes_and_keep_style() -> None:
    text = "a: 'single'\nb: \"double\"\nc: plain\n"
    root = mapping_of(text)
    a, b, c = (root.get(key) for key in "abc")
    assert isinstance(a, Scalar) and isinstance(b, Scalar) and isinstance(c, Scalar)
    assert (a.value, a.style, text_at(text, a.span)) == ("single", "'", "'single'")
    assert (b.value, b.style, text_at(text, b.span)) == ("double", '"', '"double"')
    assert (c.value, c.style, c.is_plain) == ("plain", "", True)


def test_multi_line_plain_and_quoted_scalars() -> None:
    text = 'plain: first\n  second\nquoted: "one\n  two"\n'
    root = mapping_of(text)
    plain, quoted = root.get("plain"), root.get("quoted")
    assert isinstance(plain, Scalar) and isinstance(quoted, Scalar)
    assert plain.value == "first second"
    assert plain.span == span(1, 8, 2, 9)
    assert quoted.value == "one two"
    assert quoted.span == span(3, 9, 4, 7)


def test_block_scalars_end_at_their_last_text_line() -> None:
    text = "script: |\n  echo one\n\n  echo two\n\n\nfolded: >-\n  some\n  text\nafter: 1\n"
    root = mapping_of(text)
    script, folded = root.get("script"), root.get("folded")
    assert isinstance(script, Scalar) and isinstance(folded, Scalar)
    assert script.style == "|"
    assert script.value == "echo one\n\necho two\n"
    assert script.span == span(1, 9, 4, 11)
    assert folded.style == ">"
    assert folded.value == "some text"
    assert folded.span == span(7, 9, 9, 7)


def test_spans_exclude_anchor_and_tag_properties() -> None:
    text = "image: &img nginx\nreset: !reset null\nnum: !!str 123\nbase: &base\n  k: v\n"
    root = mapping_of(text)
    image, reset, num, base = (root.get(key) for key in ("image", "reset", "num", "base"))
    assert isinstance(image, Scalar) and image.anchor == "img"
    assert text_at(text, image.span) == "nginx"
    assert isinstance(reset, Scalar) and reset.tag == "!reset"
    assert text_at(text, reset.span) == "null"
    assert isinstance(num, Scalar) and num.tag == "tag:yaml.org,2002:str" and num.value == "123"
    assert isinstance(base, Mapping) and base.anchor == "base"
    assert base.span == span(5, 3, 5, 7)


def test_untagged_nodes_have_an_empty_tag() -> None:
    root = mapping_of("a: 1\nb: [x]\n")
    assert root.tag == ""
    assert root.get("a").tag == ""  # type: ignore[union-attr]


def test_empty_values_are_null_scalars_with_a_position() -> None:
    root = mapping_of("a:\nb: ~\n")
    a, b = root.get("a"), root.get("b")
    assert isinstance(a, Scalar) and a.is_null and a.span.start.line == 1
    assert isinstance(b, Scalar) and b.is_null and b.value == "~"


def test_columns_count_characters_and_crlf_lines_count_once() -> None:
    root = mapping_of("é😀: ü😀x\r\nb: 1\r\n")
    pair = root.pairs[0]
    assert pair.key.span == span(1, 1, 1, 3)
    assert pair.value.span == span(1, 5, 1, 8)
    assert root.get("b").span == span(2, 4, 2, 5)  # type: ignore[union-attr]


def test_byte_order_mark_is_not_a_column() -> None:
    stream = parse_yaml("\ufeffa: 1\n")
    root = stream.documents[0].root
    assert isinstance(root, Mapping)
    assert root.pairs[0].key.span == span(1, 1, 1, 2)
    assert stream.text.startswith("\ufeff")


def test_complex_keys_are_kept_as_nodes() -> None:
    root = mapping_of("? [a, b]\n: 1\n")
    assert isinstance(root.pairs[0].key, Sequence)
    assert root.pairs[0].key_text is None


# ---------------------------------------------------------------------------------------------
# Anchors, aliases and merge keys


def test_alias_occurrence_is_a_copy_pointing_at_the_anchored_value() -> None:
    text = "first: &shared\n  k: v\nsecond: *shared\nimage: &img nginx\nagain: *img\n"
    root = mapping_of(text)
    first, second = root.get("first"), root.get("second")
    assert isinstance(first, Mapping) and isinstance(second, Mapping)
    assert second is not first
    assert second.via_alias == "shared" and first.via_alias is None
    assert second.span == first.span
    assert second.pairs is first.pairs  # a shallow copy: children are shared
    again = root.get("again")
    assert isinstance(again, Scalar)
    assert (again.value, again.via_alias, again.span) == ("nginx", "img", span(4, 13, 4, 18))


def test_redefined_anchor_aliases_the_latest_definition() -> None:
    root = mapping_of("a: &x 1\nb: &x 2\nc: *x\n")
    c = root.get("c")
    assert isinstance(c, Scalar) and c.value == "2" and c.span.start.line == 2


def test_undefined_alias_is_reported_and_the_document_kept() -> None:
    stream = parse_yaml("a: *nope\nb: 1\n")
    (issue,) = stream.issues
    assert issue.rule == "syntax-error"
    assert issue.span == span(1, 4, 1, 9)
    assert "*nope" in issue.message
    root = stream.documents[0].root
    assert isinstance(root, Mapping) and root.get_str("b") == "1"


def test_recursive_alias_is_reported_instead_of_building_a_cycle() -> None:
    stream = parse_yaml("a: &x [1, *x]\n")
    (issue,) = stream.issues
    assert "contains it" in issue.message
    assert issue.span == span(1, 11, 1, 13)


def test_merge_key_single_source() -> None:
    text = "base: &base\n  a: 1\n  b: 2\nchild:\n  <<: *base\n  b: 3\n"
    root = mapping_of(text)
    child = root.get_mapping("child")
    assert child is not None
    assert child.get_str("a") == "1"
    assert child.get_str("b") == "3"  # explicit keys override merged ones
    assert all(pair.key_text != "<<" for pair in child.pairs)
    merged = [pair for pair in child.pairs if pair.merged]
    assert [pair.key_text for pair in merged] == ["a"]
    assert merged[0].value.span == span(2, 6, 2, 7)  # points into the anchored mapping
    assert child.keys() == ["a", "b"]


def test_merge_key_explicit_key_before_the_merge_also_wins() -> None:
    root = mapping_of("base: &base {a: 1}\nchild:\n  a: 0\n  <<: *base\n")
    child = root.get_mapping("child")
    assert child is not None and child.get_str("a") == "0"
    assert [pair.merged for pair in child.pairs] == [False]


def test_merge_key_list_first_source_wins() -> None:
    text = dedent(
        """\
        one: &one {a: 1, b: 1}
        two: &two {b: 2, c: 2}
        child:
          <<: [*one, *two]
          c: 3
        """
    )
    child = mapping_of(text).get_mapping("child")
    assert child is not None
    assert {key: child.get_str(key) for key in "abc"} == {"a": "1", "b": "1", "c": "3"}
    assert [(pair.key_text, pair.merged) for pair in child.pairs] == [
        ("a", True),
        ("b", True),
        ("c", False),
    ]


def test_merge_of_a_mapping_that_itself_merges() -> None:
    text = "a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}\n"
    c = mapping_of(text).get_mapping("c")
    assert c is not None
    assert {key: c.get_str(key) for key in "xyz"} == {"x": "1", "y": "2", "z": "3"}


def test_quoted_merge_key_is_an_ordinary_key() -> None:
    root = mapping_of("base: &b {a: 1}\nc:\n  '<<': *b\n")
    c = root.get_mapping("c")
    assert c is not None and c.keys() == ["<<"]


def test_merge_of_a_scalar_is_reported_and_kept_as_a_pair() -> None:
    stream = parse_yaml("<<: 5\nb: 1\n")
    (issue,) = stream.issues
    assert issue.rule == "syntax-error" and "merge" in issue.message
    root = stream.documents[0].root
    assert isinstance(root, Mapping) and root.keys() == ["<<", "b"]


# ---------------------------------------------------------------------------------------------
# Duplicate keys


def test_duplicate_key_is_reported_at_the_second_key_and_both_pairs_kept() -> None:
    stream = parse_yaml("name: a\nother: 1\nname: b\n")
    (issue,) = stream.issues
    assert issue.rule == "duplicate-key"
    assert issue.span == span(3, 1, 3, 5)
    assert "'name'" in issue.message and "line 1" in issue.message
    root = stream.documents[0].root
    assert isinstance(root, Mapping)
    assert [pair.key_text for pair in root.pairs] == ["name", "other", "name"]
    assert root.get_str("name") == "b"
    assert stream.documents[0].issues == [issue]


def test_duplicate_keys_in_flow_mappings_and_nested_mappings() -> None:
    stream = parse_yaml("a: {x: 1, x: 2}\nb:\n  y: 1\n  y: 2\n")
    assert [(issue.rule, issue.span.start) for issue in stream.issues] == [
        ("duplicate-key", Position(1, 11)),
        ("duplicate-key", Position(4, 3)),
    ]


def test_quoted_and_plain_spellings_of_a_key_are_duplicates() -> None:
    stream = parse_yaml("a: 1\n'a': 2\n")
    assert [issue.rule for issue in stream.issues] == ["duplicate-key"]


# ---------------------------------------------------------------------------------------------
# Documents


def test_multi_document_stream_keeps_documents_apart() -> None:
    text = "a: 1\n---\nb: 2\n---\n# just a comment\n---\n- c\n...\n"
    stream = parse_yaml(text)
    assert stream.issues == []
    assert [doc.index for doc in stream.documents] == [0, 1, 2, 3]
    roots = [doc.root for doc in stream.documents]
    assert isinstance(roots[0], Mapping) and roots[0].get_str("a") == "1"
    assert isinstance(roots[1], Mapping) and roots[1].get_str("b") == "2"
    assert roots[2] is None  # an empty document
    assert isinstance(roots[3], Sequence)
    assert stream.documents[0].span == span(1, 1, 1, 5)
    assert stream.documents[1].span == span(2, 1, 3, 5)
    assert stream.documents[3].span == span(6, 1, 8, 4)
    assert stream.roots == [roots[0], roots[1], roots[3]]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n  \n"])
def test_no_documents(text: str) -> None:
    stream = parse_yaml(text)
    assert stream.documents == [] and stream.issues == []


def test_bare_scalar_document() -> None:
    root = root_of("just a scalar")
    assert isinstance(root, Scalar) and root.value == "just a scalar"


def test_syntax_error_in_document_two_of_three() -> None:
    text = dedent(
        """\
        apiVersion: v1
        kind: A
        ---
        apiVersion: v1
        kind: B
          bad: indentation
        ---
        apiVersion: v1
        kind: C
        """
    )
    stream = parse_yaml(text)
    assert len(stream.documents) == 3
    first, broken, third = stream.documents
    assert isinstance(first.root, Mapping) and first.root.get_str("kind") == "A"
    assert isinstance(third.root, Mapping) and third.root.get_str("kind") == "C"
    assert third.root.get("kind").span == span(9, 7, 9, 8)  # type: ignore[union-attr]
    assert broken.root is None
    (issue,) = stream.issues
    assert issue.rule == "syntax-error"
    assert issue.span.start == Position(6, 6)
    assert broken.issues == [issue]
    assert broken.span.start.line == 3
    assert [doc.index for doc in stream.documents] == [0, 1, 2]


def test_errors_in_several_documents_each_get_an_issue() -> None:
    text = "a: 1\n---\nb: [1,\n---\nc: 3\n---\nd: ]\n---\ne: 5\n"
    stream = parse_yaml(text)
    kinds = [None if doc.root is None else doc.root.keys() for doc in stream.documents]  # type: ignore[union-attr]
    assert kinds == [["a"], None, ["c"], None, ["e"]]
    assert [issue.span.start.line for issue in stream.issues] == [4, 7]


def test_unterminated_quote_before_a_document_marker() -> None:
    stream = parse_yaml("'abc\n---\nx: 1\n")
    assert [doc.root is None for doc in stream.documents] == [True, False]
    assert stream.issues[0].span.start == Position(2, 1)
    assert "quoted scalar" in stream.issues[0].message


def test_error_in_the_first_and_the_last_document() -> None:
    stream = parse_yaml("a: b: c\n---\nok: 1\n--- ]\n")
    assert [doc.root is None for doc in stream.documents] == [True, False, True]
    assert [issue.span.start for issue in stream.issues] == [Position(1, 5), Position(4, 5)]


def test_yaml_1_2_that_libyaml_rejects_is_parsed_by_the_second_chance() -> None:
    text = "ports: [8080:80, 127.0.0.1:53:53/udp]\nvolumes: [data:/d]\n"
    root = mapping_of(text)
    ports = root.get_sequence("ports")
    assert ports is not None
    assert [item.value for item in ports] == ["8080:80", "127.0.0.1:53:53/udp"]  # type: ignore[attr-defined]
    assert ports.items[1].span == span(1, 18, 1, 37)


def test_second_chance_replaces_what_the_c_parser_took_from_the_chunk() -> None:
    (only,) = parse_yaml("--- |\nfoo\n").documents
    assert isinstance(only.root, Scalar) and only.root.value == "foo\n"
    stream = parse_yaml("a: 1\n...\nb: 2\n")  # a bare document after "..." (YAML 1.2)
    assert stream.issues == []
    assert [doc.root.keys() for doc in stream.documents] == [["a"], ["b"]]  # type: ignore[union-attr]


def test_failed_second_chance_keeps_the_documents_before_it() -> None:
    stream = parse_yaml("a: 1\n...\n'abc\n---\nz: 1\n")
    assert [doc.root is None for doc in stream.documents] == [False, True, False]
    (issue,) = stream.issues
    assert issue.span.start == Position(4, 1)


def test_no_second_chance_for_huge_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamltree, "_PURE_RETRY_LIMIT", 10)
    stream = parse_yaml("ports: [8080:80]\n")
    (issue,) = stream.issues
    assert issue.rule == "syntax-error" and issue.span.start == Position(1, 13)


def test_tabs_for_indentation_are_a_positioned_error() -> None:
    stream = parse_yaml("a:\n\tb: 1\n")
    (issue,) = stream.issues
    assert issue.span.start == Position(2, 1)


def test_control_characters_are_reported_and_the_rest_parses() -> None:
    stream = parse_yaml("a: 1\nb: x\x00y\n")
    (issue,) = stream.issues
    assert issue.span.start == Position(2, 5)
    assert "U+0000" in issue.message
    root = stream.documents[0].root
    assert isinstance(root, Mapping) and root.get_str("a") == "1"


# ---------------------------------------------------------------------------------------------
# Hostile input


def _billion_laughs(levels: int = 9) -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels + 1):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_quickly() -> None:
    text = "kind: ok\n---\n" + _billion_laughs(12) + "---\nkind: after\n"
    started = time.perf_counter()
    stream = parse_yaml(text)
    assert time.perf_counter() - started < 1.0
    first, bomb, after = stream.documents
    assert isinstance(first.root, Mapping) and isinstance(after.root, Mapping)
    assert bomb.root is None
    (issue,) = stream.issues
    assert issue.rule == "syntax-error"
    assert "alias expansion" in issue.message and "exceeds the limit" in issue.message
    assert issue.span.start.line == 2


def test_moderate_alias_use_is_accepted() -> None:
    stream = parse_yaml(_billion_laughs(4))  # 10^5 nodes when expanded
    assert stream.issues == []
    assert MAX_ALIAS_EXPANSION > 10**5


def test_merge_key_chain_is_bounded_too() -> None:
    # each mapping merges the previous one: quadratic pairs if nothing stopped it
    lines = ["m0: &m0 {k0: 0}"]
    lines += [f"m{i}: &m{i} {{<<: *m{i - 1}, k{i}: {i}}}" for i in range(1, 1600)]
    started = time.perf_counter()
    stream = parse_yaml("\n".join(lines))
    assert time.perf_counter() - started < 5.0
    assert stream.documents[0].root is None
    assert "exceeds the limit" in stream.issues[0].message


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "a: " + "{x: " * 10_000 + "}" * 10_000 + "\n",
        "- " * 10_000 + "x\n",
        "a: " + "[" * 200_000 + "\n",
    ],
    ids=["flow-sequences", "flow-mappings", "block-sequences", "unclosed-200k"],
)
def test_deep_nesting_is_refused_with_an_issue(text: str) -> None:
    started = time.perf_counter()
    stream = parse_yaml(text)
    assert time.perf_counter() - started < 2.0
    assert [doc.root for doc in stream.documents] == [None]
    assert stream.issues and stream.issues[0].rule == "syntax-error"


def test_nesting_limit_is_exact() -> None:
    ok = "a: " + "[" * (MAX_NESTING_DEPTH - 1) + "]" * (MAX_NESTING_DEPTH - 1) + "\n"
    too_deep = "a: " + "[" * MAX_NESTING_DEPTH + "]" * MAX_NESTING_DEPTH + "\n"
    assert parse_yaml(ok).issues == []
    (issue,) = parse_yaml(too_deep).issues
    assert issue.span.start == Position(1, 3 + MAX_NESTING_DEPTH)
    assert "nesting" in issue.message


def test_deep_document_does_not_hide_its_neighbours() -> None:
    text = "a: 1\n---\nb: " + "[" * 50_000 + "]" * 50_000 + "\n---\nc: 3\n"
    stream = parse_yaml(text)
    assert [doc.root is None for doc in stream.documents] == [False, True, False]


@pytest.mark.parametrize(
    "text",
    [
        bytes(range(256)).decode("latin-1") * 4,
        b"\xff\xfe\x00garbage\x80\x81: [\n".decode("utf-8", errors="replace"),
        "\udcff\udc80: 1\n",
        "key: value\n\t\t- tabbed\n",
        "}{][,:-?\n",
        "&a *a\n",
        "%YAML 1.1\n%TAG ! tag:x,2020:\n---\n!foo bar\n",
        "--- |\nfoo\n",
        "...\n",
    ],
)
def test_never_raises(text: str) -> None:
    stream = parse_yaml(text)
    assert isinstance(stream.documents, list)


def test_random_binary_garbage_never_raises() -> None:
    generator = random.Random(1234)
    for _ in range(50):
        data = bytes(generator.randrange(256) for _ in range(400))
        parse_yaml(data.decode("utf-8", errors="replace"))


def test_five_megabyte_file() -> None:
    document = dedent(
        """\
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web, tier: "frontend"}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.25
                  args: ["--port", "80"]
        ---
        """
    )
    text = document * (5_000_000 // len(document) + 1)
    started = time.perf_counter()
    stream = parse_yaml(text)
    elapsed = time.perf_counter() - started
    assert stream.issues == []
    assert len(stream.documents) == 5_000_000 // len(document) + 1 + 1  # last one is empty
    assert elapsed < 20  # about 2 s on a laptop; generous for slow CI machines


def test_garbage_collector_state_is_restored() -> None:
    assert gc.isenabled()
    parse_yaml("a: 1\n")
    assert gc.isenabled()
    gc.disable()
    try:
        parse_yaml("a: 1\n")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pure_python_parser_builds_the_same_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    text = dedent(
        """\
        a: &x !!map {b: 1}
        c: *x
        d: |+
          literal

        e: >-
          folded
        f: 'q'
        h:
          <<: *x
          z: 1
        ---
        - [1, 2]
        - broken: [
        """
    )
    fast = parse_yaml(text)
    monkeypatch.setattr(yamltree, "_CParser", None)
    pure = parse_yaml(text)
    assert _shape(fast) == _shape(pure)
    assert [issue.span for issue in fast.issues] == [issue.span for issue in pure.issues]


def _shape(stream: yamltree.YamlStream) -> list[object]:
    def walk(node: Node | None) -> object:
        if node is None:
            return None
        if isinstance(node, Mapping):
            pairs = [(walk(p.key), walk(p.value), p.merged) for p in node.pairs]
            return ("map", node.span, node.anchor, node.via_alias, pairs)
        if isinstance(node, Sequence):
            return ("seq", node.span, [walk(item) for item in node])
        assert isinstance(node, Scalar)
        return ("scalar", node.span, node.value, node.style, node.tag, node.via_alias)

    return [(doc.span, walk(doc.root)) for doc in stream.documents]


def test_effective_pairs_matches_mapping_lookup() -> None:
    stream = parse_yaml("base: &b {a: 1, c: 1}\nm:\n  <<: *b\n  a: 2\n  x: 1\n  x: 2\n")
    root = stream.documents[0].root
    assert isinstance(root, Mapping)
    m = root.get_mapping("m")
    assert m is not None
    pairs = effective_pairs(m)
    assert list(pairs) == m.keys()
    assert all(pairs[key] is m.pair(key) for key in pairs)


def test_performance_of_a_thousand_line_manifest() -> None:
    block = dedent(
        """\
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
          replicas: 3
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.25
                  ports:
                    - containerPort: 80
                  env:
                    - name: A
                      value: "1"
                  resources:
                    limits: {cpu: 100m, memory: 128Mi}
        ---
        """
    )
    text = block * (1000 // block.count("\n") + 1)
    parse_yaml(text)
    started = time.perf_counter()
    for _ in range(5):
        parse_yaml(text)
    assert (time.perf_counter() - started) / 5 < 0.25  # about 8 ms on a laptop


# ---------------------------------------------------------------------------------------------
# Comments


def test_iter_comments_finds_real_comments_only() -> None:
    text = dedent(
        """\
        # heading
        a: 1  # trailing
        b: "not # a comment"
        c: 'it''s # not either'
        d: value#not-a-comment
        e: it's # a comment after an apostrophe
        url: http://x/#anchor
        """
    )
    assert list(iter_comments(text)) == [
        (1, 1, "# heading"),
        (2, 7, "# trailing"),
        (6, 9, "# a comment after an apostrophe"),
    ]


def test_iter_comments_follows_multi_line_quoted_scalars() -> None:
    text = 'a: "first line\n  # still in the string\n  end" # real\n'
    assert list(iter_comments(text)) == [(3, 8, "# real")]


def test_iter_comments_skips_block_scalar_content() -> None:
    text = dedent(
        """\
        script: |  # header comment
          # part of the script
          echo hi
        # back at the top level
        items:
          - |
            # inside
          # after the block
          - key: >-
              # inside too
            other: 1  # after
        """
    )
    assert list(iter_comments(text)) == [
        (1, 12, "# header comment"),
        (4, 1, "# back at the top level"),
        (8, 3, "# after the block"),
        (11, 15, "# after"),
    ]


def test_iter_comments_in_flow_collections_and_crlf() -> None:
    text = "a: [x, '#y'] # c\r\nb: {k: v}  #d\r\n"
    assert list(iter_comments(text)) == [(1, 14, "# c"), (2, 12, "#d")]


def test_iter_comments_works_on_unparseable_text() -> None:
    assert list(iter_comments("a: [\n# c\n\tb: '\n")) == [(2, 1, "# c")]


def test_stream_issues_are_in_position_order_and_shared_with_documents() -> None:
    stream = parse_yaml("a: 1\na: 2\n---\nb: [\n---\nc: 1\nc: 2\n")
    assert [(issue.rule, issue.span.start.line) for issue in stream.issues] == [
        ("duplicate-key", 2),
        ("syntax-error", 5),
        ("duplicate-key", 7),
    ]
    assert [len(doc.issues) for doc in stream.documents] == [1, 1, 1]


def test_documents_starting_with_a_marker() -> None:
    stream = parse_yaml("---\napiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: B\n")
    assert [doc.span.start for doc in stream.documents] == [Position(1, 1), Position(4, 1)]
    assert [doc.root.get_str("kind") for doc in stream.documents] == ["A", "B"]  # type: ignore[union-attr]


def test_anchors_do_not_cross_documents() -> None:
    stream = parse_yaml("a: &x 1\n---\nb: *x\n")
    (issue,) = stream.issues
    assert issue.span.start == Position(3, 4) and "*x" in issue.message


def test_an_error_in_directive_lines_before_a_marker_ends() -> None:
    # Recovery used to go round in circles here: the failed chunk ended where the next one began,
    # at the '%' lines before '---', and parsing came back to the same place for ever.
    text = "%YAML 1.1\n%T[? AG ! t[ag:x,2020:\n---\n!foo bar\n"
    stream = parse_yaml(text)
    assert [issue.span.start for issue in stream.issues] == [Position(2, 3)]
    assert "scanning a directive" in stream.issues[0].message
    assert [doc.root for doc in stream.documents] == [None]
