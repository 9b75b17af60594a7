"""Kubernetes schema validation: CL8010 invalid-kubernetes-schema, CL8011 removed-api-version,
CL8012 unknown-custom-resource, the schema store (containerlint.kubeschema) and the version setting.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import pytest

from containerlint import kubeschema
from containerlint.config import KubernetesSettings, Settings
from containerlint.engine import LintOptions, Source, lint_sources
from containerlint.model import FileKind, Finding
from containerlint.syntax.yamlnodes import Mapping
from containerlint.syntax.yamltree import parse_yaml
from tests.helpers import builtin_ruleset, skip_or_fail

CODES = ("CL8010", "CL8011", "CL8012")


def lint(
    files: str | Sequence[tuple[str, str]],
    version: str | None = None,
    select: Sequence[str] | None = CODES,
    locations: Sequence[str] = (),
    root: Path | None = None,
) -> list[Finding]:
    if isinstance(files, str):
        files = [("manifest.yaml", files)]
    ruleset = builtin_ruleset()
    settings = Settings(
        kubernetes=KubernetesSettings(version=version, schema_locations=tuple(locations)),
        root=root or Path.cwd(),
    )
    options = LintOptions(
        rules=ruleset.select(None if select is None else list(select)), ruleset=ruleset, settings=settings
    )
    sources = [
        Source(path=path, text=textwrap.dedent(text), kind=FileKind.KUBERNETES, explicit=True) for path, text in files
    ]
    return lint_sources(sources, options).findings


def where(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.code, f.span.start.line, f.span.start.column) for f in findings]


DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: acme/web:2.3.1
          ports:
            - {containerPort: 8080, name: http}
          env:
            - {name: MODE, value: production}
          resources:
            requests: {cpu: 100m, memory: 64Mi}
            limits: {cpu: 1, memory: 128Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: http}
          livenessProbe:
            tcpSocket: {port: 8080}
"""

VALID_OBJECTS = """\
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
    - {port: 80, targetPort: http, name: http}
    - {port: 443, targetPort: 8443, protocol: TCP, name: https}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  ingressClassName: nginx
  rules:
    - host: example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: web, port: {number: 80}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: report, image: "acme/report:1.4.0"}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 3
  maxReplicas: 10
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  minAvailable: 50%
  selector: {matchLabels: {app: web}}
---
apiVersion: flowcontrol.apiserver.k8s.io/v1
kind: FlowSchema
metadata: {name: batch}
spec:
  priorityLevelConfiguration: {name: workload-low}
  matchingPrecedence: 1000
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
type: Opaque
stringData: {user: admin}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: apps}
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [get, list]
"""


# ---------------------------------------------------------------------------------------------
# Built-in kinds


def test_valid_manifests_of_many_kinds_are_clean() -> None:
    assert lint(f"{DEPLOYMENT}---\n{VALID_OBJECTS}") == []


@pytest.mark.parametrize("version", ["1.25", "1.29", "1.31", "1.35", "1.37"])
def test_valid_deployment_is_clean_in_every_version(version: str) -> None:
    assert lint(DEPLOYMENT, version=version) == []


def test_unknown_fields_at_several_depths_with_did_you_mean() -> None:
    findings = lint(
        """\
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          lables: {app: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: acme/web:1
                  imagePullPolicyy: Always
                  ports:
                    - {containerPort: 80, protocl: TCP}
                  readinessProbe:
                    httpGet: {path: /, port: 80, shceme: HTTP}
        specs: {}
        """
    )
    assert where(findings) == [
        ("CL8010", 5, 3),
        ("CL8010", 14, 11),
        ("CL8010", 16, 35),
        ("CL8010", 18, 42),
        ("CL8010", 19, 1),
    ]
    messages = [f.message for f in findings]
    assert messages[0] == "deployment 'web': unknown field metadata.lables (did you mean 'labels'?)"
    assert messages[1] == (
        "deployment 'web': unknown field spec.template.spec.containers[0].imagePullPolicyy "
        "(did you mean 'imagePullPolicy'?)"
    )
    assert messages[2].endswith(
        "unknown field spec.template.spec.containers[0].ports[0].protocl (did you mean 'protocol'?)"
    )
    assert "readinessProbe.httpGet.shceme (did you mean 'scheme'?)" in messages[3]
    assert messages[4] == "deployment 'web': unknown field specs (did you mean 'spec'?)"
    assert all(f.severity.label == "error" for f in findings)
    # The span is the key itself.
    assert (findings[1].span.end.line, findings[1].span.end.column) == (14, 27)


