"""CL7057 run-as-non-root-image-user: a Kubernetes container requires ``runAsNonRoot: true`` but the
image the repository builds for it runs as root, or as a user name (not a UID) while no
``runAsUser`` is set. The kubelet refuses to start it ("container has runAsNonRoot and image will
run as root", "image has non-numeric user ..., cannot verify user is non-root").
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.builds import NON_ROOT, ROOT, built_containers, related, where
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Scalar

RULE = Rule(
    code="CL7057",
    name="run-as-non-root-image-user",
    summary="runAsNonRoot is set but the image the repository builds runs as root or as a user name",
    severity=Severity.ERROR,
    tags=("correctness", "kubernetes", "cross-file", "security"),
    options={"images": {}},
)


@RULE.check_project(FileKind.KUBERNETES)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for found in built_containers(index, settings_of(ctx.settings), ctx.options.get("images")):
        non_root = found.obj.security_setting(found.container, "runAsNonRoot")
        if not isinstance(non_root, Scalar) or non_root.as_bool() is not True:
            continue
        run_as = found.obj.security_setting(found.container, "runAsUser")
        if isinstance(run_as, Scalar) and not run_as.is_null:
            continue  # the kubelet checks runAsUser instead of the image's user
        for _, built in found.stages:
            user = built.user
            if user.state == ROOT:
                problem = f"runs as root ({'USER ' + str(user.value) if user.value else 'no USER'})"
            elif user.state == NON_ROOT and not user.numeric:
                problem = f"runs as user '{user.value}', a name the kubelet cannot verify is non-root"
            else:
                continue
            instruction = user.instruction or built.base.from_instruction
            yield Problem(
                non_root.span,
                f"{found.container.label(found.obj)} requires runAsNonRoot, but the image '{found.image.value}' "
                f"{problem} ({where(built, instruction)}): the pod will not start",
                path=found.path,
                hint="set a numeric non-root USER in the Dockerfile (USER 10001), or set runAsUser",
                related=related(built, instruction, "the image's user"),
            )
            break
