"""CL7055 healthcheck-program-not-in-image: a Compose healthcheck runs a program (``curl``,
``wget``, ``pg_isready`` ...) that the image the service builds certainly does not have: the
check always fails and the container never becomes healthy.

Reported only when certain (see ``containerlint.builds.BuiltStage.has_program``): the base image
family is known to lack the program and nothing in the built stages installs or copies it in.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.builds import active_builds, related, where
from containerlint.config import settings_of
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping, Node, Scalar, Sequence

RULE = Rule(
    code="CL7055",
    name="healthcheck-program-not-in-image",
    summary="A healthcheck runs a program the built image does not have",
    severity=Severity.ERROR,
    tags=("correctness", "compose", "cross-file", "reliability"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for build in active_builds(index, settings_of(ctx.settings)):
        healthcheck = build.service.healthcheck
        found = healthcheck_program(healthcheck.get("test")) if isinstance(healthcheck, Mapping) else None
        if found is None:
            continue
        node, program = found
        built = build.built(index)
        if built is None or built.has_program(program) is not False:
            continue
        base = built.base
        image = base.resolved_image or base.image
        yield build.project.problem(
            node,
            f"service '{build.service.name}' health-checks with '{program}', which the image it builds does not "
            f"have ({where(built, base.from_instruction)} starts from '{image}' and installs no '{program}')",
            hint=f"install {program} in the Dockerfile, or check with a program the image has",
            related=related(built, base.from_instruction, f"the base image, which has no {program}"),
        )


def healthcheck_program(test: Node | None) -> tuple[Node, str] | None:
    """(node, program) a Compose healthcheck ``test`` runs: the word after ``CMD``, the first word of
    a ``CMD-SHELL`` command or a string test. None when it cannot be read (variables, a path to
    the program we cannot judge, ``NONE``)."""
    node: Node | None = None
    word = ""
    if isinstance(test, Scalar) and not test.is_null:
        node, word = test, _first_word(test.value)
    elif isinstance(test, Sequence) and len(test.items) >= 2:
        kind, first = test.items[0], test.items[1]
        if isinstance(kind, Scalar) and isinstance(first, Scalar):
            if kind.value == "CMD":
                node, word = first, first.value.strip()
            elif kind.value == "CMD-SHELL":
                node, word = first, _first_word(first.value)
    if node is None or not word or "$" in word or "=" in word:
        return None
    return node, word.rsplit("/", 1)[-1]


def _first_word(command: str) -> str:
    words = command.split()
    return words[0] if words else ""