def test_unknown_field_without_a_close_match_lists_the_known_ones() -> None:
    findings = lint(
        """\
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        zzz: 1
        """
    )
    assert where(findings) == [("CL8010", 4, 1)]
    assert findings[0].message == "configmap 'c': unknown field zzz"
    assert findings[0].hint is not None and "the object takes: apiVersion, binaryData, data" in findings[0].hint


def test_a_field_of_another_kind_is_unknown() -> None:
    # kube-linter's schema-validation fixture: replicas on a DaemonSet.
    findings = lint(
        """\
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          replicas: 3
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: "acme/agent:1"}]
        """
    )
    assert where(findings) == [("CL8010", 5, 3)]
    assert findings[0].message == "daemonset 'agent': unknown field spec.replicas"


def test_wrong_types_are_reported_at_the_value() -> None:
    findings = lint(
        """\
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web, tier: 3}
        spec:
          replicas: "3"
          paused: maybe
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              terminationGracePeriodSeconds: 1.5
              containers: {name: web}
        """
    )
    assert where(findings) == [
        ("CL8010", 5, 28),
        ("CL8010", 7, 13),
        ("CL8010", 8, 11),
        ("CL8010", 13, 38),
        ("CL8010", 14, 19),
    ]
    messages = [f.message.removeprefix("deployment 'web': ") for f in findings]
    assert messages == [
        "metadata.labels.tier must be a string, not an integer (3)",
        'spec.replicas must be an integer, not a string ("3")',
        'spec.paused must be a boolean, not a string ("maybe")',
        "spec.template.spec.terminationGracePeriodSeconds must be an integer, not a number (1.5)",
        "spec.template.spec.containers must be a list, not a mapping",
    ]
    assert findings[0].hint == 'quote it ("3"): Kubernetes does not turn numbers or booleans into strings'
    assert findings[1].hint == "remove the quotes: a quoted value is a string"
    assert findings[3].hint == "checked against Kubernetes 1.35"


def test_yaml_1_1_booleans_and_numbers() -> None:
    findings = lint(
        """\
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          labels: {a: yes, b: "yes", c: 0x1F, d: ~, e: !!str 5, f: 1e3}
        immutable: on
        """
    )
    assert [f.message.split(": ", 1)[1] for f in findings] == [
        "metadata.labels.a must be a string, not a boolean (true)",
        "metadata.labels.c must be a string, not an integer (31)",
        "metadata.labels.f must be a string, not a number (1000.0)",
    ]


def test_int_or_string_and_quantities_take_both() -> None:
    findings = lint(
        """\
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          ports:
            - {port: 80, targetPort: 8080}
            - {port: 81, targetPort: "http"}
            - {port: 82, targetPort: true}
            - {port: 83, targetPort: {name: x}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: c
              image: acme/c:1
              resources:
                requests: {cpu: 0.5, memory: "64Mi"}
                limits: {cpu: [1]}
        """
    )
    assert where(findings) == [("CL8010", 8, 30), ("CL8010", 9, 30), ("CL8010", 20, 23)]
    assert (
        findings[0].message
        == "service 's': spec.ports[2].targetPort must be an integer or a string, not a boolean (true)"
    )
    assert findings[1].message.endswith("spec.ports[3].targetPort must be an integer or a string, not a mapping")
    assert findings[2].message.endswith("limits.cpu must be a number or a string, not a list")


