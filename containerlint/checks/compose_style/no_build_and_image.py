"""CL4101 no-build-and-image: a service both builds an image and names one to pull (dclint parity).

With ``build`` and ``image`` together, ``image`` is the name the built image gets, but ``docker
compose up`` first tries to *pull* that name and only builds when the pull fails, unless
``pull_policy`` says otherwise; so dclint tolerates the pair when the service sets ``pull_policy``.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.compose_style._support import projects, service_key
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL4101",
    name="no-build-and-image",
    summary="A service sets both 'build' and 'image' without a 'pull_policy'",
    severity=Severity.WARNING,
    aliases=("dclint:no-build-and-image",),
    tags=("compose", "best-practice"),
    options={"check-pull-policy": True},
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    check_pull_policy = bool(ctx.options.get("check-pull-policy", True))
    for project in projects(index, ctx):
        for service in project.model.services:
            if "build" not in service or "image" not in service:
                continue
            if check_pull_policy and "pull_policy" in service:
                continue
            node = service_key(service, "build") or service.get("build")
            if node is None:
                continue
            yield project.problem(
                node,
                f"service '{service.name}' sets both 'build' and 'image': Compose pulls the image name "
                "before building, so a same-named image in a registry can replace the local build",
                hint="drop 'image', or add 'pull_policy: build' to always build it",
            )
