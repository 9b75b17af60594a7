"""CL6013 database-port-on-all-interfaces: a Compose service publishes a database or cache port on
every host interface (no host IP, ``0.0.0.0`` or ``::``), so anyone who can reach the host can
reach the database -- and Docker's published ports bypass host firewalls such as ufw.

A port counts when its container port is a well-known database/cache port (option ``ports``) or the
service runs a database/cache image (option ``images``: repository names, matched against the last
path component or the whole path, without registry and tag). ``- "5432"`` publishes on a random
host port, still on every interface. Entries that need an unknown variable are not judged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.checks.privilege._runtime import compose_services, known
from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule
from containerlint.syntax.imageref import parse_image_ref

if TYPE_CHECKING:
    from containerlint.project import ProjectIndex
    from containerlint.syntax.compose import PortMapping, Service

# PostgreSQL, MySQL/MariaDB, MongoDB, Redis/Valkey, Memcached, Elasticsearch/OpenSearch, CouchDB,
# InfluxDB, Cassandra/Scylla, SQL Server, Oracle, CockroachDB, ClickHouse, Neo4j, ArangoDB,
# RethinkDB, etcd.
DATABASE_PORTS = [1433, 1521, 2379, 3306, 5432, 5984, 6379, 7474, 7687, 8086, 8123, 8529, 9042, 9200, 9300]
DATABASE_PORTS += [11211, 26257, 27017, 27018, 27019, 28015]

RULE = Rule(
    code="CL6013",
    name="database-port-on-all-interfaces",
    summary="A database or cache port is published on every host interface",
    severity=Severity.WARNING,
    tags=("security", "compose", "network"),
    options={
        "ports": DATABASE_PORTS,
        "images": [
            "arangodb",
            "cassandra",
            "clickhouse-server",
            "cockroach",
            "couchdb",
            "elasticsearch",
            "etcd",
            "influxdb",
            "keydb",
            "mariadb",
            "memcached",
            "mongo",
            "mongodb",
            "mssql/server",
            "mysql",
            "neo4j",
            "opensearch",
            "oracle-xe",
            "percona",
            "postgis",
            "postgres",
            "postgresql",
            "redis",
            "redis-stack-server",
            "rethinkdb",
            "scylla",
            "timescaledb",
            "valkey",
        ],
    },
)

ALL_INTERFACES = frozenset({"", "0.0.0.0", "::", "[::]"})


def database_image(service: Service, images: frozenset[str]) -> str | None:
    """The service's image text when it is a database/cache image it pulls (not one it builds)."""
    image = service.image
    text = known(image.value) if image is not None and service.build is None else None
    ref = parse_image_ref(text) if text else None
    if ref is None:
        return None
    path = ref.repository.removeprefix("library/")
    return text if path in images or path.rsplit("/", 1)[-1] in images else None


def _target_ports(port: PortMapping) -> range | None:
    text = known(port.target) if port.target is not None else None
    first, _, last = (text or "").partition("-")
    if not first.isdigit() or (last and not last.isdigit()):
        return None
    return range(int(first), int(last or first) + 1)


@RULE.check_project(FileKind.COMPOSE)
def check_compose(index: ProjectIndex, ctx: Context) -> Iterator[Problem]:
    known_ports = {int(port) for port in ctx.options.get("ports") or ()}
    images = frozenset(str(name).lower() for name in ctx.options.get("images") or ())
    for project, service in compose_services(index, ctx):
        mode_node = service.scalar("network_mode")
        mode = mode_node.value.strip() if mode_node is not None else ""
        if mode in ("host", "none") or mode.startswith(("service:", "container:")):
            continue  # no published ports in these modes (Compose ignores or rejects them)
        image = database_image(service, images)
        for port in service.ports:
            if port.error is not None:
                continue
            host_ip = known(port.host_ip or "")
            targets = _target_ports(port)
            if host_ip is None or host_ip.strip() not in ALL_INTERFACES or targets is None:
                continue
            matched = next((number for number in targets if number in known_ports), None)
            if matched is None and image is None:
                continue
            reason = f"{matched} is a database/cache port" if matched is not None else f"image '{image}'"
            published = f"host port {port.published}" if port.published else "a random host port"
            yield project.problem(
                port.published_node or port.target_node or port.node,
                f"service '{service.name}' publishes container port {port.target} ({reason}) on {published} "
                "of every host interface",
                hint=f"bind it to loopback ('127.0.0.1:{port.published or port.target}:{port.target}'), or drop "
                "the mapping and reach it over the Compose network",
            )