def test_missing_required_fields() -> None:
    findings = lint(
        """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - image: acme/web:1
                  ports:
                    - name: http
                - name: sidecar
                  image: acme/sidecar:1
        """
    )
    assert where(findings) == [("CL8010", 4, 1), ("CL8010", 9, 11), ("CL8010", 11, 15)]
    assert findings[0].message == "deployment 'web': spec is missing the required field 'selector'"
    assert (
        findings[1].message == "deployment 'web': spec.template.spec.containers[0] is missing the required field 'name'"
    )
    assert findings[1].hint == "add 'name'"
    assert findings[2].message.endswith("containers[0].ports[0] is missing the required field 'containerPort'")


def test_a_missing_top_level_field_is_reported_at_kind() -> None:
    findings = lint("apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: gpu}\n")
    assert where(findings) == [("CL8010", 2, 7)]
    assert findings[0].message == "deviceclass 'gpu': the object is missing the required field 'spec'"


def test_secret_and_env_values_are_masked() -> None:
    findings = lint(
        """\
        apiVersion: v1
        kind: Secret
        metadata: {name: creds}
        stringData:
          password: 84629173
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: c
              image: acme/c:1
              env:
                - {name: TOKEN, value: 55512345}
        """
    )
    assert where(findings) == [("CL8010", 5, 13), ("CL8010", 15, 32)]
    for finding in findings:
        assert "84629173" not in f"{finding.message} {finding.hint}"
        assert "55512345" not in f"{finding.message} {finding.hint}"
        assert "****" in finding.message
    assert findings[1].hint == "quote the value: Kubernetes does not turn numbers or booleans into strings"


def test_lists_multi_documents_anchors_and_merge_keys() -> None:
    findings = lint(
        """\
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: &meta {name: a, labels: {x: "1"}}
            data: {k: v}
          - apiVersion: v1
            kind: ConfigMap
            metadata: *meta
            dta: {k: v}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - &base
              name: a
              image: acme/a:1
              imagePullPolicy: Always
            - <<: *base
              name: b
              securityContext: {privilegd: true}
        """
    )
    assert where(findings) == [("CL8010", 11, 5), ("CL8010", 24, 25)]
    assert findings[0].message == "configmap 'a': unknown field dta (did you mean 'data'?)"
    assert findings[1].message.startswith("pod 'p': unknown field spec.containers[1].securityContext.privilegd")


def test_duplicate_keys_are_left_to_cl0003() -> None:
    text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: x}\ndata: {b: y}\n"
    findings = lint(text, select=["CL8010", "CL0003"])
    assert where(findings) == [("CL0003", 5, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "apiVersion: v1\nkind: ConfigMap\nmetadata: x\ndata: [1, 2]\n",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: [1]\n",
        "apiVersion: v1\nkind: Pod\nspec: {containers: [1, [2], null, {}]}\n",
        "apiVersion: v1\nkind:\n",
        "apiVersion: 5\nkind: Pod\n",
        "apiVersion: [v1]\nkind: {a: b}\n",
        "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: .inf}, {port: 0o17}]}\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {? [a, b] : c, 1: 2}\n",
    ],
)
def test_wrong_shapes_never_raise(text: str) -> None:
    findings = lint(text, select=[*CODES, "internal-error"])
    assert findings
    assert all(f.code in CODES for f in findings), [(f.code, f.message) for f in findings]


def test_empty_kind_is_reported() -> None:
    findings = lint("apiVersion: v1\nkind:\nmetadata: {name: x}\n")
    assert where(findings) == [("CL8010", 2, 1)]
    assert findings[0].message == "object 'x': kind must be a non-empty string"


