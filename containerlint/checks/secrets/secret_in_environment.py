"""CL5001 secret-in-environment: a credential written as a literal environment value: a Compose
service's ``environment`` or ``build.args`` (on the merged project, ``x-`` blocks merged in
included), or a Kubernetes container's ``env[].value``.

Whatever is in these files is in the repository, in every clone and in ``docker inspect`` /
``kubectl get -o yaml``. The value itself is never printed: messages show at most its first characters.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from containerlint import secrets
from containerlint.checks.secrets._support import describe, services_phrase, written_text
from containerlint.compose_model import ComposeProject, compose_projects
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity, Span
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.compose import EnvVar
    from containerlint.syntax.kubernetes import KubernetesFile

RULE = Rule(
    code="CL5001",
    name="secret-in-environment",
    summary="A secret is committed as a literal environment value",
    severity=Severity.ERROR,
    aliases=("kube-linter:env-var-secret",),
    tags=("security", "secrets"),
)


@dataclass
class _Found:
    """One secret value as written, with every service that uses it (an anchor shared by several)."""

    path: str
    span: Span
    name: str
    value: str
    reason: str
    build_arg: bool
    services: list[str] = field(default_factory=list)


_Key = tuple[str, Span, bool]  # (file, value span, build argument?)


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project in compose_projects(index, settings_of(ctx.settings)):
        found: dict[_Key, _Found] = {}
        for service in project.model.services:
            build = service.build
            for variables, build_arg in ((service.environment, False), (build.args if build else [], True)):
                for variable in variables:
                    _collect(project, service.name, variable, build_arg, found)
        for item in found.values():
            yield _compose_problem(item)


def _collect(
    project: ComposeProject, service: str, variable: EnvVar, build_arg: bool, found: dict[_Key, _Found]
) -> None:
    if variable.value is None:
        return
    value = variable.value
    if isinstance(variable.node, Scalar):  # judged as written, before interpolation
        written = written_text(project, variable.node)
        value = written.partition("=")[2] if variable.key_node is None else written
    verdict = secrets.judge(variable.name, value)
    if verdict is None:
        return
    span = variable.value_span or variable.name_span
    path = project.origin(variable.node)
    key = (path, span, build_arg)
    if key not in found:
        found[key] = _Found(path, span, variable.name, value, verdict.reason, build_arg)
    if service not in found[key].services:
        found[key].services.append(service)


def _compose_problem(item: _Found) -> Problem:
    services = item.services
    who = services_phrase(services)
    what = describe(item.reason)
    masked = secrets.mask(item.value)
    if item.build_arg:
        return Problem(
            item.span,
            f"{who} {'passes' if len(services) == 1 else 'pass'} the build argument {item.name} as {what} "
            f"committed in the file ('{masked}')",
            path=item.path,
            hint="pass it as a build secret ('build: {secrets: [...]}' and 'RUN --mount=type=secret'); "
            "build arguments stay in the image history",
        )
    return Problem(
        item.span,
        f"{who} {'sets' if len(services) == 1 else 'set'} {item.name} to {what} committed in the file ('{masked}')",
        path=item.path,
        hint=f"use a Compose secret, or '{item.name}: ${{{item.name}}}' from the environment",
    )


@RULE.check(FileKind.KUBERNETES)
def check_kubernetes(manifest: KubernetesFile, ctx: Context) -> Iterator[Problem]:
    for obj in manifest.objects:
        for container in obj.containers:
            for variable in container.env:
                if variable.name is None or variable.value is None:
                    continue
                verdict = _judge_kubernetes(variable.name, variable.value.value)
                if verdict is None:
                    continue
                yield Problem(
                    variable.value.span,
                    f"{container.label(obj)} sets {variable.name} to {describe(verdict.reason)} committed in the "
                    f"manifest ('{secrets.mask(variable.value.value)}')",
                    hint="read it from a Secret (valueFrom.secretKeyRef), or better mount the Secret as a file",
                )


def _judge_kubernetes(name: str, value: str) -> secrets.SecretVerdict | None:
    """``secrets.judge``, plus kube-linter's reading of names: ``secret`` anywhere in the name
    (``MYSECRET``, ``appsecretvalue``) counts as the word, unless the name only describes a
    secret (``SECRET_NAME``, ``mysecret_file``)."""
    verdict = secrets.judge(name, value)
    if verdict is None and "secret" in name.lower():
        verdict = secrets.judge(name.lower().replace("secret", "_secret_"), value)
    return verdict
