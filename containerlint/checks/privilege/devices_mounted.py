"""CL2041 devices-mounted: a Compose service passes host devices into the container (``devices:``),
which gives it direct access to hardware and kernel drivers the container boundary does not cover.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._support import compose_services
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.yamlnodes import Mapping, Scalar, Sequence

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex

RULE = Rule(
    code="CL2041",
    name="devices-mounted",
    summary="A Compose service passes host devices into the container",
    severity=Severity.INFO,
    tags=("security", "compose"),
)


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    for project, service in compose_services(index, ctx):
        devices = service.get("devices")
        if not isinstance(devices, Sequence):
            continue
        for item in devices:
            if isinstance(item, Scalar) and not item.is_null:
                node, device = item, item.value.split(":", 1)[0]
            elif isinstance(item, Mapping) and (source := item.get_scalar("source")) is not None:
                node, device = source, source.value
            else:
                continue
            yield project.problem(
                node,
                f"service '{service.name}' passes the host device '{device}' into the container",
                hint="pass only the devices the service needs, and suppress this finding with the reason",
            )