def test_built_in_group_kind_or_version_that_the_version_does_not_serve() -> None:
    findings = lint(
        """\
        apiVersion: apps/v1beta3
        kind: Deployment
        metadata: {name: a}
        ---
        apiVersion: apps/v1
        kind: Deploymnet
        metadata: {name: b}
        """
    )
    assert where(findings) == [("CL8010", 1, 13), ("CL8010", 6, 7)]
    assert (
        findings[0].message
        == "deployment 'a': no schema: Kubernetes 1.35 serves Deployment as apps/v1, not apps/v1beta3"
    )
    assert findings[0].hint == "use apiVersion apps/v1"
    assert findings[1].message.endswith("has no kind Deploymnet in apps/v1 (did you mean Deployment?)")


def test_an_api_newer_than_the_target_version() -> None:
    text = "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: gpu}\nspec: {}\n"
    assert lint(text, version="1.34") == []
    findings = lint(text, version="1.31")
    assert where(findings) == [("CL8010", 1, 13)]
    assert "serves DeviceClass as resource.k8s.io/v1alpha3, not resource.k8s.io/v1" in findings[0].message


# ---------------------------------------------------------------------------------------------
# Removed API versions and the selectable version


REMOVED = """\
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: web}
spec:
  backend: {serviceName: web, servicePort: 80}
---
apiVersion: batch/v1beta1
kind: CronJob
metadata: {name: report}
spec: {}
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: web}
spec: {minAvailable: 1}
---
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: {name: restricted}
spec: {}
"""


def test_removed_api_versions_name_the_replacement() -> None:
    findings = lint(REMOVED, version="1.25")
    assert where(findings) == [("CL8011", 1, 13), ("CL8011", 7, 13), ("CL8011", 12, 13), ("CL8011", 17, 13)]
    assert findings[0].message == (
        "ingress 'web': extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use networking.k8s.io/v1 "
        "(target: Kubernetes 1.25)"
    )
    assert findings[1].message.startswith(
        "cronjob 'report': batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1"
    )
    assert "use policy/v1" in findings[2].message
    assert "PodSecurityPolicy has no replacement; use Pod Security Admission" in findings[3].message


def test_the_same_file_is_valid_for_one_version_and_not_the_next() -> None:
    text = """\
    apiVersion: autoscaling/v2beta2
    kind: HorizontalPodAutoscaler
    metadata: {name: web}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
      minReplicas: 2
      maxReplicas: 5
    ---
    apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
    kind: FlowSchema
    metadata: {name: batch}
    spec:
      priorityLevelConfiguration: {name: workload-low}
    """
    assert lint(text, version="1.25") == []
    findings = lint(text, version="1.26")
    assert where(findings) == [("CL8011", 1, 13), ("CL8011", 9, 13)]
    assert "removed in Kubernetes 1.26; use autoscaling/v2 (target: Kubernetes 1.26)" in findings[0].message
    # The schema of a served version still applies: an unknown field is found in 1.25.
    broken = text.replace("minReplicas: 2", "minReplica: 2")
    assert where(lint(broken, version="1.25")) == [("CL8010", 6, 3)]


def test_flowcontrol_v1beta3_until_1_31() -> None:
    text = (
        "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: f}\n"
        "spec: {priorityLevelConfiguration: {name: x}}\n"
    )
    assert lint(text, version="1.31") == []
    assert where(lint(text, version="1.32")) == [("CL8011", 1, 13)]


def test_removed_api_is_never_also_cl8010() -> None:
    findings = lint(REMOVED, version="1.37")
    assert {f.code for f in findings} == {"CL8011"}


# ---------------------------------------------------------------------------------------------
# Custom resources


CRD = """\
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: backups.example.com}
spec:
  group: example.com
  names: {kind: Backup, plural: backups}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [schedule]
              properties:
                schedule: {type: string, pattern: '^[0-9*/, -]+$'}
                keep: {type: integer, minimum: 1, maximum: 30}
                mode: {type: string, enum: [Full, Incremental]}
                port: {x-kubernetes-int-or-string: true}
                extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
                template:
                  {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
                note: {type: string, nullable: true}
                targets: {type: array, items: {type: string}, maxItems: 2}
            status: {type: object, x-kubernetes-preserve-unknown-fields: true}
    - name: v1beta1
      served: false
      storage: false
      schema:
        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
"""


