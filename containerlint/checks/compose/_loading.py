"""Shared by the loading rules CL4001-CL4005: the project loader finds the problems once
(``ComposeProject.load_problems``); each rule reports those of its code."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.compose_model import compose_projects
from containerlint.config import settings_of
from containerlint.model import Problem

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.registry import Context


def loading_problems(code: str, index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    seen: set[tuple[str | None, object, str]] = set()
    for project in compose_projects(index, settings_of(ctx.settings)):
        for problem in project.problems_of(code):
            key = (problem.path, problem.span, problem.message)
            if key not in seen:  # a file shared by two projects is loaded twice
                seen.add(key)
                yield problem
