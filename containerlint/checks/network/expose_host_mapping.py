"""CL6001 expose-host-mapping: ``EXPOSE 127.0.0.1:80:80`` or ``EXPOSE 8080:80`` (BuildKit's
ExposeInvalidFormat).

EXPOSE documents the ports the container listens on; which host address and port publish them is
decided at run time (``docker run -p``). BuildKit drops the address and host port with a warning
and says this will become an error. Arguments holding variables are skipped: BuildKit checks them
after expansion, with values only a build knows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.style._support import parse_port_spec
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL6001",
    name="expose-host-mapping",
    summary="EXPOSE gives an IP address or a host port",
    severity=Severity.WARNING,
    aliases=("buildkit:ExposeInvalidFormat",),
    tags=("dockerfile", "network", "buildkit"),
)


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("EXPOSE"):
        for token in instruction.tokens:
            spec = parse_port_spec(token.value)
            if "$" in token.raw or spec is None or not spec.maps_host:
                continue
            container_port = f"{spec.port}/{spec.protocol}" if spec.protocol else spec.port
            yield Problem(
                token.span,
                f"EXPOSE should not define an IP address or host-port mapping, found '{token.value}'",
                hint=f"EXPOSE {container_port}, and publish it at run time (docker run -p {token.value})",
            )