def test_custom_resource_valid() -> None:
    cr = """\
    apiVersion: example.com/v1
    kind: Backup
    metadata: {name: nightly, labels: {app: db}}
    spec:
      schedule: "0 3 * * *"
      keep: 7
      mode: Full
      port: http
      extra: {anything: [1, 2], goes: here}
      template: {apiVersion: v1, kind: Pod, metadata: {name: x}, spec: {whatever: true}}
      note: null
      targets: [a, b]
    status: {phase: Done}
    """
    assert lint([("crd.yaml", CRD), ("backup.yaml", cr)]) == []


def test_custom_resource_invalid_fields_types_and_bounds() -> None:
    cr = """\
    apiVersion: example.com/v1
    kind: Backup
    metadata: {name: nightly, lables: {app: db}}
    spec:
      keep: "7"
      mode: full
      port: [80]
      retention: 7d
      targets: [a, b, c]
    ---
    apiVersion: example.com/v1
    kind: Backup
    metadata: {name: weekly}
    spec: {schedule: "weekly", keep: 0}
    spce: {}
    """
    findings = lint([("crd.yaml", CRD), ("backup.yaml", cr)])
    assert {f.path for f in findings} == {"backup.yaml"}
    assert where(findings) == [
        ("CL8010", 3, 27),
        ("CL8010", 4, 1),
        ("CL8010", 5, 9),
        ("CL8010", 6, 9),
        ("CL8010", 7, 9),
        ("CL8010", 8, 3),
        ("CL8010", 9, 12),
        ("CL8010", 14, 18),
        ("CL8010", 14, 34),
        ("CL8010", 15, 1),
    ]
    messages = [f.message for f in findings]
    assert messages[0] == "backup 'nightly': unknown field metadata.lables (did you mean 'labels'?)"
    assert messages[1] == "backup 'nightly': spec is missing the required field 'schedule'"
    assert messages[2] == "backup 'nightly': spec.keep must be an integer, not a string (\"7\")"
    assert (
        messages[3]
        == 'backup \'nightly\': spec.mode must be one of "Full", "Incremental", not "full" (did you mean "Full"?)'
    )
    assert messages[4].endswith("spec.port must be an integer or a string, not a list")
    assert messages[5] == "backup 'nightly': unknown field spec.retention"
    assert messages[6].endswith("spec.targets takes at most 2 items, has 3")
    assert "spec.schedule must match the pattern" in messages[7]
    assert messages[8] == "backup 'weekly': spec.keep must be at least 1, not 0"
    assert messages[9] == "backup 'weekly': unknown field spce (did you mean 'spec'?)"
    assert findings[0].hint is not None


def test_custom_resource_of_a_version_the_crd_does_not_serve() -> None:
    cr = """\
    apiVersion: example.com/v1beta1
    kind: Backup
    metadata: {name: old}
    ---
    apiVersion: example.com/v2
    kind: Backup
    metadata: {name: new}
    """
    findings = lint([("crd.yaml", CRD), ("backup.yaml", cr)])
    assert where(findings) == [("CL8010", 1, 13), ("CL8010", 5, 13)]
    assert findings[0].message == (
        "backup 'old': CustomResourceDefinition 'backups.example.com' does not serve version v1beta1; "
        "it serves example.com/v1"
    )
    assert findings[1].message.startswith(
        "backup 'new': CustomResourceDefinition 'backups.example.com' does not define version v2"
    )
    assert findings[0].related and findings[0].related[0].path == "crd.yaml"
    assert findings[0].related[0].span.start.line == 2


