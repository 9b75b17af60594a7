"""CL4313 dnsconfig-options (kube-linter dnsconfig-options)."""

from __future__ import annotations

from tests.workloads._workloads import findings, positions, workload


def test_kube_linter_cases() -> None:
    good = workload("Deployment", "dnsConfig:\n  options:\n    - name: ndots\n      value: '2'\ncontainers: []")
    assert findings(good, "CL4313") == []
    wrong = workload("Deployment", "dnsConfig:\n  options:\n    - name: ndots\n      value: '5'\ncontainers: []")
    got = findings(wrong, "CL4313")
    assert [(line, column) for line, column, _ in got] == [(9, 9)]
    assert got[0][2] == "deployment 'app' does not set the dnsConfig option \"ndots:2\""
    no_options = workload("Deployment", "dnsConfig:\n  searches: [foo.bar]\ncontainers: []")
    got = findings(no_options, "CL4313")
    assert [(line, column) for line, column, _ in got] == [(8, 7)]
    assert got[0][2] == "deployment 'app' defines no dnsConfig options (no ndots: 2)"
    got = findings(workload("Deployment", "containers: []"), "CL4313")
    assert [(line, column) for line, column, _ in got] == [(7, 5)]
    assert got[0][2].startswith("deployment 'app' does not define a dnsConfig")


def test_options_value_as_text_and_other_kinds() -> None:
    text = workload("CronJob", "dnsConfig:\n  options: [{name: ndots, value: '3'}]\ncontainers: []")
    assert positions(text, "CL4313") == [(12, 13)]
    assert positions(text, "CL4313", value="3") == []
    assert positions(text, "CL4313", key="timeout", value="3") == [(12, 13)]
    # an option without a value (a flag like "rotate") never matches
    flag = workload("Pod", "dnsConfig:\n  options: [{name: ndots}]\ncontainers: []")
    assert positions(flag, "CL4313") == [(7, 5)]
    empty = workload("Pod", "dnsConfig:\n  options: []\ncontainers: []")
    assert positions(empty, "CL4313") == [(7, 5)]
    assert positions("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n", "CL4313") == []
