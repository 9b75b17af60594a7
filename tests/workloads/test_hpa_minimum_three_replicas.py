"""CL4302 hpa-minimum-three-replicas (kube-linter hpa-minimum-three-replicas)."""

from __future__ import annotations

from tests.workloads._workloads import findings, positions

HPA = """\
apiVersion: autoscaling/{version}
kind: HorizontalPodAutoscaler
metadata:
  name: app
spec:
  scaleTargetRef: {{apiVersion: apps/v1, kind: Deployment, name: app}}
  maxReplicas: 10
{extra}"""


def test_below_minimum_at_the_value() -> None:
    got = findings(HPA.format(version="v2", extra="  minReplicas: 2\n"), "CL4302")
    assert [(line, column) for line, column, _ in got] == [(8, 16)]
    assert got[0][2].startswith("horizontalpodautoscaler 'app' may scale down to 2 replicas but at least 3")


def test_missing_min_replicas_defaults_to_one_at_spec() -> None:
    got = findings(HPA.format(version="v1", extra=""), "CL4302")
    assert [(line, column) for line, column, _ in got] == [(5, 1)]
    assert "1 replica (minReplicas is not set and defaults to 1)" in got[0][2]


def test_enough_replicas_and_every_version() -> None:
    for version in ("v1", "v2", "v2beta1", "v2beta2"):
        assert positions(HPA.format(version=version, extra="  minReplicas: 3\n"), "CL4302") == []
        assert positions(HPA.format(version=version, extra="  minReplicas: 1\n"), "CL4302") == [(8, 16)]


def test_option_other_groups_and_wrong_shapes() -> None:
    text = HPA.format(version="v2", extra="  minReplicas: 3\n")
    assert positions(text, "CL4302", **{"min-replicas": 4}) == [(8, 16)]
    other_group = HPA.format(version="v2", extra="  minReplicas: 1\n").replace("autoscaling/v2", "example.com/v1")
    assert positions(other_group, "CL4302") == []
    assert positions(HPA.format(version="v2", extra="  minReplicas: [1]\n"), "CL4302") == []
    assert positions("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec: 3\n", "CL4302") == [(3, 1)]
