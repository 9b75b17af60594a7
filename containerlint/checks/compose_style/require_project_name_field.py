"""CL4107 require-project-name-field: the project has no top-level ``name``.

Without it the project is named after its folder, so the same files checked out under another name
create another set of containers, networks and volumes. Checked per project (the base file, its
override files and ``COMPOSE_PROJECT_NAME`` together), not per file: an override file needs no name.
"""

from __future__ import annotations

from collections.abc import Iterator

from containerlint.checks.compose_style._support import projects, written_pairs
from containerlint.model import FileKind, Problem, Severity
from containerlint.project import ProjectIndex
from containerlint.registry import Context, Rule

RULE = Rule(
    code="CL4107",
    name="require-project-name-field",
    summary="The Compose project does not set a top-level 'name'",
    severity=Severity.INFO,
    aliases=("dclint:require-project-name-field",),
    tags=("compose", "best-practice"),
    default_enabled=False,
)


@RULE.check_project(FileKind.COMPOSE)
def check_project(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project in projects(index, ctx):
        if project.model.name is not None or project.environment.get("COMPOSE_PROJECT_NAME"):
            continue
        if any(view.get("name") is not None for view in project.views.values()):
            continue
        first = project.files[0]
        view = project.views.get(first)
        pairs = written_pairs(view.root) if view is not None and view.root is not None else []
        if not pairs:
            continue  # an empty or unreadable file: nothing to name yet (CL0001 reports what is wrong)
        yield Problem(
            pairs[0].key.span,
            "the project sets no top-level 'name', so it is named after its folder",
            path=first,
            hint="add a top-level 'name: <project>' to the main Compose file",
        )
