"""CL4209 job-ttl-seconds-after-finished: a standalone Job without ttlSecondsAfterFinished, or a
CronJob whose job template sets it (kube-linter job-ttl-seconds-after-finished)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.reliability._support import key_at, object_anchor, present
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL4209",
    name="job-ttl-seconds-after-finished",
    summary="A standalone Job sets no ttlSecondsAfterFinished, or a CronJob's job template sets one",
    severity=Severity.WARNING,
    aliases=("kube-linter:job-ttl-seconds-after-finished",),
    tags=("kubernetes", "reliability", "jobs"),
)

FIELD = "ttlSecondsAfterFinished"
CRONJOB_JOB_SPEC = ("spec", "jobTemplate", "spec")


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifests: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifests.objects:
        if obj.kind == "Job" and present(obj.spec, FIELD) is None:
            spec_key = key_at(obj.node, ("spec",))
            yield Problem(
                spec_key.span if spec_key is not None else object_anchor(obj),
                f"{obj.describe()} sets no {FIELD}: the finished Job and its pods stay in the cluster "
                "until someone deletes them",
                hint=f"set spec.{FIELD} (for example 3600) so the Job is cleaned up after it finishes",
            )
        elif obj.kind == "CronJob":
            job_spec = obj.spec.get_mapping("jobTemplate") if obj.spec is not None else None
            job_spec = job_spec.get_mapping("spec") if job_spec is not None else None
            if present(job_spec, FIELD) is None:
                continue
            key = key_at(obj.node, (*CRONJOB_JOB_SPEC, FIELD))
            yield Problem(
                (key or obj.node).span,
                f"{obj.describe()} sets {FIELD} on its job template, which competes with the CronJob's "
                "successfulJobsHistoryLimit and failedJobsHistoryLimit: the stricter one removes finished Jobs",
                hint=f"remove jobTemplate.spec.{FIELD} and tune the CronJob's history limits instead",
            )
