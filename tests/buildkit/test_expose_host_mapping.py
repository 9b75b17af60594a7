"""BuildKit's ExposeInvalidFormat (CL6001): an IP address or host port in EXPOSE."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text


def found(text: str) -> list[tuple[int, int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=["CL6001"])
    return [(f.span.start.line, f.span.start.column, f.span.end.column) for f in findings if f.code == "CL6001"]


def test_address_and_host_port_mappings_each_reported() -> None:
    text = "FROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000\n"
    assert found(text) == [(2, 8, 23), (2, 24, 39), (2, 40, 49)]
    messages = [f.message for f in lint_text(text, FileKind.DOCKERFILE, select=["CL6001"])]
    assert messages[0] == "EXPOSE should not define an IP address or host-port mapping, found '127.0.0.1:80:80'"


def test_mapping_with_protocol_and_ranges() -> None:
    assert found("FROM scratch\nEXPOSE 8443:443/tcp 9000-9001:9000-9001/udp\n") == [(2, 8, 20), (2, 21, 44)]


def test_plain_ports_are_fine() -> None:
    assert found("FROM scratch\nEXPOSE 80 443/tcp 53/udp 8000-8010\n") == []


def test_arguments_buildkit_rejects_first_are_left_alone() -> None:
    # A bad protocol or no container port fails the build before the check runs; an empty
    # host part (":80") maps nothing.
    assert found("FROM scratch\nEXPOSE 80:80/ftp 80: :80\n") == []


def test_variables_are_left_to_the_build() -> None:
    assert found("FROM scratch\nARG HOST=8080\nEXPOSE $HOST:80\n") == []


def test_continuation_line_position() -> None:
    assert found("FROM scratch\nEXPOSE 80 \\\n  8080:80\n") == [(3, 3, 10)]
