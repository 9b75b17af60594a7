"""CL4312 sorted-keys (kube-linter sorted-keys)."""

from __future__ import annotations

from tests.workloads._workloads import findings, positions

SORTED = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: sorted
spec:
  template:
    spec:
      containers:
        - image: nginx
          name: nginx
"""


def test_sorted_object_passes() -> None:
    assert findings(SORTED, "CL4312") == []


def test_one_finding_per_unsorted_mapping_at_the_first_key_out_of_place() -> None:
    text = """\
apiVersion: apps/v1
metadata:
  name: web
  labels: {b: 1, a: 2}
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx
"""
    got = findings(text, "CL4312")
    assert [(line, column) for line, column, _ in got] == [(2, 1), (3, 3), (4, 12), (10, 11)]
    assert got[0][2] == (
        "deployment 'web': the keys at the top level are not sorted "
        "(expected [apiVersion, kind, metadata, spec], got [apiVersion, metadata, kind, spec])"
    )
    assert "the keys at metadata are not sorted" in got[1][2]
    assert "the keys at metadata.labels are not sorted" in got[2][2]
    assert "the keys at spec.template.spec.containers[0] are not sorted" in got[3][2]
    assert positions(text, "CL4312", recursive=False) == [(2, 1)]


def test_byte_order() -> None:
    text = "apiVersion: v1\ndata:\n  Zeta: '1'\n  alpha: '2'\nkind: ConfigMap\nmetadata: {name: x}\n"
    assert findings(text, "CL4312") == []  # upper case sorts first
    text = "apiVersion: v1\ndata:\n  alpha: '2'\n  Zeta: '1'\nkind: ConfigMap\nmetadata: {name: x}\n"
    assert positions(text, "CL4312") == [(3, 3)]


def test_anchors_aliases_and_merge_keys() -> None:
    text = """\
apiVersion: v1
data: &shared
  b: '1'
  a: '2'
kind: ConfigMap
metadata:
  annotations: *shared
  labels:
    <<: *shared
    c: '3'
  name: x
"""
    # the anchored mapping once (not again through the alias); the merge reads as a key "<<"
    assert positions(text, "CL4312") == [(3, 3)]
    unsorted_merge = text.replace("    <<: *shared\n    c: '3'\n", "    c: '3'\n    <<: *shared\n")
    got = findings(unsorted_merge, "CL4312")
    assert [(line, column) for line, column, _ in got] == [(3, 3), (9, 5)]
    assert "got [c, <<]" in got[1][2]


def test_list_items_are_objects() -> None:
    text = """\
apiVersion: v1
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
  - kind: ConfigMap
    apiVersion: v1
    metadata: {name: b}
kind: List
"""
    got = findings(text, "CL4312")
    assert [(line, column) for line, column, _ in got] == [(6, 5)]
    assert got[0][2].startswith("configmap 'b': the keys at the top level are not sorted")
