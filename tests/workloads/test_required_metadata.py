"""CL4309 required-annotation-email and CL4310 required-label-owner (kube-linter)."""

from __future__ import annotations

from tests.workloads._workloads import findings, positions

DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
{metadata}spec:
  template:
    metadata:
      labels: {{owner: team}}
      annotations: {{email: team@example.com}}
    spec:
      containers: []
"""


def deployment(metadata: str = "") -> str:
    return DEPLOYMENT.format(metadata=metadata)


def test_email_annotation() -> None:
    good = deployment("  annotations:\n    email: team@example.com\n")
    assert findings(good, "CL4309") == []
    got = findings(deployment(), "CL4309")  # the pod template's annotations do not count
    assert [(line, column) for line, column, _ in got] == [(3, 1)]
    assert got[0][2].startswith(
        "deployment 'app' has no annotation matching \"email=[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+\""
    )
    not_an_address = deployment("  annotations:\n    other: x\n    email: team\n")
    got = findings(not_an_address, "CL4309")
    assert [(line, column) for line, column, _ in got] == [(7, 12)]
    assert "(the value 'team' does not match)" in got[0][2]
    assert positions(deployment("  annotations:\n    other: x\n"), "CL4309") == [(5, 3)]
    assert positions(deployment("  annotations:\n    email:\n"), "CL4309") == [(6, 5)]  # null value: its key


def test_email_options_and_regex_search() -> None:
    # kube-linter's matchers search: a key containing "email" matches the default key pattern
    assert positions(deployment("  annotations:\n    owner-email: a@b.io\n"), "CL4309") == []
    text = deployment("  annotations:\n    contact: a@b.io\n")
    assert positions(text, "CL4309") == [(5, 3)]
    assert positions(text, "CL4309", key="^contact$") == []
    assert positions(text, "CL4309", key="^contact$", value="@example\\.com$") == [(6, 14)]


def test_owner_label() -> None:
    assert findings(deployment("  labels:\n    owner: payments\n"), "CL4310") == []
    got = findings(deployment("  labels:\n    app: web\n"), "CL4310")
    assert [(line, column) for line, column, _ in got] == [(5, 3)]
    assert got[0][2].startswith("deployment 'app' has no label matching \"owner=<any>\"")
    assert positions(deployment(), "CL4310") == [(3, 1)]
    # an empty value matches the default (any value) pattern
    assert positions(deployment("  labels:\n    owner: ''\n"), "CL4310") == []
    assert positions(deployment("  labels:\n    owner: bob\n"), "CL4310", value="^(payments|web)$") == [(6, 12)]
    assert positions(deployment("  labels:\n    owner: bob\n"), "CL4310", value="!^bob$") == [(6, 12)]


def test_only_workloads_and_missing_metadata() -> None:
    assert positions("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n", "CL4310") == []
    assert positions("apiVersion: v1\nkind: Pod\nspec: {}\n", "CL4310") == [(2, 7)]
    assert positions("apiVersion: v1\nkind: Pod\nspec: {}\n", "CL4309") == [(2, 7)]
