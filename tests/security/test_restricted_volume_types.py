"""CL2062 restricted-volume-types: PSS restricted volume types; hostPath left to host-path-volume."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.security._process import at, located, pod, run

CODE = "CL2062"


def test_each_restricted_volume_at_its_type_key() -> None:
    text = pod("""
        containers:
          - name: app
            image: acme/a:1.0
        volumes:
          - name: data
            nfs: {server: nas, path: /x}
          - name: disk
            awsElasticBlockStore: {volumeID: vol-1}
          - name: host
            hostPath: {path: /var/log}
          - name: cfg
            configMap: {name: cfg}
          - name: scratch
          - name: img
            image: {reference: "acme/data:1"}
          - name: eph
            ephemeral: {}
          - name: proj
            projected: {sources: []}
          - name: csi
            csi: {driver: x}
          - name: pvc
            persistentVolumeClaim: {claimName: c}
          - name: api
            downwardAPI: {items: []}
          - name: tmp
            emptyDir: {}
          - name: s
            secret: {secretName: s}
    """)
    assert located(run(text, FileKind.KUBERNETES, CODE)) == [
        (
            *at(text, "nfs:"),
            "deployment 'app' volume 'data' is of type 'nfs', which the restricted profile does not allow",
        ),
        (
            *at(text, "awsElasticBlockStore:"),
            "deployment 'app' volume 'disk' is of type 'awsElasticBlockStore', which the restricted profile "
            "does not allow",
        ),
    ]


def test_non_workloads_and_bad_shapes() -> None:
    text = """\
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv}
spec:
  nfs: {server: nas, path: /x}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: "a:1"}]
  volumes: {name: x, nfs: {}}
"""
    assert run(text, FileKind.KUBERNETES, CODE) == []