def test_crd_without_schema_and_v1beta1_crd() -> None:
    crds = """\
    apiVersion: apiextensions.k8s.io/v1beta1
    kind: CustomResourceDefinition
    metadata: {name: widgets.example.com}
    spec:
      group: example.com
      version: v1
      names: {kind: Widget, plural: widgets}
      validation:
        openAPIV3Schema:
          type: object
          properties:
            spec: {type: object, properties: {size: {type: integer}}}
    """
    cr = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: big}\n"
    findings = lint([("crd.yaml", crds), ("w.yaml", cr)], version="1.31")
    # The v1beta1 CRD itself is a removed API; its schema still validates the resource.
    assert [(f.path, *w) for f, w in zip(findings, where(findings), strict=True)] == [
        ("crd.yaml", "CL8011", 1, 13),
        ("w.yaml", "CL8010", 4, 14),
    ]


def test_custom_resource_without_any_schema_is_cl8012_only_when_selected() -> None:
    cr = "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: web}\nspec: {}\n"
    assert lint(cr, select=None) == []  # CL8012 is off by default
    assert lint(cr, select=["CL8010", "CL8011"]) == []
    findings = lint(cr, select=["CL8012"])
    assert where(findings) == [("CL8012", 2, 7)]
    assert findings[0].severity.label == "info"
    assert findings[0].message == (
        "servicemonitor 'web': no schema for monitoring.coreos.com/v1 ServiceMonitor, so it is not validated"
    )


def test_the_rule_is_off_by_default_and_cl8010_is_on() -> None:
    rules = {rule.code: rule for rule in builtin_ruleset()}
    assert not rules["CL8012"].default_enabled
    assert rules["CL8010"].default_enabled and rules["CL8011"].default_enabled
    assert rules["CL8010"].aliases == ("kube-linter:schema-validation",)


SERVICE_MONITOR_SCHEMA = {
    "type": "object",
    "properties": {
        "apiVersion": {"type": "string"},
        "kind": {"type": "string"},
        "metadata": {"type": "object"},
        "spec": {
            "type": "object",
            "properties": {
                "endpoints": {"type": "array", "items": {"$ref": "#/definitions/endpoint"}},
                "selector": {"type": "object"},
            },
            "required": ["selector"],
            "additionalProperties": False,
        },
    },
    "definitions": {
        "endpoint": {
            "type": "object",
            "properties": {"port": {"type": "string"}, "interval": {"type": "string"}},
            "additionalProperties": False,
        }
    },
}


@pytest.mark.parametrize(
    "layout",
    [
        "monitoring.coreos.com/servicemonitor_v1.json",  # CRDs-catalog
        "servicemonitor_v1.json",  # openapi2jsonschema
        "servicemonitor-monitoring-v1.json",  # kubeconform {kind}-{group prefix}-{version}
        "servicemonitor-monitoring.coreos.com-v1.json",
    ],
)
def test_schema_locations_in_kubeconform_and_catalog_layouts(tmp_path: Path, layout: str) -> None:
    schema = tmp_path / "schemas" / layout
    schema.parent.mkdir(parents=True, exist_ok=True)
    schema.write_text(json.dumps(SERVICE_MONITOR_SCHEMA), encoding="utf-8")
    cr = """\
    apiVersion: monitoring.coreos.com/v1
    kind: ServiceMonitor
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      endpoints:
        - {port: metrics, intervall: 30s}
    """
    findings = lint(cr, locations=["schemas"], root=tmp_path, select=CODES)
    assert where(findings) == [("CL8010", 7, 23)]
    assert (
        findings[0].message
        == "servicemonitor 'web': unknown field spec.endpoints[0].intervall (did you mean 'interval'?)"
    )
    assert findings[0].hint is not None
    clean = cr.replace("intervall", "interval")
    assert lint(clean, locations=["schemas"], root=tmp_path, select=CODES) == []
    # Without the folder, the object has no schema at all.
    assert where(lint(clean, root=tmp_path, select=CODES)) == [("CL8012", 2, 7)]


# ---------------------------------------------------------------------------------------------
# The store: versions, laziness, scalars


