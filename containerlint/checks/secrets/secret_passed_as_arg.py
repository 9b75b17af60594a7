"""CL5022 secret-passed-as-arg: a RUN uses a build argument whose name says it is a secret.

``docker build --build-arg NPM_TOKEN=...`` looks like a way to hand a secret to one command, but
BuildKit records every build argument in scope, with its value, in the image history of each RUN
(``RUN |1 NPM_TOKEN=... /bin/sh -c npm ci``) and the ARG itself as ``ARG NPM_TOKEN=...``; anyone
who can pull the image can read it. A secret mount (``RUN --mount=type=secret,id=npm_token,
env=NPM_TOKEN``) gives the command the value without storing it.

Reported: each RUN of the stage, after the ``ARG``, that refers to the argument (``$NAME``,
``${NAME}``, ``${NAME:-...}``, in the command line or a heredoc), at the first reference. A RUN
whose secret mount sets an environment variable of the same name is fine. Names are judged by
``containerlint.secrets`` (``NPM_TOKEN``, ``GITHUB_TOKEN``, ``DB_PASSWORD``, ``apiKey``; not
``TOKEN_URL`` or ``PASSWORD_FILE``). Commands that read the variable without naming it (an
``.npmrc`` holding ``${NPM_TOKEN}``) are not seen; CL5002 still reports such an ARG by its name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint import secrets
from containerlint.model import FileKind, Problem, Severity, Span
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile, Instruction

RULE = Rule(
    code="CL5022",
    name="secret-passed-as-arg",
    summary="A RUN uses a secret passed as a build argument, which the image history records",
    severity=Severity.WARNING,
    tags=("dockerfile", "security", "secrets"),
)


def first_reference(instruction: Instruction, name: str) -> Span | None:
    """Where ``instruction`` (a RUN) first refers to the variable ``name``."""
    pattern = re.compile(r"\$(?:\{" + re.escape(name) + r"(?![A-Za-z0-9_])|" + re.escape(name) + r"(?![A-Za-z0-9_]))")
    match = pattern.search(instruction.args, instruction.body_offset)
    if match is not None:
        return instruction.span_of(match.start(), match.end())
    for heredoc in instruction.heredocs:
        match = pattern.search(heredoc.body)  # the shell expands it even when the delimiter is quoted
        if match is not None:
            return heredoc.span_of(match.start(), match.end())
    return None


def _secret_mount_envs(instruction: Instruction) -> set[str]:
    """Variables that a ``--mount=type=secret,env=NAME`` sets for this RUN."""
    names = set()
    for mount in instruction.flags_named("mount"):
        option = mount.options.get("env")
        if mount.mount_type == "secret" and option is not None and option.value:
            names.add(option.value)
    return names


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for stage in dockerfile.stages:
        declared: dict[str, int] = {}  # secret-named ARGs in scope -> line of their ARG
        for instruction in stage.instructions:
            if instruction.keyword == "ARG":
                for pair in instruction.key_values:
                    if secrets.is_secret_name(pair.key):
                        declared[pair.key] = instruction.line
                continue
            if instruction.keyword != "RUN" or not declared:
                continue
            mounted = _secret_mount_envs(instruction)
            for name, line in declared.items():
                span = None if name in mounted else first_reference(instruction, name)
                if span is None:
                    continue
                yield Problem(
                    span,
                    f"RUN uses the build argument {name} (ARG on line {line}); its value is recorded in the "
                    "image history, readable by anyone who can pull the image",
                    hint=f"pass it as a secret: 'RUN --mount=type=secret,id={name.lower()},env={name} ...' "
                    f"with 'docker build --secret id={name.lower()},env={name}', and drop the ARG",
                )
