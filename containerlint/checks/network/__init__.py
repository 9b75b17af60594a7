"""CL6xxx: networking (ports, exposure)."""

RULE_MODULES: tuple[str, ...] = (
    "expose_host_mapping",
    # CL6010-CL6029: container and published ports
    "privileged_ports",
    "ssh_port",
    "host_port",
    "database_port_on_all_interfaces",
)