def test_available_versions_and_default() -> None:
    versions = kubeschema.available_versions()
    assert "1.25" in versions and "1.37" in versions
    assert versions == tuple(sorted(versions, key=lambda v: tuple(map(int, v.split(".")))))
    assert kubeschema.resolve_version(None) == kubeschema.DEFAULT_VERSION == "1.35"
    assert kubeschema.resolve_version("v1.31.4") == "1.31"


def test_unknown_version_lists_the_available_ones() -> None:
    with pytest.raises(kubeschema.UnknownKubernetesVersion) as caught:
        kubeschema.resolve_version("1.20")
    message = str(caught.value)
    assert message.startswith("no schemas for Kubernetes 1.20 in the installed kubernetes-validate package")
    assert "available versions: 1.25, 1.26" in message and "1.37" in message


def test_unknown_version_in_the_config_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from containerlint.cli import main

    (tmp_path / ".containerlint.toml").write_text('[kubernetes]\nversion = "1.19"\n', encoding="utf-8")
    (tmp_path / "m.yaml").write_text(DEPLOYMENT, encoding="utf-8")
    assert main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert ".containerlint.toml: kubernetes.version: no schemas for Kubernetes 1.19" in err


def test_store_is_lazy_and_builds_one_checker_per_kind() -> None:
    store = kubeschema.SchemaStore("1.30")
    assert "definitions" not in store.__dict__
    first = store.checker("apps/v1", "Deployment")
    assert "definitions" in store.__dict__
    assert store.checker("apps/v1", "Deployment") is first
    assert store.checker("apps/v1", "Nope") is None
    assert kubeschema.store_for("1.30") is kubeschema.store_for("1.30")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: 80", 80),
        ('a: "80"', "80"),
        ("a: '80'", "80"),
        ("a: true", True),
        ("a: Yes", True),
        ("a: off", False),
        ("a: ~", None),
        ("a: null", None),
        ("a:", None),
        ("a: 1.5", 1.5),
        ("a: 0x10", 16),
        ("a: 010", 8),
        ("a: 1_000", 1000),
        ("a: -3", -3),
        ("a: 1e3", 1000.0),
        ("a: .inf", float("inf")),
        ("a: !!str 80", "80"),
        ("a: !!int '80'", 80),
        ("a: 64Mi", "64Mi"),
        ("a: 1.2.3", "1.2.3"),
        ("a: y", "y"),
    ],
)
def test_scalar_values_follow_kubernetes_yaml(text: str, value: object) -> None:
    root = parse_yaml(text).documents[0].root
    assert kubeschema.to_data(root) == {"a": value}


# ---------------------------------------------------------------------------------------------
# Cross-check with the kubernetes-validate CLI


CROSS_CHECK = [
    ("deployment", DEPLOYMENT, True),
    (
        "unknown-field",
        DEPLOYMENT.replace("imagePullPolicy", "x").replace("      containers:", "      containerz:"),
        False,
    ),
    ("wrong-type", DEPLOYMENT.replace("replicas: 3", 'replicas: "3"'), False),
    ("missing-name", DEPLOYMENT.replace("        - name: web\n          image", "        - image"), False),
    ("int-or-string", DEPLOYMENT.replace("maxSurge: 25%", "maxSurge: 2"), True),
    ("env-number", DEPLOYMENT.replace("value: production", "value: 8080"), False),
]


@pytest.mark.parametrize(("name", "text", "valid"), CROSS_CHECK, ids=[c[0] for c in CROSS_CHECK])
def test_agrees_with_the_kubernetes_validate_cli(tmp_path: Path, name: str, text: str, valid: bool) -> None:
    cli = Path(sys.executable).parent / "kubernetes-validate"
    if not cli.exists():
        skip_or_fail("the kubernetes-validate CLI is not installed")
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    completed = subprocess.run(
        [str(cli), "--strict", "-k", "1.31", str(path)], capture_output=True, text=True, timeout=120, check=False
    )
    theirs = completed.returncode == 0
    ours = lint(text, version="1.31") == []
    assert theirs == valid, completed.stdout + completed.stderr
    assert ours == valid


def test_crd_metadata_schema_does_not_hide_object_meta_and_embedded_resources() -> None:
    crd = """\
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata: {name: jobsets.example.com}
    spec:
      group: example.com
      names: {kind: JobSet, plural: jobsets}
      scope: Namespaced
      versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                metadata: {type: object}
                spec:
                  type: object
                  properties:
                    template:
                      type: object
                      x-kubernetes-embedded-resource: true
                      properties:
                        spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
    """
    cr = """\
    apiVersion: example.com/v1
    kind: JobSet
    metadata:
      name: js
      labels: {team: data}
    spec:
      template:
        apiVersion: batch/v1
        kind: Job
        metadata: {name: inner, lables: {a: b}}
        spec: {anything: [1]}
        status: {}
    """
    findings = lint([("crd.yaml", crd), ("cr.yaml", cr)])
    assert where(findings) == [("CL8010", 10, 29), ("CL8010", 12, 5)]
    assert findings[0].message == "jobset 'js': unknown field spec.template.metadata.lables (did you mean 'labels'?)"
    assert findings[1].message == "jobset 'js': unknown field spec.template.status"


def test_kube_linter_schema_validation_behaviour_and_its_annotation() -> None:
    text = """\
    apiVersion: apps/v1
    kind: DaemonSet
    metadata: {name: ds}
    spec:
      replicas: 2
      selector: {matchLabels: {app: a}}
      template:
        metadata: {labels: {app: a}}
        spec:
          containers: [{name: a, image: "a:1"}]
    ---
    apiVersion: example.com/v1
    kind: Gadget
    metadata: {name: g}
    spec: {anything: 1}
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
      annotations:
        ignore-check.kube-linter.io/schema-validation: "generated by a tool we do not control"
    spec:
      containers: [{name: a, image: "a:1"}]
      bogus: true
    """
    findings = lint(text, select=["kube-linter:schema-validation"])
    assert [(f.code, f.span.start.line, f.suppressed) for f in findings] == [
        ("CL8010", 5, False),
        ("CL8010", 25, True),
    ]


def test_kubeconfig_and_tool_configs_are_not_api_objects() -> None:
    text = """\
    apiVersion: v1
    kind: Config
    clusters: []
    ---
    apiVersion: v1
    kind: List
    ---
    apiVersion: kustomize.config.k8s.io/v1beta1
    kind: Kustomization
    resources: [deployment.yaml]
    """
    assert lint(text) == []


def test_a_document_without_kind_or_api_version() -> None:
    text = """\
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
    ---
    apiVersion: v1
    kinds: Service
    metadata: {name: b}
    ---
    kind: Service
    metadata: {name: c}
    ---
    some: other yaml
    """
    findings = lint(text)
    assert where(findings) == [("CL8010", 6, 1), ("CL8010", 9, 1)]
    assert (
        findings[0].message
        == "document at line 5 has no kind, so it is not a Kubernetes object ('kinds' is not 'kind')"
    )
    assert findings[1].message == "document at line 9 has no apiVersion, so it is not a Kubernetes object"


def test_recursion_is_bounded() -> None:
    schema: dict[str, object] = {"type": "object"}
    schema["additionalProperties"] = schema  # any depth of nested mappings
    checker = kubeschema.SchemaChecker(schema, "urn:test", kubeschema.store_for(None).resolver)
    root = parse_yaml("a:\n" + "".join("  " * i + "a:\n" for i in range(1, 60)) + "  " * 60 + "{}\n").documents[0].root
    assert isinstance(root, Mapping)
    assert checker.validate(root) == []
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(120)
    try:
        issues = checker.validate(root)
    finally:
        sys.setrecursionlimit(limit)
    assert [issue.message for issue in issues] == ["the object is nested too deeply to be validated"]
